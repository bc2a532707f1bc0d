import Foundation
import Parley
import Testing

@Suite struct EventArgumentsTests {
    let nouns = NounClasses([
        "villager": .person, "gunman": .person, "police": .group, "village": .location, "official": .person,
        "protester": .person, "man": .person,
    ])

    func coder(allowMissingSource: Bool = false) throws -> EventCoder {
        EventCoder(
            lexicon: try VerbLexicon.parse(testLexiconText, file: "test-verbs.txt"),
            codebook: try EventCodebook.bundled(),
            configuration: EventCoder.Configuration(allowMissingSource: allowMissingSource),
            participants: ParticipantFinder(nouns: nouns))
    }

    @Test func anUncodedTargetKeepsItsWordsAndSpanButNoCode() throws {
        var document = try parsedDocument(
            "Gondor/Gondor/PROPN/2/nsubj attacked/attack/VERB/0/root three/three/NUM/4/nummod "
                + "villagers/villager/NOUN/2/obj ././PUNCT/2/punct",
            actors: [("Gondor", "GON")])
        try coder().process(&document)
        let event = try #require(document.events.first)
        #expect(event.source.map(\.code) == ["GON"])
        #expect(event.target.isEmpty)
        #expect(event.uncodedTarget?.map(\.text) == ["three villagers"])
        #expect(event.uncodedTarget?.first?.tokens == 2..<4)
        #expect(event.evidence.target.map { String(document.text(in: $0)) } == "three villagers")
    }

    @Test func anUncodedSourceIsKeptWhenEventsWithoutACodedSourceAre() throws {
        var document = try parsedDocument(
            "Unknown/unknown/ADJ/2/amod gunmen/gunman/NOUN/3/nsubj attacked/attack/VERB/0/root "
                + "Gondor/Gondor/PROPN/3/obj ././PUNCT/3/punct",
            actors: [("Gondor", "GON")])
        try coder(allowMissingSource: true).process(&document)
        let event = try #require(document.events.first)
        #expect(event.source.isEmpty)
        #expect(event.uncodedSource?.map(\.text) == ["Unknown gunmen"])
        #expect(event.target.map(\.code) == ["GON"])
        // The default drops an event with no coded source, as before.
        var strict = try parsedDocument(
            "Unknown/unknown/ADJ/2/amod gunmen/gunman/NOUN/3/nsubj attacked/attack/VERB/0/root "
                + "Gondor/Gondor/PROPN/3/obj ././PUNCT/3/punct",
            actors: [("Gondor", "GON")])
        try coder().process(&strict)
        #expect(strict.events.isEmpty)
    }

    @Test func eachConjunctIsItsOwnUncodedParticipant() throws {
        var document = try parsedDocument(
            "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root protesters/protester/NOUN/2/obj "
                + "and/and/CCONJ/5/cc officials/official/NOUN/3/conj ././PUNCT/2/punct",
            actors: [("Police", "GONCOP")])
        try coder().process(&document)
        let event = try #require(document.events.first)
        #expect(event.uncodedTarget?.map(\.text) == ["protesters", "officials"])
    }

    @Test func theParseFindsACodedSourceTheMentionRulesMiss() throws {
        // "Two villagers were attacked when Gondor shelled the village": no "by" agent, but the when-clause
        // names who acted.
        var document = try parsedDocument(
            "Two/two/NUM/2/nummod villagers/villager/NOUN/4/nsubj:pass were/be/AUX/4/aux:pass "
                + "attacked/attack/VERB/0/root when/when/SCONJ/7/mark Gondor/Gondor/PROPN/7/nsubj "
                + "shelled/shell/VERB/4/advcl the/the/DET/9/det village/village/NOUN/7/obj ././PUNCT/4/punct",
            actors: [("Gondor", "GON")])
        try coder().process(&document)
        let event = try #require(document.events.first { $0.cameo == "190" })
        #expect(event.source.map(\.code) == ["GON"])
        #expect(event.uncodedTarget?.map(\.text) == ["Two villagers"])
        #expect(event.evidence.entries.contains { $0.hasPrefix("rule source: parse") })
    }

