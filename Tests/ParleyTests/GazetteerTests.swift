import Foundation
import Parley
import ParleyTesting
import Testing

@Suite struct GazetteerTests {
    let gazetteer: Gazetteer
    let warnings: [Diagnostic]

    init() throws {
        let aliases = [
            PlaceAlias(name: "Old Upper Province", target: "NL.01"), PlaceAlias(name: "NLand", target: "NL"),
            PlaceAlias(name: "Kestrel Town", target: "9300005"), PlaceAlias(name: "Nowhere", target: "XX.99"),
        ]
        var configuration = GazetteerBuilder.Configuration()
        configuration.admin2Countries = ["NL"]
        let (data, warnings) = try GazetteerBuilder(configuration: configuration).build(
            from: fixtureURL("gazetteer"), aliases: aliases)
        gazetteer = try Gazetteer(data: data)
        self.warnings = warnings
    }

    @Test func findsCitiesWithTheirRegion() throws {
        let rivertown = try #require(gazetteer.places(named: "RIVERTOWN").first)
        #expect(rivertown.country == "NL")
        #expect(rivertown.admin1Code == "NL.01")
        #expect(rivertown.admin1Name == "Upper Province")
        #expect(rivertown.population == 900_000)
        #expect(rivertown.featureClass == .city)
        #expect(abs((rivertown.latitude ?? 0) - 10.0) < 0.0001)
    }

    @Test func ranksAmbiguousNamesByPopulation() {
        #expect(gazetteer.places(named: "Millbrook").map(\.country) == ["NL", "SL"])
    }

    @Test func knowsRegionsCountriesAndAliases() throws {
        #expect(gazetteer.places(named: "Mill").first?.featureClass == .admin2)
        #expect(gazetteer.places(named: "Upper Province").first?.adminCode == "NL.01")
        #expect(gazetteer.places(named: "Old Upper Province").first?.adminCode == "NL.01")
        #expect(gazetteer.places(named: "Northlandia").first?.country3 == "NLD")
        #expect(gazetteer.places(named: "NLand").first?.country3 == "NLD")
        #expect(gazetteer.places(named: "Kestrel Town").first?.name == "Kestrel")
        #expect(gazetteer.country3(forISO2: "SL") == "SLD")
    }

    @Test func prefersMainNamesOverAlternates() {
        #expect(gazetteer.places(named: "River Town").map(\.name) == ["Rivertown"])
    }

    @Test func warnsAboutAnUnknownAliasTarget() {
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("XX.99") == true)
    }

    @Test func votesForTheArticlesCountryFromPlaces() throws {
        let lexicon = try LexiconReader().read([fixtureURL("sample.lex")])
        var configuration = ActorRecognizer.Configuration()
        configuration.gazetteer = gazetteer
        let recognizer = ActorRecognizer(dictionary: ActorDictionary(lexicon: lexicon), configuration: configuration)
        var document = Document(id: "t", text: "Police arrested protesters in Millbrook near Kestrel on Friday.")
        try Tokenizer().process(&document)
        try SentenceSegmenter().process(&document)
        try recognizer.process(&document)
        // Kestrel is only in Southland, so the ambiguous Millbrook follows it.
        #expect(recognizer.homeCountry(of: document, mentions: document.actors) == "SLD")
        #expect(document.actors.map(\.code) == ["SLDCOP", "SLDOPP"])
    }
}
