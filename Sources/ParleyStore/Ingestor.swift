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
        /// File name endings read when walking folders.
        public var extensions: Set<String> = ["txt", "text", "md", "html", "htm", "jsonl", "ndjson", "rss", "atom", "xml"]

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
                if let data, lower.hasSuffix(".rss") || lower.hasSuffix(".atom") || lower.hasSuffix(".xml")
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
        } catch {
            return ([], [(input, "\(error)")])
        }
        let items = documents.map { document in
            Item(name: documents.count == 1 ? input : input + "#" + document.id, document: document)
        }
        return (items, problems)
    }

    static func code(_ item: Item, pipeline: Pipeline, store: any EventStore) async throws -> IngestOutcome {
        if try await store.contains(Fingerprint(item.document)) { return .unchanged(item) }
        do {
            var document = item.document
            try pipeline.process(&document)
            return .coded(Item(name: item.name, document: document))
        } catch {
            return .failed(item.name, "\(error)")
        }
    }

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
                    group.addTask { let (items, problems) = await self.read(path); return ReadResult(index: index, items: items, problems: problems) }
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
        // Code in parallel; store one document at a time, each in its own transaction.
        let pipeline = self.pipeline
        let store = self.store
        let width = max(1, configuration.concurrency)
        try await withThrowingTaskGroup(of: IngestOutcome.self) { group in
            var next = 0
            while next < items.count && next < width {
                let item = items[next]
                group.addTask { try await Self.code(item, pipeline: pipeline, store: store) }
                next += 1
            }
            while let outcome = try await group.next() {
                if next < items.count {
                    let item = items[next]
                    group.addTask { try await Self.code(item, pipeline: pipeline, store: store) }
                    next += 1
                }
                switch outcome {
                case .coded(let item):
                    switch try await store.store(item.document, item: item.name) {
                    case .inserted: state.inserted += 1
                    case .revised: state.revised += 1
                    case .unchanged: state.unchanged += 1
                    }
                    state.events += item.document.events.count
                case .unchanged(let item):
                    _ = try await store.store(item.document, item: item.name)
                    state.unchanged += 1
                case .failed(let name, let reason):
                    try await store.recordFailure(item: name, reason: reason)
                    state.failed += 1
                }
                state.done += 1
                let now = Date()
                if now.timeIntervalSince(lastReport) >= 0.2 {
                    state.elapsed = now.timeIntervalSince(start)
                    progress(state)
                    lastReport = now
                }
            }
        }
        state.elapsed = Date().timeIntervalSince(start)
        progress(state)
        return state
    }
}

enum IngestOutcome: Sendable {
    case coded(Ingestor.Item)
    case unchanged(Ingestor.Item)
    case failed(String, String)
}

struct ReadResult: Sendable {
    var index: Int
    var items: [Ingestor.Item]
    var problems: [(String, String)]
}
