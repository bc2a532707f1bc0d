import Foundation
import Parley
import Testing

/// An actor reference as the coder writes it: `PAKMIL` is country PAK, sector MIL.
private func actor(_ code: String, _ text: String? = nil) -> ActorReference {
    let country = code.count >= 3 && !code.hasPrefix("-") ? String(code.prefix(3)) : nil
    let sector = code.count >= 6 ? String(code.dropFirst(3).prefix(3)) : nil
    return ActorReference(code: code, text: text ?? code, country: country, sector: sector)
}

/// A hand-built event on a day of October 2025.
private func event(
    _ id: String, _ cameo: String, _ source: [String], _ target: [String], day: Int, sentence: Int = 0,
    pattern: String = "test", modality: (inout Modality) -> Void = { _ in }, location: Location? = nil
) -> Event {
    var flags = Modality()
    modality(&flags)
    return Event(
        id: id, sentence: sentence, source: source.map { actor($0) }, target: target.map { actor($0) },
        cameo: cameo, modality: flags, date: Day(year: 2025, month: 10, day: day), datePrecision: "day",
        location: location, evidence: Evidence(trigger: 0..<1, triggerTokens: 0..<1, pattern: pattern))
}

@Suite struct CommitmentTrackerTests {
    let tracker = CommitmentTracker()

    func track(_ events: [Event], document: String = "doc") -> [Commitment] {
        tracker.track(events.map { CommitmentTracker.Input($0, document: document, published: nil) })
    }

