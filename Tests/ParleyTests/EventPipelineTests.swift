import Foundation
import Parley
import Testing

/// The bundled actor lexicon and verb patterns together, on parses written by hand.
@Suite struct EventPipelineTests {
    let pipeline: Pipeline

    init() throws {
        pipeline = try Pipeline(
            [ActorRecognizer(dictionary: try DefaultLexicon.dictionary()), try EventCoder.bundled()],
            given: [.tokens, .sentences, .partOfSpeech, .lemmas, .dependencies])
    }

    func code(_ words: String) throws -> Document {
        var document = try parsedDocument(words)
        document.annotations = [.tokens, .sentences, .partOfSpeech, .lemmas, .dependencies]
        try pipeline.process(&document)
        return document
    }

    @Test func codesAnAccusationWithDateAwareActors() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj accused/accuse/VERB/0/root the/the/DET/4/det Taliban/Taliban/PROPN/2/obj "
                + "of/of/SCONJ/6/mark harbouring/harbour/VERB/2/advcl militants/militant/NOUN/6/obj ././PUNCT/2/punct")
        let event = try #require(document.events.first { $0.cameo.hasPrefix("112") })
        #expect(event.source.first?.code.hasPrefix("PAK") == true)
        #expect(event.target.first?.code == "AFGGOV")
        #expect(event.plover?.event == "ACCUSE")
    }

    @Test func codesAThreatOfAirstrikesNotTheAirstrikes() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/5/mark it/it/PRON/5/nsubj "
                + "would/would/AUX/5/aux conduct/conduct/VERB/2/ccomp airstrikes/airstrike/NOUN/6/obj "
                + "in/in/ADP/9/case Afghanistan/Afghanistan/PROPN/6/obl ././PUNCT/2/punct")
        #expect(document.events.contains { $0.cameo.hasPrefix("13") })
        #expect(!document.events.contains { ["18", "19", "20"].contains(String($0.cameo.prefix(2))) })
    }

    @Test func codesAnAcceptedCeasefire() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj accepted/accept/VERB/0/root Afghanistan/Afghanistan/PROPN/5/nmod:poss "
                + "'s/'s/PART/3/case request/request/NOUN/2/obj for/for/ADP/8/case a/a/DET/8/det "
                + "ceasefire/ceasefire/NOUN/5/nmod ././PUNCT/2/punct")
        let ceasefire = try #require(document.events.first { $0.cameo == "0871" })
        #expect(ceasefire.plover?.event == "RETREAT")
        #expect(ceasefire.target.first?.code.hasPrefix("AFG") == true)
    }

    @Test func codesHandingOverAndReturningByTheirObject() throws {
        let prisoners = try code(
            "Russia/Russia/PROPN/2/nsubj handed/hand/VERB/0/root over/over/ADP/2/compound:prt the/the/DET/5/det "
                + "prisoners/prisoner/NOUN/2/obj to/to/ADP/7/case Ukraine/Ukraine/PROPN/2/obl ././PUNCT/2/punct")
        #expect(triples(prisoners) == [CodedTriple(source: ["RUS"], target: ["UKR"], code: "0841")])
        let antiquities = try code(
            "Italy/Italy/PROPN/2/nsubj returned/return/VERB/0/root the/the/DET/4/det antiquities/antiquity/NOUN/2/obj "
                + "to/to/ADP/6/case Greece/Greece/PROPN/2/obl ././PUNCT/2/punct")
        #expect(triples(antiquities) == [CodedTriple(source: ["ITA"], target: ["GRC"], code: "0842")])
        // Coming back somewhere is travel, not an event.
        let trip = try code(
            "The/the/DET/2/det minister/minister/NOUN/3/nsubj returned/return/VERB/0/root to/to/ADP/5/case "
                + "Pakistan/Pakistan/PROPN/3/obl ././PUNCT/3/punct")
        #expect(trip.events.isEmpty)
    }

    @Test func codesLiftingABlockadeAndCyberWarfare() throws {
        let lifted = try code(
            "Egypt/Egypt/PROPN/2/nsubj lifted/lift/VERB/0/root its/its/PRON/4/nmod:poss blockade/blockade/NOUN/2/obj "
                + "on/on/ADP/6/case Gaza/Gaza/PROPN/4/nmod ././PUNCT/2/punct")
        #expect(lifted.events.contains { $0.cameo == "0872" && $0.source.first?.code == "EGY" })
        #expect(!lifted.events.contains { $0.cameo == "191" })
        let cyber = try code(
            "Russia/Russia/PROPN/2/nsubj waged/wage/VERB/0/root cyber/cyber/NOUN/4/compound warfare/warfare/NOUN/2/obj "
                + "against/against/ADP/6/case Estonia/Estonia/PROPN/4/nmod ././PUNCT/2/punct")
        #expect(triples(cyber) == [CodedTriple(source: ["RUS"], target: ["EST"], code: "176")])
    }

    @Test func codesLaunchedArtilleryFireAsShelling() throws {
        let document = try code(
            "Syrian/Syrian/ADJ/2/amod troops/troop/NOUN/3/nsubj launched/launch/VERB/0/root artillery/artillery/NOUN/5/compound "
                + "fire/fire/NOUN/3/obj against/against/ADP/7/case Turkey/Turkey/PROPN/5/nmod ././PUNCT/3/punct")
        #expect(document.events.contains { $0.cameo == "194" && $0.source.first?.code == "SYRMIL" })
        #expect(!document.events.contains { $0.cameo.hasPrefix("05") })
    }

    @Test func codesImposingAndFreeingByTheirObject() throws {
        let tariffs = try code(
            "China/China/PROPN/2/nsubj imposed/impose/VERB/0/root tariffs/tariff/NOUN/2/obj on/on/ADP/5/case "
                + "Australia/Australia/PROPN/2/obl ././PUNCT/2/punct")
        #expect(triples(tariffs) == [CodedTriple(source: ["CHN"], target: ["AUS"], code: "163")])
        let freed = try code(
            "Sudan/Sudan/PROPN/2/nsubj freed/free/VERB/0/root two/two/NUM/5/nummod Kenyan/Kenyan/ADJ/5/amod "
                + "hostages/hostage/NOUN/2/obj ././PUNCT/2/punct")
        #expect(freed.events.first?.cameo == "0841")
        #expect(freed.events.first?.source.first?.code == "SDN")
    }

    @Test func codesBreakingATruceAndBreakingOffTies() throws {
        let truce = try code(
            "Armenia/Armenia/PROPN/2/nsubj broke/break/VERB/0/root the/the/DET/4/det truce/truce/NOUN/2/obj "
                + "with/with/ADP/6/case Azerbaijan/Azerbaijan/PROPN/2/obl ././PUNCT/2/punct")
        #expect(truce.events.contains { $0.cameo == "196" && $0.source.first?.code == "ARM" })
        let ties = try code(
            "Bolivia/Bolivia/PROPN/2/nsubj broke/break/VERB/0/root off/off/ADP/2/compound:prt ties/tie/NOUN/2/obj "
                + "with/with/ADP/6/case Israel/Israel/PROPN/2/obl ././PUNCT/2/punct")
        #expect(triples(ties) == [CodedTriple(source: ["BOL"], target: ["ISR"], code: "161")])
    }

    @Test func leadingADelegationOrSideIsNoEvent() throws {
        let led = try code(
            "The/the/DET/2/det minister/minister/NOUN/3/nsubj led/lead/VERB/0/root the/the/DET/6/det "
                + "Pakistani/Pakistani/ADJ/6/amod delegation/delegation/NOUN/3/obj ././PUNCT/3/punct")
        #expect(!led.events.contains { led.text(in: $0.evidence.trigger) == "led" })
        let headed = try code(
            "The/the/DET/3/det Afghan/Afghan/ADJ/3/amod side/side/NOUN/5/nsubj:pass was/be/AUX/5/aux:pass "
                + "headed/head/VBN/0/root by/by/ADP/8/case the/the/DET/8/det minister/minister/NOUN/5/obl ././PUNCT/5/punct"
        )
        #expect(headed.events.isEmpty)
    }
}
