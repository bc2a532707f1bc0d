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
        try writeTokenized(options) { document, number, count, out in
            switch output {
            case .text:
                writeSeparator(before: document, number: number, count: count, to: &out)
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
        try writeTokenized(options) { document, number, count, out in
            switch output {
            case .text:
                writeSeparator(before: document, number: number, count: count, to: &out)
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
        var documents: [Document]
        var failed = false
        var given: Set<Annotation> = []
        if options.input == "conllu" {
            documents = []
            for file in options.files {
                do {
                    documents += try readCoNLLUDocuments(file, keepAnnotations: false)
                } catch {
                    printError("error: \(error)")
                    failed = true
                }
            }
            given = [.tokens, .sentences]
        } else {
            (documents, failed) = options.readAll()
        }
        let pipeline = try StandardPipeline.make(upTo: .syntax, given: given)
        var out = StandardOutputWriter()
        for document in documents {
            let processed = try pipeline(document)
            out.write(CoNLLU.format([processed]))
        }
        out.flush()
        if failed { throw ExitCode.failure }
    }
}

/// Reads the inputs, splits each into sentences and tokens, and hands it to `write` with its
/// position among `count` documents; flushes the output and exits 1 when a file failed.
func writeTokenized(
    _ options: InputOptions,
    _ write: (_ document: Document, _ number: Int, _ count: Int, _ out: inout StandardOutputWriter) throws -> Void
) throws {
    let (documents, failed) = options.readAll()
    let pipeline = try StandardPipeline.make(upTo: .tokens)
    var out = StandardOutputWriter()
    for (number, original) in documents.enumerated() {
        try write(try pipeline(original), number, documents.count, &out)
    }
    out.flush()
    if failed { throw ExitCode.failure }
}

/// In text output, a blank line between documents and, when there are several, each one's id.
func writeSeparator(before document: Document, number: Int, count: Int, to out: inout StandardOutputWriter) {
    if number > 0 { out.write("\n") }
    if count > 1 { out.write("# \(document.id)\n") }
}

/// Reads a CoNLL-U file (or standard input for `-`) as gold-tokenized documents.
/// - Parameter keepAnnotations: keep the gold tags, lemmas and trees; otherwise only words and sentences.
func readCoNLLUDocuments(_ file: String, keepAnnotations: Bool) throws -> [Document] {
    let sentences: [CoNLLU.Sentence]
    if file == "-" {
        let data = FileHandle.standardInput.readDataToEndOfFile()
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError(.invalidInput, "not valid UTF-8", file: "-")
        }
        sentences = try CoNLLU.parse(text, file: "-")
    } else {
        sentences = try CoNLLU.read(contentsOf: URL(fileURLWithPath: file))
    }
    guard !sentences.isEmpty else { throw PipelineError(.invalidInput, "no sentences", file: file) }
    let name = (file as NSString).lastPathComponent
    var documents = CoNLLU.documents(from: sentences, id: name == "-" ? "stdin" : name)
    if !keepAnnotations {
        for index in documents.indices {
            documents[index].annotations = [.tokens, .sentences]
            for token in documents[index].tokens.indices {
                var clean = Token(
                    range: documents[index].tokens[token].range, form: documents[index].tokens[token].form,
                    spaceAfter: documents[index].tokens[token].spaceAfter)
                clean.multiwordStart = documents[index].tokens[token].multiwordStart
                documents[index].tokens[token] = clean
            }
        }
    }
    return documents
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
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
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
