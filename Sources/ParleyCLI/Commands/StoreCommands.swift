import ArgumentParser
import Foundation
import Parley
import ParleyStore

/// `parley ingest PATH...`: codes articles into the store.
struct IngestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Code files, folders, JSONL, HTML, RSS/Atom feeds and http(s) pages or feeds into the store.",
        discussion: """
            Idempotent and resumable: a document already stored with the same text is skipped; a corrected \
            version (same URL, new text) is stored with the old one kept in its history. Each document is \
            stored in one transaction. Inputs that fail are recorded (see `parley status`) and never stop the run.
            """)

    @OptionGroup var input: InputOptions
    @OptionGroup var storeOptions: StoreOptions

    @Option(help: "Documents coded at once (default: number of cores).")
    var jobs: Int?

    @Option(help: "Seconds to wait for a web page.")
    var timeout: Int = 30

    @Flag(help: "No progress bar.")
    var quiet = false

    func validate() throws {
        if let jobs, jobs <= 0 { throw ValidationError("--jobs must be positive") }
        if timeout <= 0 { throw ValidationError("--timeout must be positive") }
    }

    func run() async throws {
        let store = try await storeOptions.open(create: true)
        let pipeline = try StandardPipeline.make(upTo: .events)
        var configuration = Ingestor.Configuration()
        configuration.reader = input.reader.configuration
        if let jobs { configuration.concurrency = jobs }
        let needsWeb = input.files.contains { $0.hasPrefix("http://") || $0.hasPrefix("https://") }
        let fetcher = needsWeb ? HTTPPageFetcher(maxBytes: input.maxSize, timeoutSeconds: Int64(timeout)) : nil
        let ingestor = Ingestor(pipeline: pipeline, store: store, fetcher: fetcher, configuration: configuration)
        let bar = ProgressBar()
        let quiet = self.quiet
        let result: Ingestor.Progress
        do {
            result = try await ingestor.run(input.files) { progress in
                if !quiet { bar.draw(progress) }
            }
        } catch {
            await fetcher?.shutdown()
            await store.close()
            throw error
        }
        await fetcher?.shutdown()
        if !quiet { bar.draw(result, final: true) }
        printError(
            String(
                format:
                    "ingested %d documents in %.1f s (%.1f docs/s): %d new, %d revised, %d unchanged, %d failed, %d events",
                result.done, result.elapsed, result.rate, result.inserted, result.revised, result.unchanged,
                result.failed,
                result.events))
        await store.close()
        if result.failed > 0 { throw ExitCode(3) }
    }
}

/// `parley status`: what the store holds, its failed items, and an integrity check.
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show counts and failed items of the store; --check verifies its integrity.")

    @OptionGroup var storeOptions: StoreOptions
    @Flag(help: "Run the integrity check; exit 1 when it finds a problem.") var check = false
    @Flag(help: "Print counts as JSON.") var json = false

    func run() async throws {
        let (json, check) = (self.json, self.check)
        let problems = try await storeOptions.withStore { store in
            let counts = try await store.counts()
            if json {
                printOut(String(decoding: try JSONEncoder().encode(counts), as: UTF8.self))
            } else {
                printOut(
                    "documents \(counts.documents) (near-duplicates \(counts.duplicates), earlier versions \(counts.versions))"
                )
                printOut("events \(counts.events), incidents \(counts.incidents), failed items \(counts.failures)")
                for failure in try await store.failures().prefix(20) {
                    printOut("  failed: \(failure.item): \(failure.reason) (\(failure.attempts)×)")
                }
            }
            guard check else { return [String]() }
            let problems = try await store.check()
            printError(problems.isEmpty ? "integrity: ok" : "integrity: " + problems.joined(separator: "; "))
            return problems
        }
        if !problems.isEmpty { throw ExitCode(1) }
    }
}

/// `parley events`: stored events with filters.
struct EventsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List stored events: date range, actor, CAMEO root, PLOVER type, place, modality, text.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @Flag(help: "One JSON object per line.") var json = false

    func run() async throws {
        let query = try filters.query()
        let events = try await storeOptions.withStore { try await $0.events(query) }
        try printEach(events, json: json, encode: jsonText) { stored in
            let event = stored.event
            let date = (event.date ?? stored.published)?.description ?? "----------"
            let dyad = "\(event.source.first?.code ?? "-")>\(event.target.first?.code ?? "-")"
            return
                "\(date)  \(event.cameo)  \(dyad)  \(event.location?.name ?? "")  [\(stored.documentID) \(event.id)]  \(stored.sentenceText)"
        }
    }
}

