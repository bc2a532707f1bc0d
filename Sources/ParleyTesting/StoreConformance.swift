import Foundation
import Parley
import ParleyStore

/// A failed store-conformance check.
public struct ConformanceFailure: Error, CustomStringConvertible {
    public var description: String
}

/// The checks every ``EventStore`` backend must pass; each backend's test target runs them all.
public enum StoreConformance {
    /// The names of the checks, for `@Test(arguments:)`.
    public static var names: [String] { checks.map(\.0) }

    /// Runs one check on a fresh, empty store.
    /// - Throws: ``ConformanceFailure`` describing the first expectation that failed, or the store's error.
    public static func run(_ name: String, on store: any EventStore) async throws {
        guard let check = checks.first(where: { $0.0 == name }) else {
            throw ConformanceFailure(description: "no check named \(name)")
        }
        try await check.1(store)
    }

    static func expect(_ condition: Bool, _ message: @autoclosure () -> String, line: Int = #line) throws {
        if !condition { throw ConformanceFailure(description: "StoreConformance.swift:\(line): \(message())") }
    }

    /// A sentence-per-line document with hand-made events.
    public static func document(
        id: String, sentences: [String], published: String? = "2024-10-12", url: String? = nil, title: String? = nil,
        events: [(sentence: Int, source: String, target: String, cameo: String)] = [], eventDate: String? = nil,
        place: (String, Double, Double)? = nil, negated: Bool = false
    ) -> Document {
        var text = ""
        var spans: [Sentence] = []
        for (index, sentence) in sentences.enumerated() {
            if index > 0 { text += " " }
            let start = text.utf8.count
            text += sentence
            spans.append(Sentence(tokens: 0..<0, range: start..<text.utf8.count))
        }
        var document = Document(
            id: id, text: text,
            metadata: ArticleMetadata(title: title, url: url, published: published.flatMap { Day(parsing: $0) }))
        document.sentences = spans
        document.annotations = [.sentences, .events]
        for (number, spec) in events.enumerated() {
            var modality = Modality()
            modality.negated = negated
            func actor(_ code: String) -> [ActorReference] {
                code.isEmpty ? [] : [ActorReference(code: code, text: code, country: String(code.prefix(3)))]
            }
            let root = IncidentMatcher.root(of: spec.cameo)
            let quad = ["01", "02", "03", "04", "05"].contains(root) ? 1 : ["06", "07", "08"].contains(root) ? 2 : ["09", "10", "11", "12", "13", "14", "15", "16", "17"].contains(root) ? 3 : 4
            document.events.append(
                Event(
                    id: "\(id)-e\(number + 1)", sentence: spec.sentence, source: actor(spec.source), target: actor(spec.target),
                    cameo: spec.cameo, plover: PloverCoding(event: root == "19" ? "ASSAULT" : root == "04" ? "CONSULT" : "OTHER"),
                    goldstein: root == "19" ? -10 : 1, quadClass: quad, modality: modality,
                    date: eventDate.flatMap { Day(parsing: $0) }, datePrecision: eventDate == nil ? nil : "day",
                    location: place.map { Location(name: $0.0, latitude: $0.1, longitude: $0.2, precision: 1) },
                    evidence: Evidence(trigger: 0..<1, triggerTokens: 0..<1, pattern: "test")))
        }
        return document
    }

    static let clash = "Pakistani troops clashed with Taliban fighters near the border town of Chaman on Saturday."
    static let filler = [
        "Officials said the fighting lasted several hours and forced families to flee their homes.",
        "A spokesman for the provincial government called for calm and promised an investigation.",
        "Residents described heavy gunfire and explosions through the night across the district.",
        "The foreign ministry summoned an envoy to protest against the violence along the frontier.",
        "Aid groups warned that supplies of food and medicine were running low in nearby villages.",
    ]

