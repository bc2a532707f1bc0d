import Foundation
import Parley
import ParleyTesting
import Testing

@Suite struct ActorRecognizerTests {
    let recognizer: ActorRecognizer

    init() throws {
        let lexicon = try LexiconReader().read([fixtureURL("sample.lex")])
        recognizer = ActorRecognizer(dictionary: ActorDictionary(lexicon: lexicon))
    }

    func recognize(_ text: String, on day: Day? = nil) throws -> Document {
        var document = Document(id: "t", text: text, metadata: ArticleMetadata(published: day))
        try Tokenizer().process(&document)
        try SentenceSegmenter().process(&document)
        try recognizer.process(&document)
        return document
    }

    @Test func sameNameOnTwoDatesGivesTwoCodes() throws {
        let before = try recognize("The Red Wolves attacked a post.", on: Day(year: 2019, month: 5, day: 1))
        let after = try recognize("The Red Wolves attacked a post.", on: Day(year: 2021, month: 5, day: 1))
        #expect(before.actors.map(\.code) == ["SLDINS"])
        #expect(after.actors.map(\.code) == ["SLDGOV"])
    }

    @Test(arguments: [
        ("The Northlandian delegation arrived.", "Northlandian delegation", "NLDGOV"),
        ("Southlandian forces crossed the river.", "Southlandian forces", "SLDMIL"),
        ("Northland's delegation left.", "Northland's delegation", "NLDGOV"),
        ("The Red Wolves regime refused.", "Red Wolves regime", "SLDGOV"),
        ("Red Wolves forces fired.", "Red Wolves forces", "SLDMIL"),
        ("the head of Southlandian intelligence spoke.", "the head of Southlandian intelligence", "SLDSPY"),
        ("The government of Northland agreed.", "government of Northland", "NLDGOV"),
        ("Forces of the Red Wolves fired.", "Forces of the Red Wolves", "SLDMIL"),
    ])
    func composesCountryAndAgent(text: String, mention: String, code: String) throws {
        let document = try recognize(text, on: Day(year: 2024, month: 1, day: 1))
        #expect(document.actors.map(\.text) == [mention])
        #expect(document.actors.map(\.code) == [code])
    }

    @Test(arguments: [
        ("NORTHLAND: Southlandian forces crossed the river.", ["SLDMIL"]),
        ("NORTHLAND (Wire) - Southlandian forces crossed the river.", ["SLDMIL"]),
        ("NORTHLAND — Southlandian forces crossed the river.", ["SLDMIL"]),
        ("NORTHLAND AGREES TO TALKS WITH SOUTHLAND", ["NLD", "SLD"]),
        ("Northland: Southlandian forces crossed the river.", ["NLD", "SLDMIL"]),
    ])
    func aDatelineNamesNoParty(text: String, codes: [String]) throws {
        let document = try recognize(text, on: Day(year: 2024, month: 1, day: 1))
        #expect(document.actors.compactMap(\.code) == codes)
    }

    @Test func aNonStateActorKeepsItsCodeWithAnAgent() throws {
        let document = try recognize("Red Wolves forces fired.", on: Day(year: 2019, month: 1, day: 1))
        #expect(document.actors.map(\.code) == ["SLDINS"])
    }

    @Test func titleJoinsAKnownPerson() throws {
        let document = try recognize("Defence Minister Anna Maria Berg spoke.", on: Day(year: 2024, month: 1, day: 1))
        #expect(document.actors.map(\.text) == ["Defence Minister Anna Maria Berg"])
        #expect(document.actors.map(\.code) == ["NLDGOV"])
        #expect(document.actors.first?.isPerson == true)
    }

    @Test func titleIntroducesAnUnknownPerson() throws {
        let document = try recognize("Then Information Minister Karl Ostrem resigned.")
        #expect(document.actors.map(\.text) == ["Information Minister Karl Ostrem"])
        #expect(document.actors.first?.isPerson == true)
        #expect(document.actors.first?.code == "GOV")
    }

