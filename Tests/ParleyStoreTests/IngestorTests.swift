import Foundation
import Parley
import ParleyStore
import ParleyTesting
import Testing

/// Codes one clash per document that mentions one, so ingest tests need no models.
struct ClashStage: PipelineStage {
    let name = "clash"
    let requires: Set<Annotation> = []
    let assigns: Set<Annotation> = [.events]

    func process(_ document: inout Document) throws {
        if document.text.contains("poison") {
            throw PipelineError(.stageFailed, "cannot code this document")
        }
        guard document.text.lowercased().contains("clash") else { return }
        document.events = [
            Event(
                id: "\(document.id)-e1", sentence: 0,
                source: [ActorReference(code: "PAKMIL", text: "troops", country: "PAK")],
                target: [ActorReference(code: "AFGREB", text: "Taliban", country: "AFG")], cameo: "190",
                evidence: Evidence(trigger: 0..<1, triggerTokens: 0..<1, pattern: "clash"))
        ]
    }
}

@Suite struct IngestorTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try "Troops clashed with fighters near the border on Saturday, officials said."
            .write(to: folder.appendingPathComponent("one.txt"), atomically: true, encoding: .utf8)
        try """
        {"id": "j1", "date": "2024-10-12", "text": "Ministers met in Doha to discuss a ceasefire and the exchange of prisoners."}
        {"id": "j2", "date": "2024-10-13", "text": "A second clash broke out in the valley overnight, residents said."}
        not json at all
        {"id": "j3", "text": "This one carries a poison pill that the coder rejects."}
        """.write(to: folder.appendingPathComponent("nested/batch.jsonl"), atomically: true, encoding: .utf8)
        try """
        <?xml version="1.0"?>
        <rss version="2.0"><channel><title>Border News</title>
        <item><title>Clash at the border</title><link>https://news.example/a?utm_source=rss</link>
        <pubDate>Sat, 12 Oct 2024 10:00:00 GMT</pubDate>
        <description>&lt;p&gt;Troops &lt;b&gt;clashed&lt;/b&gt; with fighters.&lt;/p&gt;&lt;p&gt;Two were hurt.&lt;/p&gt;</description></item>
        <item><title>Talks</title><link>https://news.example/b</link><description><![CDATA[Envoys met for talks.]]></description></item>
        </channel></rss>
        """.write(to: folder.appendingPathComponent("feed.rss"), atomically: true, encoding: .utf8)
        try "<rss><channel><item><title>broken".write(
            to: folder.appendingPathComponent("broken.xml"), atomically: true, encoding: .utf8)
        try Data().write(to: folder.appendingPathComponent("empty.txt"))
        try "hidden".write(to: folder.appendingPathComponent(".hidden.txt"), atomically: true, encoding: .utf8)
    }

    func ingestor(_ store: any EventStore) throws -> Ingestor {
        var configuration = Ingestor.Configuration()
        configuration.concurrency = 2
        return Ingestor(pipeline: try Pipeline([ClashStage()]), store: store, configuration: configuration)
    }

    @Test func ingestsAFolderAndRecordsFailures() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLiteEventStore.inMemory()
        let result = try await ingestor(store).run([folder.path, folder.appendingPathComponent("missing.txt").path])
        let counts = try await store.counts()
        // one.txt, j1, j2 and two feed items are stored.
        #expect(counts.documents == 5)
        #expect(result.inserted == 5)
        #expect(counts.events == 3)
        let failures = try await store.failures().map(\.item)
        #expect(failures.contains { $0.hasSuffix("batch.jsonl:3") })
        #expect(failures.contains { $0.hasSuffix("batch.jsonl#j3") })
        #expect(failures.contains { $0.hasSuffix("broken.xml") })
        #expect(failures.contains { $0.hasSuffix("empty.txt") })
        #expect(failures.contains { $0.hasSuffix("missing.txt") })
        #expect(!failures.contains { $0.contains(".hidden") })
        // The reason does not repeat the item's name ("empty.txt: empty.txt: input is empty" before).
        let empty = try #require(try await store.failures().first { $0.item.hasSuffix("empty.txt") })
        #expect(empty.reason == "input is empty")
        let feedItem = try #require(try await store.document("https://news.example/a?utm_source=rss"))
        #expect(feedItem.key == "url:https://news.example/a")
        #expect(feedItem.document.text == "Troops clashed with fighters.\n\nTwo were hurt.")
        #expect(feedItem.document.metadata.published == Day(year: 2024, month: 10, day: 12))
        #expect(feedItem.document.metadata.outlet == "Border News")
        #expect(try await store.check().isEmpty)
    }

    @Test func ingestingAgainChangesNothing() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLiteEventStore.inMemory()
        _ = try await ingestor(store).run([folder.path])
        let before = try await store.counts()
        let again = try await ingestor(store).run([folder.path])
        #expect(again.inserted == 0 && again.revised == 0 && again.unchanged == 5)
        let after = try await store.counts()
        #expect(after.documents == before.documents && after.events == before.events)
        #expect(after.incidents == before.incidents && after.versions == 0)
    }

    @Test func progressReachesTheTotal() async throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try await SQLiteEventStore.inMemory()
        let result = try await ingestor(store).run([folder.path]) { progress in
            #expect(progress.done <= progress.total)
        }
        #expect(result.done == result.total)
        #expect(result.failed >= 4)
    }
}

