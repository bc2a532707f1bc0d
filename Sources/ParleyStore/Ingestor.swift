import Foundation
import Parley

/// A page or feed fetched from the web.
public struct FetchedPage: Sendable {
    /// The address after redirects.
    public var url: String
    public var data: Data
    /// The `Content-Type` header, when sent.
    public var contentType: String?

    public init(url: String, data: Data, contentType: String?) {
        self.url = url
        self.data = data
        self.contentType = contentType
    }
}

/// Fetches `http(s)` addresses for ingest (the CLI provides one with timeouts, size limits and capped redirects).
public protocol PageFetcher: Sendable {
    /// Fetches one address.
    /// - Throws: ``StoreError/Code/fetchFailed`` with the reason.
    func fetch(_ url: String) async throws -> FetchedPage
}

/// Reads inputs, codes their documents in parallel and stores each in its own transaction.
///
/// Ingest is idempotent (a document already stored with the same text is not coded again) and
/// resumable (run it again after a crash: stored documents are skipped, the rest are coded and stored).
/// An input or document that fails is recorded as a failed item and never stops the batch.
public struct Ingestor: Sendable {
    /// How to ingest.
    public struct Configuration: Sendable {
        /// Documents coded at once; the number of cores by default.
        public var concurrency = ProcessInfo.processInfo.activeProcessorCount
        /// How files are read.
        public var reader = DocumentReader.Configuration()
        /// Most coded documents stored in one transaction (each document stays whole).
        public var batchSize = 64
        /// File name endings read when walking folders.
        public var extensions: Set<String> = [
            "txt", "text", "md", "html", "htm", "jsonl", "ndjson", "rss", "atom", "xml",
        ]

        public init() {}
    }

    /// Where a run is.
    public struct Progress: Sendable, Hashable {
        /// Documents read so far (all are read before coding starts).
        public var total = 0
        /// Documents finished: stored, unchanged or failed.
        public var done = 0
        public var inserted = 0
        public var revised = 0
        public var unchanged = 0
        /// Inputs and documents that failed.
        public var failed = 0
        /// Events in stored documents.
        public var events = 0
        /// Seconds since coding started.
        public var elapsed: Double = 0
        /// Seconds spent coding (fingerprints included), summed over the parallel coders.
        public var coding: Double = 0
        /// Seconds the single writer spent storing (planning and writing), wall clock.
        public var storing: Double = 0

        /// Documents per second so far.
        public var rate: Double { elapsed > 0 ? Double(done) / elapsed : 0 }
        /// Seconds left at the current rate, when known.
        public var remaining: Double? { rate > 0 ? Double(total - done) / rate : nil }
    }

    public let configuration: Configuration
    public let pipeline: Pipeline
    public let store: any EventStore
    public let fetcher: (any PageFetcher)?

    /// Creates an ingestor.
    /// - Parameters:
    ///   - pipeline: the coding pipeline, built once.
    ///   - store: where documents go.
    ///   - fetcher: fetches `http(s)` inputs; without one, URLs fail as unsupported.
    public init(
        pipeline: Pipeline, store: any EventStore, fetcher: (any PageFetcher)? = nil,
        configuration: Configuration = Configuration()
    ) {
        self.pipeline = pipeline
        self.store = store
        self.fetcher = fetcher
        self.configuration = configuration
    }

    /// One document ready to be coded, with the input item it came from.
    public struct Item: Sendable {
        public var name: String
        public var document: Document
    }

    /// Files under the given paths (folders walked recursively, hidden files skipped) and URLs, in order.
    public func expand(_ inputs: [String]) -> (inputs: [String], problems: [(String, String)]) {
        var result: [String] = []
        var problems: [(String, String)] = []
        let manager = FileManager.default
        for input in inputs {
            if input.hasPrefix("http://") || input.hasPrefix("https://") || input == "-" {
                result.append(input)
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: input, isDirectory: &isDirectory) else {
                problems.append((input, "no such file or folder"))
                continue
            }
            if !isDirectory.boolValue {
                result.append(input)
                continue
            }
            guard let walker = manager.enumerator(atPath: input) else {
                problems.append((input, "cannot list the folder"))
                continue
            }
            var files: [String] = []
            while let relative = walker.nextObject() as? String {
                let name = (relative as NSString).lastPathComponent
                if name.hasPrefix(".") {
                    walker.skipDescendants()
                    continue
                }
                let path = (input as NSString).appendingPathComponent(relative)
                var folder: ObjCBool = false
                if manager.fileExists(atPath: path, isDirectory: &folder), !folder.boolValue,
                    configuration.extensions.contains((name as NSString).pathExtension.lowercased())
                {
                    files.append(path)
                }
            }
            result += files.sorted()
        }
        return (result, problems)
    }

