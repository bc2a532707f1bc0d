import ArgumentParser
import Foundation
import Parley

/// `parley read FILE...`: shows what Parley reads from each input (metadata and extracted text).
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Show the documents Parley reads from files: metadata and extracted article text.",
        discussion: """
            Use it to check HTML extraction and JSONL field names before running the pipeline. \
            JSONL files are streamed record by record. Exits with status 1 when a file fails or a record is skipped.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: text (human-readable) or jsonl (one JSON object per document).")
    var output: OutputFormat = .text

    @Flag(help: "Leave the article text out of the output.")
    var metadataOnly = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    /// The JSON written for one document.
    struct Record: Encodable {
        var id: String
        var title: String?
        var url: String?
        var outlet: String?
        var language: String
        var published: Day?
        var publishedSource: ArticleMetadata.DateSource
        var origin: String?
        var characters: Int
        var text: String?
        var warnings: [String]?
    }

    func run() throws {
        var first = true
        let counts = try input.forEachDocument { document in
            let metadata = document.metadata
            switch output {
            case .jsonl:
                let record = Record(
                    id: document.id, title: metadata.title, url: metadata.url, outlet: metadata.outlet,
                    language: metadata.language, published: metadata.published,
                    publishedSource: metadata.publishedSource, origin: metadata.origin,
                    characters: document.text.count, text: metadataOnly ? nil : document.text,
                    warnings: document.warnings.isEmpty ? nil : document.warnings.map(\.description))
                FileHandle.standardOutput.write(Data(try jsonLine(record).utf8))
            case .text:
                var lines: [String] = []
                if !first { lines.append("") }
                lines.append("== \(document.id)")
                if let title = metadata.title { lines.append("title:     \(title)") }
                if let url = metadata.url { lines.append("url:       \(url)") }
                if let outlet = metadata.outlet { lines.append("outlet:    \(outlet)") }
                lines.append("language:  \(metadata.language)")
                lines.append(
                    "published: \(metadata.published?.description ?? "-") (\(metadata.publishedSource.rawValue))")
                if let origin = metadata.origin { lines.append("origin:    \(origin)") }
                if !metadataOnly {
                    lines.append("")
                    lines.append(document.text)
                }
                FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
            first = false
        }
        if counts.failedFiles > 0 || counts.skippedRecords > 0 {
            printError(
                "read \(counts.documents) document(s); \(counts.failedFiles) file(s) failed, "
                    + "\(counts.skippedRecords) record(s) skipped")
            throw ExitCode(1)
        }
    }
}