    @Test func theJSONLineListsUncodedParticipants() throws {
        var document = try parsedDocument(
            "Gondor/Gondor/PROPN/2/nsubj attacked/attack/VERB/0/root the/the/DET/4/det village/village/NOUN/2/obj "
                + "././PUNCT/2/punct",
            actors: [("Gondor", "GON")])
        try coder().process(&document)
        let line = EventOutput.jsonLine(document)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let event = try #require((object["events"] as? [[String: Any]])?.first)
        let uncoded = try #require(event["uncoded_target"] as? [[String: Any]])
        #expect(uncoded.first?["text"] as? String == "the village")
        #expect(uncoded.first?["range"] as? [Int] == [16, 27])
        #expect((event["uncoded_source"] as? [Any])?.isEmpty == true)
    }

    @Test func aThemeIsNoUncodedTarget() throws {
        // "Gondor attacked the agreement": a thing, not a party.
        var document = try parsedDocument(
            "Gondor/Gondor/PROPN/2/nsubj attacked/attack/VERB/0/root the/the/DET/4/det "
                + "agreement/agreement/NOUN/2/obj ././PUNCT/2/punct",
            actors: [("Gondor", "GON")])
        try coder().process(&document)
        let event = try #require(document.events.first)
        #expect(event.uncodedTarget == nil)
    }

    @Test func withoutAFinderOnlyMentionsAreArguments() throws {
        var document = try parsedDocument(
            "Gondor/Gondor/PROPN/2/nsubj attacked/attack/VERB/0/root three/three/NUM/4/nummod "
                + "villagers/villager/NOUN/2/obj ././PUNCT/2/punct",
            actors: [("Gondor", "GON")])
        try testCoder().process(&document)
        #expect(document.events.first?.uncodedTarget == nil)
    }
}

@Suite struct EventArgumentsPronounTests {
    @Test func aPronounSubjectOfAnEmbeddedClauseIsTheOuterSubject() throws {
        // "Gondor insists it attacked the village": "it" is Gondor.
        var document = try parsedDocument(
            "Gondor/Gondor/PROPN/2/nsubj insists/insist/VERB/0/root it/it/PRON/4/nsubj attacked/attack/VERB/2/ccomp "
                + "the/the/DET/6/det village/village/NOUN/4/obj ././PUNCT/2/punct",
            actors: [("Gondor", "GON")])
        let coder = EventCoder(
            lexicon: try VerbLexicon.parse(testLexiconText, file: "test-verbs.txt"),
            codebook: try EventCodebook.bundled(),
            participants: ParticipantFinder(nouns: NounClasses(["village": .location])))
        try coder.process(&document)
        let attack = try #require(document.events.first { $0.cameo == "190" })
        #expect(attack.source.map(\.code) == ["GON"])
    }

    @Test func whatTheActorOwnsIsNoTarget() throws {
        // "Gondor withdrew its troops from Arnor" coded with ATTACK's test verb: the target is Arnor, not its troops.
        var document = try parsedDocument(
            "Gondor/Gondor/PROPN/2/nsubj attacked/attack/VERB/0/root its/its/PRON/4/nmod:poss "
                + "troops/troop/NOUN/2/obj from/from/ADP/6/case Arnor/Arnor/PROPN/2/obl ././PUNCT/2/punct",
            actors: [("Gondor", "GON"), ("troops", "GONMIL"), ("Arnor", "ARN")])
        let coder = EventCoder(
            lexicon: try VerbLexicon.parse(testLexiconText, file: "test-verbs.txt"),
            codebook: try EventCodebook.bundled(), participants: ParticipantFinder(nouns: NounClasses([:])))
        try coder.process(&document)
        #expect(document.events.first?.target.map(\.code) == ["ARN"])
    }
}
