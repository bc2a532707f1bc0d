import Foundation
import Hummingbird
import Parley
import ParleyStore

/// The HTTP API and web dashboard over an event store.
///
/// JSON under `/api` (events, one event with its evidence, incidents, stories, timeline, actors, exports,
/// coding posted text, optional ingest, health) and the dashboard at `/`, served from the target's resources.
/// Bad requests get a JSON error body `{"error": {"code": …, "message": …}}` with a 4xx status.
public struct EventServer: Sendable {
    /// Where to listen and what to allow.
    public struct Configuration: Sendable {
        /// Host name or address to bind.
        public var host = "127.0.0.1"
        /// Port to bind; 0 picks a free one (see ``EventServer/application(onRunning:)``).
        public var port = 8080
        /// Whether `POST /api/ingest` stores posted documents (off: it answers 403).
        public var allowIngest = false
        /// Largest request body accepted, in bytes.
        public var maxBodyBytes = 5_000_000
        /// Rows a page of events or incidents holds when the request gives no limit.
        public var defaultLimit = 100
        /// Most rows one page may hold.
        public var maxLimit = 1000

        /// Creates the default configuration.
        public init() {}
    }

    /// The store read (and, with ``Configuration/allowIngest``, written).
    public let store: SQLEventStore
    /// The coding pipeline for `POST /api/code` and `POST /api/ingest`, built once.
    public let pipeline: Pipeline
    public let configuration: Configuration
    let dashboard: Dashboard

    /// Creates a server.
    /// - Parameters:
    ///   - store: an open store; the caller closes it after the server stops.
    ///   - pipeline: the coding pipeline (`StandardPipeline.make(upTo: .events)`, as `parley code` uses).
    ///   - configuration: address, limits and whether ingesting is allowed.
    /// - Throws: ``PipelineError`` when the dashboard's files are missing from the bundle.
    public init(store: SQLEventStore, pipeline: Pipeline, configuration: Configuration = Configuration()) throws {
        self.store = store
        self.pipeline = pipeline
        self.configuration = configuration
        dashboard = try Dashboard.bundled()
    }

    /// The router with every route and the JSON error middleware.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: JSONErrorMiddleware())
        addRoutes(to: router)
        return router
    }

    /// The Hummingbird application: a service to run in a `ServiceGroup` (whose graceful shutdown lets the
    /// requests in flight finish and closes idle connections).
    /// - Parameter onRunning: called once listening, with the port bound (useful with port 0).
    public func application(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        Application(
            router: router(),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "parley"),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? 0) })
    }

    /// Serves until SIGINT or SIGTERM arrives, then finishes the requests in flight and returns.
    /// - Parameter onRunning: called once listening, with the port bound (useful with port 0).
    /// - Throws: when the address cannot be bound.
    public func run(onRunning: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        try await application(onRunning: onRunning).runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }
}
