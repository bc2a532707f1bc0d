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
}
