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

    @Option(help: "Largest input accepted, in bytes.")
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
        configuration.maxBytes = maxSize
        return DocumentReader(configuration: configuration)
    }

    /// Reads every file, printing diagnostics to standard error; a file that fails is reported and skipped.
    /// - Returns: the documents, and whether any file failed.
    func readAll() -> (documents: [Document], failed: Bool) {
        var documents: [Document] = []
        var failed = false
        let reader = self.reader
        for file in files {
            do {
                let result = try reader.read(path: file)
                for diagnostic in result.diagnostics { printError(diagnostic.description) }
                documents += result.documents
            } catch {
                printError("error: \(error)")
                failed = true
            }
        }
        return (documents, failed)
    }
}

/// Writes a line to standard error.
func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
