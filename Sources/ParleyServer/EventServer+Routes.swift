import Foundation
import Hummingbird
import Parley
import ParleyStore

/// The query parameters of a request, checked against the names a route knows.
struct QueryParameters {
    var values: [String: String] = [:]

    /// - Throws: ``APIError`` (400) naming a parameter the route does not know.
    init(_ request: Request, allowed: Set<String>) throws {
        for (key, value) in request.uri.queryParameters {
            let name = String(key).removingPercentEncoding ?? String(key)
            guard allowed.contains(name) else {
                throw APIError(
                    .badRequest, "unknownParameter",
                    "unknown parameter '\(name)'; this endpoint takes \(allowed.sorted().joined(separator: ", "))")
            }
            values[name] = String(value)
        }
    }

    subscript(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// One of a fixed set of words, or the default.
    /// - Throws: ``APIError`` (400) for any other word.
    func choice(_ name: String, _ choices: [String], default value: String) throws -> String {
        guard let given = self[name] else { return value }
        guard choices.contains(given.lowercased()) else {
            throw APIError(
                .badRequest, "invalidArgument", "\(name) '\(given)' is one of \(choices.joined(separator: ", "))")
        }
        return given.lowercased()
    }

    /// A yes/no flag (`true`, `false`, `1`, `0`).
    /// - Throws: ``APIError`` (400) for any other value.
    func flag(_ name: String) throws -> Bool {
        try ["true", "1", "yes"].contains(choice(name, ["true", "false", "1", "0", "yes", "no"], default: "false"))
    }
}

extension EventServer {
    /// A page of a list with the number of rows matching.
    struct Page<Item: Encodable>: Encodable {
        var total: Int
        var limit: Int
        var offset: Int
        var items: [Item]
        var name: String

        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(total, forKey: Key(stringValue: "total"))
            try container.encode(limit, forKey: Key(stringValue: "limit"))
            try container.encode(offset, forKey: Key(stringValue: "offset"))
            try container.encode(items, forKey: Key(stringValue: name))
        }
    }

    static let filterNames = EventQuery.parameterNames

    /// The event filters of a request, with the server's default and largest page size.
    /// - Throws: ``APIError`` (400) for a malformed or unknown parameter.
    func eventQuery(_ parameters: QueryParameters, paged: Bool = true) throws -> EventQuery {
        var query = try EventQuery(parameters: parameters.values)
        if paged {
            if let limit = query.limit, limit > configuration.maxLimit {
                throw APIError(
                    .badRequest, "invalidArgument", "limit \(limit) is over the largest page, \(configuration.maxLimit)"
                )
            }
            query.limit = query.limit ?? configuration.defaultLimit
        }
        return query
    }

    func addRoutes(to router: Router<BasicRequestContext>) {
        let dashboard = self.dashboard
        for path in ["/", "/app.js", "/app.css"] {
            router.get(RouterPath(stringLiteral: path)) { _, _ in
                guard let response = dashboard.response(for: path) else { throw HTTPError(.notFound) }
                return response
            }
        }
        router.get("/api/health") { _, _ in try await self.health() }
        router.get("/api/events") { request, _ in
            try await self.page(request, name: "events", count: self.store.countEvents, items: self.store.events)
        }
        router.get("/api/events/{id}") { request, context in
            _ = try QueryParameters(request, allowed: [])
            let raw = context.parameters.get("id") ?? ""
            return try await self.eventDetail(raw.removingPercentEncoding ?? raw)
        }
        router.get("/api/incidents") { request, _ in
            try await self.page(
                request, name: "incidents", count: self.store.countIncidents, items: self.store.incidents)
        }
        router.get("/api/stories") { request, _ in
            try await self.stories(QueryParameters(request, allowed: ["min_similarity", "limit", "offset"]))
        }
        router.get("/api/similar") { request, _ in
            let parameters = try QueryParameters(request, allowed: ["document", "limit"])
            guard let document = parameters["document"] else {
                throw APIError(.badRequest, "invalidArgument", "give document=ID (a document id or key)")
            }
            let limit = try EventQuery(parameters: ["limit": parameters["limit"] ?? "10"]).limit ?? 10
            return JSONBody.response(["documents": try await self.store.similar(to: document, limit: limit)])
        }
        router.get("/api/timeline") { request, _ in
            try await self.timeline(
                QueryParameters(request, allowed: Self.filterNames.union(["bucket", "group", "count"])))
        }
        router.get("/api/actors") { request, _ in
            let query = try self.eventQuery(QueryParameters(request, allowed: Self.filterNames))
            return JSONBody.response(["actors": try await self.store.actors(query)])
        }
        router.get("/api/commitments") { request, _ in
            try await self.commitments(QueryParameters(request, allowed: CommitmentQuery.parameterNames))
        }
        router.get("/api/export") { request, _ in
            try await self.export(QueryParameters(request, allowed: Self.filterNames.union(["format", "events"])))
        }
        router.post("/api/code") { request, _ in try await self.code(request) }
        router.post("/api/ingest") { request, _ in try await self.ingest(request) }
        router.on("/api/**", method: .get) { request, _ -> Response in
            throw APIError(.notFound, "notFound", "no endpoint \(request.uri.path); see /api/health and the README")
        }
    }

    /// One page of what the request's event filters select, with the total the filters select.
    func page<Item: Encodable & Sendable>(
        _ request: Request, name: String, count: @Sendable (EventQuery) async throws -> Int,
        items: @Sendable (EventQuery) async throws -> [Item]
    ) async throws -> Response {
        let query = try eventQuery(QueryParameters(request, allowed: Self.filterNames))
        async let total = count(query)
        let selected = try await items(query)
        return JSONBody.response(
            Page(
                total: try await total, limit: query.limit ?? 0, offset: query.offset ?? 0, items: selected, name: name)
        )
    }