    @Test func anAttackBetweenThePartiesAfterACeasefireViolatesIt() throws {
        let commitments = track([
            event("c", "0871", ["PAKGOV", "AFG"], [], day: 17),
            event("a", "190", ["PAKMIL"], ["AFGMIL"], day: 20),
        ])
        let ceasefire = try #require(commitments.first)
        #expect(commitments.count == 1)
        #expect(ceasefire.kind == .ceasefire && ceasefire.mutual)
        #expect(ceasefire.status == .violated)
        let violation = try #require(ceasefire.history.last)
        #expect(violation.event == "a" && violation.rule == "ceasefire-violation" && !violation.claim)
        #expect(
            violation.explanation
                == "rule ceasefire-violation: 190 by PAKMIL against AFGMIL on 2025-10-20 after ceasefire of 2025-10-17 (c)"
        )
    }

    @Test func anAttackDatedBeforeTheCeasefireIsNoViolation() {
        // The article recalls an October 12 attack after telling of the October 17 ceasefire.
        let commitments = track([
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
            event("a", "190", ["AFGMIL"], ["PAK"], day: 12, sentence: 3),
            event("b", "190", ["AFGMIL"], ["PAK"], day: 17, sentence: 4),
        ])
        #expect(commitments.map(\.status) == [.open])
        #expect(commitments.first?.history.count == 1)
    }

    @Test func aNegatedOrHypotheticalAttackIsNoViolation() {
        let commitments = track([
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
            event("a", "190", ["PAKMIL"], ["AFG"], day: 20) { $0.negated = true },
            event("b", "190", ["AFGMIL"], ["PAK"], day: 21) { $0.future = true },
        ])
        #expect(commitments.first?.status == .open)
        #expect(commitments.first?.history.map(\.event) == ["c"])
    }

    @Test func forceAgainstSomeoneOutsideTheCeasefireIsNoViolation() {
        // Pakistan fighting its own rebels, or a party of neither side attacking, breaks no PAK–AFG ceasefire.
        let commitments = track([
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
            event("a", "190", ["PAKMIL"], ["PAKREB"], day: 20),
            event("b", "190", ["INDMIL"], ["PAKMIL"], day: 20),
            event("d", "190", ["AFGREB"], ["PAKMIL"], day: 21),
        ])
        #expect(commitments.first?.status == .open)
    }

    @Test func anAllegedViolationIsAClaimWithItsClaimant() throws {
        let commitments = track([
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
            event("a", "195", ["PAKMIL"], ["AFG"], day: 20) {
                $0.reported = true
                $0.speaker = actor("AFGGOV", "Kabul")
            },
        ])
        let ceasefire = try #require(commitments.first)
        #expect(ceasefire.status == .alleged)
        let claim = try #require(ceasefire.history.last)
        #expect(claim.claim && claim.claimant?.code == "AFGGOV")
        #expect(claim.explanation.hasSuffix("alleged by AFGGOV"))
    }

    @Test func anAccusationInTheSameSentenceMakesTheActAClaim() throws {
        let commitments = track([
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
            event("accuse", "112", ["AFGGOV"], ["PAK"], day: 21, sentence: 2),
            event("v", "196", ["PAK"], [], day: 21, sentence: 2),
        ])
        let change = try #require(commitments.first?.history.last)
        #expect(change.event == "v" && change.claim && change.claimant?.code == "AFGGOV")
        #expect(commitments.first?.status == .alleged)
    }

    @Test func aSelfReportedStrikeIsAnAdmissionNotAClaim() {
        let commitments = track([
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
            event("a", "195", ["PAKMIL"], ["AFGREB"], day: 20) {
                $0.reported = true
                $0.speaker = actor("PAKMIL", "the Pakistani military")
            },
        ])
        #expect(commitments.first?.status == .violated)
    }

    @Test func forceWithNoCodedTargetAtAPlaceOfTheOtherPartyViolates() {
        let khost = Location(name: "Khost", country: "AFG", precision: 1)
        let country = Location(name: "Afghanistan", country: "AFG", precision: 4)
        let commitments = track([
            event("c", "0871", ["PAKGOV", "AFG"], [], day: 17),
            event("a", "190", ["PAKMIL"], [], day: 20, location: country),
            event("b", "195", ["PAKMIL"], [], day: 21, location: khost),
        ])
        #expect(commitments.first?.history.last?.event == "b")
        #expect(commitments.first?.history.last?.explanation.contains("in Khost (AFG)") == true)
    }

    @Test func oneSentenceGivesOneStep() {
        // "Pakistani jets bombed a market, killing seven" is coded as 195 and 190 in one sentence.
        let commitments = track([
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
            event("a", "195", ["PAKMIL"], ["AFG"], day: 20, sentence: 1),
            event("b", "190", ["PAKMIL"], ["AFG"], day: 20, sentence: 1),
            event("d", "190", ["PAKMIL"], ["AFG"], day: 21, sentence: 2),
        ])
        #expect(commitments.first?.history.map(\.event) == ["c", "a", "d"])
    }

    @Test func aThreatCarriedOutByTheThreatener() throws {
        let commitments = track([
            event("t", "138", ["PAKGOV"], ["AFGGOV"], day: 10),
            event("s", "195", ["PAKMIL"], ["AFG"], day: 14),
        ])
        let threat = try #require(commitments.first)
        #expect(threat.kind == .threat && threat.status == .carriedOut)
        #expect(threat.history.last?.rule == "threat-carried-out")
    }

    @Test func aStrikeBySomeoneElseLeavesTheThreatOpen() {
        let commitments = track([
            event("t", "138", ["PAKGOV"], ["AFGGOV"], day: 10),
            event("s", "195", ["USAMIL"], ["AFG"], day: 14),
            event("r", "195", ["AFGMIL"], ["PAK"], day: 15),
        ])
        #expect(commitments.map(\.status) == [.open])
    }

    @Test func aConditionalStrikeIsAThreat() throws {
        let commitments = track([
            event("h", "195", ["PAKGOV"], ["AFG"], day: 10) { $0.hypothetical = true },
            event("s", "190", ["PAKMIL"], ["AFGMIL"], day: 12),
        ])
        let threat = try #require(commitments.first)
        #expect(threat.kind == .threat && threat.status == .carriedOut)
        #expect(threat.history.first?.explanation.contains("conditional force") == true)
    }

    @Test func aPromiseToMeetIsKeptByAMeetingEitherWay() throws {
        let commitments = track([
            event("p", "036", ["PAKGOV"], ["AFGGOV"], day: 19),
            event("m", "043", ["AFGGOV"], ["PAKGOV"], day: 25),
        ])
        let promise = try #require(commitments.first)
        #expect(promise.kind == .promise && promise.status == .kept)
        #expect(promise.history.last?.rule == "promise-kept")
    }

    @Test func aPromiseToMeetIsNotKeptByAidOrByOthersMeeting() {
        let commitments = track([
            event("p", "036", ["PAKGOV"], ["AFGGOV"], day: 19),
            event("a", "070", ["PAKGOV"], ["AFGGOV"], day: 25),
            event("m", "043", ["INDGOV"], ["AFGGOV"], day: 26),
        ])
        #expect(commitments.map(\.status) == [.open])
    }

    @Test func aDemandRejectedThenMet() throws {
        let commitments = track([
            event("d", "1053", ["USAGOV"], ["IRNGOV"], day: 1),
            event("r", "1243", ["IRNGOV"], ["USA"], day: 3),
            event("y", "0841", ["IRNGOV"], [], day: 9),
        ])
        let demand = try #require(commitments.first)
        #expect(demand.kind == .demand)
        #expect(demand.history.map(\.status) == [.open, .rejected, .met])
        #expect(demand.history.map(\.rule) == ["demand", "demand-rejected", "demand-met"])
        #expect(demand.status == .met)
    }

    @Test func aFutureMeetingIsAPromiseAndASignedAccordAnAgreement() {
        let commitments = track([
            event("f", "040", ["PAKGOV"], ["AFGGOV"], day: 19) { $0.future = true },
            event("g", "057", ["PAKGOV"], ["AFGGOV"], day: 20),
            event("k", "042", ["PAKGOV"], ["AFGGOV"], day: 25),
            event("r", "127", ["AFGGOV"], ["PAKGOV"], day: 28),
        ])
        #expect(commitments.map(\.kind) == [.promise, .agreement])
        #expect(commitments.map(\.status) == [.kept, .rejected])
    }

    @Test func theSameCommitmentMadeAgainJoinsTheFirst() throws {
        let commitments = track(
            [
                event("c1", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
                event("c2", "0871", ["AFG"], ["PAK"], day: 17, sentence: 4),
                event("a", "190", ["AFGMIL"], ["PAKMIL"], day: 20),
                event("c3", "0871", ["PAKGOV"], ["AFGGOV"], day: 25),
            ])
        #expect(commitments.count == 2)
        #expect(commitments.first?.history.map(\.rule) == ["ceasefire", "ceasefire-restated", "ceasefire-violation"])
        #expect(commitments.last?.id == "c3" && commitments.last?.status == .open)
    }

    @Test func eventsAreReadByDayWhateverTheirOrder() {
        let commitments = track([
            event("a", "190", ["PAKMIL"], ["AFGMIL"], day: 20),
            event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
        ])
        #expect(commitments.first?.status == .violated)
    }

    @Test func aCeasefireCodedAsAnIntentFromATrucePattern() {
        let commitments = track([
            event("c", "0356", ["PAKGOV", "AFG"], [], day: 17, pattern: "agree.truce"),
            event("n", "0356", ["PAKGOV", "AFG"], [], day: 18, pattern: "AGREE.7"),
        ])
        #expect(commitments.map(\.kind) == [.ceasefire, .promise])
    }

    @Test func aDocumentWithoutCommitmentsGivesNoneAndKeepsItsOutput() throws {
        var document = Document(id: "plain", text: "x")
        document.events = [event("a", "190", ["PAKMIL"], ["AFGMIL"], day: 20)]
        #expect(CommitmentTracker().commitments(in: document).isEmpty)
        #expect(!EventOutput.jsonLine(document).contains("commitments"))
        #expect(!EventOutput.table(document).contains("commitments"))
        document.events.insert(event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17), at: 0)
        #expect(EventOutput.jsonLine(document).contains(#""commitments": [{"id": "c", "kind": "ceasefire""#))
        #expect(EventOutput.table(document).contains("ceasefire  violated"))
    }

    @Test func aCommitmentRoundTripsAsJSON() throws {
        let commitment = try #require(
            track([
                event("c", "0871", ["PAKGOV"], ["AFGGOV"], day: 17),
                event("a", "190", ["PAKMIL"], ["AFGMIL"], day: 20) { $0.reported = true },
            ]).first)
        let data = try JSONEncoder().encode(commitment)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""third_parties""#) && !text.contains("thirdParties"))
        #expect(try JSONDecoder().decode(Commitment.self, from: data) == commitment)
    }
}