    static let checks: [(String, @Sendable (any EventStore) async throws -> Void)] = [
        ("storingTwiceChangesNothing", { store in
            let doc = document(id: "a", sentences: [clash] + filler, events: [(0, "PAKMIL", "AFGREB", "190")])
            let first = try await store.store(doc, item: "a.txt")
            try expect(first == .inserted, "first store is \(first)")
            let before = try await store.counts()
            let second = try await store.store(doc, item: "a.txt")
            try expect(second == .unchanged, "second store is \(second)")
            let after = try await store.counts()
            try expect(before == after, "counts changed: \(before) → \(after)")
            try expect(after.documents == 1 && after.events == 1 && after.incidents == 1, "counts \(after)")
            try expect(try await store.contains(Fingerprint(doc)), "contains() is false for a stored document")
            let problems = try await store.check()
            try expect(problems.isEmpty, "check: \(problems)")
        }),
        ("identityIsTheNormalisedText", { store in
            let doc = document(id: "a", sentences: [clash] + filler)
            var respaced = doc
            respaced.id = "b"
            respaced.text = doc.text.replacingOccurrences(of: " ", with: "  ").uppercased()
            try await store.store(doc, item: nil)
            let outcome = try await store.store(respaced, item: nil)
            try expect(outcome == .unchanged, "re-spaced copy is \(outcome)")
            try expect(try await store.counts().documents == 1, "two documents stored")
        }),
        ("correctionKeepsHistory", { store in
            let url = "https://news.example/world/clash?utm_source=feed"
            let old = document(
                id: "a", sentences: [clash] + filler, url: url, events: [(0, "PAKMIL", "AFGREB", "190")])
            let corrected = document(
                id: "a", sentences: [clash.replacingOccurrences(of: "Saturday", with: "Friday")] + filler,
                url: "HTTPS://news.example/world/clash#top", events: [(0, "PAKMIL", "AFGREB", "190"), (1, "PAKGOV", "", "010")])
            try await store.store(old, item: nil)
            let outcome = try await store.store(corrected, item: nil)
            try expect(outcome == .revised, "correction is \(outcome)")
            let stored = try await store.document("a")
            try expect(stored?.version == 2, "version \(String(describing: stored?.version))")
            try expect(stored?.document.text.contains("Friday") == true, "stored text is not the correction")
            let versions = try await store.versions(of: "a")
            try expect(versions.count == 1 && versions[0].document.text.contains("Saturday"), "history \(versions.map(\.version))")
            let counts = try await store.counts()
            try expect(counts.documents == 1 && counts.events == 2 && counts.versions == 1, "counts \(counts)")
            try expect(counts.incidents == 2, "incidents \(counts.incidents)")
            let problems = try await store.check()
            try expect(problems.isEmpty, "check: \(problems)")
        }),
        ("reportsOfOneClashAreOneIncident", { store in
            let first = document(
                id: "first", sentences: [clash] + filler, published: "2024-10-12",
                events: [(0, "PAKMIL", "AFGREB", "190"), (1, "PAKMIL", "AFGREB", "193")], eventDate: "2024-10-12",
                place: ("Chaman", 30.92, 66.45))
            try await store.store(first, item: nil)
            // Five later articles recall the clash, dated October 12 by their own text.
            for day in 14...18 {
                let later = document(
                    id: "later-\(day)", sentences: ["Talks resumed days after the clash.", filler[day % 5], clash],
                    published: "2024-10-\(day)", events: [(2, "PAKMIL", "AFGREB", "190")], eventDate: "2024-10-12",
                    place: ("Chaman", 30.95, 66.40))
                try await store.store(later, item: nil)
            }
            // A clash a month later is another incident.
            let other = document(
                id: "other", sentences: [clash, filler[0]], published: "2024-11-20",
                events: [(0, "PAKMIL", "AFGREB", "190")], eventDate: "2024-11-20")
            try await store.store(other, item: nil)
            // A denial is never merged with the clash it denies.
            let denial = document(
                id: "denial", sentences: ["The army denied that troops clashed with Taliban fighters.", filler[1]],
                published: "2024-10-13", events: [(0, "PAKMIL", "AFGREB", "190")], eventDate: "2024-10-12",
                negated: true)
            try await store.store(denial, item: nil)
            let incidents = try await store.incidents(EventQuery())
            try expect(incidents.count == 3, "\(incidents.count) incidents: \(incidents.map { ($0.id, $0.reports.count) })")
            let october = incidents.first { $0.date == Day(year: 2024, month: 10, day: 12) && $0.event.modality.negated == false }
            try expect(october?.reports.count == 7, "October incident has \(october?.reports.count ?? 0) reports")
            try expect(october?.documentIDs.count == 6, "October incident documents \(october?.documentIDs ?? [])")
            try expect(october?.reports.allSatisfy { $0.event.evidence.pattern == "test" } == true, "evidence lost")
            var assertedOnly = EventQuery()
            assertedOnly.modality = "negated"
            try expect(try await store.incidents(assertedOnly).count == 1, "negated incident not found")
            let problems = try await store.check()
            try expect(problems.isEmpty, "check: \(problems)")
        }),
        ("eventFiltersSelect", { store in
            try await store.store(
                document(
                    id: "k", sentences: ["Pakistani troops attacked militants in Kabul.", filler[0]],
                    published: "2024-03-01", events: [(0, "PAKMIL", "AFGREB", "190")], place: ("Kabul", 34.53, 69.17)),
                item: nil)
            try await store.store(
                document(
                    id: "d", sentences: ["India and Pakistan held talks in Delhi about the border.", filler[1]],
                    published: "2024-03-05", events: [(0, "INDGOV", "PAKGOV", "040")], place: ("Delhi", 28.61, 77.21)),
                item: nil)
            func ids(_ query: EventQuery) async throws -> [String] {
                try await store.events(query).map(\.documentID)
            }
            var query = EventQuery()
            let all = try await ids(query)
            try expect(all == ["k", "d"], "all: \(all)")
            query.from = Day(year: 2024, month: 3, day: 2)
            try expect(try await ids(query) == ["d"], "from")
            query = EventQuery()
            query.to = Day(year: 2024, month: 3, day: 2)
            try expect(try await ids(query) == ["k"], "to")
            query = EventQuery()
            query.actor = "afg"
            try expect(try await ids(query) == ["k"], "actor country")
            query.actor = "PAKGOV"
            try expect(try await ids(query) == ["d"], "actor code")
            query = EventQuery()
            query.cameoRoot = "04"
            try expect(try await ids(query) == ["d"], "cameo root")
            query = EventQuery()
            query.plover = "assault"
            try expect(try await ids(query) == ["k"], "plover")
            query = EventQuery()
            query.near = (34.0, 69.0, 100)
            try expect(try await ids(query) == ["k"], "near")
            query = EventQuery()
            query.text = "TALKS in delhi"
            try expect(try await ids(query) == ["d"], "text")
            query.text = "100%_"
            try expect(try await ids(query).isEmpty, "text with LIKE wildcards")
            query = EventQuery()
            query.modality = "asserted"
            query.limit = 1
            try expect(try await ids(query) == ["k"], "modality and limit")
            let events = try await store.events(EventQuery())
            try expect(events.first?.sentenceText == "Pakistani troops attacked militants in Kabul.", "sentence text")
            try expect(events.first?.published == Day(year: 2024, month: 3, day: 1), "published")
        }),
        ("nearDuplicatesAreGrouped", { store in
            let original = document(id: "orig", sentences: [clash] + filler, title: "Troops clash at border")
            var copy = document(id: "copy", sentences: ["BREAKING: " + clash] + filler, title: "Border fighting")
            copy.text = copy.text.replacingOccurrences(of: ". ", with: ".\n\n")
            let truncated = document(id: "short", sentences: [clash] + Array(filler.prefix(3)))
            let unrelated = document(
                id: "other",
                sentences: [
                    "The central bank raised interest rates by half a point to fight inflation.",
                    "Markets fell sharply after the announcement as investors sold bank shares.",
                    "Economists expect another increase before the end of the year.",
                ])
            for doc in [original, copy, truncated, unrelated] { try await store.store(doc, item: nil) }
            let stored = try await store.document("copy")
            try expect(stored?.duplicateOf == "text:" + Fingerprint(original).textHash, "copy duplicateOf \(String(describing: stored?.duplicateOf))")
            try expect(try await store.document("short")?.duplicateOf != nil, "truncation not grouped")
            try expect(try await store.document("other")?.duplicateOf == nil, "unrelated grouped")
            let similar = try await store.similar(to: "orig", limit: 10)
            try expect(Set(similar.filter(\.duplicate).map(\.documentID)) == ["copy", "short"], "similar \(similar)")
            try expect(!similar.contains { $0.documentID == "other" }, "unrelated listed as similar")
            let stories = try await store.stories(minimumSimilarity: 0.3)
            try expect(stories.count == 1 && stories[0].documents.count == 3, "stories \(stories.map { $0.documents.map(\.documentID) })")
            try expect(stories[0].duplicateGroups.first?.count == 3, "duplicate groups \(stories[0].duplicateGroups)")
            let counts = try await store.counts()
            try expect(counts.duplicates == 2, "duplicates \(counts.duplicates)")
            do {
                _ = try await store.similar(to: "missing", limit: 3)
                try expect(false, "similar(missing) did not throw")
            } catch let error as StoreError {
                try expect(error.code == .notFound, "error code \(error.code)")
            }
        }),
        ("timelineAggregates", { store in
            let days = ["2024-01-01", "2024-01-01", "2024-01-02", "2024-01-09"]
            for (index, day) in days.enumerated() {
                let cameo = index == 1 ? "040" : "190"
                try await store.store(
                    document(
                        id: "t\(index)", sentences: ["Event number \(index) happened on \(day) somewhere else entirely."],
                        published: day, events: [(0, index == 1 ? "INDGOV" : "PAKMIL", "AFGREB", cameo)]),
                    item: nil)
            }
            var query = TimelineQuery()
            query.incidents = false
            let daily = try await store.timeline(query)
            try expect(daily.map(\.period.description) == ["2024-01-01", "2024-01-02", "2024-01-09"], "days \(daily)")
            try expect(daily[0].count == 2 && daily[0].quadClass == [1, 0, 0, 1], "first day \(daily[0])")
            try expect(daily[0].meanGoldstein == -4.5, "mean goldstein \(String(describing: daily[0].meanGoldstein))")
            query.bucket = .week
            let weekly = try await store.timeline(query)
            try expect(weekly.map(\.period.description) == ["2024-01-01", "2024-01-08"], "weeks \(weekly)")
            try expect(weekly.map(\.count) == [3, 1], "week counts \(weekly.map(\.count))")
            query.byDyad = true
            query.bucket = .day
            let dyads = try await store.timeline(query)
            try expect(dyads.count == 4 && dyads[0].dyad == "INDGOV>AFGREB", "dyads \(dyads.map { ($0.period, $0.dyad) })")
            var incidents = TimelineQuery()
            incidents.filter.cameoRoot = "19"
            let incidentRows = try await store.timeline(incidents)
            try expect(incidentRows.map(\.count).reduce(0, +) == 2, "incident timeline \(incidentRows)")
        }),
        ("failuresAreRecordedAndCleared", { store in
            try await store.recordFailure(item: "bad.jsonl:3", reason: "not JSON")
            try await store.recordFailure(item: "bad.jsonl:3", reason: "still not JSON")
            var failures = try await store.failures()
            try expect(failures.count == 1 && failures[0].attempts == 2 && failures[0].reason == "still not JSON", "\(failures)")
            try await store.store(document(id: "fixed", sentences: [clash]), item: "bad.jsonl:3")
            failures = try await store.failures()
            try expect(failures.isEmpty, "failure kept after success: \(failures)")
        }),
        ("documentsRoundTripWithAllFields", { store in
            var doc = document(id: "full", sentences: [clash] + filler, url: "https://example.org/a", title: "T",
                events: [(0, "PAKMIL", "AFGREB", "190")], eventDate: "2024-10-12", place: ("Chaman", 30.9, 66.4))
            doc.metadata.outlet = "Example News"
            doc.warnings = [Diagnostic(file: "x", line: 2, message: "repaired")]
            doc.events[0].casualties = [CasualtyClaim(kind: "killed", count: 3, qualifier: "at least")]
            var troops = Token(range: 0..<9, form: "Pakistani")
            troops.upos = "ADJ"
            troops.xpos = "JJ"
            troops.features = "Degree=Pos"
            troops.lemma = "Pakistani"
            troops.head = 1
            troops.relation = "amod"
            var odd = Token(range: 10..<16, form: "tro\tops\\", spaceAfter: false)
            odd.multiwordStart = 0
            odd.lemma = ""
            odd.features = "A=1\nB=2"
            odd.relation = "root"
            doc.tokens = [troops, odd, Token(range: 17..<24, form: "clashed")]
            try await store.store(doc, item: nil)
            let stored = try await store.document("https://example.org/a")
            try expect(stored == nil, "a URL is not a key: keys are prefixed")
            let byID = try await store.document("full")
            try expect(byID?.document == doc, "document differs after a round trip")
            try expect(byID?.key == "url:https://example.org/a", "key \(byID?.key ?? "")")
            let event = try await store.events(EventQuery()).first
            try expect(event?.event == doc.events[0], "event differs after a round trip")
            try expect(event?.outlet == "Example News" && event?.url == "https://example.org/a", "event's document fields")
        }),
        ("batchStoresLikeOneByOne", { store in
            let first = document(id: "first", sentences: [clash] + filler, url: "https://example.org/first",
                events: [(0, "PAKMIL", "AFGREB", "190")])
            let copy = document(id: "copy", sentences: ["BREAKING: " + clash] + filler, url: "https://example.org/copy",
                events: [(0, "PAKMIL", "AFGREB", "190")])
            let corrected = document(
                id: "first", sentences: [clash.replacingOccurrences(of: "Saturday", with: "Friday")] + filler,
                url: "https://example.org/first", events: [(0, "PAKMIL", "AFGREB", "190")])
            let other = document(
                id: "other", sentences: ["The central bank raised interest rates by half a point to fight inflation."],
                url: "https://example.org/other")
            let outcomes = try await store.store(batch: [first, copy, corrected, other, copy].map { StoreRequest($0, item: nil) })
            try expect(outcomes == [.inserted, .inserted, .revised, .inserted, .unchanged], "outcomes \(outcomes)")
            let counts = try await store.counts()
            try expect(
                counts.documents == 3 && counts.versions == 1 && counts.events == 2 && counts.incidents == 1
                    && counts.duplicates == 1, "counts \(counts)")
            try expect(try await store.document("copy")?.duplicateOf == "url:https://example.org/first", "copy not grouped")
            let problems = try await store.check()
            try expect(problems.isEmpty, "check \(problems)")
        }),
        ("undatedReportsStayApartInABatch", { store in
            // Undated reports join only incidents of their own document, stored one by one or together.
            let documents = ["u1", "u2"].map { id in
                document(
                    id: id, sentences: [clash.replacingOccurrences(of: " on Saturday", with: "") + " (\(id))"],
                    published: nil, events: [(0, "PAKMIL", "AFGREB", "190")])
            }
            _ = try await store.store(batch: documents.map { StoreRequest($0, item: nil) })
            let counts = try await store.counts()
            try expect(counts.events == 2 && counts.incidents == 2, "counts \(counts)")
        }),
    ]
}