    func health() async throws -> Response {
        struct Health: Encodable {
            var status: String
            var version: String
            var backend: String
            var counts: StoreCounts
            var ingest: Bool
        }
        let counts: StoreCounts
        do {
            counts = try await store.counts()
        } catch {
            throw APIError(.serviceUnavailable, "unavailable", "the store cannot be read: \(error)")
        }
        return JSONBody.response(
            Health(
                status: "ok", version: ParleyVersion.current, backend: store.backend.name, counts: counts,
                ingest: configuration.allowIngest))
    }

    func eventDetail(_ id: String) async throws -> Response {
        struct Detail: Encodable {
            struct Source: Encodable {
                var id: String
                var key: String
                var title: String?
                var url: String?
                var outlet: String?
                var published: Day?
                var version: Int
                var duplicateOf: String?
            }
            var event: StoredEvent
            var document: Source
            var highlights: [EventExplainer.Highlight]
            var explanation: String
        }
        guard !id.isEmpty, let stored = try await store.event(id) else {
            throw APIError(.notFound, "notFound", "no event '\(id)' in the store (give an event id such as doc-e1)")
        }
        guard let document = try await store.document(stored.documentKey) else {
            throw APIError(.notFound, "notFound", "the document of event '\(id)' is no longer in the store")
        }
        var single = document.document
        single.events = [stored.event]
        let metadata = single.metadata
        return JSONBody.response(
            Detail(
                event: stored,
                document: .init(
                    id: single.id, key: document.key, title: metadata.title, url: metadata.url,
                    outlet: metadata.outlet, published: metadata.published, version: document.version,
                    duplicateOf: document.duplicateOf),
                highlights: EventExplainer.highlights(of: stored.event, in: single),
                explanation: EventExplainer(ansi: false).explain(single)))
    }

    func stories(_ parameters: QueryParameters) async throws -> Response {
        var minimum = 0.3
        if let text = parameters["min_similarity"] {
            guard let value = Double(text), (0.01...1).contains(value) else {
                throw APIError(.badRequest, "invalidArgument", "min_similarity '\(text)' is between 0.01 and 1")
            }
            minimum = value
        }
        let page = try EventQuery(parameters: [
            "limit": parameters["limit"] ?? "50", "offset": parameters["offset"] ?? "0",
        ])
        if let limit = page.limit, limit > configuration.maxLimit {
            throw APIError(
                .badRequest, "invalidArgument", "limit \(limit) is over the largest page, \(configuration.maxLimit)")
        }
        let stories = try await store.stories(minimumSimilarity: minimum)
        let start = min(stories.count, page.offset ?? 0)
        return JSONBody.response(
            Page(
                total: stories.count, limit: page.limit ?? 50, offset: start,
                items: Array(stories[start...].prefix(page.limit ?? 50)), name: "stories"))
    }

    /// `GET /api/commitments`: the commitments among the events the filters select, one page of them.
    func commitments(_ parameters: QueryParameters) async throws -> Response {
        var query = try CommitmentQuery(parameters: parameters.values)
        query.filter = try eventQuery(parameters)
        let (commitments, total) = try await store.commitments(query)
        return JSONBody.response(
            Page(
                total: total, limit: query.filter.limit ?? 0, offset: query.filter.offset ?? 0, items: commitments,
                name: "commitments"))
    }

    func timeline(_ parameters: QueryParameters) async throws -> Response {
        var query = TimelineQuery()
        query.filter = try eventQuery(parameters, paged: false)
        query.bucket =
            TimelineQuery.Bucket(
                rawValue: try parameters.choice("bucket", TimelineQuery.Bucket.allCases.map(\.rawValue), default: "day")
            )
            ?? .day
        let group = try parameters.choice("group", ["none", "dyad", "root"], default: "none")
        query.byDyad = group == "dyad"
        query.byRoot = group == "root"
        query.incidents = try parameters.choice("count", ["incidents", "events"], default: "incidents") == "incidents"
        return JSONBody.response(["rows": try await store.timeline(query)])
    }

    func export(_ parameters: QueryParameters) async throws -> Response {
        let name = try parameters.choice(
            "format", ["jsonl"] + EventExporter.Format.allCases.map(\.rawValue), default: "csv")
        let format = name == "jsonl" ? .ploverJSONL : EventExporter.Format(rawValue: name) ?? .csv
        let events = try parameters.flag("events")
        let query = try eventQuery(parameters, paged: false)
        let exporter = EventExporter(format: format)
        let rows = try await EventExporter.rows(of: store, query, events: events)
        let (type, suffix) =
            switch format {
            case .ploverJSONL: ("application/x-ndjson", "jsonl")
            case .phoenixTSV: ("text/tab-separated-values; charset=utf-8", "tsv")
            case .acledCSV, .csv: ("text/csv; charset=utf-8", "csv")
            }
        let file = "parley-\(events ? "events" : "incidents").\(suffix)"
        // The same bytes as `EventExporter.write`, written a few hundred lines at a time.
        let body = ResponseBody { writer in
            var chunk = exporter.header.map { $0 + "\n" } ?? ""
            for row in rows {
                chunk += exporter.line(row) + "\n"
                if chunk.utf8.count > 64_000 {
                    try await writer.write(ByteBuffer(string: chunk))
                    chunk = ""
                }
            }
            if !chunk.isEmpty { try await writer.write(ByteBuffer(string: chunk)) }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(file)\""],
            body: body)
    }
}