/// `parley incidents`: events deduplicated into incidents.
struct IncidentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents", abstract: "List incidents: each real-world event once, with its reports.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @Flag(help: "One JSON object per line.") var json = false
    @Flag(help: "List every report under its incident.") var reports = false

    func run() async throws {
        let query = try filters.query()
        let incidents = try await storeOptions.withStore { try await $0.incidents(query) }
        let reports = self.reports
        try printEach(incidents, json: json, encode: jsonText) { incident in
            let event = incident.event
            var lines = [
                "\(incident.id)  \(incident.date?.description ?? "----------")  \(event.cameo)  \(event.source.first?.code ?? "-")>\(event.target.first?.code ?? "-")  \(event.location?.name ?? "")  reports \(incident.reports.count), documents \(incident.documentIDs.count)"
            ]
            if reports {
                lines += incident.reports.map { report in
                    "    \(report.documentID) \(report.event.id) (\(report.published?.description ?? "?")): \(report.sentenceText)"
                }
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// `parley similar DOC_ID`: related documents.
struct SimilarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similar", abstract: "List documents related to one: near-duplicates first, then similar posts.")

    @Argument(help: "Document id or key.") var document: String
    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Most documents.") var limit = 10
    @Flag(help: "One JSON object per line.") var json = false

    func run() async throws {
        let (document, limit) = (self.document, self.limit)
        let documents: [SimilarDocument]
        do {
            documents = try await storeOptions.withStore { try await $0.similar(to: document, limit: limit) }
        } catch let error as StoreError where error.code == .notFound {
            throw ValidationError(error.message)
        }
        try printEach(documents, json: json) { similar in
            let kind = similar.duplicate ? "duplicate" : "related"
            return String(format: "%.3f  %@  %@  %@", similar.similarity, kind, similar.documentID, similar.title ?? "")
        }
    }
}

/// `parley stories`: related documents clustered.
struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories", abstract: "Cluster related documents into stories, with near-duplicate groups.")

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Content-word similarity (0...1) that links two documents.") var minSimilarity = 0.3
    @Option(help: "Most stories.") var limit = 50
    @Flag(help: "One JSON object per line.") var json = false

    func validate() throws {
        if !(0.01...1).contains(minSimilarity) { throw ValidationError("--min-similarity is between 0.01 and 1") }
    }

    func run() async throws {
        let minSimilarity = self.minSimilarity
        let stories = try await storeOptions.withStore { try await $0.stories(minimumSimilarity: minSimilarity) }
        try printEach(stories.prefix(limit), json: json) { story in
            let header =
                "\(story.id)  \(story.documents.count) documents, score \(story.score), duplicate groups \(story.duplicateGroups.map(\.count))"
            let members = story.documents.prefix(10).map { member in
                "    \(member.published?.description ?? "----------")  \(member.documentID)  \(member.title ?? "")"
            }
            return ([header] + members).joined(separator: "\n")
        }
    }
}

/// `parley export`: incidents or events in the formats of the field.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export incidents (default) or raw events as plover-jsonl, phoenix-tsv, acled-csv or csv.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @Option(help: "plover-jsonl, phoenix-tsv, acled-csv or csv.") var format: String = "csv"
    @Flag(help: "Export raw events instead of incidents.") var events = false
    @Option(name: .shortAndLong, help: "Output file (default: standard output).") var output: String?

    func validate() throws {
        if EventExporter.Format(rawValue: format) == nil {
            throw ValidationError(
                "unknown format '\(format)' (one of \(EventExporter.Format.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
        }
    }

    func run() async throws {
        let exporter = EventExporter(format: EventExporter.Format(rawValue: format) ?? .csv)
        let query = try filters.query()
        let events = self.events
        let rows = try await storeOptions.withStore { try await EventExporter.rows(of: $0, query, events: events) }
        let text = exporter.write(rows)
        if let output {
            do {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("\(output): cannot write: \(error.localizedDescription)")
            }
            printError("exported \(rows.count) \(events ? "events" : "incidents") to \(output)")
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }
}

/// `parley timeline`: counts per day or week.
struct TimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Incidents (or events) per day or week, per dyad: QuadClass counts and mean Goldstein.")

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @Flag(help: "Weeks (starting Monday) instead of days.") var week = false
    @Flag(help: "Months instead of days.") var month = false
    @Flag(help: "One row per source>target dyad.") var dyad = false
    @Flag(help: "One row per CAMEO root code.") var root = false
    @Flag(help: "Count raw events instead of incidents.") var events = false
    @Flag(help: "One JSON object per line.") var json = false

    func validate() throws {
        if week && month { throw ValidationError("give --week or --month, not both") }
    }

    func run() async throws {
        var query = TimelineQuery()
        query.bucket = month ? .month : week ? .week : .day
        query.byDyad = dyad
        query.byRoot = root
        query.incidents = !events
        query.filter = try filters.query()
        let rows = try await storeOptions.withStore { [query] in try await $0.timeline(query) }
        if !json { printOut("period\t\(root && !dyad ? "root" : "dyad")\tcount\tq1\tq2\tq3\tq4\tmean_goldstein") }
        try printEach(rows, json: json) { row in
            let quad = row.quadClass.map(String.init).joined(separator: "\t")
            return
                "\(row.period)\t\(row.dyad ?? row.root ?? "")\t\(row.count)\t\(quad)\t\(row.meanGoldstein.map { String($0) } ?? "")"
        }
    }
}
