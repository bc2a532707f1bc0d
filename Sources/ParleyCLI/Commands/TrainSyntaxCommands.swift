import ArgumentParser
import Foundation
import Parley

/// Options every `parley train` subcommand takes.
struct TrainingDataOptions: ParsableArguments {
    @Option(name: .long, parsing: .upToNextOption, help: "Training CoNLL-U files (EWT train; GUM train may be added).")
    var train: [String]

    @Option(name: .long, help: "Development CoNLL-U file, scored after each epoch.")
    var dev: String

    @Option(name: .long, help: "Where to write the model file.")
    var out: String

    @Option(name: .long, help: "Random seed: the same seed and data give the same model.")
    var seed: UInt64 = 1

    @Option(
        name: .customLong("exclude-doc-prefix"),
        help: "Skip training documents whose `# newdoc id` starts with this (non-commercial GUM genres by default).")
    var excludedDocuments: [String] = ["GUM_whow_", "GUM_fiction_"]

    func validate() throws {
        guard !train.isEmpty else { throw ValidationError("give at least one --train file") }
    }

    /// Reads the training files, leaving out excluded documents.
    func trainingSentences() throws -> [CoNLLU.Sentence] {
        var sentences: [CoNLLU.Sentence] = []
        for file in train {
            var skipping = false
            var skipped = 0
            for sentence in try CoNLLU.read(contentsOf: URL(fileURLWithPath: file)) {
                if sentence.startsDocument {
                    let id = sentence.comment("newdoc id") ?? ""
                    skipping = excludedDocuments.contains { id.hasPrefix($0) }
                }
                if skipping {
                    skipped += 1
                } else if !sentence.words.isEmpty {
                    sentences.append(sentence)
                }
            }
            printError("\(file): \(skipped) sentences in excluded documents left out")
        }
        guard !sentences.isEmpty else {
            throw PipelineError(
                .invalidInput, "no sentences to train on; nothing written", file: train.joined(separator: ", "))
        }
        printError("training on \(sentences.count) sentences, \(sentences.reduce(0) { $0 + $1.words.count }) words")
        return sentences
    }

    func devSentences() throws -> [CoNLLU.Sentence] {
        try CoNLLU.read(contentsOf: URL(fileURLWithPath: dev)).filter { !$0.words.isEmpty }
    }

    func write(_ bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = url.appendingPathExtension("tmp")
        try Data(bytes).write(to: temporary)
        _ = try? FileManager.default.removeItem(at: url)
        try FileManager.default.moveItem(at: temporary, to: url)
        printError("wrote \(out) (\(bytes.count) bytes)")
    }
}

/// The lexicon directory the tagger's word classes and the lemmatizer's lemmas come from.
struct SyntaxLexiconOptions: ParsableArguments {
    @Option(name: .long, help: "Directory with lemminflect/infl_lu.csv and lemma_lu.csv.")
    var lexicon = "../shared/data/lexicon"

    /// The inflection classes of the lexicon's words, for the tagger.
    func inflectionClasses() throws -> [UInt64: UInt16] {
        try TaggerModel.lexiconClasses(
            contentsOf: URL(fileURLWithPath: lexicon).appendingPathComponent("lemminflect/infl_lu.csv"))
    }
}

extension TrainingDataOptions {
    /// The tagger a `--tagger` option names: a model file, `gold` (none: gold tags), or the bundled one.
    /// - Parameter required: whether a bundled model that cannot be loaded is an error (else `nil`).
    func taggerModel(_ option: String?, required: Bool) throws -> TaggerModel? {
        switch option {
        case "gold": return nil
        case let path?: return try TaggerModel(contentsOf: URL(fileURLWithPath: path))
        case nil: return required ? try TaggerModel.bundled() : try? TaggerModel.bundled()
        }
    }
}

