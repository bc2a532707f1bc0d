import ArgumentParser
import Foundation
import Parley
import ParleyStore

/// `parley bench ingest FILE...`: ingest throughput into a fresh SQLite store.
struct BenchIngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Measure ingest throughput (documents/s, coding included) and store size on a fresh SQLite store.",
        discussion: "Generate input with `scripts/generate-news 10000 > news.jsonl`; build with -c release.")

    @OptionGroup var input: InputOptions
    @Option(help: "Store file to create (removed first).") var store = "parley-bench.sqlite"
    @Option(help: "Documents coded at once (default: number of cores).") var jobs: Int?
    @Flag(help: "Keep the store file afterwards.") var keep = false
    @Option(help: "Most documents stored in one transaction.") var batch = 64
    @Option(help: "Documents coded on one core first, to time each pipeline stage (0: skip).") var stageSample = 300

    func run() async throws {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        let eventStore = try await SQLiteEventStore.open(path: store)
        var configuration = Ingestor.Configuration()
        configuration.reader = input.reader.configuration
        if let jobs { configuration.concurrency = jobs }
        configuration.batchSize = max(1, batch)
        let pipeline = try StandardPipeline.make(upTo: .events)
        let ingestor = Ingestor(pipeline: pipeline, store: eventStore, configuration: configuration)
        if stageSample > 0 { try timeStages(pipeline, sample: stageSample) }
        let bar = ProgressBar()
        let started = Date()
        let result = try await ingestor.run(input.files) { bar.draw($0) }
        let total = Date().timeIntervalSince(started)
        bar.draw(result, final: true)
        let counts = try await eventStore.counts()
        // Closing the last connection folds the WAL into the main file.
        await eventStore.close()
        var bytes = 0
        for suffix in ["", "-wal"] {
            bytes += (try? FileManager.default.attributesOfItem(atPath: store + suffix)[.size] as? Int) ?? 0
        }
        let perThousand = counts.documents > 0 ? Double(bytes) / Double(counts.documents) * 1000 / 1_048_576 : 0
        printOut(
            String(
                format:
                    "bench ingest: %d documents in %.2f s coding+storing (%.1f docs/s; %.2f s with reading), %d events, %d incidents, %d near-duplicates, %d failed, jobs %d",
                result.done, result.elapsed, result.rate, total, counts.events, counts.incidents, counts.duplicates,
                result.failed, configuration.concurrency))
        let timings = eventStore.timings
        let documents = Double(max(result.done, 1))
        func perDocument(_ seconds: Double) -> String { String(format: "%.2f ms", seconds / documents * 1000) }
        printOut(
            "time per document: coding \(perDocument(result.coding)) (CPU, summed over \(configuration.concurrency) coders), "
                + "storing \(perDocument(result.storing)) (single writer, wall clock)")
        printOut(
            "  storing: lookup \(perDocument(timings.lookup)), near-duplicates \(perDocument(timings.duplicates)), "
                + "incident matching \(perDocument(timings.incidents)), encoding \(perDocument(timings.encoding)), "
                + "SQL writes \(perDocument(timings.writes)) in \(timings.transactions) transactions")
        printOut(
            String(format: "store size: %.2f MiB, %.2f MiB per 1,000 articles", Double(bytes) / 1_048_576, perThousand))
        if !keep { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) } }
    }
}

extension BenchIngestCommand {
    /// Codes the first documents on one core, timing each pipeline stage, and prints the split.
    func timeStages(_ pipeline: Pipeline, sample: Int) throws {
        var documents: [Document] = []
        for file in input.files where documents.count < sample {
            guard let result = try? DocumentReader(configuration: input.reader.configuration).read(path: file) else {
                continue
            }
            documents += result.documents.prefix(sample - documents.count)
        }
        guard !documents.isEmpty else { return }
        var seconds = [Double](repeating: 0, count: pipeline.stages.count)
        var fingerprint = 0.0
        for original in documents {
            var document = original
            for (index, stage) in pipeline.stages.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                try stage.process(&document)
                document.annotations.formUnion(stage.assigns)
                seconds[index] += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }
            let start = DispatchTime.now().uptimeNanoseconds
            _ = Fingerprint(original)
            fingerprint += Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        let count = Double(documents.count)
        let total = seconds.reduce(0, +) + fingerprint
        var parts = zip(pipeline.stages, seconds).map { String(format: "%@ %.2f", $0.name, $1 / count * 1000) }
        parts.append(String(format: "minhash %.2f", fingerprint / count * 1000))
        printOut(
            String(
                format: "coding on one core (%d documents): %.2f ms per document, %.1f docs/s; ms per stage: ",
                documents.count, total / count * 1000, count / total)
                + parts.joined(separator: ", "))
    }
}

/// `parley eval duplicates FILE...`: near-duplicate precision and recall on copies made from articles.
struct EvalDuplicatesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "duplicates",
        abstract:
            "Score near-duplicate grouping on programmatic copies (re-headlined, re-paragraphed, truncated) of JSONL articles."
    )

    @Argument(help: "JSONL files with a 'text' field (e.g. ../shared/data/eval/*.jsonl).") var files: [String]
    @Option(help: "Random seed for building the set.") var seed: UInt64 = 42

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one JSONL file") }
    }

    func run() async throws {
        var texts: [(id: String, text: String)] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("\(file): cannot read")
            }
            for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
                .enumerated()
            {
                if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let text = object["text"] as? String
                else {
                    printError("\(file):\(number + 1): skipped: not a JSON object with a 'text' field")
                    continue
                }
                texts.append(("\(file):\(object["id"] as? String ?? String(number + 1))", text))
            }
        }
        guard !texts.isEmpty else {
            throw PipelineError(.invalidInput, "no articles to copy and score", file: files.joined(separator: ", "))
        }
        let evaluation = DuplicateEvaluation(seed: seed)
        let items = evaluation.build(texts)
        let store = try await SQLiteEventStore.inMemory()
        let score = try await evaluation.score(items, store: store)
        await store.close()
        printOut(
            String(
                format:
                    "duplicates: %d documents, %d originals with copies, precision %.3f, recall %.3f, F1 %.3f (pairs: gold %d, predicted %d, correct %d)",
                score.documents, score.originals, score.precision, score.recall, score.f1, score.goldPairs,
                score.predictedPairs, score.correctPairs))
        for (kind, recall) in score.recallByKind.sorted(by: { $0.key < $1.key }) {
            printOut(String(format: "  recall of %@ copies: %.3f", kind, recall))
        }
    }
}
