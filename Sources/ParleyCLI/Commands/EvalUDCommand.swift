import ArgumentParser
import Foundation
import Parley

/// `parley eval ud GOLD.conllu [--system SYS.conllu] [--gold-tokenization]`.
struct EvalUDCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ud",
        abstract: "Score tokens, sentences, words, tags, lemmas and trees against a UD treebank (CoNLL 2018 metrics).",
        discussion: """
            Without --system, the raw text is rebuilt from the gold '# text' comments (sentences of a \
            paragraph joined by a space, paragraphs and documents separated by a blank line) and Parley's \
            pipeline runs on it. With --gold-tokenization the pipeline runs on the gold words and sentences.
            """)

    @Argument(help: "The gold CoNLL-U file.")
    var gold: String

    @Option(help: "A system CoNLL-U file to score instead of running Parley.")
    var system: String?

    @Flag(help: "Run Parley on the gold word segmentation and sentence split.")
    var goldTokenization = false

    @Option(help: "Write the system output Parley produced to this CoNLL-U file.")
    var write: String?

    func validate() throws {
        if system != nil && goldTokenization {
            throw ValidationError("--gold-tokenization runs Parley; it cannot be combined with --system")
        }
    }

    func run() throws {
        let goldSentences = try CoNLLU.read(contentsOf: URL(fileURLWithPath: gold))
        guard goldSentences.contains(where: { !$0.words.isEmpty }) else {
            throw PipelineError(.invalidInput, "no sentences", file: gold)
        }
        let systemSentences: [CoNLLU.Sentence]
        if let system {
            systemSentences = try CoNLLU.read(contentsOf: URL(fileURLWithPath: system))
        } else {
            let documents: [Document]
            let given: Set<Annotation>
            if goldTokenization {
                var configuration = DocumentReader.Configuration()
                configuration.format = .conllu
                documents = try DocumentReader(configuration: configuration).read(path: gold).documents
                    .map { $0.keepingOnlyWords() }
                given = [.tokens, .sentences]
            } else {
                documents = UDRawText.documents(from: goldSentences)
                given = []
            }
            let pipeline = try StandardPipeline.make(upTo: .syntax, given: given)
            let processed = try documents.map { try pipeline($0) }
            let output = CoNLLU.format(processed)
            if let write {
                do {
                    try output.write(toFile: write, atomically: true, encoding: .utf8)
                } catch {
                    throw PipelineError(.io, "cannot write: \(error.localizedDescription)", file: write)
                }
            }
            systemSentences = try CoNLLU.parse(output, file: "system")
        }
        let report = try UDEvaluation.evaluate(gold: goldSentences, system: systemSentences)
        print(report.table, terminator: "")
    }
}

/// Raw text rebuilt from a treebank's `# text` comments.
enum UDRawText {
    /// One document per `# newdoc`: sentences of a paragraph joined by a space, paragraphs by a blank line.
    static func documents(from sentences: [CoNLLU.Sentence]) -> [Document] {
        var documents: [Document] = []
        var text = ""
        var id = "doc-1"
        var started = false
        func finish() {
            if started { documents.append(Document(id: id, text: text)) }
            text = ""
            started = false
        }
        for sentence in sentences {
            if sentence.startsDocument {
                finish()
                id = sentence.comment("newdoc id") ?? "doc-\(documents.count + 1)"
            }
            let sentenceText = sentence.comment("text") ?? surfaceText(sentence)
            if started {
                text += sentence.startsParagraph ? "\n\n" : " "
            }
            text += sentenceText
            started = true
        }
        finish()
        return documents
    }

    private static func surfaceText(_ sentence: CoNLLU.Sentence) -> String {
        var text = ""
        for surface in sentence.surfaceTokens {
            text += surface.form
            if surface.spaceAfter { text += " " }
        }
        return text.trimmingCharacters(in: .whitespaces)
    }
}
