import Foundation
import Parley

/// What storing a document did.
public enum StoreOutcome: String, Sendable, Hashable, Codable {
    /// A new document.
    case inserted
    /// The same text was already stored under the same identity: nothing changed.
    case unchanged
    /// A corrected version replaced the stored one; the old version is kept in the history.
    case revised
}

/// A stored document's place in the store.
public struct StoredDocument: Sendable, Hashable, Codable {
    /// Identity: `url:…` or `text:…`.
    public var key: String
    public var document: Document
    /// 1 for the first version, +1 for each correction.
    public var version: Int
    /// The key of the first-stored document this one is a near-duplicate of.
    public var duplicateOf: String?

    public init(key: String, document: Document, version: Int, duplicateOf: String?) {
        self.key = key
        self.document = document
        self.version = version
        self.duplicateOf = duplicateOf
    }
}

/// An earlier version of a corrected document.
public struct DocumentVersion: Sendable, Hashable, Codable {
    public var version: Int
    public var textHash: String
    public var document: Document
    /// When the next version replaced it (ISO 8601).
    public var supersededAt: String
}

/// Filters for events and incidents; `nil` means no filter.
public struct EventQuery: Sendable, Hashable {
    /// Inclusive date range (the event's date, or its publication date when it has none).
    public var from: Day?
    public var to: Day?
    /// An actor code or prefix (`PAKGOV`, `PAK`) on either side.
    public var actor: String?
    /// CAMEO root code, two digits (`19`).
    public var cameoRoot: String?
    /// PLOVER event type (`ASSAULT`).
    public var plover: String?
    /// Centre and radius in kilometres.
    public var near: (latitude: Double, longitude: Double, kilometres: Double)?
    /// `asserted`, `negated`, `hypothetical` or `future`.
    public var modality: String?
    /// Words that must occur in the event's sentence (case-insensitive).
    public var text: String?
    /// The document (id or key) the events come from.
    public var document: String?
    /// QuadClass, 1 (verbal cooperation) to 4 (material conflict).
    public var quadClass: Int?
    /// Most rows returned.
    public var limit: Int?
    /// Rows skipped before the first one returned (paging).
    public var offset: Int?

    public init() {}

    public static func == (lhs: EventQuery, rhs: EventQuery) -> Bool {
        lhs.from == rhs.from && lhs.to == rhs.to && lhs.actor == rhs.actor && lhs.cameoRoot == rhs.cameoRoot
            && lhs.plover == rhs.plover && lhs.near?.latitude == rhs.near?.latitude
            && lhs.near?.longitude == rhs.near?.longitude && lhs.near?.kilometres == rhs.near?.kilometres
            && lhs.modality == rhs.modality && lhs.text == rhs.text && lhs.document == rhs.document
            && lhs.quadClass == rhs.quadClass && lhs.limit == rhs.limit && lhs.offset == rhs.offset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(from)
        hasher.combine(to)
        hasher.combine(actor)
        hasher.combine(cameoRoot)
        hasher.combine(text)
    }
}

/// A stored event with where it came from.
public struct StoredEvent: Sendable, Hashable, Codable {
    public var event: Event
    public var documentID: String
    public var documentKey: String
    /// The document's publication date.
    public var published: Day?
    /// The incident this event is a report of.
    public var incident: String?
    /// The sentence the event was coded from.
    public var sentenceText: String
    /// The document's URL, when it has one.
    public var url: String?
    public var outlet: String?

    /// Creates a stored event.
    public init(
        event: Event, documentID: String, documentKey: String, published: Day?, incident: String?,
        sentenceText: String, url: String?, outlet: String?
    ) {
        self.event = event
        self.documentID = documentID
        self.documentKey = documentKey
        self.published = published
        self.incident = incident
        self.sentenceText = sentenceText
        self.url = url
        self.outlet = outlet
    }
}

/// One real-world happening reported by one or more events, across sentences and documents.
public struct Incident: Sendable, Hashable, Codable {
    public var id: String
    /// The incident's own date (the date of its earliest-dated report), not the date of later recollections.
    public var date: Day?
    public var datePrecision: String?
    /// The first report, standing for the incident (codes, actors, place).
    public var event: Event
    /// Every report, with its own evidence, casualty claims and attribution.
    public var reports: [StoredEvent]

    /// The distinct documents reporting the incident.
    public var documentIDs: [String] {
        var seen = Set<String>()
        return reports.compactMap { seen.insert($0.documentKey).inserted ? $0.documentID : nil }
    }
}

/// A document similar to another.
public struct SimilarDocument: Sendable, Hashable, Codable {
    public var documentID: String
    public var key: String
    public var title: String?
    public var published: Day?
    /// 0...1: estimated word-set Jaccard, or shingle containment for near-duplicates.
    public var similarity: Double
    /// Whether it is a near-duplicate (wire copy, re-post, truncation).
    public var duplicate: Bool
    /// Incidents both documents report.
    public var sharedIncidents: Int
}

/// Related articles about the same happening.
public struct Story: Sendable, Hashable, Codable {
    public var id: String
    /// Mean similarity of the links that hold the story together, 0...1.
    public var score: Double
    public var documents: [Member]
    /// Groups of near-duplicates inside the story (keys), largest first.
    public var duplicateGroups: [[String]]

    /// A document in a story.
    public struct Member: Sendable, Hashable, Codable {
        public var documentID: String
        public var key: String
        public var title: String?
        public var published: Day?
    }
}