    /// Reads one input into items; problems are returned, not thrown.
    public func read(_ input: String) async -> (items: [Item], problems: [(String, String)]) {
        var problems: [(String, String)] = []
        var documents: [Document] = []
        do {
            if input.hasPrefix("http://") || input.hasPrefix("https://") {
                guard let fetcher else { return ([], [(input, "fetching URLs is not available here")]) }
                let page = try await fetcher.fetch(input)
                let result: DocumentReader.Result
                if FeedReader.isFeed(page.data) {
                    result = try FeedReader().read(data: page.data, name: input)
                } else {
                    var reader = configuration.reader
                    if reader.format == .auto, page.contentType?.lowercased().contains("html") ?? true {
                        reader.format = .html
                    }
                    result = try DocumentReader(configuration: reader).read(data: page.data, name: input)
                }
                documents = result.documents.map { document in
                    var document = document
                    if document.metadata.url == nil, !FeedReader.isFeed(page.data) { document.metadata.url = page.url }
                    return document
                }
                problems += Self.errors(result.diagnostics)
            } else {
                let lower = input.lowercased()
                let data = input == "-" ? nil : FileManager.default.contents(atPath: input)
                let result: DocumentReader.Result
                if let data,
                    lower.hasSuffix(".rss") || lower.hasSuffix(".atom") || lower.hasSuffix(".xml")
                        || (!lower.hasSuffix(".jsonl") && !lower.hasSuffix(".ndjson") && FeedReader.isFeed(data))
                {
                    guard data.count <= configuration.reader.maxBytes else {
                        throw PipelineError(.invalidInput, "file is \(data.count) bytes, over the limit", file: input)
                    }
                    result = try FeedReader().read(data: data, name: input)
                } else {
                    result = try DocumentReader(configuration: configuration.reader).read(path: input)
                }
                documents = result.documents
                problems += Self.errors(result.diagnostics)
            }
        } catch let error as PipelineError where error.file == input && error.line == nil {
            return ([], [(input, error.message)])  // the failure is listed under its item's name already
        } catch {
            return ([], [(input, "\(error)")])
        }
        let items = documents.map { document in
            Item(name: documents.count == 1 ? input : input + "#" + document.id, document: document)
        }
        return (items, problems)
    }

