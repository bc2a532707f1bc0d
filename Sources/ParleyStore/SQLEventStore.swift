import Foundation
import Parley

/// The event store written once in SQL that SQLite and PostgreSQL both run; backends only execute it.
public final class SQLEventStore: EventStore {
    public let backend: any SQLBackend
    public let matcher: IncidentMatcher
    private let lock = AsyncLock()

    /// Opens a store on a backend and brings its schema up to date.
    /// - Throws: ``StoreError`` when a migration fails.
    public init(backend: any SQLBackend, matcher: IncidentMatcher = IncidentMatcher()) async throws {
        self.backend = backend
        self.matcher = matcher
        try await backend.migrate(StoreSchema.migrations)
    }

    // MARK: Writing

    public func contains(_ fingerprint: Fingerprint) async throws -> Bool {
        let rows = try await backend.query("SELECT text_hash FROM documents WHERE key = ?", [.text(fingerprint.key)])
        return rows.first?.first?.text == fingerprint.textHash
    }

    @discardableResult
    public func store(_ document: Document, item: String?) async throws -> StoreOutcome {
        let fingerprint = Fingerprint(document)
        return try await lock.run { [self] in
            try await storeLocked(document, fingerprint: fingerprint, item: item)
        }
    }

    private func storeLocked(_ document: Document, fingerprint: Fingerprint, item: String?) async throws
        -> StoreOutcome
    {
        let key = fingerprint.key
        let existing = try await backend.query("SELECT text_hash, version FROM documents WHERE key = ?", [.text(key)])
        var statements: [SQLStatement] = []
        if let item {
            let failed = try await backend.query("SELECT item FROM failures WHERE item = ?", [.text(item)])
            if !failed.isEmpty { statements.append(SQLStatement("DELETE FROM failures WHERE item = ?", [.text(item)])) }
        }
        if let row = existing.first, row[0].text == fingerprint.textHash {
            if !statements.isEmpty { try await backend.write(statements) }
            return .unchanged
        }
        let now = Self.timestamp()
        var version = 1
        if let row = existing.first {
            version = (row[1].integer ?? 1) + 1
            statements += [
                SQLStatement(
                    """
                    INSERT INTO document_versions (key, version, text_hash, body, superseded_at)
                    SELECT key, version, text_hash, body, ? FROM documents WHERE key = ?
                    """, [.text(now), .text(key)]),
                SQLStatement(
                    """
                    UPDATE incidents SET reports = reports - (SELECT COUNT(*) FROM events e
                        WHERE e.incident_id = incidents.id AND e.document_key = ?)
                    WHERE id IN (SELECT incident_id FROM events WHERE document_key = ?)
                    """, [.text(key), .text(key)]),
                SQLStatement("DELETE FROM events WHERE document_key = ?", [.text(key)]),
                SQLStatement("DELETE FROM incidents WHERE reports <= 0"),
                SQLStatement("DELETE FROM signatures WHERE document_key = ?", [.text(key)]),
                SQLStatement("DELETE FROM documents WHERE key = ?", [.text(key)]),
            ]
        }
        let duplicateOf = try await findDuplicate(of: fingerprint)
        let body = try Self.encode(document)
        statements.append(
            SQLStatement(
                """
                INSERT INTO documents (key, id, version, text_hash, title, url, outlet, published, day_number,
                    shingle_count, word_count, duplicate_of, event_count, origin, body, stored_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [
                    .text(key), .text(document.id), .from(version), .text(fingerprint.textHash),
                    .from(document.metadata.title), .from(document.metadata.url), .from(document.metadata.outlet),
                    .from(document.metadata.published?.description), .from(document.metadata.published?.daysSinceEpoch),
                    .from(fingerprint.shingleCount), .from(fingerprint.wordCount), .from(duplicateOf),
                    .from(document.events.count), .from(document.metadata.origin), .text(body), .text(now),
                ]))
        let signatureRows = fingerprint.shingleHashes.map { (0, $0) } + fingerprint.wordHashes.map { (1, $0) }
        if !signatureRows.isEmpty {
            let placeholders = Array(repeating: "(?, ?, ?)", count: signatureRows.count).joined(separator: ", ")
            var arguments: [SQLValue] = []
            arguments.reserveCapacity(signatureRows.count * 3)
            for (kind, hash) in signatureRows { arguments += [.text(key), .integer(Int64(kind)), .integer(hash)] }
            statements.append(
                SQLStatement("INSERT INTO signatures (document_key, kind, hash) VALUES \(placeholders)", arguments))
        }
        statements += try await planEvents(document, key: key)
        try await backend.write(statements)
        return existing.isEmpty ? .inserted : .revised
    }

    /// The duplicate group a new document joins: the first-stored document it nearly copies.
    private func findDuplicate(of fingerprint: Fingerprint) async throws -> String? {
        let hashes = fingerprint.shingleHashes
        guard hashes.count == Fingerprint.slots else { return nil }
        let placeholders = Array(repeating: "?", count: hashes.count).joined(separator: ", ")
        let rows = try await backend.query(
            """
            SELECT s.document_key, COUNT(*), d.shingle_count, d.duplicate_of, d.stored_at
            FROM signatures s JOIN documents d ON d.key = s.document_key
            WHERE s.kind = 0 AND s.hash IN (\(placeholders)) AND s.document_key <> ?
            GROUP BY s.document_key, d.shingle_count, d.duplicate_of, d.stored_at
            HAVING COUNT(*) >= ?
            """, hashes.map { .integer($0) } + [.text(fingerprint.key), .integer(Int64(Self.minimumSharedSlots))])
        var best: (score: Double, group: String)?
        for row in rows {
            guard let candidate = row[0].text, let shared = row[1].integer, let size = row[2].integer else { continue }
            let jaccard = Double(shared) / Double(Fingerprint.slots)
            guard let score = Self.duplicateScore(jaccard: jaccard, sizes: fingerprint.shingleCount, size) else { continue }
            let group = row[3].text ?? candidate
            if best == nil || score > best!.score || (score == best!.score && group < best!.group) {
                best = (score, group)
            }
        }
        return best?.group
    }

    static let minimumSharedSlots = 8
    /// A MinHash value shared by more documents than this is a common word, not a story.
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

    private struct PendingIncident {
        var id: String
        var key: IncidentMatcher.Key
    }

    /// Statements inserting a document's events, each joined to an existing incident or a new one.
    private func planEvents(_ document: Document, key: String) async throws -> [SQLStatement] {
        var statements: [SQLStatement] = []
        var pending: [PendingIncident] = []
        let published = document.metadata.published
        for event in document.events {
            let matchKey = IncidentMatcher.Key(event, published: published)
            var best: (score: Double, id: String, precision: String?)?
            for incident in pending {
                if let score = matcher.match(matchKey, incident.key), score > (best?.score ?? 0) {
                    best = (score, incident.id, incident.key.precision)
                }
            }
            for (candidate, id) in try await candidateIncidents(for: matchKey, documentKey: key) {
                if let score = matcher.match(matchKey, candidate), score > (best?.score ?? 0) {
                    best = (score, id, candidate.precision)
                }
            }
            let incidentID: String
            if let best {
                incidentID = best.id
                statements.append(SQLStatement("UPDATE incidents SET reports = reports + 1 WHERE id = ?", [.text(best.id)]))
                // A report with a precise date dates an incident known so far only by publication date.
                if best.precision == "publication", matchKey.precision == "day" || matchKey.precision == nil,
                    let day = matchKey.day
                {
                    statements.append(
                        SQLStatement(
                            "UPDATE incidents SET day = ?, day_number = ?, date_precision = ? WHERE id = ?",
                            [.text(Day(daysSinceEpoch: day).description), .integer(Int64(day)), .text("day"), .text(best.id)]
                        ))
                }
            } else {
                incidentID = "inc-" + String(Fingerprint.hex(Fingerprint.hash128(key + "#" + event.id)).prefix(16))
                pending.append(PendingIncident(id: incidentID, key: matchKey))
                statements.append(
                    SQLStatement(
                        """
                        INSERT INTO incidents (id, cameo_root, cameo, plover, source, target, source_country,
                            target_country, actors, day, day_number, date_precision, place, admin1, latitude, longitude,
                            modality, quad_class, goldstein, reports, document_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                        """,
                        [
                            .text(incidentID), .text(matchKey.cameoRoot), .text(event.cameo), .from(event.plover?.event),
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
                        sentence_text, body)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(key + "#" + event.id), .text(event.id), .text(key), .text(document.id),
                        .from(event.sentence), .from(matchKey.day.map { Day(daysSinceEpoch: $0).description }),
                        .from(matchKey.day), .from(matchKey.precision), .text(matchKey.source), .text(matchKey.target),
                        .text(matchKey.sourceCountry), .text(matchKey.targetCountry), .text(Self.actorList(event)),
                        .text(event.cameo), .text(matchKey.cameoRoot), .from(event.plover?.event),
                        .from(event.quadClass), .from(event.goldstein), .text(matchKey.modality),
                        .from(matchKey.place), .from(matchKey.latitude), .from(matchKey.longitude),
                        .text(incidentID), .text(sentenceText), .text(try Self.encode(event)),
                    ]))
        }
        return statements
    }

    /// Stored incidents an event could belong to, with their keys; incidents reported only by the
    /// document being replaced are left out (they disappear with it).
    private func candidateIncidents(for key: IncidentMatcher.Key, documentKey: String) async throws
        -> [(IncidentMatcher.Key, String)]
    {
        let columns = """
            SELECT id, source, target, source_country, target_country, day_number, date_precision, place, admin1,
                latitude, longitude, (SELECT COUNT(*) FROM events e WHERE e.incident_id = incidents.id
                AND e.document_key <> ?) FROM incidents
            """
        let rows: [[SQLValue]]
        if let day = key.day {
            let tolerance = Int64(matcher.widestTolerance)
            rows = try await backend.query(
                columns + " WHERE cameo_root = ? AND modality = ? AND day_number BETWEEN ? AND ?",
                [
                    .text(documentKey), .text(key.cameoRoot), .text(key.modality), .integer(Int64(day) - tolerance),
                    .integer(Int64(day) + tolerance),
                ])
        } else {
            rows = try await backend.query(
                columns + " WHERE cameo_root = ? AND modality = ? AND day_number IS NULL AND document_key = ?",
                [.text(documentKey), .text(key.cameoRoot), .text(key.modality), .text(documentKey)])
        }
        return rows.compactMap { row in
            guard let id = row[0].text, (row[11].integer ?? 0) > 0 else { return nil }
            let candidate = IncidentMatcher.Key(
                cameoRoot: key.cameoRoot, modality: key.modality, source: row[1].text ?? "", target: row[2].text ?? "",
                sourceCountry: row[3].text ?? "", targetCountry: row[4].text ?? "", day: row[5].integer,
                precision: row[6].text, place: row[7].text, admin1: row[8].text, latitude: row[9].real,
                longitude: row[10].real)
            return (candidate, id)
        }
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
        let rows = try await backend.query(
            "SELECT key, body, version, duplicate_of FROM documents WHERE key = ? OR id = ? ORDER BY stored_at, key",
            [.text(idOrKey), .text(idOrKey)])
        guard let row = rows.first, let key = row[0].text else { return nil }
        return StoredDocument(
            key: key, document: try Self.decode(Document.self, row[1]), version: row[2].integer ?? 1,
            duplicateOf: row[3].text)
    }

    public func versions(of idOrKey: String) async throws -> [DocumentVersion] {
        guard let stored = try await document(idOrKey) else { return [] }
        let rows = try await backend.query(
            "SELECT version, text_hash, body, superseded_at FROM document_versions WHERE key = ? ORDER BY version",
            [.text(stored.key)])
        return try rows.map {
            DocumentVersion(
                version: $0[0].integer ?? 0, textHash: $0[1].text ?? "", document: try Self.decode(Document.self, $0[2]),
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
        let limit = query.near == nil ? query.limit.map { " LIMIT \($0)" } ?? "" : ""
        let rows = try await backend.query(
            """
            SELECT e.body, e.document_id, e.document_key, e.incident_id, e.sentence_text, d.published, d.url, d.outlet
            FROM events e JOIN documents d ON d.key = e.document_key\(whereSQL)
            ORDER BY COALESCE(e.day_number, \(Self.undatedOrder)), e.document_key, e.sentence, e.id\(limit)
            """, arguments)
        var events = try rows.map(Self.storedEvent)
        if let near = query.near {
            events = events.filter { Self.isNear($0.event, near) }
            if let limit = query.limit { events = Array(events.prefix(limit)) }
        }
        return events
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
        let limit = query.near == nil ? query.limit.map { " LIMIT \($0)" } ?? "" : ""
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
        if query.near != nil, let limit = query.limit { incidents = Array(incidents.prefix(limit)) }
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
    }

    private func documentRows(_ keys: [String]) async throws -> [String: DocumentRow] {
        var result: [String: DocumentRow] = [:]
        for start in stride(from: 0, to: keys.count, by: 500) {
            let chunk = Array(keys[start..<min(start + 500, keys.count)])
            let placeholders = Array(repeating: "?", count: chunk.count).joined(separator: ", ")
            let rows = try await backend.query(
                "SELECT key, id, title, published, shingle_count, duplicate_of FROM documents WHERE key IN (\(placeholders))",
                chunk.map { .text($0) })
            for row in rows {
                guard let key = row[0].text else { continue }
                result[key] = DocumentRow(
                    key: key, id: row[1].text ?? key, title: row[2].text, published: row[3].text.flatMap { Day(parsing: $0) },
                    shingleCount: row[4].integer ?? 0, duplicateOf: row[5].text)
            }
        }
        return result
    }

    public func similar(to idOrKey: String, limit: Int) async throws -> [SimilarDocument] {
        let found = try await backend.query(
            "SELECT key FROM documents WHERE key = ? OR id = ? ORDER BY stored_at, key", [.text(idOrKey), .text(idOrKey)])
        guard let key = found.first?.first?.text else {
            throw StoreError(.notFound, "no document '\(idOrKey)' in the store (give a document id or key)")
        }
        guard let own = try await documentRows([key])[key] else { return [] }
        let signatures = try await backend.query("SELECT kind, hash FROM signatures WHERE document_key = ?", [.text(key)])
        var shared: [Int: [String: Int]] = [:]
        for kind in [0, 1] {
            let hashes = signatures.filter { $0[0].integer == kind }.compactMap { $0[1] }
            guard !hashes.isEmpty else { continue }
            let placeholders = Array(repeating: "?", count: hashes.count).joined(separator: ", ")
            let rows = try await backend.query(
                """
                SELECT document_key, COUNT(*) FROM signatures WHERE kind = ? AND hash IN (\(placeholders))
                AND document_key <> ? GROUP BY document_key HAVING COUNT(*) >= ?
                """, [.integer(Int64(kind))] + hashes + [.text(key), .integer(kind == 0 ? 8 : 4)])
            for row in rows {
                if let other = row[0].text, let count = row[1].integer { shared[kind, default: [:]][other] = count }
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
        let candidates = Set(shared[0, default: [:]].keys).union(shared[1, default: [:]].keys).union(sameGroup)
            .union(sharedIncidents.keys)
        let rows = try await documentRows(Array(candidates))
        var result: [SimilarDocument] = []
        for other in candidates {
            guard let row = rows[other] else { continue }
            let shingleJaccard = Double(shared[0]?[other] ?? 0) / Double(Fingerprint.slots)
            let wordJaccard = Double(shared[1]?[other] ?? 0) / Double(Fingerprint.slots)
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
        let needed = Int64((minimumSimilarity * Double(Fingerprint.slots)).rounded(.up))
        let rows = try await backend.query(
            """
            SELECT a.document_key, b.document_key, COUNT(*) FROM signatures a
            JOIN signatures b ON b.kind = a.kind AND b.hash = a.hash AND a.document_key < b.document_key
            WHERE a.kind = 1 AND a.hash NOT IN (
                SELECT hash FROM signatures WHERE kind = 1 GROUP BY hash HAVING COUNT(*) > ?)
            GROUP BY a.document_key, b.document_key HAVING COUNT(*) >= ?
            """, [.integer(Int64(Self.storyBucketLimit)), .integer(max(1, needed))])
        var linked: [(String, String, Double)] = []
        for row in rows {
            guard let a = row[0].text, let b = row[1].text, let count = row[2].integer else { continue }
            linked.append((a, b, Double(count) / Double(Fingerprint.slots)))
        }
        // Related posts are published close together: a link across months is a shared template, not a story.
        let linkedRows = try await documentRows(Array(Set(linked.flatMap { [$0.0, $0.1] })))
        for (a, b, score) in linked {
            if let dayA = linkedRows[a]?.published?.daysSinceEpoch, let dayB = linkedRows[b]?.published?.daysSinceEpoch,
                abs(dayA - dayB) > Self.storyWindowDays
            {
                continue
            }
            edges.append((a, b, score))
        }
        let duplicates = try await backend.query("SELECT key, duplicate_of FROM documents WHERE duplicate_of IS NOT NULL")
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
                    duplicateGroups: groups.values.map { $0.sorted() }.sorted { ($0.count, $1.first ?? "") > ($1.count, $0.first ?? "") }))
        }
        stories.sort { ($0.documents.count, $1.id) > ($1.documents.count, $0.id) }
        return stories
    }

    // MARK: Aggregates

    public func timeline(_ query: TimelineQuery) async throws -> [TimelineRow] {
        let alias = query.incidents ? "i" : "e"
        let table = query.incidents ? "incidents i" : "events e"
        var (whereSQL, arguments) = conditions(query.filter, alias: alias)
        whereSQL += (whereSQL.isEmpty ? " WHERE " : " AND ") + "\(alias).day_number IS NOT NULL"
        let period = query.bucket == .day ? "\(alias).day_number" : "((\(alias).day_number + 3) / 7) * 7 - 3"
        let dyad = query.byDyad ? ", \(alias).source || '>' || \(alias).target" : ", ''"
        var quad = ""
        for value in 1...4 {
            quad += ", CAST(SUM(CASE WHEN \(alias).quad_class = \(value) THEN 1 ELSE 0 END) AS BIGINT)"
        }
        let rows = try await backend.query(
            """
            SELECT \(period) AS period\(dyad) AS dyad, COUNT(*)\(quad), AVG(\(alias).goldstein) FROM \(table)\(whereSQL)
            GROUP BY 1, 2 ORDER BY 1, 2
            """, arguments)
        return rows.compactMap { row in
            guard let day = row[0].integer else { return nil }
            return TimelineRow(
                period: Day(daysSinceEpoch: day), dyad: query.byDyad ? row[1].text : nil, count: row[2].integer ?? 0,
                quadClass: (3...6).map { row[$0].integer ?? 0 },
                meanGoldstein: row[7].real.map { ($0 * 1000).rounded() / 1000 })
        }
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
                FailedItem(item: $0[0].text ?? "", reason: $0[1].text ?? "", failedAt: $0[2].text ?? "", attempts: $0[3].integer ?? 0)
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
                "documents with incomplete signatures",
                """
                SELECT COUNT(*) FROM documents d WHERE d.shingle_count > 0 AND (SELECT COUNT(*) FROM signatures s
                WHERE s.document_key = d.key AND s.kind = 0) <> \(Fingerprint.slots)
                """
            ),
            (
                "signatures without their document",
                "SELECT COUNT(*) FROM signatures s WHERE NOT EXISTS (SELECT 1 FROM documents d WHERE d.key = s.document_key)"
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

    static func decode<T: Decodable>(_ type: T.Type, _ value: SQLValue) throws -> T {
        guard let text = value.text else { throw StoreError(.corrupt, "a stored \(T.self) is missing its body") }
        do {
            return try JSONDecoder().decode(T.self, from: Data(text.utf8))
        } catch {
            throw StoreError(.corrupt, "a stored \(T.self) cannot be decoded: \(error)", underlying: error)
        }
    }
}

extension Fingerprint {
    /// Signature rows of the shingle MinHash: slot and value folded into one indexable number.
    public var shingleHashes: [Int64] { Fingerprint.fold(shingles) }
    /// Signature rows of the content-word MinHash.
    public var wordHashes: [Int64] { Fingerprint.fold(words) }

    static func fold(_ signature: [Int64]) -> [Int64] {
        signature.enumerated().map { slot, value in
            Int64(bitPattern: mix(UInt64(bitPattern: value) ^ salts[slot]) >> 2)
        }
    }
}
