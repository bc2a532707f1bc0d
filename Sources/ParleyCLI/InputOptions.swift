import ArgumentParser
import Foundation
import Parley

/// Options shared by every command that reads articles.
struct InputOptions: ParsableArguments {
    @Argument(help: "Files to read (text, HTML, JSONL); '-' reads standard input.")
    var files: [String] = []

    @Option(help: "Input format: auto, text, html, jsonl, conllu.")
    var input: String = "auto"

    @Option(help: "Publication date (YYYY-MM-DD) for inputs that carry none.")
    var date: String?

    @Option(help: "JSONL field holding the article text.")
    var textField = "text"

    @Option(help: "JSONL field holding the document id.")
    var idField = "id"

    @Option(help: "JSONL field holding the publication date (YYYY-MM-DD, YYYYMMDD or RFC 3339).")
    var dateField = "date"

    @Option(help: "JSONL field holding the headline.")
    var titleField = "title"

    @Option(help: "JSONL field holding the article's URL.")
    var urlField = "url"

    @Option(help: "JSONL field holding the outlet's name.")
    var outletField = "outlet"

    @Option(help: "Largest input accepted, in bytes (for a streamed JSONL file: the largest record).")
    var maxSize = 20_000_000

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file, or '-' for standard input") }
        if DocumentReader.Configuration.Format(rawValue: input) == nil {
            let names = DocumentReader.Configuration.Format.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("unknown input format '\(input)' (one of \(names))")
        }
        if let date, Day(parsing: date) == nil {
            throw ValidationError("'\(date)' is not a date: use YYYY-MM-DD")
        }
        if maxSize <= 0 { throw ValidationError("--max-size must be positive") }
    }

    /// The reader these options describe.
    var reader: DocumentReader {
        var configuration = DocumentReader.Configuration()
        configuration.format = DocumentReader.Configuration.Format(rawValue: input) ?? .auto
        configuration.date = date.flatMap(Day.init(parsing:))
        configuration.textField = textField
        configuration.idField = idField
        configuration.dateField = dateField
        configuration.titleField = titleField
        configuration.urlField = urlField
        configuration.outletField = outletField
        configuration.maxBytes = maxSize
        return DocumentReader(configuration: configuration)
    }
}

extension InputOptions {
    /// Streams every file's documents to `body` one at a time (a JSONL file is never held whole in
    /// memory), printing diagnostics to standard error; a file that fails is reported and skipped.
    /// - Returns: how many documents were read, and how many files failed and records were skipped.
    @discardableResult
    func forEachDocument(_ body: (Document) throws -> Void) rethrows -> (
        documents: Int, failedFiles: Int, skippedRecords: Int
    ) {
        var counts = (documents: 0, failedFiles: 0, skippedRecords: 0)
        let reader = self.reader
        for file in files {
            let stream: DocumentStream
            do {
                stream = try reader.documents(path: file)
            } catch {
                printError("error: \(error)")
                counts.failedFiles += 1
                continue
            }
            for item in stream {
                switch item {
                case .document(let document):
                    counts.documents += 1
                    try body(document)
                case .diagnostic(let diagnostic):
                    printError(diagnostic.description)
                    if diagnostic.severity == .error { counts.skippedRecords += 1 }
                }
            }
        }
        return counts
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