    @Test func resolvesLaterMentionsToTheirAntecedent() throws {
        let text =
            "Defence Minister Anna Maria Berg met the Southlandian delegation. Berg said talks went well. "
            + "The defence minister warned Harbourcity. He said more."
        let document = try recognize(text, on: Day(year: 2024, month: 1, day: 1))
        let byText = Dictionary(document.actors.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
        #expect(byText["Berg"]?.antecedent == 0)
        #expect(byText["Berg"]?.code == "NLDGOV")
        #expect(byText["defence minister"]?.antecedent == 0)
        #expect(byText["defence minister"]?.code == "NLDGOV")
        #expect(byText["He"]?.antecedent == 0)
        #expect(byText["Harbourcity"]?.code == "SLDGOV")
    }

    @Test(arguments: [
        ("Northland said its forces crossed the river.", "NLDMIL"),
        ("Southland warned Rivertown. Their police arrested two men.", "NLDCOP"),
        ("The Red Wolves said their forces would fight.", "SLDMIL"),
    ])
    func aPossessivePronounGivesTheAgentItsAntecedentsCountry(text: String, code: String) throws {
        let document = try recognize(text, on: Day(year: 2024, month: 1, day: 1))
        let agent = try #require(document.actors.last)
        #expect(agent.code == code)
        #expect(agent.entry?.contains("→") == true)
    }

    @Test func aPossessivePronounPrefersTheSubjectOfItsSentence() throws {
        var document = try recognize("Northland accused Southland and said its forces would respond.")
        document = withSubject(document, subject: "Northland", verb: "accused")
        try recognizer.process(&document)
        #expect(document.actors.last?.code == "NLDMIL")
    }

    @Test func aPossessivePronounWithNoActorBeforeItStaysAnAgent() throws {
        let document = try recognize("Its forces crossed the river.")
        #expect(document.actors.map(\.code) == ["MIL"])
    }

    /// Marks a word as the subject of the verb after it, as a parser would.
    func withSubject(_ document: Document, subject: String, verb: String) -> Document {
        var parsed = document
        guard let s = parsed.tokens.firstIndex(where: { $0.form == subject }),
            let v = parsed.tokens.firstIndex(where: { $0.form == verb })
        else { return parsed }
        parsed.tokens[s].head = v
        parsed.tokens[s].relation = "nsubj"
        parsed.tokens[v].upos = "VERB"
        parsed.tokens[v].relation = "root"
        return parsed
    }

    @Test func aCountrySubjectIsTheGovernmentTheArticleNames() throws {
        let text = "Harbourcity sent envoys. Southland rejected the offer. Troops entered Southland."
        var document = Document(
            id: "t", text: text, metadata: ArticleMetadata(published: Day(year: 2024, month: 1, day: 1)))
        try Tokenizer().process(&document)
        try SentenceSegmenter().process(&document)
        document = withSubject(document, subject: "Southland", verb: "rejected")
        try recognizer.process(&document)
        #expect(document.actors.map(\.text) == ["Harbourcity", "Southland", "Southland"])
        #expect(document.actors.map(\.code) == ["SLDGOV", "SLDGOV", "SLD"])
    }

    @Test(arguments: ["Southland rejected the offer.", "Southland rejected the offer, Harbourcity said."])
    func aCountrySubjectStaysTheCountryWithoutAGovernmentNamedElsewhere(text: String) throws {
        var document = Document(id: "t", text: text)
        try Tokenizer().process(&document)
        try SentenceSegmenter().process(&document)
        document = withSubject(document, subject: "Southland", verb: "rejected")
        try recognizer.process(&document)
        #expect(document.actors.first?.code == "SLD")
    }

    @Test func aCapitalAfterALocativeIsAPlace() throws {
        let document = try recognize("Talks were held in Rivertown. Rivertown rejected the offer.")
        #expect(document.actors.map(\.text) == ["Rivertown"])
        #expect(document.actors.first?.range.lowerBound ?? 0 > 20)
    }

    @Test func acronymsNeedTheirCapitals() throws {
        #expect(try recognize("RW fighters left.").actors.map(\.text) == ["RW"])
        #expect(try recognize("rw is not a name.").actors.isEmpty)
    }

    @Test func pluralAgentsMatch() throws {
        let document = try recognize("Northlandian protesters marched.")
        #expect(document.actors.map(\.code) == ["NLDOPP"])
    }

    @Test(arguments: [
        "", "Minister", "He said.", "the of Northland", "Information Minister Northland Red Wolves forces of the of",
        "Berg Berg Berg he he he", "Defence Minister Anna Maria Berg Anna Maria Berg Northland’s’s delegation",
        "of of of Northland's", "Red-Wolves-backed Northlandian-led forces", "\u{1F600} Northland \u{0301}",
    ])
    func oddInputNeverCrashes(text: String) throws {
        let document = try recognize(text, on: Day(year: 2024, month: 1, day: 1))
        for mention in document.actors {
            #expect(mention.span.tokens.lowerBound < mention.span.tokens.upperBound)
            #expect(mention.antecedent.map { $0 < document.actors.count } ?? true)
        }
    }
}