/// `parley train tagger`.
struct TrainTaggerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tagger", abstract: "Train the part-of-speech tagger (UPOS + Penn Treebank tags).")

    @OptionGroup var data: TrainingDataOptions

    @OptionGroup var lexicon: SyntaxLexiconOptions

    @Option(name: .long, help: "Passes over the training data.")
    var epochs = 8

    @Option(name: .long, help: "Drop weights of at most this magnitude from the written model.")
    var prune: Float = 0.5

    @Option(name: .long, help: "1: one left-to-right pass; 2: a second pass that also sees the first pass's tags.")
    var passes = 1

    @Option(name: .long, help: "With --passes 2: jack-knife folds that make the second pass's training tags.")
    var jackknife = 3

    @Option(name: .long, help: "With --passes 2: epochs of each jack-knife tagger.")
    var jackknifeEpochs = 4

    func validate() throws {
        guard passes == 1 || passes == 2 else { throw ValidationError("--passes must be 1 or 2") }
        guard jackknife >= 2 else { throw ValidationError("--jackknife must be at least 2") }
        guard jackknifeEpochs >= 1 else { throw ValidationError("--jackknife-epochs must be at least 1") }
    }

    func run() throws {
        let train = try data.trainingSentences()
        let dev = try data.devSentences()
        let options = TrainingOptions(epochs: epochs, seed: data.seed)
        let model =
            passes == 2
            ? TaggerModel.trainTwoPass(
                train: train, dev: dev, lexicon: try lexicon.inflectionClasses(), folds: jackknife,
                foldEpochs: jackknifeEpochs, options: options, log: printError)
            : TaggerModel.train(
                train: train, dev: dev, lexicon: try lexicon.inflectionClasses(), options: options, log: printError)
        try data.write(model.pruned(threshold: prune).serialized())
    }
}

/// `parley train parser`.
struct TrainParserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parser", abstract: "Train the dependency parser (arc-hybrid, dynamic oracle).")

    @OptionGroup var data: TrainingDataOptions

    @Option(name: .long, help: "Passes over the training data (the best epoch on --dev is kept).")
    var epochs = 12

    @Option(
        name: .long,
        help: "Tagger model for the development set's tags (default: the bundled one; 'gold' for gold tags).")
    var tagger: String?

    @Option(name: .long, help: "Train on tags from K taggers each trained without one K-th of the data (0: gold tags).")
    var jackknife = 3

    @Option(name: .long, help: "Epochs of each jack-knife tagger.")
    var taggerEpochs = 3

    @Option(name: .long, help: "Passes of each jack-knife tagger (2 to match a two-pass --tagger).")
    var taggerPasses = 1

    @Option(name: .long, help: "Drop weights of at most this magnitude from the written model.")
    var prune: Float = 1.25

    @Option(name: .long, help: "Parsers trained with consecutive seeds and averaged into the written model.")
    var ensemble = 1

    @OptionGroup var lexicon: SyntaxLexiconOptions

    func validate() throws {
        guard taggerPasses == 1 || taggerPasses == 2 else { throw ValidationError("--tagger-passes must be 1 or 2") }
    }

    func run() throws {
        let train = try data.trainingSentences()
        let dev = try data.devSentences()
        let taggerModel = try data.taggerModel(tagger, required: true)
        var trainTags: [[(xpos: String, upos: String)]]?
        if jackknife > 1 {
            let classes = try lexicon.inflectionClasses()
            // Folds are independent (each has its own seed), so they run in parallel and the result
            // does not depend on the number of cores.
            let results = JackknifeResults(count: train.count)
            let folds = jackknife
            let seed = data.seed
            let foldEpochs = taggerEpochs
            let twoPass = taggerPasses == 2
            DispatchQueue.concurrentPerform(iterations: folds) { fold in
                let rest = train.indices.filter { $0 % folds != fold }.map { train[$0] }
                let foldOptions = TrainingOptions(
                    epochs: foldEpochs, seed: seed &+ UInt64(fold), showProgress: false)
                let model =
                    twoPass
                    ? TaggerModel.trainTwoPass(
                        train: rest, dev: [], lexicon: classes, folds: 3, foldEpochs: foldEpochs,
                        options: foldOptions, log: { _ in })
                    : TaggerModel.train(train: rest, dev: [], lexicon: classes, options: foldOptions, log: { _ in })
                var correct = 0
                var total = 0
                for index in train.indices where index % folds == fold {
                    let predicted = model.tags(for: train[index].words.map(\.form))
                    results.set(index, predicted.map { ($0.xpos, $0.upos) })
                    for (word, tag) in zip(train[index].words, predicted) where word.upos == tag.upos { correct += 1 }
                    total += train[index].words.count
                }
                printError(
                    "jack-knife fold \(fold + 1)/\(folds): UPOS \(String(format: "%.2f", 100 * Double(correct) / Double(max(total, 1))))"
                )
            }
            trainTags = results.tags
        }
        let options = TrainingOptions(epochs: epochs, seed: data.seed)
        let model: ParserModel
        if ensemble > 1 {
            model = ParserModel.trainEnsemble(
                members: ensemble, train: train, trainTags: trainTags, dev: dev, tagger: taggerModel,
                options: options, log: { printError($0) })
        } else {
            model = ParserModel.train(
                train: train, trainTags: trainTags, dev: dev, tagger: taggerModel, options: options, log: printError,
                checkpoint: { model in try? data.write(model.pruned(threshold: prune).serialized()) })
        }
        try data.write(model.pruned(threshold: prune).serialized())
    }
}

