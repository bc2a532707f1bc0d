import ArgumentParser
import Foundation
import Parley

/// Output formats of the text commands.
enum TextOutput: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
}

/// `parley sentences FILE...`: splits articles into sentences.
struct SentencesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sentences",
        abstract: "Split articles into sentences: one per line, a blank line between paragraphs.")

    @OptionGroup var options: InputOptions

    @Option(help: "Output format: text (one sentence per line) or jsonl (with UTF-8 byte offsets).")
    var output: TextOutput = .text

    func run() throws {
        try writeTokenized(options) { document, number, named, out in
            switch output {
            case .text:
                writeSeparator(number: number, named: named, id: document.id, to: &out)
                var paragraph = document.sentences.first?.paragraph ?? 0
                for sentence in document.sentences {
                    if sentence.paragraph != paragraph {
                        out.write("\n")
                        paragraph = sentence.paragraph
                    }
                    out.write(oneLine(document.text(in: sentence.range)) + "\n")
                }
            case .jsonl:
                for (index, sentence) in document.sentences.enumerated() {
                    let record = SentenceRecord(
                        document: document.id, sentence: index + 1, paragraph: sentence.paragraph + 1,
                        start: sentence.range.lowerBound, end: sentence.range.upperBound,
                        heading: sentence.isHeading, text: String(document.text(in: sentence.range)))
                    out.write(try jsonLine(record))
                }
            }
        }
    }
}

/// `parley tokenize FILE...`: splits articles into words.
struct TokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Split articles into words (UD English conventions): one sentence per line, words between spaces.",
        discussion: "Words of one contraction are joined by '|' in text output (do|n't).")

    @OptionGroup var options: InputOptions

    @Option(help: "Output format: text or jsonl (one word per line with UTF-8 byte offsets).")
    var output: TextOutput = .text

    func run() throws {
        try writeTokenized(options) { document, number, named, out in
            switch output {
            case .text:
                writeSeparator(number: number, named: named, id: document.id, to: &out)
                for sentence in document.sentences {
                    var line = ""
                    for index in sentence.tokens {
                        let token = document.tokens[index]
                        if index > sentence.tokens.lowerBound {
                            let joined = token.multiwordStart != nil && token.multiwordStart != index
                            line += joined ? "|" : " "
                        }
                        line += oneLine(Substring(token.form))
                    }
                    out.write(line + "\n")
                }
            case .jsonl:
                for (sentenceIndex, sentence) in document.sentences.enumerated() {
                    for index in sentence.tokens {
                        let token = document.tokens[index]
                        let record = TokenRecord(
                            document: document.id, sentence: sentenceIndex + 1,
                            token: index - sentence.tokens.lowerBound + 1,
                            form: token.form, start: token.range.lowerBound, end: token.range.upperBound,
                            spaceAfter: token.spaceAfter,
                            multiwordStart: token.multiwordStart.map { $0 - sentence.tokens.lowerBound + 1 })
                        out.write(try jsonLine(record))
                    }
                }
            }
        }
    }
}

/// `parley parse FILE... --output conllu`: runs the pipeline up to syntax and writes CoNLL-U.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Tokenize, tag and parse articles and write CoNLL-U.",
        discussion: """
            With --input conllu the given word segmentation and sentence split are kept and only the later \
            stages run. Columns no stage fills are '_'.
            """)

    /// Output formats of `parse`.
    enum Output: String, ExpressibleByArgument {
        case conllu
    }

    @OptionGroup var options: InputOptions

    @Option(help: "Output format: conllu.")
    var output: Output = .conllu

    func run() throws {
        let gold = options.input == "conllu"
        let pipeline = try StandardPipeline.make(upTo: .syntax, given: gold ? [.tokens, .sentences] : [])
        try processEach(options, with: pipeline, prepare: gold ? { $0.keepingOnlyWords() } : { $0 }) {
            document, _, _, out in
            out.write(CoNLLU.format([document]))
        }
    }
}

