import Foundation
import Parley
import Testing

/// First-person pronouns inside quotes and reported speech stand for the speaker's side.
@Suite struct FirstPersonTests: CodingSuite {
    let coder: EventCoder

    init() throws {
        coder = try testCoder()
    }

    /// The speaker's entry an event's evidence lists for a resolved pronoun.
    func firstPersonEntries(_ event: Event) -> [String] {
        event.evidence.entries.filter { $0.hasPrefix("rule first-person") }
    }

    @Test func aQuotedUsIsTheSpeakersSideWhenTheSpeechVerbHangsOffTheQuote() throws {
        // “Qatar and Turkey asked us to give the talks another chance,” Asif said.
        let document = try code(
            "“/“/PUNCT/5/punct Qatar/Qatar/PROPN/5/nsubj and/and/CCONJ/4/cc Turkey/Turkey/PROPN/2/conj "
                + "asked/ask/VERB/0/root us/we/PRON/5/obj to/to/PART/8/mark give/give/VERB/5/xcomp "
                + "the/the/DET/10/det talks/talk/NOUN/8/iobj another/another/DET/12/det chance/chance/NOUN/8/obj "
                + ",/,/PUNCT/5/punct ”/”/PUNCT/5/punct Asif/Asif/PROPN/16/nsubj said/say/VERB/5/parataxis "
                + "././PUNCT/5/punct",
            [("Qatar", "QAT"), ("Turkey", "TUR"), ("Asif", "PAKGOV")])
        let event = try #require(document.events.first { $0.cameo.hasPrefix("02") })
        #expect(event.source.map(\.code) == ["QAT", "TUR"])
        #expect(event.target.map(\.code) == ["PAKGOV"])
        #expect(event.target.first?.text == "us")
        // The reference points at the speaker's mention, and the evidence names the rule.
        #expect(event.target.first?.mention == 2)
        #expect(firstPersonEntries(event) == ["rule first-person: 'us' in what 'said' reports of Asif → PAKGOV"])
    }

    @Test func aQuotedUsIsTheSpeakersSideWhenTheQuoteIsTheSpeechVerbsComplement() throws {
        // “Our delegation had reached the airport, but Qatar and Turkey asked us to give the talks another
        // chance,” Asif said. — "said" the root, "asked" a conjunct of its complement, "us" an indirect object.
        let document = try code(
            "“/“/PUNCT/5/punct Our/we/PRON/3/nmod:poss delegation/delegation/NOUN/5/nsubj had/have/AUX/5/aux "
                + "reached/reach/VERB/24/ccomp the/the/DET/7/det airport/airport/NOUN/5/obj ,/,/PUNCT/13/punct "
                + "but/but/CCONJ/13/cc Qatar/Qatar/PROPN/13/nsubj and/and/CCONJ/12/cc Turkey/Turkey/PROPN/10/conj "
                + "asked/ask/VERB/5/conj us/we/PRON/13/iobj to/to/PART/16/mark give/give/VERB/13/xcomp "
                + "the/the/DET/18/det talks/talk/NOUN/16/iobj another/another/DET/20/det chance/chance/NOUN/16/obj "
                + ",/,/PUNCT/5/punct ”/”/PUNCT/5/punct Asif/Asif/PROPN/24/nsubj said/say/VERB/0/root "
                + "././PUNCT/24/punct",
            [("Qatar", "QAT"), ("Turkey", "TUR"), ("Asif", "PAKGOV")])
        let event = try #require(document.events.first { $0.cameo.hasPrefix("02") })
        #expect(event.source.map(\.code) == ["QAT", "TUR"])
        #expect(event.target.map(\.code) == ["PAKGOV"])
        #expect(!firstPersonEntries(event).isEmpty)
    }