/// `parley train lemmatizer`.
struct TrainLemmatizerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lemmatizer", abstract: "Build the lemmatizer's data from treebanks, lemminflect and WordNet.")

    @OptionGroup var data: TrainingDataOptions

    @Option(name: .long, help: "Unused: the lemmatizer is built in one pass.")
    var epochs = 1

    @OptionGroup var lexicon: SyntaxLexiconOptions

    @Option(name: .long, help: "Directory with WordNet's *.exc files.")
    var wordnet = "../shared/data/wordnet/dict"

    @Option(name: .long, help: "Tagger model for scoring the development set ('gold' for gold tags).")
    var tagger: String?

    func run() throws {
        let train = try data.trainingSentences()
        let dev = try data.devSentences()
        let model = try LemmaModel.build(
            train: train, lexiconDirectory: URL(fileURLWithPath: lexicon.lexicon),
            wordnetDirectory: URL(fileURLWithPath: wordnet))
        printError("dev lemma accuracy, gold tags: \(String(format: "%.2f", model.accuracy(on: dev, tagger: nil)))")
        let taggerModel = try data.taggerModel(tagger, required: false)
        if let taggerModel {
            printError(
                "dev lemma accuracy, predicted tags: \(String(format: "%.2f", model.accuracy(on: dev, tagger: taggerModel)))"
            )
        }
        try data.write(model.serialized())
    }
}

/// `parley train prune`: drops small weights from a trained tagger or parser model.
struct TrainPruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune", abstract: "Drop small weights from a tagger or parser model to make it smaller.")

    @Option(name: .long, help: "The model file (tagger or parser).")
    var model: String

    @Option(name: .long, help: "Weights of at most this magnitude are dropped.")
    var threshold: Float

    @Option(name: .long, help: "Where to write the pruned model.")
    var out: String

    func run() throws {
        let url = URL(fileURLWithPath: model)
        let bytes: [UInt8]
        if let tagger = try? TaggerModel(contentsOf: url) {
            let pruned = tagger.pruned(threshold: threshold)
            printError("tagger weights: \(tagger.weightCount) -> \(pruned.weightCount)")
            bytes = pruned.serialized()
        } else {
            let parser = try ParserModel(contentsOf: url)
            let pruned = parser.pruned(threshold: threshold)
            printError("parser weights: \(parser.weightCount) -> \(pruned.weightCount)")
            bytes = pruned.serialized()
        }
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        printError("wrote \(out) (\(bytes.count) bytes)")
    }
}

/// `parley train average`.
struct TrainAverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "average",
        abstract: "Average the weights of parsers trained on the same data into one model (an ensemble in one file).")

    @Option(name: .long, help: "A parser model file; give two or more.")
    var model: [String]

    @Option(name: .long, help: "Drop weights of at most this magnitude from the written model.")
    var prune: Float = 0

    @Option(name: .long, help: "Where to write the averaged model.")
    var out: String

    func validate() throws {
        guard model.count >= 2 else { throw ValidationError("give at least two --model files") }
    }

    func run() throws {
        let parsers = try model.map { try ParserModel(contentsOf: URL(fileURLWithPath: $0)) }
        let averaged = try ParserModel.averaged(parsers).pruned(threshold: prune)
        let bytes = averaged.serialized()
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        printError(
            "averaged \(parsers.count) parsers: \(averaged.weightCount) weights; wrote \(out) (\(bytes.count) bytes)")
    }
}

/// Jack-knifed training tags, filled by folds running on several threads.
private final class JackknifeResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [[(xpos: String, upos: String)]]

    init(count: Int) { storage = Array(repeating: [], count: count) }

    func set(_ index: Int, _ tags: [(xpos: String, upos: String)]) {
        lock.lock()
        storage[index] = tags
        lock.unlock()
    }

    var tags: [[(xpos: String, upos: String)]] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}
