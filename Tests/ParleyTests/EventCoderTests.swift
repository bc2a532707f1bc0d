import Foundation
import Parley
import Testing

@Suite struct EventCoderTests: CodingSuite {
    let coder: EventCoder

    init() throws {
        coder = try testCoder()
    }

    @Test func codesAnActiveClause() throws {
        let document = try code(
            "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root protesters/protester/NOUN/2/obj ././PUNCT/2/punct",
            [("Police", "PAKCOP"), ("protesters", "PAKCVL")])
        #expect(triples(document) == [CodedTriple(source: ["PAKCOP"], target: ["PAKCVL"], code: "173")])
        let event = try #require(document.events.first)
        #expect(event.plover?.event == "COERCE")
        #expect(event.goldstein == -5.0)
        #expect(event.quadClass == 4)
        #expect(event.evidence.pattern == "arrest")
        #expect(document.text(in: event.evidence.trigger) == "arrested")
        #expect(event.id == "test-e1")
    }

    @Test func swapsArgumentsInThePassive() throws {
        let document = try code(
            "Protesters/protester/NOUN/3/nsubj:pass were/be/AUX/3/aux:pass arrested/arrest/VBN/0/root by/by/ADP/5/case "
                + "police/police/NOUN/3/obl ././PUNCT/3/punct",
            [("Protesters", "PAKCVL"), ("police", "PAKCOP")])
        #expect(triples(document) == [CodedTriple(source: ["PAKCOP"], target: ["PAKCVL"], code: "173")])
    }

    @Test func readsUDv1Relations() throws {
        let document = try code(
            "Protesters/protester/NOUN/3/nsubjpass were/be/AUX/3/auxpass arrested/arrest/VBN/0/root by/by/ADP/5/case "
                + "police/police/NOUN/3/nmod ././PUNCT/3/punct",
            [("Protesters", "PAKCVL"), ("police", "PAKCOP")])
        #expect(triples(document) == [CodedTriple(source: ["PAKCOP"], target: ["PAKCVL"], code: "173")])
    }

    @Test func keepsCoordinatedSourcesAndObjectControl() throws {
        let document = try code(
            "Qatar/Qatar/PROPN/4/nsubj and/and/CCONJ/3/cc Turkey/Turkey/PROPN/1/conj asked/ask/VERB/0/root "
                + "Pakistan/Pakistan/PROPN/4/obj to/to/PART/7/mark give/give/VERB/4/xcomp the/the/DET/9/det "
                + "talks/talk/NOUN/7/iobj another/another/DET/11/det chance/chance/NOUN/7/obj",
            [("Qatar", "QAT"), ("Turkey", "TUR"), ("Pakistan", "PAK")])
        #expect(triples(document) == [CodedTriple(source: ["QAT", "TUR"], target: ["PAK"], code: "026")])
        #expect(document.events[0].plover?.event == "REQUEST")
        #expect(document.events[0].plover?.mode == "meet")
    }

