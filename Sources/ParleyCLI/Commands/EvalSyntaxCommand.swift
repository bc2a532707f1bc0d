import ArgumentParser
import Foundation
import Parley

/// `parley eval syntax`: scores tagger, lemmatizer and parser on gold CoNLL-U with gold tokenization.
struct EvalSyntaxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "syntax",
        abstract: "Score the tagger, lemmatizer and parser on a gold CoNLL-U file, with gold tokenization.")

    @Argument(help: "Gold CoNLL-U file (e.g. en_ewt-ud-test.conllu).")
    var gold: String

    @Option(name: .long, help: "Tagger model (default: bundled).")
    var tagger: String?

    @Option(name: .long, help: "Parser model (default: bundled).")
    var parser: String?

    @Option(name: .long, help: "Lemma model (default: bundled).")
    var lemmas: String?

    @Flag(name: .long, help: "Parse with the gold tags instead of the tagger's.")
    var goldTags = false

    @Option(name: .long, help: "Parses kept at each step (1: greedy; default: the bundled parser's search).")
    var beam: Int?

    @Option(name: .long, help: "Temperature of the beam's move probabilities (default: the bundled parser's).")
    var temperature: Float?

    func validate() throws {
        if let beam, beam < 1 { throw ValidationError("--beam must be at least 1") }
        if let temperature, !(temperature > 0) { throw ValidationError("--temperature must be above 0") }
    }

    func run() throws {
        let sentences = try CoNLLU.read(contentsOf: URL(fileURLWithPath: gold))
        guard sentences.contains(where: { !$0.words.isEmpty }) else {
            throw PipelineError(.invalidInput, "no sentences", file: gold)
        }
        let documents = CoNLLU.documents(from: sentences)
        let taggerStage =
            try tagger.map { Tagger(model: try TaggerModel(contentsOf: URL(fileURLWithPath: $0))) } ?? Tagger()
        let lemmaStage =
            try lemmas.map { Lemmatizer(model: try LemmaModel(contentsOf: URL(fileURLWithPath: $0))) } ?? Lemmatizer()
        let decoding = ParserDecoding(
            beam: beam ?? ParserDecoding.bundled.beam, temperature: temperature ?? ParserDecoding.bundled.temperature)
        let parserStage =
            try parser.map {
                DependencyParser(model: try ParserModel(contentsOf: URL(fileURLWithPath: $0)), decoding: decoding)
            } ?? DependencyParser(decoding: decoding)
        var score = SyntaxScore()
        let start = Date()
        for document in documents {
            var predicted = document.strippingSyntax()
            if goldTags {
                for index in predicted.tokens.indices {
                    predicted.tokens[index].upos = document.tokens[index].upos
                    predicted.tokens[index].xpos = document.tokens[index].xpos
                }
            } else {
                try taggerStage.process(&predicted)
            }
            try lemmaStage.process(&predicted)
            try parserStage.process(&predicted)
            score.add(predicted: predicted, gold: document)
        }
        let seconds = Date().timeIntervalSince(start)
        print(score)
        printError(
            String(format: "%.0f words/s (gold tokenization, tag + lemma + parse)", Double(score.words) / seconds))
    }
}
