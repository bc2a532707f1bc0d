import Foundation
import Parley
import Synchronization

/// Where the store's write path spends its time, in seconds summed over all documents stored.
public struct StoreTimings: Sendable, Hashable {
    /// Reading which documents and failed items exist.
    public var lookup: Double = 0
    /// Finding near-duplicates (band lookups and exact scores).
    public var duplicates: Double = 0
    /// Matching events to incidents and planning their rows.
    public var incidents: Double = 0
    /// Encoding bodies, token tables and band rows.
    public var encoding: Double = 0
    /// Running the transactions.
    public var writes: Double = 0
    /// Transactions committed.
    public var transactions = 0

    public init() {}
}

/// The event store written once in SQL that SQLite and PostgreSQL both run; backends only execute it.
public final class SQLEventStore: EventStore {
    public let backend: any SQLBackend
    public let matcher: IncidentMatcher
    private let lock = AsyncLock()
    private let clock = Mutex(StoreTimings())

    /// Time spent so far on the write path.
    public var timings: StoreTimings { clock.withLock { $0 } }

    private func timed<T>(_ part: WritableKeyPath<StoreTimings, Double>, _ body: () async throws -> T) async rethrows
        -> T
    {
        let start = DispatchTime.now().uptimeNanoseconds
        defer {
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            clock.withLock { $0[keyPath: part] += seconds }
        }
        return try await body()
    }

    /// Opens a store on a backend and brings its schema up to date.
    /// - Throws: ``StoreError`` when a migration fails.
    public init(backend: any SQLBackend, matcher: IncidentMatcher = IncidentMatcher()) async throws {
        self.backend = backend
        self.matcher = matcher
        try await backend.migrate(StoreSchema.migrations)
        try await backfillBands()
    }

    /// Gives documents stored before the band rows existed their number, sketch and bands, recomputed
    /// from their stored text, a few hundred per transaction (an interrupted run resumes where it stopped).
    private func backfillBands() async throws {
        while true {
            let rows = try await backend.query("SELECT key, body FROM documents WHERE sketch IS NULL LIMIT 200")
            if rows.isEmpty { return }
            var statements: [SQLStatement] = []
            for row in rows {
                guard let key = row[0].text else { continue }
                var fingerprint = Fingerprint(try Self.decode(Document.self, row[1]))
                fingerprint.key = key
                statements.append(
                    SQLStatement(
                        "UPDATE documents SET number = ?, sketch = ? WHERE key = ?",
                        [.integer(fingerprint.number), .text(fingerprint.sketch), .text(key)]))
                if let insert = Self.insertBands(fingerprint) { statements.append(insert) }
            }
            try await backend.write(statements)
        }
    }

    // MARK: Writing

    public func contains(_ fingerprint: Fingerprint) async throws -> Bool {
        let rows = try await backend.query("SELECT text_hash FROM documents WHERE key = ?", [.text(fingerprint.key)])
        return rows.first?.first?.text == fingerprint.textHash
    }

    @discardableResult
    public func store(_ document: Document, item: String?) async throws -> StoreOutcome {
        try await store(batch: [StoreRequest(document, item: item)])[0]
    }

    public func store(batch requests: [StoreRequest]) async throws -> [StoreOutcome] {
        guard !requests.isEmpty else { return [] }
        return try await lock.run { [self] in
            // Another process writing the same store may insert a document between this one's lookup and
            // its write; the transaction then fails whole, and reading again sees that document.
            var attempt = 1
            while true {
                do {
                    return try await storeLocked(requests)
                } catch let error as StoreError where error.code == .conflict && attempt < 5 {
                    attempt += 1
                }
            }
        }
    }

    /// What the documents planned so far in a transaction add, which the database does not show yet.
    private struct Pending {
        struct Stored {
            var key: String
            var number: Int64
            var shingles: [Int64]
            var shingleCount: Int
            var group: String
            var bands: Set<Int64>
        }
        var documents: [Stored] = []
        var incidents: [PendingIncident] = []
        /// Incidents given a precise date by a planned report: id → (day, precision).
        var redated: [String: IncidentMatcher.Key] = [:]
    }

    private struct PendingIncident {
        var id: String
        var key: IncidentMatcher.Key
        /// The document that reported it first.
        var document: String
    }

    private struct Existing {
        var textHash: String
        var version: Int
    }

    /// Plans the batch's documents one after another and writes them in as few transactions as possible:
    /// each transaction holds whole documents only, so a crash leaves every document stored or absent.
    private func storeLocked(_ requests: [StoreRequest]) async throws -> [StoreOutcome] {
        let lookupStart = DispatchTime.now().uptimeNanoseconds
        var existing: [String: Existing] = [:]
        let keys = Array(Set(requests.map(\.fingerprint.key)))
        for chunk in Self.chunks(keys) {
            for row in try await backend.query(
                "SELECT key, text_hash, version FROM documents WHERE key IN (\(Self.marks(chunk.count)))",
                chunk.map { .text($0) })
            {
                if let key = row[0].text {
                    existing[key] = Existing(textHash: row[1].text ?? "", version: row[2].integer ?? 1)
                }
            }
        }
        var failed = Set<String>()
        let items = Array(Set(requests.compactMap(\.item)))
        for chunk in Self.chunks(items) {
            for row in try await backend.query(
                "SELECT item FROM failures WHERE item IN (\(Self.marks(chunk.count)))", chunk.map { .text($0) })
            {
                if let item = row[0].text { failed.insert(item) }
            }
        }
        clock.withLock { $0.lookup += Double(DispatchTime.now().uptimeNanoseconds - lookupStart) / 1e9 }
        var outcomes: [StoreOutcome] = []
        var statements: [SQLStatement] = []
        var pending = Pending()
        func flush() async throws {
            if !statements.isEmpty {
                let batch = statements
                try await timed(\.writes) { try await backend.write(batch) }
                clock.withLock { $0.transactions += 1 }
            }
            statements = []
            pending = Pending()
        }
        // What the database holds for the new documents' lookups is read once for the whole batch; a
        // correction writes the batch so far, and later documents then look up on their own.
        var prefetched = try await prefetch(requests.filter { existing[$0.fingerprint.key] == nil })
        for request in requests {
            let fingerprint = request.fingerprint
            let key = fingerprint.key
            if let item = request.item, failed.remove(item) != nil {
                statements.append(SQLStatement("DELETE FROM failures WHERE item = ?", [.text(item)]))
            }
            let previous = existing[key]
            if previous?.textHash == fingerprint.textHash {
                outcomes.append(.unchanged)
                continue
            }
            // A correction removes incidents other planned documents could have joined: it goes alone.
            if previous != nil {
                try await flush()
                prefetched = Prefetched()
            }
            statements += try await plan(request, previous: previous, pending: &pending, prefetched: prefetched)
            existing[key] = Existing(textHash: fingerprint.textHash, version: (previous?.version ?? 0) + 1)
            outcomes.append(previous == nil ? .inserted : .revised)
            if previous != nil { try await flush() }
        }
        try await flush()
        return outcomes
    }