    static func code(_ item: Item, pipeline: Pipeline, store: any EventStore) async throws -> IngestOutcome {
        let start = DispatchTime.now().uptimeNanoseconds
        func seconds() -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
        let fingerprint = Fingerprint(item.document)
        if try await store.contains(fingerprint) { return .unchanged(item, fingerprint, seconds()) }
        // Coding runs on a dispatch thread, not the shared task pool: a long synchronous pipeline run there
        // would keep the writer's tasks waiting for a free thread at every database call.
        let result: Result<Document, any Error> = await withCheckedContinuation { continuation in
            codingQueue.async {
                var document = item.document
                do {
                    try pipeline.process(&document)
                    continuation.resume(returning: .success(document))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        switch result {
        case .success(let document): return .coded(Item(name: item.name, document: document), fingerprint, seconds())
        case .failure(let error): return .failed(item.name, "\(error)", seconds())
        }
    }

    static let codingQueue = DispatchQueue(label: "parley.ingest.coding", qos: .utility, attributes: .concurrent)

    static func errors(_ diagnostics: [Diagnostic]) -> [(String, String)] {
        diagnostics.filter { $0.severity == .error }.map { diagnostic in
            var item = diagnostic.file ?? "-"
            if let line = diagnostic.line { item += ":\(line)" }
            return (item, diagnostic.message)
        }
    }

    /// Ingests inputs: reads them all, then codes and stores their documents in parallel.
    /// - Parameters:
    ///   - inputs: files, folders, URLs, or `-`.
    ///   - progress: called from time to time, and once at the end.
    /// - Returns: the final progress.
    /// - Throws: ``StoreError`` only when the store itself fails (a bad input never throws).
    public func run(_ inputs: [String], progress: @Sendable (Progress) -> Void = { _ in }) async throws -> Progress {
        var state = Progress()
        let (paths, expandProblems) = expand(inputs)
        for (item, reason) in expandProblems {
            try await store.recordFailure(item: item, reason: reason)
            state.failed += 1
        }
        // Read inputs, a few at a time (URLs wait on the network).
        var items: [Item] = []
        var results: [Int: ([Item], [(String, String)])] = [:]
        let readWidth = max(1, configuration.concurrency * 2)
        for batchStart in stride(from: 0, to: paths.count, by: readWidth) {
            let batch = Array(paths.indices[batchStart..<min(batchStart + readWidth, paths.count)])
            await withTaskGroup(of: ReadResult.self) { group in
                for index in batch {
                    let path = paths[index]
                    group.addTask {
                        let (items, problems) = await self.read(path)
                        return ReadResult(index: index, items: items, problems: problems)
                    }
                }
                for await result in group { results[result.index] = (result.items, result.problems) }
            }
        }
        for index in 0..<paths.count {
            guard let (read, problems) = results[index] else { continue }
            items += read
            for (item, reason) in problems {
                try await store.recordFailure(item: item, reason: reason)
                state.failed += 1
            }
        }
        state.total = items.count + state.failed
        state.done = state.failed
        let start = Date()
        var lastReport = Date.distantPast
        // Code in parallel on every core; one writer stores what is ready, several whole documents per
        // transaction, while the coders go on.
        let pipeline = self.pipeline
        let store = self.store
        let width = max(1, configuration.concurrency)
        let queue = OutcomeQueue(limit: max(256, configuration.batchSize * 4))
        let batchSize = max(1, configuration.batchSize)
        let queued = items
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                let items = queued
                do {
                    try await withThrowingTaskGroup(of: (Int, IngestOutcome).self) { coders in
                        var next = 0
                        while next < items.count && next < width {
                            let (index, item) = (next, items[next])
                            coders.addTask { (index, try await Self.code(item, pipeline: pipeline, store: store)) }
                            next += 1
                        }
                        while let (index, outcome) = try await coders.next() {
                            if next < items.count {
                                let (index, item) = (next, items[next])
                                coders.addTask { (index, try await Self.code(item, pipeline: pipeline, store: store)) }
                                next += 1
                            }
                            guard await queue.push(outcome, at: index) else {
                                coders.cancelAll()
                                return
                            }
                        }
                    }
                    await queue.finish()
                } catch {
                    await queue.fail(error)
                }
            }
            do {
                while let batch = try await queue.take(max: batchSize) {
                    let started = DispatchTime.now().uptimeNanoseconds
                    var requests: [StoreRequest] = []
                    for outcome in batch {
                        switch outcome {
                        case .coded(let item, let fingerprint, let seconds):
                            requests.append(StoreRequest(item.document, item: item.name, fingerprint: fingerprint))
                            state.coding += seconds
                        case .unchanged(let item, let fingerprint, let seconds):
                            requests.append(StoreRequest(item.document, item: item.name, fingerprint: fingerprint))
                            state.coding += seconds
                        case .failed(let name, let reason, let seconds):
                            try await store.recordFailure(item: name, reason: reason)
                            state.failed += 1
                            state.coding += seconds
                        }
                    }
                    let outcomes = try await store.store(batch: requests)
                    for (request, outcome) in zip(requests, outcomes) {
                        switch outcome {
                        case .inserted: state.inserted += 1
                        case .revised: state.revised += 1
                        case .unchanged: state.unchanged += 1
                        }
                        if outcome != .unchanged { state.events += request.document.events.count }
                    }
                    state.done += batch.count
                    state.storing += Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                    let now = Date()
                    if now.timeIntervalSince(lastReport) >= 0.2 {
                        state.elapsed = now.timeIntervalSince(start)
                        progress(state)
                        lastReport = now
                    }
                }
            } catch {
                await queue.cancel()
                throw error
            }
        }
        state.elapsed = Date().timeIntervalSince(start)
        progress(state)
        return state
    }
}

enum IngestOutcome: Sendable {
    case coded(Ingestor.Item, Fingerprint, Double)
    case unchanged(Ingestor.Item, Fingerprint, Double)
    case failed(String, String, Double)
}

/// Hands coded documents from the coders to the single writer, in input order: the writer takes all that
/// are ready (up to a batch), the coders wait when many are ready and not yet taken.
///
/// Storing in input order makes a run's result independent of which coder finishes first, and makes a
/// run resumed after a crash store the same documents in the same order as an uninterrupted one.
actor OutcomeQueue {
    private var waiting: [Int: IngestOutcome] = [:]
    private var next = 0
    private var finished = false
    private var cancelled = false
    private var failure: (any Error)?
    private var consumer: CheckedContinuation<Void, Never>?
    private var producers: [CheckedContinuation<Void, Never>] = []
    let limit: Int

    init(limit: Int) {
        self.limit = limit
    }

    /// Outcomes ready to be taken: the run without gaps from the next position.
    private var ready: Int {
        var count = 0
        while waiting[next + count] != nil { count += 1 }
        return count
    }

    /// Queues the outcome of the item at `index`; `false` when the writer has stopped and coding should
    /// stop too. Only outcomes the writer could take hold a coder back (never the one it waits for).
    func push(_ outcome: IngestOutcome, at index: Int) async -> Bool {
        while ready >= limit && !cancelled {
            await withCheckedContinuation { producers.append($0) }
        }
        if cancelled { return false }
        waiting[index] = outcome
        if index == next { wakeConsumer() }
        return true
    }

    func finish() {
        finished = true
        wakeConsumer()
    }

    func fail(_ error: any Error) {
        failure = error
        finished = true
        wakeConsumer()
    }

    func cancel() {
        cancelled = true
        for producer in producers { producer.resume() }
        producers = []
    }

    /// Up to `max` outcomes in input order, waiting for the next one; `nil` when coding is over.
    func take(max: Int) async throws -> [IngestOutcome]? {
        while waiting[next] == nil && !finished {
            await withCheckedContinuation { consumer = $0 }
        }
        if let failure { throw failure }
        var taken: [IngestOutcome] = []
        while taken.count < max, let outcome = waiting.removeValue(forKey: next) {
            taken.append(outcome)
            next += 1
        }
        for producer in producers { producer.resume() }
        producers = []
        return taken.isEmpty ? nil : taken
    }

    private func wakeConsumer() {
        consumer?.resume()
        consumer = nil
    }
}

struct ReadResult: Sendable {
    var index: Int
    var items: [Ingestor.Item]
    var problems: [(String, String)]
}