    @Test func theQuotationMarksFindTheSpeakerWhenTheParseDoesNot() throws {
        // “Kabul attacked us,” Asif said. — misparsed with "said" a loose dependent of the object.
        let document = try code(
            "“/“/PUNCT/3/punct Kabul/Kabul/PROPN/3/nsubj attacked/attack/VERB/0/root us/we/PRON/3/obj "
                + ",/,/PUNCT/3/punct ”/”/PUNCT/3/punct Asif/Asif/PROPN/8/nsubj said/say/VERB/4/dep "
                + "././PUNCT/3/punct",
            [("Kabul", "AFGGOV"), ("Asif", "PAKGOV")])
        let event = try #require(document.events.first { $0.cameo == "190" })
        #expect(event.source.map(\.code) == ["AFGGOV"])
        #expect(event.target.map(\.code) == ["PAKGOV"])
        #expect(
            firstPersonEntries(event) == ["rule first-person: 'us' in the quote 'said' attributes of Asif → PAKGOV"])
    }

    @Test func inIndirectSpeechWeIsTheSpeakersSide() throws {
        // Asif said Kabul had attacked our posts.
        let document = try code(
            "Asif/Asif/PROPN/2/nsubj said/say/VERB/0/root Kabul/Kabul/PROPN/5/nsubj had/have/AUX/5/aux "
                + "attacked/attack/VERB/2/ccomp our/we/PRON/7/nmod:poss posts/post/NOUN/5/obj ././PUNCT/2/punct",
            [("Asif", "PAKGOV"), ("Kabul", "AFGGOV")])
        let event = try #require(document.events.first { $0.cameo == "190" })
        #expect(event.source.map(\.code) == ["AFGGOV"])
        #expect(event.target.map(\.code) == ["PAKGOV"])
        #expect(event.modality.reported)
    }

    @Test func aQuoteWithoutAReportingClauseContinuesTheLastSpeaker() throws {
        // “Kabul attacked our posts,” Asif said. “We agree to a ceasefire.”
        let document = try code(
            "“/“/PUNCT/3/punct Kabul/Kabul/PROPN/3/nsubj attacked/attack/VERB/0/root our/we/PRON/5/nmod:poss "
                + "posts/post/NOUN/3/obj ,/,/PUNCT/3/punct ”/”/PUNCT/3/punct Asif/Asif/PROPN/9/nsubj "
                + "said/say/VERB/3/parataxis ././PUNCT/3/punct || "
                + "“/“/PUNCT/3/punct We/we/PRON/3/nsubj agree/agree/VERB/0/root to/to/ADP/6/case a/a/DET/6/det "
                + "ceasefire/ceasefire/NOUN/3/obl ././PUNCT/3/punct ”/”/PUNCT/3/punct",
            [("Kabul", "AFGGOV"), ("Asif", "PAKGOV")])
        let agreement = try #require(document.events.first { $0.sentence == 1 })
        #expect(agreement.source.map(\.code) == ["PAKGOV"])
        #expect(
            firstPersonEntries(agreement) == [
                "rule first-person: 'we' in a quote continuing the last one of Asif → PAKGOV"
            ])
    }

    @Test func theWritersOwnWeIsNobody() throws {
        // No quote, no report: "Kabul attacked us."
        let document = try code(
            "Kabul/Kabul/PROPN/2/nsubj attacked/attack/VERB/0/root us/we/PRON/2/obj ././PUNCT/2/punct",
            [("Kabul", "AFGGOV")])
        #expect(document.events.allSatisfy { $0.target.isEmpty })
        #expect(document.events.allSatisfy { firstPersonEntries($0).isEmpty })
    }

    @Test func capitalUSIsNoPronoun() throws {
        // “Kabul attacked US posts,” Asif said. — "US" is the country's, coded or not, never Asif's.
        let document = try code(
            "“/“/PUNCT/3/punct Kabul/Kabul/PROPN/3/nsubj attacked/attack/VERB/0/root US/US/PRON/5/compound "
                + "posts/post/NOUN/3/obj ,/,/PUNCT/3/punct ”/”/PUNCT/3/punct Asif/Asif/PROPN/9/nsubj "
                + "said/say/VERB/3/parataxis ././PUNCT/3/punct",
            [("Kabul", "AFGGOV"), ("Asif", "PAKGOV")])
        #expect(document.events.allSatisfy { !$0.target.map(\.code).contains("PAKGOV") })
    }
}