@Suite struct FingerprintTests {
    @Test(arguments: [
        ("HTTPS://Example.org/a/?utm_source=x#top", "https://example.org/a"),
        ("http://example.org:80/a?id=3", "https://example.org/a?id=3"),
    ])
    func normalisesURLs(_ pair: (String, String)) {
        #expect(Fingerprint.normalise(url: pair.0) == pair.1)
    }

    @Test func ignoresNonWebAddresses() {
        #expect(Fingerprint.normalise(url: "file:///etc/passwd") == nil)
        #expect(Fingerprint.normalise(url: "not a url") == nil)
    }

    @Test func truncatedCopyIsContained() {
        let words = (1...200).map { "word\($0)" }
        let full = Fingerprint(Document(id: "a", text: words.joined(separator: " ")))
        let half = Fingerprint(Document(id: "b", text: words.prefix(100).joined(separator: " ")))
        let jaccard = Fingerprint.jaccard(full.shingles, half.shingles)
        #expect(jaccard > 0.3 && jaccard < 0.7)
        #expect(Fingerprint.containment(jaccard: jaccard, sizes: full.shingleCount, half.shingleCount) > 0.85)
        #expect(SQLEventStore.duplicateScore(jaccard: jaccard, sizes: full.shingleCount, half.shingleCount) != nil)
    }

    @Test func emptyTextHasNoSignature() {
        let fingerprint = Fingerprint(Document(id: "e", text: "  \n "))
        #expect(fingerprint.shingles.isEmpty && fingerprint.shingleCount == 0)
    }
}

@Suite struct IncidentMatcherTests {
    let matcher = IncidentMatcher()

    func key(_ source: String, _ target: String, day: Int?, root: String = "19", place: String? = nil) -> IncidentMatcher.Key {
        IncidentMatcher.Key(
            cameoRoot: root, modality: "asserted", source: source, target: target, sourceCountry: String(source.prefix(3)),
            targetCountry: String(target.prefix(3)), day: day, precision: "day", place: place)
    }

    @Test func sameDyadAndDayMatch() {
        #expect(matcher.match(key("PAKMIL", "AFGREB", day: 100), key("PAKMIL", "AFGREB", day: 101)) != nil)
    }

    @Test func fightsMatchWithSidesSwapped() {
        #expect(matcher.match(key("PAKMIL", "AFGREB", day: 100), key("AFGREB", "PAKMIL", day: 100)) != nil)
        #expect(
            matcher.match(key("PAKMIL", "AFGREB", day: 100, root: "17"), key("AFGREB", "PAKMIL", day: 100, root: "17")) == nil)
    }

    @Test(arguments: [
        ("other day", 105, "19", "Chaman"), ("other root", 100, "04", "Chaman"), ("other place", 100, "19", "Quetta"),
    ])
    func differentIncidentsDoNotMatch(_ name: String, _ day: Int, _ root: String, _ place: String) {
        #expect(
            matcher.match(key("PAKMIL", "AFGREB", day: day, root: root, place: place), key("PAKMIL", "AFGREB", day: 100, place: "Chaman"))
                == nil, "\(name)")
    }

    @Test func countryLevelDyadsMatch() {
        #expect(matcher.match(key("PAKGOV", "AFGREB", day: 100), key("PAKMIL", "AFGREB", day: 100)) != nil)
        #expect(matcher.match(key("INDMIL", "AFGREB", day: 100), key("PAKMIL", "AFGREB", day: 100)) == nil)
    }
}

@Suite struct EventExporterTests {
    func row() -> EventExporter.Row {
        var document = StoreConformance.document(
            id: "d", sentences: ["Troops clashed, officials said \"heavily\"."], events: [(0, "PAKMIL", "AFGREB", "190")],
            eventDate: "2024-10-12", place: ("Chaman", 30.9, 66.4))
        document.events[0].casualties = [CasualtyClaim(kind: "killed", count: 4)]
        return EventExporter.Row(
            StoredEvent(
                event: document.events[0], documentID: "d", documentKey: "text:x", published: nil, incident: "inc-1",
                sentenceText: "Troops clashed, officials said \"heavily\".", url: "https://e.org/a", outlet: "Wire"))
    }

    @Test func csvQuotesFields() {
        let text = EventExporter(format: .csv).write([row()])
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix(",\"Troops clashed, officials said \"\"heavily\"\".\""))
        #expect(lines[1].hasPrefix("d:d-e1,2024-10-12,PAKMIL,"))
    }

    @Test func ploverLinesAreJSON() throws {
        let text = EventExporter(format: .ploverJSONL).write([row(), row()])
        for line in text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["event_date"] as? String == "2024-10-12")
            #expect(object["fatalities"] as? Int == 4)
            #expect(object["actor_code"] as? String == "PAKMIL")
        }
    }

    @Test func phoenixAndAcledHaveTheirColumns() {
        let phoenix = EventExporter(format: .phoenixTSV).write([row()]).split(separator: "\n")
        #expect(phoenix[0].split(separator: "\t", omittingEmptySubsequences: false).count == 26)
        #expect(phoenix[1].split(separator: "\t", omittingEmptySubsequences: false).count == 26)
        #expect(phoenix[1].contains("\t20241012\t2024\t10\t12\t"))
        let acled = EventExporter(format: .acledCSV).write([row()]).split(separator: "\n")
        #expect(acled[0].hasPrefix("event_id_cnty,event_date,year"))
        #expect(acled[1].contains(",12 October 2024,2024,"))
    }
}
