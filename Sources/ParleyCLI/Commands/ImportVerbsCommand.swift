import ArgumentParser
import Foundation
import Parley

/// `parley lexicon import-petrarch-verbs`: converts PETRARCH-2 verb dictionaries to Parley's format.
struct ImportVerbsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-petrarch-verbs",
        abstract: "Convert PETRARCH-2 verb dictionaries (CAMEO.2.0.txt, PETR.Validate.verbs.2.0.txt) to Parley's verb-pattern format."
    )

    @Argument(help: "PETRARCH-2 verb dictionary files.")
    var files: [String]

    @Option(name: .shortAndLong, help: "Lexicon directory to write verbs.txt into ('-' prints to standard output).")
    var output: String = "-"

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one verb dictionary") }
    }

    func run() throws {
        try Self.importVerbs(files, into: output)
    }

    /// Converts verb dictionaries and writes `verbs.txt` into a folder (`-`: standard output).
    static func importVerbs(_ files: [String], into output: String) throws {
        let lexicon = try PetrarchVerbImporter.importVerbs(contentsOf: files.map { URL(fileURLWithPath: $0) })
        for warning in lexicon.warnings { printError(warning.description) }
        let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let header = """
            # Parley verb patterns imported from PETRARCH-2 dictionaries: \(names)
            # Format: docs/verb-patterns.md. Codes are kept as written in the source dictionaries.

            """
        let text = lexicon.formatted(header: header)
        // Check that what we write reads back.
        _ = try VerbLexicon.parse(text, file: "verbs.txt")
        if output == "-" {
            print(text, terminator: "")
        } else {
            try writeAtomically(text, to: URL(fileURLWithPath: output).appendingPathComponent("verbs.txt"))
        }
        let patterns = lexicon.blocks.reduce(0) { $0 + $1.patterns.count }
        printError(
            "imported \(lexicon.blocks.count) verb blocks, \(patterns) patterns, \(lexicon.sets.count) sets, "
                + "\(lexicon.transformations.count) transformations; \(lexicon.warnings.count) warnings")
    }
}

/// Writes text to a file through a temporary file, so a failure leaves no half-written file.
func writeAtomically(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    do {
        try text.write(to: url, atomically: true, encoding: .utf8)
    } catch {
        throw PipelineError(.io, "cannot write: \(error.localizedDescription)", file: url.path, underlying: error)
    }
}
