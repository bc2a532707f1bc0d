import AsyncHTTPClient
import Foundation
import Logging
import Parley
import ParleyServer
import ParleyStore
import ServiceLifecycle
import Testing

/// Articles written for these tests: a border clash and its wire copy, talks, an arrest and a warning.
enum Articles {
    static let clash =
        "Pakistani troops fired on Afghan border guards near Torkham on Monday, killing two soldiers, officials said. "
        + "Afghanistan condemned the attack and summoned the Pakistani ambassador in Kabul."
    static let jsonl = [
        #"{"id": "clash", "date": "2024-03-04", "url": "https://example.org/clash", "title": "Border clash", "text": "\#(clash)"}"#,
        #"{"id": "clash-copy", "date": "2024-03-04", "url": "https://example.net/wire/clash", "title": "Border clash (wire)", "text": "\#(clash) The border crossing stayed closed."}"#,
        #"{"id": "talks", "date": "2024-04-10", "url": "https://example.org/talks", "title": "Talks", "text": "Pakistan and Afghanistan agreed on Wednesday to resume talks in Doha. Qatar welcomed the agreement. The Afghan delegation did not sign the accord."}"#,
        #"{"id": "arrests", "date": "2024-05-20", "url": "https://example.org/arrests", "title": "Arrests", "text": "Police arrested twelve protesters in Peshawar on Monday after a rally turned violent. India said it would impose sanctions on Pakistan if the attacks continued."}"#,
    ].joined(separator: "\n")
}

/// The coding pipeline, built once per test process.
enum SharedPipeline {
    static let pipeline = Result { try StandardPipeline.make(upTo: .events) }
}

/// A server on a free port over a temporary SQLite store holding ``Articles``.
struct RunningServer: Sendable {
    let base: String
    let store: SQLEventStore
    let pipeline: Pipeline
    let task: Task<Void, any Error>
    let group: ServiceGroup
    let path: String

    /// The read-only server most tests share.
    static let shared = Task { try await RunningServer.start() }

    /// Starts a server over a new temporary SQLite store, or over `store` when given.
    static func start(allowIngest: Bool = false, filled: Bool = true, store given: SQLEventStore? = nil) async throws
        -> RunningServer
    {
        let pipeline = try SharedPipeline.pipeline.get()
        let path =
            given == nil
            ? FileManager.default.temporaryDirectory.appendingPathComponent("parley-server-\(UUID().uuidString).sqlite")
                .path
            : ""
        let store: SQLEventStore
        if let given { store = given } else { store = try await SQLiteEventStore.open(path: path) }
        if filled {
            let documents = try DocumentReader().read(data: Data(Articles.jsonl.utf8), name: "articles.jsonl").documents
            for document in documents { try await store.store(try pipeline(document), item: "articles.jsonl") }
        }
        var configuration = EventServer.Configuration()
        configuration.port = 0
        configuration.allowIngest = allowIngest
        configuration.maxBodyBytes = 64_000
        configuration.maxLimit = 200
        let server = try EventServer(store: store, pipeline: pipeline, configuration: configuration)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = server.application { port in continuation.yield(port) }
        let group = ServiceGroup(
            configuration: .init(services: [application], logger: Logger(label: "parley-server-tests")))
        let task = Task {
            defer { continuation.finish() }
            try await group.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else {
            try await task.value
            throw APIError(.internalServerError, "notStarted", "the server did not start")
        }
        return RunningServer(
            base: "http://127.0.0.1:\(port)", store: store, pipeline: pipeline, task: task, group: group, path: path)
    }

    /// Stops the server and waits until it has; a temporary SQLite store is closed and removed.
    func stop() async {
        await group.triggerGracefulShutdown()
        _ = await task.result
        guard !path.isEmpty else { return }
        await store.close()
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// A response read whole.
struct Reply {
    var status: Int
    var contentType: String
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func json() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try JSONDecoder().decode(type, from: Data(body))
    }

    /// The error code of a JSON error body.
    func errorCode() throws -> String? {
        (try json()["error"] as? [String: Any])?["code"] as? String
    }
}

extension RunningServer {
    func get(_ path: String, timeout: Int64 = 60) async throws -> Reply {
        try await send(HTTPClientRequest(url: base + path), timeout: timeout)
    }

    func post(_ path: String, _ body: [UInt8], contentType: String = "text/plain") async throws -> Reply {
        var request = HTTPClientRequest(url: base + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: contentType)
        request.body = .bytes(body)
        return try await send(request)
    }

    private func send(_ request: HTTPClientRequest, timeout: Int64 = 60) async throws -> Reply {
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(timeout))
        let body = try await response.body.collect(upTo: 50_000_000)
        return Reply(
            status: Int(response.status.code), contentType: response.headers.first(name: "content-type") ?? "",
            body: Array(body.readableBytesView))
    }
}

/// `/api/events` as decoded by the tests.
struct EventsPage: Decodable {
    var total: Int
    var limit: Int
    var offset: Int
    var events: [StoredEvent]
}