/// Reads the inputs one document at a time, splits each into sentences and tokens, and hands it to
/// `write`; see ``processEach(_:with:prepare:_:)``.
func writeTokenized(_ options: InputOptions, _ write: DocumentWriter) throws {
    try processEach(options, with: try StandardPipeline.make(upTo: .tokens), write)
}

/// Writes one processed document: `number` counts from 0; `named` says whether the document should
/// be introduced by its id (there is more than one).
typealias DocumentWriter = (
    _ document: Document, _ number: Int, _ named: Bool, _ out: inout StandardOutputWriter
) throws -> Void

/// Streams the inputs through `pipeline` one document at a time and hands each result to `write`.
/// The first document's output waits until a second one shows whether documents must be named.
///
/// A document the pipeline rejects is reported with its id and skipped; the batch goes on. Exits 1
/// when a file, a record or a document failed.
func processEach(
    _ options: InputOptions,
    with pipeline: Pipeline,
    prepare: (Document) -> Document = { $0 },
    _ write: DocumentWriter
) throws {
    try processEach(options, running: { try pipeline(prepare($0)) }, write)
}

/// Streams the inputs through `run` one document at a time and hands each result to `write`; see
/// ``processEach(_:with:prepare:_:)``.
func processEach(
    _ options: InputOptions,
    running run: (Document) throws -> Document,
    _ write: DocumentWriter
) throws {
    var out = StandardOutputWriter()
    var pending: Document?
    var written = 0
    var rejected = 0
    let counts = try options.forEachDocument { original in
        let document: Document
        do {
            document = try run(original)
        } catch {
            printError("error: \(original.id): \(error)")
            rejected += 1
            return
        }
        if written == 0 && pending == nil {
            pending = document
            return
        }
        if let first = pending {
            try write(first, 0, true, &out)
            pending = nil
            written = 1
        }
        try write(document, written, true, &out)
        written += 1
    }
    if let only = pending { try write(only, 0, false, &out) }
    out.flush()
    if counts.failedFiles > 0 || counts.skippedRecords > 0 || rejected > 0 { throw ExitCode.failure }
}

/// In text output, a blank line between documents and, when there are several, each one's id.
func writeSeparator(number: Int, named: Bool, id: String, to out: inout StandardOutputWriter) {
    if number > 0 { out.write("\n") }
    if named { out.write("# \(id)\n") }
}

extension Document {
    /// This document with only its words and sentences: the tags, lemmas and trees a CoNLL-U input
    /// carried are dropped so the later stages fill them.
    func keepingOnlyWords() -> Document {
        var document = self
        document.annotations = [.tokens, .sentences]
        for index in document.tokens.indices {
            let token = tokens[index]
            var clean = Token(range: token.range, form: token.form, spaceAfter: token.spaceAfter)
            clean.multiwordStart = token.multiwordStart
            document.tokens[index] = clean
        }
        return document
    }
}

struct SentenceRecord: Encodable {
    var document: String
    var sentence: Int
    var paragraph: Int
    var start: Int
    var end: Int
    var heading: Bool
    var text: String
}

struct TokenRecord: Encodable {
    var document: String
    var sentence: Int
    var token: Int
    var form: String
    var start: Int
    var end: Int
    var spaceAfter: Bool
    var multiwordStart: Int?
}

/// One JSON object and a newline, keys sorted.
func jsonLine<T: Encodable>(_ value: T) throws -> String {
    try jsonText(value) + "\n"
}

/// One JSON object on one line, keys sorted, slashes unescaped.
func jsonText<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

/// A text on one line: line breaks and tabs become spaces.
func oneLine(_ text: Substring) -> String {
    String(text.map { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == "\r\n" ? " " : $0 })
}

/// Buffers standard output and writes it in large blocks.
struct StandardOutputWriter {
    private var buffer = ""

    mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer.utf8))
        buffer = ""
    }
}
