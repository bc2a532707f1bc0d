import Foundation
import Parley
import Testing

/// Coding as PETRARCH-2's dictionary semantics call for, on hand-parsed sentences with a small lexicon.
@Suite struct PetrarchSemanticsTests {
    func coder(intentFromModality: Bool) throws -> EventCoder {
        var configuration = EventCoder.Configuration(requireDyad: true)
        configuration.intentFromModality = intentFromModality
        return EventCoder(
            lexicon: try VerbLexicon.parse(testLexiconText, file: "test-verbs.txt"),
            codebook: try EventCodebook.bundled(), configuration: configuration)
    }

    static let willProvide =
        "Pakistan/Pakistan/PROPN/3/nsubj will/will/AUX/3/aux provide/provide/VERB/0/root aid/aid/NOUN/3/obj "
        + "to/to/ADP/6/case Afghanistan/Afghanistan/PROPN/3/obl ././PUNCT/3/punct"

    @Test func aFutureActIsAnIntentByDefault() throws {
        var document = try parsedDocument(Self.willProvide, actors: [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        try coder(intentFromModality: true).process(&document)
        #expect(triples(document).map(\.description) == ["PAK→AFG 033"])
    }

    @Test func importedCodesAreEmittedAsWrittenForAFutureAct() throws {
        var document = try parsedDocument(Self.willProvide, actors: [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        try coder(intentFromModality: false).process(&document)
        #expect(triples(document).map(\.description) == ["PAK→AFG 070"])
        #expect(document.events.first?.modality.future == true)
    }

    static func saidPeopleWere(_ verb: String) -> String {
        "The/the/DET/2/det observatory/observatory/NOUN/3/nsubj said/say/VERB/0/root people/people/NOUN/6/nsubj:pass "
            + "were/be/AUX/6/aux:pass \(verb)/VERB/3/ccomp by/by/ADP/9/case government/government/NOUN/9/compound "
            + "forces/force/NOUN/6/obl ././PUNCT/3/punct"
    }

    static let accusation = "verb kill => 190\n  word kill\ntransform T1: a (b . attack) say => a b 112\n"
    func transformingCoder() throws -> EventCoder {
        var configuration = EventCoder.Configuration()
        configuration.transformsByCode = true
        return EventCoder(
            lexicon: try VerbLexicon.parse(testLexiconText + "\n" + Self.accusation, file: "test-verbs.txt"),
            codebook: try EventCodebook.bundled(), configuration: configuration)
    }

    static let parties = [("observatory", "SYRNGO"), ("people", "SYRCVL"), ("government forces", "SYRMIL")]

    @Test func aTransformationsVerbStandsForItsCode() throws {
        var document = try parsedDocument(Self.saidPeopleWere("killed/kill"), actors: Self.parties)
        var byName = document
        try transformingCoder().process(&document)
        #expect(triples(document).map(\.description) == ["SYRNGO→SYRMIL 112"])
        // By default only the verb's name counts: "killed" is reported with its own code.
        try testCoder(adding: Self.accusation).process(&byName)
        #expect(triples(byName).map(\.description) == ["SYRMIL→SYRCVL 190"])
        #expect(document.events.first?.evidence.entries.contains { $0.contains("transform T1") } == true)
    }

    @Test func aVerbWithAnotherCodeIsNotTransformed() throws {
        var document = try parsedDocument(Self.saidPeopleWere("arrested/arrest"), actors: Self.parties)
        try transformingCoder().process(&document)
        #expect(triples(document).map(\.description) == ["SYRMIL→SYRCVL 173"])
    }

    @Test(arguments: [
        (
            "Bree/Bree/PROPN/4/compound Prime/Prime/PROPN/3/compound Minister/Minister/PROPN/4/compound "
                + "Romendacil/Romendacil/PROPN/5/nsubj attacked/attack/VERB/0/root Eriador/Eriador/PROPN/5/obj",
            [("Bree Prime Minister", "BREGOV"), ("Romendacil", "BRE"), ("Eriador", "ERI")], "BREGOV→ERI 190"
        ),
        (
            "Ithilen/Ithilen/PROPN/4/nmod:poss 's/'s/PART/1/case minister/minister/NOUN/4/compound "
                + "Calimehtar/Calimehtar/PROPN/5/nsubj attacked/attack/VERB/0/root Eriador/Eriador/PROPN/5/obj",
            [("Ithilen", "ITH"), ("minister", "GOV"), ("Calimehtar", "CAL"), ("Eriador", "ERI")], "ITHGOV→ERI 190"
        ),
        (
            "Gondor/Gondor/PROPN/2/compound Romendacil/Romendacil/PROPN/3/nsubj attacked/attack/VERB/0/root "
                + "Eriador/Eriador/PROPN/3/obj",
            [("Gondor", "GON"), ("Romendacil", "BRE"), ("Eriador", "ERI")], "BRE→ERI 190"
        ),
    ])
    func aTitledNameTakesTheTitlesAgent(words: String, actors: [(String, String)], expected: String) throws {
        var document = try parsedDocument(words, actors: actors)
        try testCoder().process(&document)
        #expect(triples(document).map(\.description) == [expected])
    }

    @Test func namedSubjectsOfOneVerbAreCoordinated() throws {
        var document = try parsedDocument(
            "Mordor/Mordor/PROPN/6/nsubj ,/,/PUNCT/3/punct Rohan/Rohan/PROPN/6/nsubj and/and/CCONJ/5/cc "
                + "Bree/Bree/PROPN/3/conj attacked/attack/VERB/0/root Eriador/Eriador/PROPN/6/obj",
            actors: [("Mordor", "MOR"), ("Rohan", "ROH"), ("Bree", "BRE"), ("Eriador", "ERI")])
        try testCoder().process(&document)
        let event = try #require(document.events.first)
        #expect(event.source.map(\.code).sorted() == ["BRE", "MOR", "ROH"])
        #expect(event.target.map(\.code) == ["ERI"])
    }

    @Test func aModifiersConjunctsAreTargetsToo() throws {
        var document = try parsedDocument(
            "Fornost/Fornost/PROPN/2/nsubj attacked/attack/VERB/0/root positions/position/NOUN/2/obj "
                + "of/of/ADP/5/case Eriador/Eriador/PROPN/3/nmod and/and/CCONJ/7/cc Osgiliath/Osgiliath/PROPN/5/conj",
            actors: [("Fornost", "FOR"), ("Eriador", "ERI"), ("Osgiliath", "OSG")])
        try testCoder().process(&document)
        let event = try #require(document.events.first)
        #expect(event.source.map(\.code) == ["FOR"])
        #expect(event.target.map(\.code) == ["ERI", "OSG"])
    }
}
