import ArgumentParser
import Foundation
import Parley

/// `parley train segmenter TRAIN.conllu... --output FILE`: learns the tokenizer lexicon.
struct TrainSegmenterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segmenter",
        abstract: "Learn the tokenizer and sentence segmenter lexicon from UD training files.",
        discussion: """
            Reproduce the bundled lexicon with:
              parley train segmenter ../shared/data/ud/UD_English-EWT/en_ewt-ud-train.conllu \
            ../shared/data/ud/UD_English-GUM/en_gum-ud-train.conllu --output Sources/Parley/Resources/tokenizer.tsv
            GUM's wikiHow and fiction documents (non-commercial licence) are skipped. Never train on test files.
            """)

    @Argument(help: "Training CoNLL-U files.")
    var files: [String]

    @Option(help: "Where to write the lexicon.")
    var output: String

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one training file") }
        if files.contains(where: { $0.contains("-test") }) {
            throw ValidationError("refusing to train on a test file")
        }
    }

    func run() throws {
        var sentences: [CoNLLU.Sentence] = []
        for file in files {
            sentences += try CoNLLU.read(contentsOf: URL(fileURLWithPath: file))
        }
        guard sentences.contains(where: { !$0.words.isEmpty }) else {
            throw PipelineError(
                .invalidInput, "no sentences to learn from; nothing written", file: files.joined(separator: ", "))
        }
        let lexicon = TokenizerTrainer().train(sentences)
        let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let header = """
            Parley tokenizer lexicon, learned by `parley train segmenter` from \(names)
            (UD English EWT, CC BY-SA 4.0; UD English GUM without wikiHow and fiction, CC BY-SA 4.0 parts).
            Kinds: abbreviation WORD END-RATIO | title WORD | prefix WORD | contraction WORD LENGTHS | starter WORD
            """
        let text = lexicon.serialized(header: header)
        do {
            try text.write(toFile: output, atomically: true, encoding: .utf8)
        } catch {
            throw PipelineError(.io, "cannot write: \(error.localizedDescription)", file: output)
        }
        print(
            "wrote \(output): \(lexicon.abbreviations.count) abbreviations, \(lexicon.hyphenPrefixes.count) prefixes, "
                + "\(lexicon.contractions.count) contractions, \(lexicon.sentenceStarters.count) sentence starters")
    }
}
