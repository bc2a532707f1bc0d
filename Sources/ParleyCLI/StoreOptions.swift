import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import Parley
import ParleyPostgres
import ParleyStore

/// `--store`: where the store is.
struct StoreOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "SQLite file or postgres://user:password@host:port/db address (default: $PARLEY_STORE, else parley.sqlite).",
            valueName: "path-or-url"))
    var store: String?

    /// The address in use: the flag, else `PARLEY_STORE`, else `parley.sqlite`.
    var address: String {
        if let store, !store.isEmpty { return store }
        if let environment = ProcessInfo.processInfo.environment["PARLEY_STORE"], !environment.isEmpty {
            return environment
        }
        return "parley.sqlite"
    }

    /// Opens the store.
    /// - Parameter create: whether a missing SQLite file is created (by `ingest`); the commands that only
    ///   read it say instead that there is no store there, rather than create an empty one at a mistyped path.
    /// - Throws: ``StoreError``: ``StoreError/Code/notFound`` when the file is missing and `create` is false.
    func open(create: Bool = false) async throws -> SQLEventStore {
        let address = self.address
        if address.hasPrefix("postgres://") || address.hasPrefix("postgresql://") {
            return try await PostgresEventStore.open(url: address)
        }
        if !create, !FileManager.default.fileExists(atPath: address) {
            throw StoreError(
                .notFound, "\(address): no store there; 'parley ingest FILE --store \(address)' creates it")
        }
        return try await SQLiteEventStore.open(path: address)
    }
}

extension StoreOptions {
    /// Opens the store (see ``open(create:)``), hands it to `body` and closes it afterwards, also when `body` throws.
    func withStore<T>(create: Bool = false, _ body: (SQLEventStore) async throws -> T) async throws -> T {
        let store = try await open(create: create)
        do {
            let result = try await body(store)
            await store.close()
            return result
        } catch {
            await store.close()
            throw error
        }
    }
}

/// Prints one entry per item: the item as JSON on one line with `--json`, else `text(item)`.
/// - Parameter encode: the JSON form (`JSONEncoder` as it is by default).
func printEach<T: Encodable>(
    _ items: some Sequence<T>, json: Bool,
    encode: (T) throws -> String = { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) },
    text: (T) -> String
) throws {
    for item in items { printOut(json ? try encode(item) : text(item)) }
}

/// Filters shared by `events`, `incidents`, `export` and `timeline`.
struct FilterOptions: ParsableArguments {
    @Option(help: "First day (YYYY-MM-DD).") var from: String?
    @Option(help: "Last day (YYYY-MM-DD).") var to: String?
    @Option(help: "Actor code or country prefix on either side (PAKGOV, PAK).") var actor: String?
    @Option(help: "CAMEO root code (19) or a code whose root to use (190).") var cameo: String?
    @Option(help: "PLOVER event type (ASSAULT).") var plover: String?
    @Option(help: "LAT,LON,KM: within KM kilometres of a point.") var near: String?
    @Option(help: "asserted, negated, hypothetical or future.") var modality: String?
    @Option(help: "Words in the event's sentence.") var text: String?
    @Option(help: "Only events of this document (id or key).") var document: String?
    @Option(help: "QuadClass: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")
    var quad: Int?
    @Option(help: "Most rows.") var limit: Int?
    @Option(help: "Rows to skip first (paging).") var offset: Int?

    func validate() throws {
        _ = try query()
    }

    func query() throws -> EventQuery {
        let values: [String: String?] = [
            "from": from, "to": to, "actor": actor, "cameo": cameo, "plover": plover, "near": near,
            "modality": modality, "quad": quad.map(String.init), "text": text, "document": document,
            "limit": limit.map(String.init), "offset": offset.map(String.init),
        ]
        do {
            return try EventQuery(parameters: values.compactMapValues { $0 }, name: { "--" + $0 })
        } catch let error as StoreError {
            throw ValidationError(error.message)
        }
    }
}

/// Fetches pages and feeds with AsyncHTTPClient: timeouts, a size limit and at most 5 redirects.
struct HTTPPageFetcher: PageFetcher {
    let client: HTTPClient
    let maxBytes: Int
    let timeout: Int64

    init(maxBytes: Int, timeoutSeconds: Int64 = 30) {
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .follow(max: 5, allowCycles: false),
            timeout: .init(connect: .seconds(10), read: .seconds(timeoutSeconds)))
        configuration.decompression = .enabled(limit: .ratio(20))
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maxBytes = maxBytes
        timeout = timeoutSeconds
    }

    func fetch(_ url: String) async throws -> FetchedPage {
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "User-Agent", value: "parley/\(ParleyVersion.current)")
        do {
            let response = try await client.execute(request, timeout: .seconds(timeout))
            guard (200..<300).contains(response.status.code) else {
                throw StoreError(.fetchFailed, "HTTP \(response.status.code)")
            }
            if let length = response.headers.first(name: "content-length").flatMap(Int.init), length > maxBytes {
                throw StoreError(.fetchFailed, "page is \(length) bytes, over the limit of \(maxBytes)")
            }
            let body = try await response.body.collect(upTo: maxBytes)
            return FetchedPage(
                url: response.url?.absoluteString ?? url, data: Data(body.readableBytesView),
                contentType: response.headers.first(name: "content-type"))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.fetchFailed, "cannot fetch: \(error)", underlying: error)
        }
    }

    func shutdown() async {
        try? await client.shutdown()
    }
}

/// Draws `[=====>    ] 4521/10000 45% 312 docs/s ETA 0:17` on standard error.
struct ProgressBar {
    let isTerminal = isatty(2) != 0

    func draw(_ progress: Ingestor.Progress, final: Bool = false) {
        let total = max(progress.total, 1)
        let fraction = Double(progress.done) / Double(total)
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar =
            String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            + String(repeating: " ", count: max(0, width - filled - 1))
        let eta = progress.remaining.map { String(format: "%d:%02d", Int($0) / 60, Int($0) % 60) } ?? "--:--"
        let line = String(
            format: "[%@] %d/%d %3d%% %.1f docs/s ETA %@ | new %d, revised %d, unchanged %d, failed %d, events %d",
            bar, progress.done, progress.total, Int(fraction * 100), progress.rate, eta, progress.inserted,
            progress.revised, progress.unchanged, progress.failed, progress.events)
        if isTerminal {
            FileHandle.standardError.write(Data(("\r" + line + (final ? "\n" : "")).utf8))
        } else if final {
            printError(line)
        }
    }
}

/// Writes a line to standard output.
func printOut(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