    @Test func codesControlAsIntent() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj agreed/agree/VERB/0/root to/to/PART/4/mark resume/resume/VERB/2/xcomp "
                + "talks/talk/NOUN/4/obj with/with/ADP/8/case the/the/DET/8/det Taliban/Taliban/PROPN/4/obl",
            [("Pakistan", "PAK"), ("Taliban", "AFGGOV")])
        #expect(triples(document) == [CodedTriple(source: ["PAK"], target: ["AFGGOV"], code: "036")])
        #expect(document.events[0].evidence.entries.contains { $0.contains("verb+verb") })
    }

    @Test func codesRefusalNotTheRefusedAct() throws {
        let document = try code(
            "The/the/DET/2/det Taliban/Taliban/PROPN/3/nsubj refused/refuse/VERB/0/root to/to/PART/5/mark "
                + "provide/provide/VERB/3/xcomp guarantees/guarantee/NOUN/5/obj to/to/ADP/8/case Pakistan/Pakistan/PROPN/5/obl",
            [("Taliban", "AFGGOV"), ("Pakistan", "PAK")])
        #expect(triples(document) == [CodedTriple(source: ["AFGGOV"], target: ["PAK"], code: "122")])
        #expect(document.events[0].plover?.event == "REJECT")
    }

    @Test func codesReportedSpeechWithItsSpeaker() throws {
        let document = try code(
            "Officials/official/NOUN/2/nsubj said/say/VERB/0/root Pakistan/Pakistan/PROPN/4/nsubj "
                + "attacked/attack/VERB/2/ccomp the/the/DET/6/det Taliban/Taliban/PROPN/4/obj",
            [("Officials", "PAKGOV"), ("Pakistan", "PAK"), ("Taliban", "AFGGOV")])
        #expect(triples(document) == [CodedTriple(source: ["PAK"], target: ["AFGGOV"], code: "190")])
        let modality = document.events[0].modality
        #expect(modality.reported)
        #expect(modality.speaker?.code == "PAKGOV")
        #expect(modality.rules["reported"]?.contains("say") == true)
    }

    @Test func codesAWarningOfAirstrikesAsAThreat() throws {
        let document = try code(
            "Asif/Asif/PROPN/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/6/mark Pakistan/Pakistan/PROPN/6/nsubj "
                + "would/would/AUX/6/aux conduct/conduct/VERB/2/ccomp airstrikes/airstrike/NOUN/6/obj "
                + "inside/inside/ADP/9/case Afghanistan/Afghanistan/PROPN/6/obl if/if/SCONJ/12/mark "
                + "militants/militant/NOUN/12/nsubj attacked/attack/VERB/6/advcl",
            [("Asif", "PAKGOV"), ("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        #expect(triples(document) == [CodedTriple(source: ["PAKGOV"], target: ["AFG"], code: "138")])
        #expect(!document.events.contains { $0.cameo.hasPrefix("19") })
        #expect(document.events[0].plover?.event == "THREATEN")
    }

    @Test func threatensTheActorOfTheConditionWhenTheActNamesNoTarget() throws {
        // "Kabul warned that its forces would strike if Pakistan attacked": Pakistan is threatened.
        let document = try code(
            "Kabul/Kabul/PROPN/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/7/mark its/its/PRON/5/nmod:poss "
                + "forces/force/NOUN/7/nsubj would/would/AUX/7/aux strike/strike/VERB/2/ccomp if/if/SCONJ/10/mark "
                + "Pakistan/Pakistan/PROPN/10/nsubj attacked/attack/VERB/7/advcl",
            [("Kabul", "AFGGOV"), ("forces", "AFGMIL"), ("Pakistan", "PAK")])
        let threat = try #require(document.events.first { $0.cameo.hasPrefix("13") })
        #expect(threat.source.map(\.code) == ["AFGGOV"])
        #expect(threat.target.map(\.code) == ["PAK"])
        #expect(!document.events.contains { $0.cameo.hasPrefix("19") && !$0.modality.hypothetical })
    }

    @Test func aWarningWithNoTargetThreatensTheActorOfItsCondition() throws {
        // "respond" is no coded act here: the warning itself is the threat, aimed at Pakistan.
        let document = try code(
            "Kabul/Kabul/PROPN/2/nsubj warned/warn/VERB/0/root that/that/SCONJ/7/mark its/its/PRON/5/nmod:poss "
                + "forces/force/NOUN/7/nsubj would/would/AUX/7/aux respond/respond/VERB/2/ccomp if/if/SCONJ/10/mark "
                + "Pakistan/Pakistan/PROPN/10/nsubj attacked/attack/VERB/7/advcl",
            [("Kabul", "AFGGOV"), ("Pakistan", "PAK")])
        let threat = try #require(document.events.first { $0.cameo.hasPrefix("13") })
        #expect(threat.source.map(\.code) == ["AFGGOV"])
        #expect(threat.target.map(\.code) == ["PAK"])
    }

    @Test func codesWhatSomeoneSaysAnotherMustDoAsADemand() throws {
        let document = try code(
            "Britain/Britain/PROPN/2/nsubj said/say/VERB/0/root Libya/Libya/PROPN/5/nsubj must/must/AUX/5/aux "
                + "provide/provide/VERB/2/ccomp aid/aid/NOUN/5/obj",
            [("Britain", "GBR"), ("Libya", "LBY")])
        #expect(triples(document) == [CodedTriple(source: ["GBR"], target: ["LBY"], code: "103")])
        #expect(document.events[0].plover?.event == "REQUEST")
    }

    @Test func marksNegation() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod attack/attack/VERB/0/root "
                + "Afghanistan/Afghanistan/PROPN/4/obj",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        let modality = try #require(document.events.first?.modality)
        #expect(modality.negated)
        #expect(modality.rules["negated"]?.contains("not") == true)
        #expect(!modality.future && !modality.hypothetical && !modality.historical && !modality.reported)
    }

    @Test(arguments: [
        ("will", "future", "modal 'will'"),
        ("would", "hypothetical", "modal 'would'"),
    ])
    func marksModals(modal: String, flag: String, rule: String) throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/3/nsubj \(modal)/\(modal)/AUX/3/aux attack/attack/VERB/0/root Afghanistan/Afghanistan/PROPN/3/obj",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        let modality = try #require(document.events.first?.modality)
        #expect(modality.rules[flag] == rule)
        #expect(flag == "future" ? modality.future : modality.hypothetical)
    }

    @Test func marksConditions() throws {
        let document = try code(
            "If/if/SCONJ/3/mark Kabul/Kabul/PROPN/3/nsubj refuses/refuse/VERB/6/advcl ,/,/PUNCT/6/punct "
                + "Pakistan/Pakistan/PROPN/6/nsubj strikes/strike/VERB/0/root Afghanistan/Afghanistan/PROPN/6/obj",
            [("Kabul", "AFGGOV"), ("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        let event = try #require(document.events.first { $0.cameo == "190" })
        #expect(event.modality.hypothetical)
        #expect(event.modality.rules["hypothetical"] == "condition 'if …'")
    }

    @Test func marksIntentAsFuture() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj plans/plan/VERB/0/root to/to/PART/4/mark attack/attack/VERB/2/xcomp "
                + "Afghanistan/Afghanistan/PROPN/4/obj",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        #expect(triples(document) == [CodedTriple(source: ["PAK"], target: ["AFG"], code: "138")], "intent to attack")
        #expect(document.events[0].modality.future)
        #expect(document.events[0].modality.rules["future"] == "intent: complement of 'plan'")
    }

    @Test func marksAnEarlierDatedEventHistorical() throws {
        let document = try code(
            "Taliban/Taliban/PROPN/2/compound forces/force/NOUN/3/nsubj attacked/attack/VERB/0/root "
                + "Pakistani/Pakistani/ADJ/5/amod posts/post/NOUN/3/obj on/on/ADP/7/case October/October/PROPN/3/obl "
                + "12/12/NUM/7/nummod",
            [("Taliban forces", "AFGMIL"), ("Pakistani", "PAKMIL")])
        #expect(triples(document) == [CodedTriple(source: ["AFGMIL"], target: ["PAKMIL"], code: "190")])
        #expect(document.events[0].modality.historical)
        #expect(document.events[0].modality.rules["historical"] == "dated 2025-10-12, before publication 2025-10-30")
    }

    @Test func marksPastPerfectHistorical() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/3/nsubj had/have/AUX/3/aux attacked/attack/VBN/0/root Afghanistan/Afghanistan/PROPN/3/obj",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        #expect(document.events.first?.modality.historical == true)
    }

    @Test func mergesANominalSubjectIntoItsVerbAndMarksReports() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/3/nmod:poss 's/'s/PART/1/case airstrikes/airstrike/NOUN/5/nsubj "
                + "reportedly/reportedly/ADV/5/advmod targeted/target/VERB/0/root hideouts/hideout/NOUN/5/obj "
                + "inside/inside/ADP/8/case Afghanistan/Afghanistan/PROPN/6/nmod",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        #expect(triples(document) == [CodedTriple(source: ["PAKMIL"], target: ["AFG"], code: "195")])
        #expect(document.events[0].modality.reported)
        #expect(document.events[0].modality.rules["reported"] == "adverb 'reportedly'")
        #expect(document.events[0].acled?.subEventType == "Air/drone strike")
    }

    @Test func keepsMediatorsAsThirdParties() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/4/nsubj and/and/CCONJ/3/cc Afghanistan/Afghanistan/PROPN/1/conj met/meet/VERB/0/root "
                + "in/in/ADP/6/case Doha/Doha/PROPN/4/obl for/for/ADP/8/case talks/talk/NOUN/4/obl "
                + "mediated/mediate/VBN/8/acl by/by/ADP/11/case Qatar/Qatar/PROPN/9/obl",
            [("Pakistan", "PAK"), ("Afghanistan", "AFGGOV"), ("Qatar", "QAT")])
        #expect(triples(document) == [CodedTriple(source: ["PAK", "AFGGOV"], target: ["PAK", "AFGGOV"], code: "046")])
        #expect(document.events[0].thirdParties.map(\.code) == ["QAT"])
        #expect(document.events[0].thirdParties.first?.role == "mediator")
    }

    @Test func takesTheSubjectOfADemandsClauseAsItsTarget() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/3/nmod:poss 's/'s/PART/1/case demand/demand/NOUN/0/root that/that/SCONJ/6/mark "
                + "Afghanistan/Afghanistan/PROPN/6/nsubj act/act/VERB/3/acl against/against/ADP/8/case "
                + "militants/militant/NOUN/6/obl",
            [("Pakistan", "PAK"), ("Afghanistan", "AFGGOV"), ("militants", "PAKREB")])
        #expect(document.events.contains { $0.cameo == "100" && $0.target.map(\.code) == ["AFGGOV"] })
    }

    @Test func codesANominalRequestInsideAnAcceptance() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj accepted/accept/VERB/0/root Kabul/Kabul/PROPN/5/nmod:poss 's/'s/PART/3/case "
                + "request/request/NOUN/2/obj for/for/ADP/8/case a/a/DET/8/det ceasefire/ceasefire/NOUN/5/nmod",
            [("Pakistan", "PAK"), ("Kabul", "AFGGOV")])
        #expect(
            Set(triples(document)) == [
                CodedTriple(source: ["PAK"], target: ["AFGGOV"], code: "0871"),
                CodedTriple(source: ["AFGGOV"], target: ["PAK"], code: "0256"),
            ])
        let ceasefire = try #require(document.events.first { $0.cameo == "0871" })
        #expect(ceasefire.plover?.mode == "ceasefire")
        #expect(ceasefire.evidence.pattern == "accept.truce")
    }

    @Test func codesTheAuthorOfARequestTheActAnswers() throws {
        // "Nepal agreed to meet with Bhutan at the request of India": India asked Nepal, not Bhutan.
        let document = try code(
            "Nepal/Nepal/PROPN/2/nsubj agreed/agree/VERB/0/root to/to/PART/4/mark meet/meet/VERB/2/xcomp "
                + "with/with/ADP/6/case Bhutan/Bhutan/PROPN/4/obl at/at/ADP/9/case the/the/DET/9/det "
                + "request/request/NOUN/4/obl of/of/ADP/11/case India/India/PROPN/9/nmod",
            [("Nepal", "NPL"), ("Bhutan", "BTN"), ("India", "IND")])
        let request = try #require(document.events.first { $0.cameo.hasPrefix("02") })
        #expect(request.source.map(\.code) == ["IND"])
        #expect(request.target.map(\.code) == ["NPL"])
        #expect(!document.events.contains { $0.target.map(\.code) == ["IND"] })
    }

    @Test func resolvesBothSidesAndContinuesTheNegotiation() throws {
        let document = try code(
            "Pakistan/Pakistan/PROPN/2/nsubj attacked/attack/VERB/0/root Afghanistan/Afghanistan/PROPN/2/obj || "
                + "The/the/DET/3/det two/two/NUM/3/nummod sides/side/NOUN/4/nsubj met/meet/VERB/0/root for/for/ADP/6/case "
                + "talks/talk/NOUN/4/obl ,/,/PUNCT/9/punct followed/follow/VBN/4/advcl by/by/ADP/12/case "
                + "the/the/DET/12/det new/new/ADJ/12/amod talks/talk/NOUN/9/obl hosted/host/VBN/12/acl "
                + "by/by/ADP/15/case Turkiye/Turkiye/PROPN/13/obl",
            [("Pakistan", "PAK"), ("Afghanistan", "AFG"), ("Turkiye", "TUR")])
        let consults = document.events.filter { $0.sentence == 1 }
        #expect(consults.map(\.cameo) == ["046", "046"])
        #expect(consults.allSatisfy { Set($0.source.map(\.code)) == ["PAK", "AFG"] })
        #expect(consults.last?.thirdParties.map(\.code) == ["TUR"])
        #expect(consults.last?.thirdParties.first?.role == "host")
    }

    @Test func takesTheFirstLaterActorAsTargetWhenNoneIsAnArgument() throws {
        let document = try code(
            "Firing/firing/NOUN/5/nsubj by/by/ADP/4/case Taliban/Taliban/PROPN/4/compound forces/force/NOUN/1/nmod "
                + "triggered/trigger/VERB/0/root clashes/clash/NOUN/5/obj ,/,/PUNCT/8/punct leaving/leave/VERB/5/advcl "
                + "Pakistani/Pakistani/ADJ/10/amod soldiers/soldier/NOUN/8/obj dead/dead/ADJ/8/xcomp",
            [("Taliban forces", "AFGMIL"), ("Pakistani", "PAKMIL")])
        #expect(document.events.contains { $0.source.map(\.code) == ["AFGMIL"] && $0.target.map(\.code) == ["PAKMIL"] })
    }

    @Test func requiresADyadWhenAsked() throws {
        var document = try parsedDocument(
            "Pakistan/Pakistan/PROPN/2/nsubj attacked/attack/VERB/0/root ././PUNCT/2/punct",
            actors: [("Pakistan", "PAK")])
        try testCoder(requireDyad: true).process(&document)
        #expect(document.events.isEmpty)
        try coder.process(&document)
        #expect(triples(document) == [CodedTriple(source: ["PAK"], target: [], code: "190")])
    }

    @Test func codesNothingWithoutActorsOrTriggers() throws {
        let document = try code(
            "The/the/DET/2/det weather/weather/NOUN/3/nsubj improved/improve/VERB/0/root", [])
        #expect(document.events.isEmpty)
    }

    @Test func survivesACyclicParse() throws {
        var document = try parsedDocument(
            "Pakistan/Pakistan/PROPN/2/nsubj attacked/attack/VERB/3/root Afghanistan/Afghanistan/PROPN/2/obj",
            actors: [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        document.tokens[1].head = 2
        document.tokens[2].head = 1
        try coder.process(&document)
        #expect(document.events.count <= 1)
    }

    @Test func survivesMentionsAndHeadsThatCrossSentences() throws {
        var document = try parsedDocument(
            "Pakistan/Pakistan/PROPN/2/nsubj attacked/attack/VERB/0/root || Afghanistan/Afghanistan/PROPN/2/nsubj "
                + "attacked/attack/VERB/0/root Pakistan/Pakistan/PROPN/2/obj",
            actors: [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        document.tokens[0].head = 3
        document.tokens[3].head = 0
        document.actors.append(
            ActorMention(span: Span(tokens: 1..<4), range: 0..<10, text: "x", code: "GOV", sentence: 0))
        document.actors.append(
            ActorMention(span: Span(tokens: 3..<99), range: 0..<10, text: "y", code: "PAKMIL", sentence: 1))
        try coder.process(&document)
        #expect(document.events.allSatisfy { $0.sentence < 2 })
    }

    @Test func codesNoEventWhoseOnlyTargetIsTheSourceAgain() throws {
        // Two mentions of one actor: the minister and the officials are both PAKGOV.
        let document = try code(
            "The/the/DET/2/det minister/minister/NOUN/3/nsubj arrested/arrest/VERB/0/root "
                + "government/government/NOUN/5/compound officials/official/NOUN/3/obj ././PUNCT/3/punct",
            [("minister", "PAKGOV"), ("government officials", "PAKGOV")])
        #expect(document.events.isEmpty)
    }

    @Test func keepsTheReportedActAsTheEventOfAQuoteTransformation() throws {
        let coder = try testCoder(adding: "transform T5: a (a b q) say => a b Q\n")
        var document = try parsedDocument(
            "The/the/DET/2/det army/army/NOUN/3/nsubj said/say/VERB/0/root its/its/PRON/5/nmod:poss "
                + "troops/troop/NOUN/6/nsubj attacked/attack/VERB/3/ccomp militants/militant/NOUN/6/obj",
            actors: [("army", "PAKMIL"), ("militants", "PAKREB")])
        try coder.process(&document)
        #expect(triples(document) == [CodedTriple(source: ["PAKMIL"], target: ["PAKREB"], code: "190")])
        let event = try #require(document.events.first)
        // The evidence is the act, not the speech verb; the transformation is named.
        #expect(document.text(in: event.evidence.trigger) == "attacked")
        #expect(event.evidence.entries.contains { $0.contains("transform T5") })
        #expect(event.modality.reported)
    }

    @Test func codesTheActWantedWithTheFutureModeWhenTheIntentCodeSaysLess() throws {
        let coder = try testCoder(adding: "verb want => 030\n  word want\nverb inspect => 090\n  word inspect\n")
        var document = try parsedDocument(
            "The/the/DET/2/det inspectors/inspector/NOUN/3/nsubj want/want/VERB/0/root to/to/PART/5/mark "
                + "inspect/inspect/VERB/3/xcomp Iran/Iran/PROPN/5/obj",
            actors: [("inspectors", "IGOUNO"), ("Iran", "IRN")])
        try coder.process(&document)
        #expect(triples(document) == [CodedTriple(source: ["IGOUNO"], target: ["IRN"], code: "090")])
        #expect(document.events.first?.modality.future == true)
    }

    @Test func takesNoTriggerInsideAName() throws {
        let coder = try testCoder(adding: "verb unite => 040\n  word unite\n")
        var document = try parsedDocument(
            "The/the/DET/3/det United/unite/VBN/3/amod Nations/Nations/PROPN/4/nsubj arrested/arrest/VERB/0/root "
                + "protesters/protester/NOUN/4/obj",
            actors: [("United Nations", "IGOUNO"), ("protesters", "PAKCVL")])
        try coder.process(&document)
        #expect(triples(document) == [CodedTriple(source: ["IGOUNO"], target: ["PAKCVL"], code: "173")])
    }

    @Test func codesAnotherActorsActParsedAsTheObjectOfSaidAsReported() throws {
        let document = try code(
            "Officials/official/NOUN/2/nsubj said/say/VERB/0/root Pakistani/Pakistani/ADJ/4/amod "
                + "airstrikes/airstrike/NOUN/2/obj killed/kill/VBN/4/acl civilians/civilian/NOUN/5/obj",
            [("Officials", "AFGGOV"), ("Pakistani", "PAK"), ("civilians", "AFGCVL")])
        #expect(!document.events.contains { document.text(in: $0.evidence.trigger) == "said" })
        let event = try #require(document.events.first { document.text(in: $0.evidence.trigger) == "airstrikes" })
        #expect(event.cameo == "195")
        #expect(event.source.map(\.code) == ["PAKMIL"])
        #expect(event.modality.reported)
        #expect(event.modality.speaker?.code == "AFGGOV")
    }

    @Test func codesAVowToAttackAsAThreat() throws {
        let coder = try testCoder(adding: "verb swear => 110\n  word swear (swears swore sworn swearing)\n")
        var document = try parsedDocument(
            "Rebels/rebel/NOUN/2/nsubj swore/swear/VERB/0/root to/to/PART/4/mark attack/attack/VERB/2/xcomp "
                + "Kabul/Kabul/PROPN/4/obj",
            actors: [("Rebels", "AFGREB"), ("Kabul", "AFGGOV")])
        try coder.process(&document)
        #expect(triples(document) == [CodedTriple(source: ["AFGREB"], target: ["AFGGOV"], code: "138")])
    }

    @Test func pipelineRequiresActors() throws {
        #expect(throws: PipelineError.self) { try Pipeline([coder]) }
    }
}

@Suite struct EventCompositionTests {
    @Test func sharesAnAgentAcrossCoordinatedCountries() throws {
        var document = try parsedDocument(
            "US/US/PROPN/4/compound and/and/CCONJ/3/cc British/british/ADJ/1/conj activists/activist/NOUN/5/nsubj "
                + "attacked/attack/VERB/0/root Beijing/Beijing/PROPN/5/obj",
            actors: [("US", "USA"), ("British activists", "GBROPP"), ("Beijing", "CHN")])
        try testCoder().process(&document)
        #expect(Set(document.events.first?.source.map(\.code) ?? []) == ["GBROPP", "USAOPP"])
    }

    @Test func composesAnAgentWithTheCountryThatModifiesIt() throws {
        var document = try parsedDocument(
            "Soldiers/soldier/NOUN/4/nsubj from/from/ADP/3/case Gondor/Gondor/PROPN/1/nmod attacked/attack/VERB/0/root "
                + "Mordor/Mordor/PROPN/4/obj",
            actors: [("Soldiers", "MIL"), ("Gondor", "GON"), ("Mordor", "MOR")])
        try testCoder().process(&document)
        #expect(triples(document) == [CodedTriple(source: ["GONMIL"], target: ["MOR"], code: "190")])
    }
}
