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
        let rivertown = try #require(gazetteer.candidates(for: "RIVERTOWN").first)
        #expect(rivertown.country == "NL")
        #expect(rivertown.admin1Code == "NL.01")
        #expect(rivertown.admin1Name == "Upper Province")
        #expect(rivertown.population == 900_000)
        #expect(rivertown.featureClass == .city)
        #expect(abs((rivertown.latitude ?? 0) - 10.0) < 0.0001)
    }

    @Test func findsKeysThatShareTheirFirstBytes() {
        // "Mill", "Millbrook", "Mill District" share a bucket; so do "River Town" and "Rivertown".
        #expect(gazetteer.contains(folded: "mill"))
        #expect(gazetteer.contains(folded: "millbrook"))
        #expect(gazetteer.contains(folded: "mill district"))
        #expect(gazetteer.contains(folded: "river town"))
        #expect(gazetteer.contains(folded: "rivertown"))
        #expect(!gazetteer.contains(folded: "millb"))
        #expect(!gazetteer.contains(folded: "mi"))
        #expect(!gazetteer.contains(folded: "m"))
        #expect(!gazetteer.contains(folded: ""))
        #expect(!gazetteer.contains(folded: "zzz"))
        #expect(!gazetteer.contains(folded: "\u{FF}\u{FF}"))
    }

    @Test func ranksAmbiguousNamesByPopulation() {
        #expect(gazetteer.candidates(for: "Millbrook").map(\.country) == ["NL", "SL"])
    }

    @Test func knowsRegionsCountriesAndAliases() throws {
        #expect(gazetteer.candidates(for: "Mill").first?.featureClass == .admin2)
        #expect(gazetteer.candidates(for: "Upper Province").first?.adminCode == "NL.01")
        #expect(gazetteer.candidates(for: "Old Upper Province").first?.adminCode == "NL.01")
        #expect(gazetteer.candidates(for: "Northlandia").first?.country3 == "NLD")
        #expect(gazetteer.candidates(for: "NLand").first?.country3 == "NLD")
        #expect(gazetteer.candidates(for: "Kestrel Town").first?.name == "Kestrel")
        #expect(gazetteer.country3(forISO2: "SL") == "SLD")
    }

    @Test func districtsTakeTheCoordinatesOfTheirSameNamedTown() throws {
        let ferry = try #require(gazetteer.candidates(for: "Ferry District").first { $0.featureClass == .admin2 })
        #expect(abs((ferry.latitude ?? 0) - 10.5) < 0.0001)  // the Ferry of its own region, not the one abroad
        #expect(gazetteer.candidates(for: "Mill").first?.latitude == nil)
    }

    @Test func smallTownsKeepAlternateNamesOnlyInTheConfiguredCountries() throws {
        #expect(gazetteer.candidates(for: "Kestrelle").isEmpty)
        var configuration = GazetteerBuilder.Configuration()
        configuration.alternateNameCountries = ["SL"]
        let (data, _) = try GazetteerBuilder(configuration: configuration).build(from: fixtureURL("gazetteer"), aliases: [])
        #expect(try Gazetteer(data: data).candidates(for: "Kestrelle").first?.name == "Kestrel")
    }

    @Test func placesInNepalKnowTheirFormerDevelopmentRegion() throws {
        var configuration = GazetteerBuilder.Configuration()
        configuration.admin2Countries = ["NP"]
        let (data, _) = try GazetteerBuilder(configuration: configuration).build(from: fixtureURL("gazetteer"), aliases: [])
        let nepal = try Gazetteer(data: data)
        // A town takes the region of the nearest district seat.
        let town = try #require(nepal.candidates(for: "Lekhnath").first)
        #expect(town.formerAdmin1Name == "Western Development Region")
        #expect(town.admin1Name == "Gandaki")
        // A district without a same-named town takes its seat's coordinates.
        let district = try #require(nepal.candidates(for: "Kaski").first { $0.featureClass == .admin2 })
        #expect(district.formerAdmin1Name == "Western Development Region")
        #expect(abs((district.latitude ?? 0) - 28.26) < 0.0001)
        // A province keeps a former region only when all its districts lay in one.
        #expect(nepal.candidates(for: "Gandaki").first?.formerAdmin1Name == "Western Development Region")
        #expect(try #require(nepal.candidates(for: "Madhesh").first).formerAdmin1Name == nil)
        #expect(nepal.candidates(for: "Rivertown").first?.formerAdmin1Name == nil)
    }

    @Test func prefersMainNamesOverAlternates() {
        #expect(gazetteer.candidates(for: "River Town").map(\.name) == ["Rivertown"])
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
