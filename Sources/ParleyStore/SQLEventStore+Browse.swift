import Foundation
import Parley

/// How often an actor code takes part in the events of a query.
public struct ActorActivity: Sendable, Hashable, Codable {
    /// The actor code (`PAKGOV`).
    public var code: String
    /// Events with the actor as source.
    public var asSource: Int
    /// Events with the actor as target.
    public var asTarget: Int

    /// Events the actor takes part in, on either side.
    public var total: Int { asSource + asTarget }

    /// Creates an activity count.
    public init(code: String, asSource: Int, asTarget: Int) {
        self.code = code
        self.asSource = asSource
        self.asTarget = asTarget
    }

    enum CodingKeys: String, CodingKey {
        case code
        case asSource = "as_source"
        case asTarget = "as_target"
    }
}

extension SQLEventStore {
    /// How many events match a query, ignoring its limit and offset.
    /// - Throws: ``StoreError``.
    public func countEvents(_ query: EventQuery) async throws -> Int {
        try await count(query, alias: "e", table: "events e") { try await self.events($0).count }
    }

    /// How many incidents match a query, ignoring its limit and offset.
    /// - Throws: ``StoreError``.
    public func countIncidents(_ query: EventQuery) async throws -> Int {
        try await count(query, alias: "i", table: "incidents i") { try await self.incidents($0).count }
    }

    private func count(
        _ query: EventQuery, alias: String, table: String, filtered: (EventQuery) async throws -> Int
    ) async throws -> Int {
        var query = query
        (query.limit, query.offset) = (nil, nil)
        // A radius is checked on each row after the database's bounding box.
        if query.near != nil { return try await filtered(query) }
        let (whereSQL, arguments) = conditions(query, alias: alias)
        return try await backend.query("SELECT COUNT(*) FROM \(table)\(whereSQL)", arguments).first?.first?.integer ?? 0
    }

    /// One stored event by its store id (`<document key>#<event id>`) or its event id (`doc-e1`); when several
    /// documents have an event of that id, the one stored first.
    /// - Throws: ``StoreError``.
    public func event(_ id: String) async throws -> StoredEvent? {
        let rows = try await backend.query(
            """
            SELECT e.body, e.document_id, e.document_key, e.incident_id, e.sentence_text, d.published, d.url, d.outlet
            FROM events e JOIN documents d ON d.key = e.document_key WHERE e.id = ? OR e.event_id = ?
            ORDER BY CASE WHEN e.id = ? THEN 0 ELSE 1 END, d.stored_at, e.document_key LIMIT 1
            """, [.text(id), .text(id), .text(id)])
        return try rows.first.map(Self.storedEvent)
    }

    /// Actor codes of the events matching a query (its radius aside), most active first; its limit and offset page
    /// the list.
    /// - Throws: ``StoreError``.
    public func actors(_ query: EventQuery) async throws -> [ActorActivity] {
        var filter = query
        (filter.limit, filter.offset, filter.near) = (nil, nil, nil)
        let (whereSQL, arguments) = conditions(filter, alias: "e")
        let page = Self.page(query)
        let rows = try await backend.query(
            """
            SELECT code, SUM(as_source), SUM(as_target) FROM (
                SELECT e.source AS code, 1 AS as_source, 0 AS as_target FROM events e\(whereSQL)
                UNION ALL SELECT e.target AS code, 0 AS as_source, 1 AS as_target FROM events e\(whereSQL)
            ) sides WHERE code <> '' AND code <> '-'
            GROUP BY code ORDER BY SUM(as_source) + SUM(as_target) DESC, code\(page)
            """, arguments + arguments)
        return rows.compactMap { row in
            guard let code = row[0].text else { return nil }
            return ActorActivity(code: code, asSource: row[1].integer ?? 0, asTarget: row[2].integer ?? 0)
        }
    }
}
