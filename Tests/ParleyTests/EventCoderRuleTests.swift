import Foundation
import Parley
import Testing

/// Main-event choice, conditional threats, demands, answers and protesters' violence, on hand-parsed sentences.
@Suite struct EventCoderRuleTests: CodingSuite {
    let coder: EventCoder

    init() throws {
        coder = try testCoder()
    }

    @Test func anActRightAfterASpeechVerbIsWhatItReportsNotItsSpeakersAct() throws {
        // "Pakistan accused Kabul of sheltering the TTP, who it says attacked police", misparsed with "attacked" a
        // conjunct of "says" (no "and", no comma): the TTP attacked, as reported, and "says" is no event.
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj accused/accuse/VERB/0/root Kabul/Kabul/PROPN/2/obj of/of/SCONJ/5/mark "
                + "sheltering/shelter/VERB/2/advcl the/the/DET/7/det TTP/TTP/PROPN/5/obj ,/,/PUNCT/11/punct "
                + "who/who/PRON/11/obj it/it/PRON/11/nsubj says/say/VERB/7/acl:relcl attacked/attack/VERB/11/conj "
                + "police/police/NOUN/12/obj ././PUNCT/2/punct",
            [("Pakistan", "PAK"), ("Kabul", "AFG"), ("TTP", "PAKREB"), ("police", "PAKCOP")])
        let attack = try #require(document.events.first { $0.cameo == "190" })
        #expect(attack.source.map(\.code) == ["PAKREB"])
        #expect(attack.target.map(\.code) == ["PAKCOP"])
        #expect(attack.modality.reported)
        #expect(!document.events.contains { $0.cameo == "010" })
    }

    @Test func aPlaceTargetedIsItsCountrysAlsoWhenTheParseHangsTheCountryOnTheVerb() throws {
        // "Pakistani jets targeted terrorist hideouts inside Afghanistan", both ways of attaching "inside": the
        // hideouts are Afghanistan's, not the terrorists'.
        for (head, relation) in [("5", "nmod"), ("3", "obl")] {
            let document = try code(
                "Pakistani/Pakistani/ADJ/2/amod jets/jet/NOUN/3/nsubj targeted/target/VERB/0/root "
                    + "terrorist/terrorist/ADJ/5/amod hideouts/hideout/NOUN/3/obj inside/inside/ADP/7/case "
                    + "Afghanistan/Afghanistan/PROPN/\(head)/\(relation) ././PUNCT/3/punct",
                [("Pakistani jets", "PAKMIL"), ("terrorist", "---UAF"), ("Afghanistan", "AFG")])
            let event = try #require(document.events.first)
            #expect(event.target.map(\.code) == ["AFG"], "inside Afghanistan as \(relation)")
        }
    }

    @Test func verbsJoinedByAConjunctionStillShareTheirSubject() throws {
        // "Kabul warned and attacked police": a real coordination keeps the speaker as the attacker.
        let document = try code(
            "Kabul/Kabul/PROPN/2/nsubj warned/warn/VERB/0/root and/and/CCONJ/4/cc attacked/attack/VERB/2/conj "
                + "police/police/NOUN/4/obj ././PUNCT/2/punct",
            [("Kabul", "AFG"), ("police", "PAKCOP")])
        let attack = try #require(document.events.first { $0.cameo == "190" })
        #expect(attack.source.map(\.code) == ["AFG"])
        #expect(!attack.modality.reported)
    }

    @Test func mainEventIsTheMainClausesAct() throws {
        let document = try code(
            "Police/police/NOUN/4/nsubj attacking/attack/VERB/1/acl Kabul/Kabul/PROPN/2/obj "
                + "arrested/arrest/VERB/0/root protesters/protester/NOUN/4/obj ././PUNCT/4/punct",
            [("Police", "PAKCOP"), ("Kabul", "AFG"), ("protesters", "PAKCVL")])
        #expect(document.events.map(\.cameo) == ["190", "173"])
        #expect(document.mainEvent?.cameo == "173")
    }

    @Test func ofTwoSubjectsTheOneNearestTheVerbActs() throws {
        // A dateline misparsed as a second subject: "LAHORE: Police arrested protesters."
        let document = try code(
            "LAHORE/Lahore/PROPN/4/nsubj :/:/PUNCT/4/punct Police/police/NOUN/4/nsubj arrested/arrest/VERB/0/root "
                + "protesters/protester/NOUN/4/obj ././PUNCT/4/punct",
            [("Police", "PAKCOP"), ("protesters", "PAKCVL")])
        let event = try #require(document.events.first)
        #expect(event.cameo == "173")
        #expect(event.source.map(\.code) == ["PAKCOP"])
        #expect(event.target.map(\.code) == ["PAKCVL"])
    }

    @Test func mainEventSkipsNegatedEvents() throws {
        let document = try code(
            "Police/police/NOUN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod arrest/arrest/VERB/0/root "
                + "protesters/protester/NOUN/4/obj ././PUNCT/4/punct",
            [("Police", "PAKCOP"), ("protesters", "PAKCVL")])
        #expect(document.events.count == 1)
        #expect(document.mainEvent == nil)
    }

    @Test func forceAnnouncedOnAConditionIsAThreat() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/3/nsubj will/will/AUX/3/aux attack/attack/VERB/0/root "
                + "Afghanistan/Afghanistan/PROPN/3/obj unless/unless/SCONJ/7/mark Kabul/Kabul/PROPN/7/nsubj "
                + "acts/act/VERB/3/advcl ././PUNCT/3/punct",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG"), ("Kabul", "AFGGOV")])
        let event = try #require(document.events.first)
        #expect(event.cameo == "138")
        #expect(event.plover?.event == "THREATEN")
        #expect(event.evidence.entries.contains { $0.hasPrefix("rule threat") })
    }

    @Test func anUnconditionalFutureAttackIsNoThreatOfThisRule() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj attacked/attack/VERB/0/root Afghanistan/Afghanistan/PROPN/2/obj "
                + "././PUNCT/2/punct",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        #expect(document.events.map(\.cameo) == ["190"])
    }

    @Test func sayingAnotherMustActIsADemand() throws {
        let document = try code(
            "India/India/PROPN/2/nsubj said/say/VERB/0/root Pakistan/Pakistan/PROPN/5/nsubj must/must/AUX/5/aux "
                + "drop/drop/VERB/2/ccomp barriers/barrier/NOUN/5/obj ././PUNCT/2/punct",
            [("India", "IND"), ("Pakistan", "PAK")])
        #expect(triples(document) == [CodedTriple(source: ["IND"], target: ["PAK"], code: "100")])
        #expect(document.events[0].plover?.event == "REQUEST")
    }

    @Test func sayingAnotherDidSomethingIsNoDemand() throws {
        let document = try code(
            "India/India/PROPN/2/nsubj said/say/VERB/0/root Pakistan/Pakistan/PROPN/4/nsubj "
                + "dropped/drop/VERB/2/ccomp barriers/barrier/NOUN/4/obj ././PUNCT/2/punct",
            [("India", "IND"), ("Pakistan", "PAK")])
        #expect(!document.events.contains { $0.cameo == "100" })
    }

    @Test func aRefusalAnswersTheDemandMadeOnItsSource() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj made/make/VERB/0/root a/a/DET/4/det demand/demand/NOUN/2/obj "
                + "on/on/ADP/6/case Kabul/Kabul/PROPN/4/nmod ././PUNCT/2/punct || "
                + "Kabul/Kabul/PROPN/2/nsubj refused/refuse/VERB/0/root ././PUNCT/2/punct",
            [("Pakistan", "PAK"), ("Kabul", "AFGGOV"), ("Kabul", "AFGGOV")])
        #expect(triples(document).contains(CodedTriple(source: ["PAK"], target: ["AFGGOV"], code: "100")))
        #expect(triples(document).contains(CodedTriple(source: ["AFGGOV"], target: ["PAK"], code: "120")))
        let refusal = try #require(document.events.first { $0.cameo == "120" })
        #expect(refusal.evidence.entries.contains { $0.hasPrefix("rule answer") })
    }

    @Test func aRefusalWithNoEarlierDemandHasNoTarget() throws {
        let document = try code(
            "Kabul/Kabul/PROPN/2/nsubj refused/refuse/VERB/0/root ././PUNCT/2/punct", [("Kabul", "AFGGOV")])
        #expect(triples(document) == [CodedTriple(source: ["AFGGOV"], target: [], code: "120")])
    }

    @Test func forceUsedByProtestersIsAViolentProtest() throws {
        let document = try code(
            "Protesters/protester/NOUN/2/nsubj attacked/attack/VERB/0/root police/police/NOUN/2/obj "
                + "././PUNCT/2/punct",
            [("Protesters", "PAKOPP"), ("police", "PAKCOP")])
        #expect(triples(document) == [CodedTriple(source: ["PAKOPP"], target: ["PAKCOP"], code: "145")])
        #expect(document.events[0].plover?.event == "PROTEST")
    }

    @Test func aNounListedByItsPluralIsFoundUnderAVerbsLemma() throws {
        let lexicon = try VerbLexicon.parse(
            """
            verb impose => -
              word impose
            verb sanction => 172
              word sanction
            noun sanctions => 163
              word sanctions
            """, file: "test-verbs.txt")
        let coder = EventCoder(lexicon: lexicon, codebook: try EventCodebook.bundled())
        var document = try parsedDocument(
            "America/America/PROPN/2/nsubj imposed/impose/VERB/0/root sanctions/sanction/NOUN/2/obj "
                + "on/on/ADP/5/case Iran/Iran/PROPN/2/obl ././PUNCT/2/punct",
            actors: [("America", "USA"), ("Iran", "IRN")])
        try coder.process(&document)
        #expect(triples(document) == [CodedTriple(source: ["USA"], target: ["IRN"], code: "163")])
    }

    @Test func easingACurfewIsAConcession() throws {
        let codebook = try EventCodebook.bundled()
        #expect(codebook.lookup("0813")?.plover?.event == "CONCEDE")
        #expect(codebook.lookup("0814")?.plover?.event == "CONCEDE")
        #expect(codebook.lookup("176")?.plover?.event == "COERCE")
        #expect(codebook.lookup("176")?.goldstein != nil)
    }

    @Test func cooperationOfferedOnAConditionIsAnIntent() throws {
        let document = try code(
            "Kabul/Kabul/PROPN/3/nsubj would/would/AUX/3/aux meet/meet/VERB/0/root Pakistan/Pakistan/PROPN/3/obj "
                + "if/if/SCONJ/7/mark Islamabad/Islamabad/PROPN/7/nsubj agrees/agree/VERB/3/advcl ././PUNCT/3/punct",
            [("Kabul", "AFGGOV"), ("Pakistan", "PAK"), ("Islamabad", "PAKGOV")])
        let meeting = try #require(document.events.first { $0.source.map(\.code) == ["AFGGOV"] })
        #expect(meeting.cameo == "036")
        #expect(meeting.plover?.event == "AGREE")
    }
}