/// Aggregates of events or incidents over time.
public struct TimelineQuery: Sendable, Hashable {
    /// Period length.
    public enum Bucket: String, Sendable, Hashable, CaseIterable {
        case day, week, month
    }

    public var bucket: Bucket = .day
    /// One row per period and source–target dyad instead of per period.
    public var byDyad = false
    /// One row per period and CAMEO root code instead of per period (ignored when ``byDyad`` is set).
    public var byRoot = false
    /// Count incidents (each once) instead of raw events.
    public var incidents = true
    public var filter = EventQuery()

    public init() {}
}

/// One row of a timeline.
public struct TimelineRow: Sendable, Hashable, Codable {
    /// First day of the period (Monday for weeks).
    public var period: Day
    /// `SOURCE>TARGET` when grouped by dyad.
    public var dyad: String?
    /// The CAMEO root code (`19`) when grouped by root.
    public var root: String?
    public var count: Int
    /// Counts for QuadClass 1 (verbal cooperation) to 4 (material conflict).
    public var quadClass: [Int]
    /// Mean Goldstein score of the rows that have one.
    public var meanGoldstein: Double?
}

/// How much the store holds.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var documents: Int
    public var versions: Int
    public var events: Int
    public var incidents: Int
    public var failures: Int
    /// Documents marked as near-duplicates of another.
    public var duplicates: Int
}

/// An input that could not be read or coded.
public struct FailedItem: Sendable, Hashable, Codable {
    public var item: String
    public var reason: String
    public var failedAt: String
    public var attempts: Int
}

/// A coded document to store, with the input it came from and its fingerprint (computed once, by the caller).
public struct StoreRequest: Sendable {
    public var document: Document
    /// The input it came from (`file.jsonl:12`, a URL); storing it clears a failure recorded for it.
    public var item: String?
    public var fingerprint: Fingerprint

    /// Creates a request; the fingerprint is computed when not given.
    public init(_ document: Document, item: String?, fingerprint: Fingerprint? = nil) {
        self.document = document
        self.item = item
        self.fingerprint = fingerprint ?? Fingerprint(document)
    }
}

extension EventStore {
    /// Stores the documents one at a time.
    /// - Throws: ``StoreError`` from the first document that fails; the ones before it are stored.
    public func store(batch: [StoreRequest]) async throws -> [StoreOutcome] {
        var outcomes: [StoreOutcome] = []
        for request in batch { outcomes.append(try await store(request.document, item: request.item)) }
        return outcomes
    }
}

/// A store of coded documents, events, incidents and stories.
///
/// Storing is idempotent and atomic per document; every backend passes the same test suite.
public protocol EventStore: Sendable {
    /// Whether a document with this identity and the same text is stored (so coding it again is useless).
    /// - Throws: ``StoreError`` when the store cannot be read.
    func contains(_ fingerprint: Fingerprint) async throws -> Bool
    /// Stores a coded document in one transaction: document, events, incidents, signatures.
    /// - Parameters:
    ///   - document: the coded document.
    ///   - item: the input it came from (`file.jsonl:12`, a URL); clears a failure recorded for it.
    /// - Returns: whether it was new, unchanged or a corrected version.
    /// - Throws: ``StoreError``; nothing is written then.
    @discardableResult
    func store(_ document: Document, item: String?) async throws -> StoreOutcome
    /// Stores several coded documents, in order; each is stored whole or not at all (a transaction may
    /// hold several whole documents). Storing them one by one gives the same result.
    /// - Parameter batch: the documents with their inputs and fingerprints.
    /// - Returns: one outcome per document, in order.
    /// - Throws: ``StoreError``; documents of the failing transaction are not written then.
    func store(batch: [StoreRequest]) async throws -> [StoreOutcome]
    /// Records an input that failed, with its reason; recording it again counts another attempt.
    /// - Throws: ``StoreError`` when the store cannot be written.
    func recordFailure(item: String, reason: String) async throws
    /// A document by id or key, or `nil`.
    /// - Throws: ``StoreError``.
    func document(_ idOrKey: String) async throws -> StoredDocument?
    /// Earlier versions of a corrected document, oldest first.
    /// - Throws: ``StoreError``.
    func versions(of idOrKey: String) async throws -> [DocumentVersion]
    /// Events matching a query, by date.
    /// - Throws: ``StoreError``.
    func events(_ query: EventQuery) async throws -> [StoredEvent]
    /// Incidents matching a query (an incident matches when its first report does), by date.
    /// - Throws: ``StoreError``.
    func incidents(_ query: EventQuery) async throws -> [Incident]
    /// Documents similar to one, most similar first.
    /// - Throws: ``StoreError/Code/notFound`` when there is no such document.
    func similar(to idOrKey: String, limit: Int) async throws -> [SimilarDocument]
    /// Related documents clustered into stories, largest first.
    /// - Parameter minimumSimilarity: the word-set similarity that links two documents.
    /// - Throws: ``StoreError``.
    func stories(minimumSimilarity: Double) async throws -> [Story]
    /// Counts per period (and dyad): QuadClass counts and mean Goldstein.
    /// - Throws: ``StoreError``.
    func timeline(_ query: TimelineQuery) async throws -> [TimelineRow]
    /// How much the store holds.
    /// - Throws: ``StoreError``.
    func counts() async throws -> StoreCounts
    /// Inputs that failed, most recent first.
    /// - Throws: ``StoreError``.
    func failures() async throws -> [FailedItem]
    /// Problems found by the database's own check and by cross-checking tables; empty when sound.
    /// - Throws: ``StoreError``.
    func check() async throws -> [String]
    /// Releases the connection.
    func close() async
}
