import Foundation
import ParleyTesting
import Testing

/// `parley commitments` over a store ingested from articles written for this test.
@Suite struct CommitmentsCommandTests {
    static let articles = [
        #"{"id": "truce", "date": "2025-10-19", "text": "Pakistan and Afghanistan agreed to an immediate ceasefire on Sunday. Pakistan threatened Afghanistan with military strikes. Pakistan demanded that Afghanistan hand over militants."}"#,
        #"{"id": "clash", "date": "2025-10-22", "text": "Afghan forces did not attack Pakistani posts."}"#,
        #"{"id": "reply", "date": "2025-10-26", "text": "Afghanistan rejected Pakistan's demand on Saturday. Kabul said Pakistani jets bombed a village in Khost on Friday."}"#,
    ].joined(separator: "\n")

    let folder: URL
    let store: String

    init() throws {
        folder = try temporaryFolder("parley-cli-commitments")
        let input = folder.appendingPathComponent("articles.jsonl")
        try Self.articles.write(to: input, atomically: true, encoding: .utf8)
        store = folder.appendingPathComponent("store.sqlite").path
        let ingest = try runParley(["ingest", input.path, "--store", store, "--quiet"])
        #expect(ingest.status == 0, "\(ingest.stderr)")
    }

    func commitments(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try runParley(["commitments", "--store", store, "--output", "jsonl"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func followsCommitmentsAcrossDocuments() throws {
        let all = try commitments([])
        let byKind = Dictionary(all.map { ($0["kind"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
        let ceasefire = try #require(byKind["ceasefire"])
        // The only strike after the ceasefire is told by Kabul: a claim, not an established violation.
        #expect(ceasefire["status"] as? String == "alleged")
        let history = try #require(ceasefire["history"] as? [[String: Any]])
        let claim = try #require(history.last)
        #expect(claim["rule"] as? String == "ceasefire-violation")
        #expect(claim["claim"] as? Bool == true)
        #expect((claim["claimant"] as? [String: Any])?["code"] as? String == "AFGGOV")
        #expect(claim["document"] as? String == "reply")
        #expect((claim["explanation"] as? String)?.contains("after ceasefire of 2025-10-19") == true)
        // The negated attack of the second article is in no history.
        #expect(!history.contains { ($0["document"] as? String) == "clash" })
        let demand = try #require(byKind["demand"])
        #expect(demand["status"] as? String == "rejected")
        let rejection = try #require(
            (demand["history"] as? [[String: Any]])?.first { $0["rule"] as? String == "demand-rejected" })
        #expect(rejection["document"] as? String == "reply")
    }

    @Test func filtersByStatusKindDateAndPages() throws {
        #expect(try commitments(["--status", "rejected"]).map { $0["kind"] as? String } == ["demand"])
        #expect(try commitments(["--kind", "ceasefire,demand"]).count == 2)
        // Events up to October 20 show the commitments, none of what answered them.
        let early = try commitments(["--to", "2025-10-20"])
        #expect(!early.isEmpty && early.allSatisfy { $0["status"] as? String == "open" })
        let all = try commitments([])
        #expect(
            try commitments(["--limit", "1", "--offset", "1"]).map { $0["id"] as? String } == [all[1]["id"] as? String])
    }

    @Test func tableAndCSVNameTheRules() throws {
        let table = try runParley(["commitments", "--store", store])
        #expect(table.stdout.contains("rule demand-rejected: 124 by AFGGOV towards PAK"))
        let csv = try runParley(["commitments", "--store", store, "--output", "csv", "--kind", "demand"])
        let lines = csv.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("id,kind,status,date,document") == true)
        #expect(lines.count == 2 && lines[1].contains(",demand,rejected,2025-10-19,truce,"))
    }

    @Test(arguments: [
        (
            ["--status", "broken"],
            "--status 'broken' is one of open, kept, met, rejected, carried_out, violated, alleged"
        ),
        (["--kind", "pledge"], "--kind 'pledge' is one of demand, threat, promise, agreement, ceasefire"),
        (["--from", "2025-13-01"], "--from '2025-13-01' is not a date"),
    ])
    func badFiltersAreRejectedClearly(_ arguments: [String], _ message: String) throws {
        let result = try runParley(["commitments", "--store", store] + arguments)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