    /// The statements storing one document (replacing its previous version when there is one).
    private func plan(_ request: StoreRequest, previous: Existing?, pending: inout Pending, prefetched: Prefetched)
        async throws -> [SQLStatement]
    {
        let document = request.document
        let fingerprint = request.fingerprint
        let key = fingerprint.key
        let number = fingerprint.number
        let now = Self.timestamp()
        var statements: [SQLStatement] = []
        if previous != nil {
            // The superseded version keeps its events in its body: they leave the events table.
            guard var old = try await storedDocument(where: "key = ?", [.text(key)])?.document else {
                throw StoreError(.corrupt, "document '\(key)' vanished while being replaced")
            }
            old.tokens = []
            statements += [
                SQLStatement(
                    """
                    INSERT INTO document_versions (key, version, text_hash, body, token_table, superseded_at)
                    SELECT key, version, text_hash, ?, token_table, ? FROM documents WHERE key = ?
                    """, [.text(try Self.encode(old)), .text(now), .text(key)]),
                SQLStatement(
                    """
                    UPDATE incidents SET reports = reports - (SELECT COUNT(*) FROM events e
                        WHERE e.incident_id = incidents.id AND e.document_key = ?)
                    WHERE id IN (SELECT incident_id FROM events WHERE document_key = ?)
                    """, [.text(key), .text(key)]),
                SQLStatement("DELETE FROM events WHERE document_key = ?", [.text(key)]),
                SQLStatement("DELETE FROM incidents WHERE reports <= 0"),
            ]
            statements += try await deleteBands(key: key, number: number)
            statements.append(SQLStatement("DELETE FROM documents WHERE key = ?", [.text(key)]))
        }
        let duplicateOf = try await timed(\.duplicates) {
            try await findDuplicate(
                of: fingerprint, pending: pending.documents, stored: prefetched.duplicates[fingerprint.key])
        }
        let encodingStart = DispatchTime.now().uptimeNanoseconds
        var lean = document
        lean.tokens = []
        lean.events = []
        let body = try Self.encode(lean)
        let tokens: SQLValue =
            document.tokens.isEmpty ? .null : .text(TokenTable.encode(document.tokens, text: document.text))
        let sketch = fingerprint.sketch
        let bands = Self.insertBands(fingerprint)
        clock.withLock { $0.encoding += Double(DispatchTime.now().uptimeNanoseconds - encodingStart) / 1e9 }
        statements.append(
            SQLStatement(
                """
                INSERT INTO documents (key, id, version, text_hash, title, url, outlet, published, day_number,
                    shingle_count, word_count, duplicate_of, event_count, origin, body, stored_at, number, sketch,
                    token_table)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(key), .text(document.id), .from((previous?.version ?? 0) + 1), .text(fingerprint.textHash),
                    .from(document.metadata.title), .from(document.metadata.url), .from(document.metadata.outlet),
                    .from(document.metadata.published?.description), .from(document.metadata.published?.daysSinceEpoch),
                    .from(fingerprint.shingleCount), .from(fingerprint.wordCount), .from(duplicateOf),
                    .from(document.events.count), .from(document.metadata.origin), .text(body), .text(now),
                    .integer(number), .text(sketch), tokens,
                ]))
        if let bands { statements.append(bands) }
        pending.documents.append(
            Pending.Stored(
                key: key, number: number, shingles: fingerprint.shingles, shingleCount: fingerprint.shingleCount,
                group: duplicateOf ?? key, bands: Set(fingerprint.shingleBands)))
        let start = DispatchTime.now().uptimeNanoseconds
        statements += try await planEvents(
            document, key: key, revision: previous != nil, pending: &pending, stored: prefetched.incidents[key])
        clock.withLock { $0.incidents += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        return statements
    }

    /// One statement inserting a document's band rows, or `nil` when it has none.
    static func insertBands(_ fingerprint: Fingerprint) -> SQLStatement? {
        let rows = fingerprint.shingleBands.map { (0, $0) } + fingerprint.wordBands.map { (1, $0) }
        guard !rows.isEmpty else { return nil }
        var arguments: [SQLValue] = []
        arguments.reserveCapacity(rows.count * 3)
        for (kind, hash) in rows { arguments += [.integer(Int64(kind)), .integer(hash), .integer(fingerprint.number)] }
        return SQLStatement(
            "INSERT INTO bands (kind, hash, doc) VALUES \(Array(repeating: "(?, ?, ?)", count: rows.count).joined(separator: ", ")) ON CONFLICT DO NOTHING",
            arguments)
    }

    /// Statements deleting a stored document's band rows, found from its stored sketch.
    private func deleteBands(key: String, number: Int64) async throws -> [SQLStatement] {
        let rows = try await backend.query("SELECT sketch FROM documents WHERE key = ?", [.text(key)])
        guard let text = rows.first?.first?.text, let signatures = Fingerprint.signatures(sketch: text) else {
            return [SQLStatement("DELETE FROM bands WHERE doc = ?", [.integer(number)])]
        }
        var statements: [SQLStatement] = []
        for (kind, signature) in [(0, signatures.shingles), (1, signatures.words)] {
            let bands = Fingerprint.bands(signature, kind: kind)
            guard !bands.isEmpty else { continue }
            statements.append(
                SQLStatement(
                    "DELETE FROM bands WHERE kind = ? AND hash IN (\(Self.marks(bands.count))) AND doc = ?",
                    [.integer(Int64(kind))] + bands.map { .integer($0) } + [.integer(number)]))
        }
        return statements
    }

    /// The duplicate group a new document joins: the first-stored document it nearly copies.
    private func findDuplicate(of fingerprint: Fingerprint, pending: [Pending.Stored], stored: [DuplicateCandidate]?)
        async throws -> String?
    {
        guard !fingerprint.shingles.isEmpty else { return nil }
        var candidates: [DuplicateCandidate]
        if let stored {
            candidates = stored
        } else {
            candidates = try await duplicateCandidates(of: fingerprint)
        }
        // Documents of the same transaction are candidates on the same terms as stored ones: a shared band.
        let bands = fingerprint.shingleBands
        for stored in pending where stored.key != fingerprint.key && bands.contains(where: stored.bands.contains) {
            candidates.append(
                DuplicateCandidate(
                    key: stored.key, shingles: stored.shingles, size: stored.shingleCount, group: stored.group))
        }
        var best: (score: Double, group: String)?
        // A copy grouped under this very document (its earlier version) makes it the group's head, not a copy.
        for candidate in candidates where candidate.group != fingerprint.key {
            let jaccard = Fingerprint.jaccard(fingerprint.shingles, candidate.shingles)
            guard let score = Self.duplicateScore(jaccard: jaccard, sizes: fingerprint.shingleCount, candidate.size)
            else {
                continue
            }
            if best == nil || score > best!.score || (score == best!.score && candidate.group < best!.group) {
                best = (score, candidate.group)
            }
        }
        return best?.group
    }

    struct DuplicateCandidate {
        var key: String
        var shingles: [Int64]
        var size: Int
        var group: String
    }

    /// What the database knows for a batch of new documents: near-duplicate candidates by key, and
    /// candidate incidents by key and event.
    struct Prefetched {
        var duplicates: [String: [DuplicateCandidate]] = [:]
        var incidents: [String: [[(IncidentMatcher.Key, String)]]] = [:]
    }

    /// Reads the candidates of a batch of new documents in a few queries instead of several per document.
    private func prefetch(_ requests: [StoreRequest]) async throws -> Prefetched {
        var result = Prefetched()
        var keys = Set<String>()
        let requests = requests.filter { keys.insert($0.fingerprint.key).inserted }
        guard requests.count > 1 else { return result }
        // One read for every lookup of the batch; each lookup keeps its own (cached) statement.
        let documents = requests.filter { !$0.fingerprint.shingles.isEmpty }
        var lookups: [SQLStatement] = documents.map { Self.bandLookup($0.fingerprint) }
        var events: [(key: String, event: Int, match: IncidentMatcher.Key, first: Int, count: Int)] = []
        for request in requests {
            let published = request.document.metadata.published
            result.incidents[request.fingerprint.key] = Array(repeating: [], count: request.document.events.count)
            for (index, event) in request.document.events.enumerated() {
                let match = IncidentMatcher.Key(event, published: published)
                let (sql, arguments) = candidateArms(for: match, documentKey: request.fingerprint.key, revision: false)
                events.append((request.fingerprint.key, index, match, lookups.count, sql.count))
                lookups += zip(sql, arguments).map { SQLStatement($0, $1) }
            }
        }
        let answers = try await backend.queries(lookups)
        var shared: [Int: [(Int64, Int)]] = [:]
        for index in documents.indices {
            shared[index] = answers[index].compactMap { row in
                guard let doc = row[0].integer, let count = row[1].integer else { return nil }
                return (Int64(doc), count)
            }
        }
        for event in events {
            var seen = Set<String>()
            for rows in answers[event.first..<(event.first + event.count)] {
                for row in rows {
                    guard let candidate = Self.candidate(row, key: event.match), seen.insert(candidate.1).inserted
                    else {
                        continue
                    }
                    result.incidents[event.key]?[event.event].append(candidate)
                }
            }
        }
        var wanted: [Int: [Int64]] = [:]
        for (index, request) in documents.enumerated() {
            let own = request.fingerprint.number
            wanted[index] = (shared[index] ?? []).filter { $0.0 != own }.map(\.0)
        }
        var rows: [Int64: DuplicateCandidate] = [:]
        for chunk in Self.chunks(Array(Set(wanted.values.joined()))) {
            for row in try await backend.query(
                "SELECT key, sketch, shingle_count, duplicate_of, number FROM documents WHERE number IN (\(Self.marks(chunk.count)))",
                chunk.map { .integer($0) })
            {
                guard let key = row[0].text, let number = row[4].integer,
                    let sketch = row[1].text.flatMap(Fingerprint.signatures(sketch:))
                else { continue }
                rows[Int64(number)] = DuplicateCandidate(
                    key: key, shingles: sketch.shingles, size: row[2].integer ?? 0, group: row[3].text ?? key)
            }
        }
        for (index, request) in documents.enumerated() {
            result.duplicates[request.fingerprint.key] = (wanted[index] ?? []).compactMap { rows[$0] }
        }
        return result
    }

    /// The documents sharing the most shingle bands with a document (not itself), with the count shared.
    ///
    /// Each band's bucket is read up to a cap: a value shared by very many documents is boilerplate, and a
    /// real copy shares other bands too. This keeps the lookup from growing with the store.
    static func bandLookup(_ fingerprint: Fingerprint) -> SQLStatement {
        let bands = fingerprint.shingleBands
        let arm = "SELECT doc FROM (SELECT doc FROM bands WHERE kind = 0 AND hash = ? LIMIT \(bucketCap)) b"
        let union = Array(repeating: arm, count: bands.count).joined(separator: " UNION ALL ")
        return SQLStatement(
            """
            SELECT doc, COUNT(*) FROM (\(union)) c WHERE doc <> ? GROUP BY doc ORDER BY COUNT(*) DESC, doc LIMIT 20
            """, bands.map { .integer($0) } + [.integer(fingerprint.number)])
    }

    /// Near-duplicate candidates of one document, from its band buckets.
    private func duplicateCandidates(of fingerprint: Fingerprint) async throws -> [DuplicateCandidate] {
        guard !fingerprint.shingles.isEmpty else { return [] }
        let lookup = Self.bandLookup(fingerprint)
        let shared = try await backend.query(lookup.sql, lookup.arguments)
        var candidates: [DuplicateCandidate] = []
        let numbers = shared.compactMap { $0[0].integer.map(Int64.init) }
        if !numbers.isEmpty {
            for row in try await backend.query(
                "SELECT key, sketch, shingle_count, duplicate_of FROM documents WHERE number IN (\(Self.marks(numbers.count)))",
                numbers.map { .integer($0) })
            {
                guard let key = row[0].text, let sketch = row[1].text.flatMap(Fingerprint.signatures(sketch:)) else {
                    continue
                }
                candidates.append(
                    DuplicateCandidate(
                        key: key, shingles: sketch.shingles, size: row[2].integer ?? 0, group: row[3].text ?? key))
            }
        }
        return candidates
    }

    /// Most documents read from one MinHash band bucket when looking for near-duplicates.
    static let bucketCap = 64
    /// A band value shared by more documents than this is a common word, not a story.
    static let storyBucketLimit = 50
    /// Days apart two related posts may be published.
    static let storyWindowDays = 7

    /// The near-duplicate score of two documents, or `nil` when they are not near-duplicates:
    /// most shingles shared, or one (long enough) nearly contained in the other.
    public static func duplicateScore(jaccard: Double, sizes a: Int, _ b: Int) -> Double? {
        let containment = Fingerprint.containment(jaccard: jaccard, sizes: a, b)
        if jaccard >= 0.75 { return max(jaccard, containment) }
        // A truncated or re-headlined copy lies almost wholly inside the other; templated reports of
        // different events (same wording, another town) share most shingles but not nearly all.
        if jaccard >= 0.2 && containment >= 0.9 && min(a, b) >= 8 { return containment }
        return nil
    }

    /// Statements inserting a document's events, each joined to an existing incident or a new one.
    private func planEvents(
        _ document: Document, key: String, revision: Bool, pending: inout Pending,
        stored: [[(IncidentMatcher.Key, String)]]?
    ) async throws -> [SQLStatement] {
        var statements: [SQLStatement] = []
        let published = document.metadata.published
        for (eventIndex, event) in document.events.enumerated() {
            let matchKey = IncidentMatcher.Key(event, published: published)
            // The best match, ties to the smallest id, so the outcome does not depend on which documents
            // share a transaction or on the order candidates are read in.
            var best: (score: Double, id: String, key: IncidentMatcher.Key)?
            func consider(_ candidate: IncidentMatcher.Key, _ id: String) {
                guard let score = matcher.match(matchKey, candidate) else { return }
                if best == nil || score > best!.score || (score == best!.score && id < best!.id) {
                    best = (score, id, candidate)
                }
            }
            // An undated incident is joined only by reports of the same document, as when it is stored.
            for incident in pending.incidents where incident.key.day != nil || incident.document == key {
                consider(incident.key, incident.id)
            }
            let known = Set(pending.incidents.map(\.id))
            let candidates: [(IncidentMatcher.Key, String)]
            if let stored, eventIndex < stored.count {
                candidates = stored[eventIndex]
            } else {
                candidates = try await candidateIncidents(for: matchKey, documentKey: key, revision: revision)
            }
            // Incidents redated by documents planned before this one are seen as they will be stored.
            for (candidate, id) in candidates where !known.contains(id) && pending.redated[id] == nil {
                consider(candidate, id)
            }
            for (id, candidate) in pending.redated where candidate.cameoRoot == matchKey.cameoRoot {
                consider(candidate, id)
            }
            let incidentID: String
            if let best {
                incidentID = best.id
                statements.append(
                    SQLStatement("UPDATE incidents SET reports = reports + 1 WHERE id = ?", [.text(best.id)]))
                // A report with a precise date dates an incident known so far only by publication date.
                if best.key.precision == "publication", matchKey.precision == "day" || matchKey.precision == nil,
                    let day = matchKey.day
                {
                    statements.append(
                        SQLStatement(
                            "UPDATE incidents SET day = ?, day_number = ?, date_precision = ? WHERE id = ?",
                            [
                                .text(Day(daysSinceEpoch: day).description), .integer(Int64(day)), .text("day"),
                                .text(best.id),
                            ]
                        ))
                    if let index = pending.incidents.firstIndex(where: { $0.id == best.id }) {
                        pending.incidents[index].key.day = day
                        pending.incidents[index].key.precision = "day"
                    } else {
                        var redated = best.key
                        redated.day = day
                        redated.precision = "day"
                        pending.redated[best.id] = redated
                    }
                }
            } else {
                incidentID = "inc-" + String(Fingerprint.hex(Fingerprint.hash128(key + "#" + event.id)).prefix(16))
                pending.incidents.append(PendingIncident(id: incidentID, key: matchKey, document: key))
                statements.append(
                    SQLStatement(
                        """
                        INSERT INTO incidents (id, cameo_root, cameo, plover, source, target, source_country,
                            target_country, actors, day, day_number, date_precision, place, admin1, latitude, longitude,
                            modality, quad_class, goldstein, reports, document_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                        """,
                        [
                            .text(incidentID), .text(matchKey.cameoRoot), .text(event.cameo),
                            .from(event.plover?.event),
                            .text(matchKey.source), .text(matchKey.target), .text(matchKey.sourceCountry),
                            .text(matchKey.targetCountry), .text(Self.actorList(event)),
                            .from(matchKey.day.map { Day(daysSinceEpoch: $0).description }), .from(matchKey.day),
                            .from(matchKey.precision), .from(matchKey.place), .from(matchKey.admin1),
                            .from(matchKey.latitude), .from(matchKey.longitude), .text(matchKey.modality),
                            .from(event.quadClass), .from(event.goldstein), .text(key),
                        ]))
            }
            let sentenceText: String
            if event.sentence >= 0 && event.sentence < document.sentences.count {
                sentenceText = String(document.text(in: document.sentences[event.sentence].range))
            } else {
                sentenceText = ""
            }
            statements.append(
                SQLStatement(
                    """
                    INSERT INTO events (id, event_id, document_key, document_id, sentence, day, day_number,
                        date_precision, source, target, source_country, target_country, actors, cameo, cameo_root,
                        plover, quad_class, goldstein, modality, place, latitude, longitude, incident_id,
                        sentence_text, body, ordinal)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(key + "#" + event.id), .text(event.id), .text(key), .text(document.id),
                        .from(event.sentence), .from(matchKey.day.map { Day(daysSinceEpoch: $0).description }),
                        .from(matchKey.day), .from(matchKey.precision), .text(matchKey.source), .text(matchKey.target),
                        .text(matchKey.sourceCountry), .text(matchKey.targetCountry), .text(Self.actorList(event)),
                        .text(event.cameo), .text(matchKey.cameoRoot), .from(event.plover?.event),
                        .from(event.quadClass), .from(event.goldstein), .text(matchKey.modality),
                        .from(matchKey.place), .from(matchKey.latitude), .from(matchKey.longitude),
                        .text(incidentID), .text(sentenceText), .text(try Self.encode(event)), .from(eventIndex),
                    ]))
        }
        return statements
    }

    /// Stored incidents an event could belong to, with their keys. Only dates within the tolerance of
    /// each date precision are read. When a document is replaced, incidents reported only by it are
    /// left out (they disappear with it).
    private func candidateIncidents(for key: IncidentMatcher.Key, documentKey: String, revision: Bool) async throws
        -> [(IncidentMatcher.Key, String)]
    {
        let (sql, arguments) = candidateArms(for: key, documentKey: documentKey, revision: revision)
        let rows = try await backend.query(sql.joined(separator: " UNION ALL "), Array(arguments.joined()))
        var seen = Set<String>()
        return rows.compactMap { row in
            guard let candidate = Self.candidate(row, key: key), seen.insert(candidate.1).inserted else { return nil }
            return candidate
        }
    }

    /// The `SELECT`s (to join with `UNION ALL`) reading an event's candidate incidents, with their arguments.
    private func candidateArms(for key: IncidentMatcher.Key, documentKey: String, revision: Bool)
        -> (sql: [String], arguments: [[SQLValue]])
    {
        let reports =
            revision
            ? "(SELECT COUNT(*) FROM events e WHERE e.incident_id = incidents.id AND e.document_key <> ?)" : "reports"
        let columns = """
            SELECT id, source, target, source_country, target_country, day_number, date_precision, place, admin1,
                latitude, longitude, \(reports) FROM incidents
            """
        let reportArgument: [SQLValue] = revision ? [.text(documentKey)] : []
        var sql: [String] = []
        var arguments: [[SQLValue]] = []
        if let day = key.day {
            let base = matcher.tolerance(key.precision, nil)
            sql.append(columns + " WHERE cameo_root = ? AND modality = ? AND day_number BETWEEN ? AND ?")
            arguments.append(
                reportArgument + [
                    .text(key.cameoRoot), .text(key.modality), .integer(Int64(day - base)), .integer(Int64(day + base)),
                ])
            for precision in ["publication", "week", "month"] {
                let tolerance = matcher.tolerance(key.precision, precision)
                guard tolerance > base else { continue }
                sql.append(
                    columns
                        + " WHERE cameo_root = ? AND modality = ? AND date_precision = ? AND day_number BETWEEN ? AND ?"
                )
                arguments.append(
                    reportArgument + [
                        .text(key.cameoRoot), .text(key.modality), .text(precision), .integer(Int64(day - tolerance)),
                        .integer(Int64(day + tolerance)),
                    ])
            }
        } else {
            sql.append(columns + " WHERE cameo_root = ? AND modality = ? AND day_number IS NULL AND document_key = ?")
            arguments.append(reportArgument + [.text(key.cameoRoot), .text(key.modality), .text(documentKey)])
        }
        return (sql, arguments)
    }

    /// A candidate incident from a row of ``candidateArms(for:documentKey:revision:)``; `nil` when it has no
    /// reports left.
    static func candidate(_ row: [SQLValue], key: IncidentMatcher.Key) -> (IncidentMatcher.Key, String)? {
        guard row.count >= 12, let id = row[0].text, (row[11].integer ?? 0) > 0 else { return nil }
        let candidate = IncidentMatcher.Key(
            cameoRoot: key.cameoRoot, modality: key.modality, source: row[1].text ?? "", target: row[2].text ?? "",
            sourceCountry: row[3].text ?? "", targetCountry: row[4].text ?? "", day: row[5].integer,
            precision: row[6].text, place: row[7].text, admin1: row[8].text, latitude: row[9].real,
            longitude: row[10].real)
        return (candidate, id)
    }

    static func marks(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }

    static func chunks<T>(_ values: [T], size: Int = 500) -> [[T]] {
        stride(from: 0, to: values.count, by: size).map { Array(values[$0..<min($0 + size, values.count)]) }
    }

    public func recordFailure(item: String, reason: String) async throws {
        try await backend.write([
            SQLStatement(
                """
                INSERT INTO failures (item, reason, failed_at, attempts) VALUES (?, ?, ?, 1)
                ON CONFLICT (item) DO UPDATE SET reason = excluded.reason, failed_at = excluded.failed_at,
                    attempts = failures.attempts + 1
                """, [.text(item), .text(reason), .text(Self.timestamp())])
        ])
    }

    // MARK: Reading

    public func document(_ idOrKey: String) async throws -> StoredDocument? {
        try await storedDocument(where: "key = ? OR id = ?", [.text(idOrKey), .text(idOrKey)])
    }

    private func storedDocument(where condition: String, _ arguments: [SQLValue]) async throws -> StoredDocument? {
        let rows = try await backend.query(
            """
            SELECT key, body, version, duplicate_of, token_table, event_count FROM documents WHERE \(condition)
            ORDER BY stored_at, key
            """, arguments)
        guard let row = rows.first, let key = row[0].text else { return nil }
        var document = try Self.document(body: row[1], tokens: row[4])
        // Events are kept once, in the events table (bodies written before that still hold them).
        if document.events.isEmpty, (row[5].integer ?? 0) > 0 {
            document.events = try await backend.query(
                "SELECT body FROM events WHERE document_key = ? ORDER BY ordinal, id", [.text(key)]
            ).map { try Self.decode(Event.self, $0[0]) }
        }
        return StoredDocument(key: key, document: document, version: row[2].integer ?? 1, duplicateOf: row[3].text)
    }

    public func versions(of idOrKey: String) async throws -> [DocumentVersion] {
        guard let stored = try await document(idOrKey) else { return [] }
        let rows = try await backend.query(
            """
            SELECT version, text_hash, body, superseded_at, token_table FROM document_versions WHERE key = ?
            ORDER BY version
            """,
            [.text(stored.key)])
        return try rows.map {
            DocumentVersion(
                version: $0[0].integer ?? 0, textHash: $0[1].text ?? "",
                document: try Self.document(body: $0[2], tokens: $0[4]),
                supersededAt: $0[3].text ?? "")
        }
    }

    /// A `WHERE` clause for a query on `events` (alias `e`) or `incidents` (alias `i`).
    func conditions(_ query: EventQuery, alias: String) -> (sql: String, arguments: [SQLValue]) {
        var parts: [String] = []
        var arguments: [SQLValue] = []
        if let from = query.from {
            parts.append("\(alias).day_number >= ?")
            arguments.append(.integer(Int64(from.daysSinceEpoch)))
        }
        if let to = query.to {
            parts.append("\(alias).day_number <= ?")
            arguments.append(.integer(Int64(to.daysSinceEpoch)))
        }
        if let actor = query.actor?.trimmingCharacters(in: .whitespaces), !actor.isEmpty {
            parts.append("\(alias).actors LIKE ? ESCAPE '!'")
            arguments.append(.text("% " + Self.escapeLike(actor.uppercased()) + "%"))
        }
        if let root = query.cameoRoot, !root.isEmpty {
            parts.append("\(alias).cameo_root = ?")
            arguments.append(.text(IncidentMatcher.root(of: root)))
        }
        if let plover = query.plover, !plover.isEmpty {
            parts.append("UPPER(\(alias).plover) = ?")
            arguments.append(.text(plover.uppercased()))
        }
        if let modality = query.modality, !modality.isEmpty {
            parts.append("\(alias).modality = ?")
            arguments.append(.text(modality.lowercased()))
        }
        if let quadClass = query.quadClass {
            parts.append("\(alias).quad_class = ?")
            arguments.append(.integer(Int64(quadClass)))
        }
        if let near = query.near {
            let latitudeDelta = near.kilometres / 111.0
            let longitudeDelta = near.kilometres / max(1, 111.0 * cos(near.latitude * .pi / 180))
            parts.append("\(alias).latitude BETWEEN ? AND ? AND \(alias).longitude BETWEEN ? AND ?")
            arguments += [
                .real(near.latitude - latitudeDelta), .real(near.latitude + latitudeDelta),
                .real(near.longitude - longitudeDelta), .real(near.longitude + longitudeDelta),
            ]
        }
        let eventSide = alias == "e" ? "" : "\(alias).id IN (SELECT incident_id FROM events e2 WHERE "
        let eventAlias = alias == "e" ? "e" : "e2"
        if let text = query.text?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            parts.append(
                eventSide + "LOWER(\(eventAlias).sentence_text) LIKE ? ESCAPE '!'" + (eventSide.isEmpty ? "" : ")"))
            arguments.append(.text("%" + Self.escapeLike(text.lowercased()) + "%"))
        }
        if let document = query.document {
            parts.append(
                eventSide + "(\(eventAlias).document_key = ? OR \(eventAlias).document_id = ?)"
                    + (eventSide.isEmpty ? "" : ")"))
            arguments += [.text(document), .text(document)]
        }
        return (parts.isEmpty ? "" : " WHERE " + parts.joined(separator: " AND "), arguments)
    }

    static func escapeLike(_ text: String) -> String {
        var result = ""
        for character in text {
            if character == "%" || character == "_" || character == "!" { result.append("!") }
            result.append(character)
        }
        return result
    }

    static let undatedOrder = "-100000000"

    public func events(_ query: EventQuery) async throws -> [StoredEvent] {
        let (whereSQL, arguments) = conditions(query, alias: "e")
        let limit = query.near == nil ? Self.page(query) : ""
        let rows = try await backend.query(
            """
            SELECT e.body, e.document_id, e.document_key, e.incident_id, e.sentence_text, d.published, d.url, d.outlet
            FROM events e JOIN documents d ON d.key = e.document_key\(whereSQL)
            ORDER BY COALESCE(e.day_number, \(Self.undatedOrder)), e.document_key, e.sentence, e.id\(limit)
            """, arguments)
        var events = try rows.map(Self.storedEvent)
        if let near = query.near {
            events = Self.paged(events.filter { Self.isNear($0.event, near) }, query)
        }
        return events
    }

    /// The `LIMIT … OFFSET …` clause of a query (both backends accept a limit with an offset).
    static func page(_ query: EventQuery) -> String {
        guard query.limit != nil || query.offset != nil else { return "" }
        let offset = query.offset.map { " OFFSET \(max(0, $0))" } ?? ""
        return " LIMIT \(max(0, query.limit ?? Int(Int32.max)))" + offset
    }

    /// The rows of a page, for queries filtered after the database returns them.
    static func paged<T>(_ rows: [T], _ query: EventQuery) -> [T] {
        let start = min(rows.count, max(0, query.offset ?? 0))
        return Array(rows[start...].prefix(query.limit ?? Int.max))
    }

    static func isNear(_ event: Event, _ near: (latitude: Double, longitude: Double, kilometres: Double)) -> Bool {
        guard let latitude = event.location?.latitude, let longitude = event.location?.longitude else { return false }
        return IncidentMatcher.kilometres(latitude, longitude, near.latitude, near.longitude) <= near.kilometres
    }

    static func storedEvent(_ row: [SQLValue]) throws -> StoredEvent {
        StoredEvent(
            event: try decode(Event.self, row[0]), documentID: row[1].text ?? "", documentKey: row[2].text ?? "",
            published: row[5].text.flatMap { Day(parsing: $0) }, incident: row[3].text,
            sentenceText: row[4].text ?? "", url: row[6].text, outlet: row[7].text)
    }

    public func incidents(_ query: EventQuery) async throws -> [Incident] {
        let (whereSQL, arguments) = conditions(query, alias: "i")
        let limit = query.near == nil ? Self.page(query) : ""
        let rows = try await backend.query(
            """
            SELECT i.id, i.day, i.date_precision FROM incidents i\(whereSQL)
            ORDER BY COALESCE(i.day_number, \(Self.undatedOrder)), i.id\(limit)
            """, arguments)
        var reports: [String: [StoredEvent]] = [:]
        let ids = rows.compactMap { $0[0].text }
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let eventRows = try await backend.query(
                """
                SELECT e.body, e.document_id, e.document_key, e.incident_id, e.sentence_text, d.published, d.url,
                    d.outlet
                FROM events e JOIN documents d ON d.key = e.document_key WHERE e.incident_id IN (\(placeholders))
                ORDER BY COALESCE(d.day_number, \(Self.undatedOrder)), d.stored_at, e.document_key, e.sentence, e.id
                """, chunk.map { .text($0) })
            for row in eventRows {
                let event = try Self.storedEvent(row)
                reports[event.incident ?? "", default: []].append(event)
            }
        }
        var incidents: [Incident] = []
        for row in rows {
            guard let id = row[0].text, let list = reports[id], let first = list.first else { continue }
            let representative = list.first { $0.event.date != nil } ?? first
            let incident = Incident(
                id: id, date: row[1].text.flatMap { Day(parsing: $0) }, datePrecision: row[2].text,
                event: representative.event, reports: list)
            if let near = query.near, !Self.isNear(incident.event, near) { continue }
            incidents.append(incident)
        }
        if query.near != nil { incidents = Self.paged(incidents, query) }
        return incidents
    }

    // MARK: Similarity

    private struct DocumentRow {
        var key: String
        var id: String
        var title: String?
        var published: Day?
        var shingleCount: Int
        var duplicateOf: String?
        var number: Int64
        var shingles: [Int64]
        var words: [Int64]
    }

    private func documentRows(_ keys: [String]) async throws -> [String: DocumentRow] {
        try await documentRows(column: "key", keys.map { .text($0) })
    }

    private func documentRows(numbers: [Int64]) async throws -> [String: DocumentRow] {
        try await documentRows(column: "number", numbers.map { .integer($0) })
    }

    private func documentRows(column: String, _ values: [SQLValue]) async throws -> [String: DocumentRow] {
        var result: [String: DocumentRow] = [:]
        for chunk in Self.chunks(values) {
            let rows = try await backend.query(
                """
                SELECT key, id, title, published, shingle_count, duplicate_of, number, sketch FROM documents
                WHERE \(column) IN (\(Self.marks(chunk.count)))
                """, chunk)
            for row in rows {
                guard let key = row[0].text else { continue }
                let signatures = row[7].text.flatMap(Fingerprint.signatures(sketch:))
                result[key] = DocumentRow(
                    key: key, id: row[1].text ?? key, title: row[2].text,
                    published: row[3].text.flatMap { Day(parsing: $0) },
                    shingleCount: row[4].integer ?? 0, duplicateOf: row[5].text,
                    number: row[6].integer.map(Int64.init) ?? Fingerprint.number(of: key),
                    shingles: signatures?.shingles ?? [], words: signatures?.words ?? [])
            }
        }
        return result
    }

    public func similar(to idOrKey: String, limit: Int) async throws -> [SimilarDocument] {
        let found = try await backend.query(
            "SELECT key FROM documents WHERE key = ? OR id = ? ORDER BY stored_at, key",
            [.text(idOrKey), .text(idOrKey)])
        guard let key = found.first?.first?.text else {
            throw StoreError(.notFound, "no document '\(idOrKey)' in the store (give a document id or key)")
        }
        guard let own = try await documentRows([key])[key] else { return [] }
        // Candidates: documents sharing a band, published in the same week, in the same group, or sharing incidents.
        var numbers = Set<Int64>()
        for (kind, signature) in [(0, own.shingles), (1, own.words)] {
            let bands = Fingerprint.bands(signature, kind: kind)
            guard !bands.isEmpty else { continue }
            for row in try await backend.query(
                "SELECT DISTINCT doc FROM bands WHERE kind = ? AND hash IN (\(Self.marks(bands.count))) AND doc <> ?",
                [.integer(Int64(kind))] + bands.map { .integer($0) } + [.integer(own.number)])
            {
                if let number = row[0].integer { numbers.insert(Int64(number)) }
            }
        }
        if let day = own.published?.daysSinceEpoch {
            for row in try await backend.query(
                "SELECT number FROM documents WHERE day_number BETWEEN ? AND ? AND key <> ? LIMIT 5000",
                [.integer(Int64(day - Self.storyWindowDays)), .integer(Int64(day + Self.storyWindowDays)), .text(key)])
            {
                if let number = row[0].integer { numbers.insert(Int64(number)) }
            }
        }
        let group = own.duplicateOf ?? key
        let groupRows = try await backend.query(
            "SELECT key FROM documents WHERE (duplicate_of = ? OR key = ?) AND key <> ?",
            [.text(group), .text(group), .text(key)])
        let sameGroup = Set(groupRows.compactMap { $0[0].text })
        let incidentRows = try await backend.query(
            """
            SELECT e2.document_key, COUNT(DISTINCT e2.incident_id) FROM events e1
            JOIN events e2 ON e2.incident_id = e1.incident_id AND e2.document_key <> e1.document_key
            WHERE e1.document_key = ? GROUP BY e2.document_key
            """, [.text(key)])
        var sharedIncidents: [String: Int] = [:]
        for row in incidentRows {
            if let other = row[0].text, let count = row[1].integer { sharedIncidents[other] = count }
        }
        var rows = try await documentRows(numbers: Array(numbers))
        let missing = sameGroup.union(sharedIncidents.keys).filter { rows[$0] == nil }
        rows.merge(try await documentRows(Array(missing))) { first, _ in first }
        var result: [SimilarDocument] = []
        for (other, row) in rows where other != key {
            let shingleJaccard = Fingerprint.jaccard(own.shingles, row.shingles)
            let wordJaccard = Fingerprint.jaccard(own.words, row.words)
            let duplicateScore = Self.duplicateScore(jaccard: shingleJaccard, sizes: own.shingleCount, row.shingleCount)
            let duplicate = sameGroup.contains(other) || duplicateScore != nil
            var similarity = max(wordJaccard, duplicateScore ?? 0)
            let incidents = sharedIncidents[other] ?? 0
            similarity = min(1, similarity + 0.05 * Double(incidents))
            guard duplicate || incidents > 0 || wordJaccard >= 0.1 else { continue }
            result.append(
                SimilarDocument(
                    documentID: row.id, key: other, title: row.title, published: row.published,
                    similarity: (similarity * 1000).rounded() / 1000, duplicate: duplicate, sharedIncidents: incidents))
        }
        result.sort { ($0.similarity, $1.key) > ($1.similarity, $0.key) }
        return Array(result.prefix(limit))
    }

    public func stories(minimumSimilarity: Double) async throws -> [Story] {
        var edges: [(String, String, Double)] = []
        // Pairs sharing a content-word band (a band common to very many documents is boilerplate), scored
        // exactly on their signatures.
        let pairs = try await backend.query(
            """
            SELECT DISTINCT a.doc, b.doc FROM bands a
            JOIN bands b ON b.kind = a.kind AND b.hash = a.hash AND a.doc < b.doc
            WHERE a.kind = 1 AND a.hash NOT IN (
                SELECT hash FROM bands WHERE kind = 1 GROUP BY hash HAVING COUNT(*) > ?)
            """, [.integer(Int64(Self.storyBucketLimit))])
        let pairNumbers = pairs.compactMap { row -> (Int64, Int64)? in
            guard let a = row[0].integer, let b = row[1].integer else { return nil }
            return (Int64(a), Int64(b))
        }
        let byNumber = Dictionary(
            try await documentRows(numbers: Array(Set(pairNumbers.flatMap { [$0.0, $0.1] }))).values.map {
                ($0.number, $0)
            },
            uniquingKeysWith: { first, _ in first })
        for (numberA, numberB) in pairNumbers {
            guard let a = byNumber[numberA], let b = byNumber[numberB] else { continue }
            let score = Fingerprint.jaccard(a.words, b.words)
            guard score >= minimumSimilarity else { continue }
            // Related posts are published close together: a link across months is a shared template, not a story.
            if let dayA = a.published?.daysSinceEpoch, let dayB = b.published?.daysSinceEpoch,
                abs(dayA - dayB) > Self.storyWindowDays
            {
                continue
            }
            edges.append((min(a.key, b.key), max(a.key, b.key), score))
        }
        let duplicates = try await backend.query(
            "SELECT key, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")
        var duplicateOf: [String: String] = [:]
        for row in duplicates {
            guard let a = row[0].text, let b = row[1].text else { continue }
            duplicateOf[a] = b
            edges.append((a, b, 1))
        }
        let shared = try await backend.query(
            """
            SELECT DISTINCT incident_id, document_key FROM events WHERE incident_id IN (
                SELECT incident_id FROM events GROUP BY incident_id HAVING COUNT(DISTINCT document_key) > 1)
            ORDER BY incident_id, document_key
            """)
        var firstOfIncident: [String: String] = [:]
        for row in shared {
            guard let incident = row[0].text, let document = row[1].text else { continue }
            if let first = firstOfIncident[incident] {
                edges.append((first, document, max(minimumSimilarity, 0.5)))
            } else {
                firstOfIncident[incident] = document
            }
        }
        // Union-find over the links.
        var parent: [String: String] = [:]
        func find(_ x: String) -> String {
            var root = x
            while let next = parent[root], next != root { root = next }
            var node = x
            while let next = parent[node], next != root {
                parent[node] = root
                node = next
            }
            return root
        }
        for (a, b, _) in edges {
            if parent[a] == nil { parent[a] = a }
            if parent[b] == nil { parent[b] = b }
            let ra = find(a)
            let rb = find(b)
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var members: [String: [String]] = [:]
        for node in parent.keys { members[find(node), default: []].append(node) }
        var scores: [String: (Double, Int)] = [:]
        for (a, _, score) in edges {
            let root = find(a)
            scores[root, default: (0, 0)].0 += score
            scores[root, default: (0, 0)].1 += 1
        }
        let rowsByKey = try await documentRows(Array(parent.keys))
        var stories: [Story] = []
        for (root, keys) in members where keys.count > 1 {
            let documents = keys.compactMap { rowsByKey[$0] }.sorted {
                ($0.published?.daysSinceEpoch ?? Int.max, $0.key) < ($1.published?.daysSinceEpoch ?? Int.max, $1.key)
            }
            var groups: [String: [String]] = [:]
            for key in keys where duplicateOf[key] != nil || keys.contains(where: { duplicateOf[$0] == key }) {
                groups[duplicateOf[key] ?? key, default: []].append(key)
            }
            let (total, count) = scores[root] ?? (0, 1)
            stories.append(
                Story(
                    id: "story-" + String(Fingerprint.hex(Fingerprint.hash128(root)).prefix(12)),
                    score: (total / Double(max(count, 1)) * 1000).rounded() / 1000,
                    documents: documents.map {
                        Story.Member(documentID: $0.id, key: $0.key, title: $0.title, published: $0.published)
                    },
                    duplicateGroups: groups.values.map { $0.sorted() }.sorted {
                        ($0.count, $1.first ?? "") > ($1.count, $0.first ?? "")
                    }))
        }
        stories.sort { ($0.documents.count, $1.id) > ($1.documents.count, $0.id) }
        return stories
    }

    // MARK: Aggregates

    public func timeline(_ query: TimelineQuery) async throws -> [TimelineRow] {
        let alias = query.incidents ? "i" : "e"
        let table = query.incidents ? "incidents i" : "events e"
        var filter = query.filter
        (filter.limit, filter.offset) = (nil, nil)
        var (whereSQL, arguments) = conditions(filter, alias: alias)
        whereSQL += (whereSQL.isEmpty ? " WHERE " : " AND ") + "\(alias).day_number IS NOT NULL"
        // Months are folded from days here: day numbers have no portable month arithmetic in SQL.
        let period = query.bucket == .week ? "((\(alias).day_number + 3) / 7) * 7 - 3" : "\(alias).day_number"
        let group =
            query.byDyad
            ? ", \(alias).source || '>' || \(alias).target" : query.byRoot ? ", \(alias).cameo_root" : ", ''"
        var quad = ""
        for value in 1...4 {
            quad += ", CAST(SUM(CASE WHEN \(alias).quad_class = \(value) THEN 1 ELSE 0 END) AS BIGINT)"
        }
        let rows = try await backend.query(
            """
            SELECT \(period) AS period\(group) AS grouping, COUNT(*)\(quad), SUM(\(alias).goldstein),
                COUNT(\(alias).goldstein)
            FROM \(table)\(whereSQL) GROUP BY 1, 2 ORDER BY 1, 2
            """, arguments)
        var result: [TimelineRow] = []
        var sums: [(total: Double, count: Int)] = []
        var slots: [String: Int] = [:]
        for row in rows {
            guard let day = row[0].integer else { continue }
            var period = Day(daysSinceEpoch: day)
            if query.bucket == .month, let first = Day(year: period.year, month: period.month, day: 1) {
                period = first
            }
            let grouping = query.byDyad || query.byRoot ? row[1].text : nil
            let quadClass = (3...6).map { row[$0].integer ?? 0 }
            let total = row[7].real ?? 0
            let scored = row[8].integer ?? 0
            let slot = "\(period)|\(grouping ?? "")"
            if let last = slots[slot] {
                result[last].count += row[2].integer ?? 0
                result[last].quadClass = zip(result[last].quadClass, quadClass).map(+)
                sums[last].total += total
                sums[last].count += scored
            } else {
                result.append(
                    TimelineRow(
                        period: period, dyad: query.byDyad ? grouping : nil,
                        root: query.byRoot && !query.byDyad ? grouping : nil, count: row[2].integer ?? 0,
                        quadClass: quadClass, meanGoldstein: nil))
                sums.append((total, scored))
                slots[slot] = result.count - 1
            }
        }
        for index in result.indices where sums[index].count > 0 {
            result[index].meanGoldstein = (sums[index].total / Double(sums[index].count) * 1000).rounded() / 1000
        }
        return result
    }

    public func counts() async throws -> StoreCounts {
        func count(_ sql: String) async throws -> Int {
            try await backend.query(sql, []).first?.first?.integer ?? 0
        }
        return StoreCounts(
            documents: try await count("SELECT COUNT(*) FROM documents"),
            versions: try await count("SELECT COUNT(*) FROM document_versions"),
            events: try await count("SELECT COUNT(*) FROM events"),
            incidents: try await count("SELECT COUNT(*) FROM incidents"),
            failures: try await count("SELECT COUNT(*) FROM failures"),
            duplicates: try await count("SELECT COUNT(*) FROM documents WHERE duplicate_of IS NOT NULL"))
    }

    public func failures() async throws -> [FailedItem] {
        try await backend.query("SELECT item, reason, failed_at, attempts FROM failures ORDER BY failed_at DESC, item")
            .map {
                FailedItem(
                    item: $0[0].text ?? "", reason: $0[1].text ?? "", failedAt: $0[2].text ?? "",
                    attempts: $0[3].integer ?? 0)
            }
    }

    public func check() async throws -> [String] {
        var problems = try await backend.integrityProblems()
        let checks: [(String, String)] = [
            (
                "events without their document",
                "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.key = e.document_key)"
            ),
            (
                "events without their incident",
                "SELECT COUNT(*) FROM events e WHERE NOT EXISTS (SELECT 1 FROM incidents i WHERE i.id = e.incident_id)"
            ),
            (
                "incidents whose report count is wrong",
                "SELECT COUNT(*) FROM incidents i WHERE i.reports <> (SELECT COUNT(*) FROM events e WHERE e.incident_id = i.id)"
            ),
            (
                "documents whose event count is wrong",
                "SELECT COUNT(*) FROM documents d WHERE d.event_count <> (SELECT COUNT(*) FROM events e WHERE e.document_key = d.key)"
            ),
            (
                "documents with incomplete band rows",
                """
                SELECT COUNT(*) FROM documents d LEFT JOIN (SELECT doc, COUNT(*) AS n FROM bands WHERE kind = 0
                GROUP BY doc) b ON b.doc = d.number WHERE d.shingle_count > 0 AND COALESCE(b.n, 0) <> \(Fingerprint.bands)
                """
            ),
            (
                "band rows without their document",
                """
                SELECT COUNT(*) FROM (SELECT DISTINCT doc FROM bands) b
                WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.number = b.doc)
                """
            ),
        ]
        for (name, sql) in checks {
            let count = try await backend.query(sql, []).first?.first?.integer ?? 0
            if count > 0 { problems.append("\(count) \(name)") }
        }
        return problems
    }

    public func close() async {
        await backend.close()
    }

    // MARK: Helpers

    static func timestamp() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }

    static func actorList(_ event: Event) -> String {
        var codes: [String] = []
        for actor in event.source + event.target + event.thirdParties {
            codes.append(actor.code.uppercased())
            if let country = actor.country, !country.isEmpty { codes.append(country.uppercased()) }
        }
        return " " + codes.joined(separator: " ") + " "
    }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        do {
            return String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        } catch {
            throw StoreError(.invalidArgument, "cannot encode \(T.self): \(error)", underlying: error)
        }
    }

    /// A stored document: its body, with tokens from the token table when they are kept there.
    static func document(body: SQLValue, tokens: SQLValue) throws -> Document {
        var document = try decode(Document.self, body)
        if let table = tokens.text {
            guard let decoded = TokenTable.decode(table, text: document.text) else {
                throw StoreError(.corrupt, "the stored tokens of document '\(document.id)' cannot be decoded")
            }
            document.tokens = decoded
        }
        return document
    }

    static func decode<T: Decodable>(_ type: T.Type, _ value: SQLValue) throws -> T {
        guard let text = value.text else { throw StoreError(.corrupt, "a stored \(T.self) is missing its body") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "a stored \(T.self) cannot be decoded: \(error)", underlying: error)
        }
    }
}
