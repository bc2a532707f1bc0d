import Foundation

/// Options shared by the training commands.
public struct TrainingOptions: Sendable {
    /// Passes over the training data.
    public var epochs: Int
    /// Seed for shuffling and exploration: the same seed and data give the same model.
    public var seed: UInt64
    /// Whether to draw a progress bar on standard error.
    public var showProgress: Bool

    /// Creates options.
    public init(epochs: Int, seed: UInt64 = 1, showProgress: Bool = true) {
        self.epochs = epochs
        self.seed = seed
        self.showProgress = showProgress
    }
}

extension TaggerModel {
    /// Reads the inflection classes of English words from lemminflect's `infl_lu.csv`.
    ///
    /// Each word gets bits for the Penn tags it can have as an inflected or base form.
    /// - Throws: ``PipelineError/Code/invalidLexicon`` when the file cannot be read.
    public static func lexiconClasses(contentsOf url: URL) throws -> [UInt64: UInt16] {
        guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8)
        else {
            throw PipelineError(.invalidLexicon, "cannot read the inflection table", file: url.path)
        }
        var classes: [UInt64: UInt16] = [:]
        func mark(_ word: Substring, _ bit: Int) {
            for alternative in word.split(separator: "/") where !alternative.isEmpty {
                let key = FeatureHash.of(WordKeys.normalize(alternative.lowercased()))
                classes[key, default: 1 << 15] |= UInt16(1 << bit)
            }
        }
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            let lemma = fields[0]
            let isProper = lemma.first?.isUppercase ?? false
            switch fields[1] {
            case "noun":
                mark(lemma, isProper ? 13 : 0)
                mark(fields[2], isProper ? 13 : 1)
            case "verb":
                mark(lemma, 2)
                for (offset, bit) in [3, 4, 5, 6].enumerated() where offset + 2 < fields.count {
                    mark(fields[offset + 2], bit)
                }
            case "adj":
                mark(lemma, 7)
                for (offset, bit) in [8, 9].enumerated() where offset + 2 < fields.count {
                    mark(fields[offset + 2], bit)
                }
            case "adv":
                mark(lemma, 10)
                for (offset, bit) in [11, 12].enumerated() where offset + 2 < fields.count {
                    mark(fields[offset + 2], bit)
                }
            default:
                continue
            }
        }
        return classes
    }

    /// Trains a tagger.
    /// - Parameters:
    ///   - train: gold training sentences.
    ///   - dev: gold development sentences, scored after each epoch; the best epoch is kept.
    ///   - lexicon: word inflection classes (see ``lexiconClasses(contentsOf:)``).
    ///   - options: epochs, seed, progress.
    ///   - log: receives one line per epoch.
    public static func train(
        train: [CoNLLU.Sentence], dev: [CoNLLU.Sentence], lexicon: [UInt64: UInt16], options: TrainingOptions,
        log: (String) -> Void
    ) -> TaggerModel {
        func label(_ word: CoNLLU.Word) -> String { "\(word.upos ?? "X")\t\(word.xpos ?? "_")" }
        var classIndex: [String: Int] = [:]
        var classes: [String] = []
        var counts: [UInt64: [Int: Int]] = [:]
        for sentence in train {
            for word in sentence.words {
                let name = label(word)
                if classIndex[name] == nil {
                    classIndex[name] = classes.count
                    classes.append(name)
                }
                counts[FeatureHash.of(WordKeys.normalize(word.form.lowercased())), default: [:]][
                    classIndex[name]!, default: 0] += 1
            }
        }
        var tagDictionary: [UInt64: UInt8] = [:]
        for (word, byClass) in counts {
            let total = byClass.values.reduce(0, +)
            guard total >= 20,
                let best = byClass.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })
            else { continue }
            if Double(best.value) / Double(total) >= 0.995 { tagDictionary[word] = UInt8(best.key) }
        }
        let shell = TaggerModel(
            classes: classes, lexicon: lexicon, tagDictionary: tagDictionary,
            weights: LinearModel(classCount: classes.count, keys: [], offsets: [0], classes: [], weights: []))
        return trainPass(shell: shell, train: train, firstTags: nil, dev: dev, options: options, log: log)
    }

    /// Trains the weights of one pass over a model whose classes, lexicon and tag dictionary are set.
    /// - Parameters:
    ///   - shell: the model to train; with `firstTags` its first pass is kept and the second trained.
    ///   - firstTags: for the second pass, the (jack-knifed) first-pass classes of the training words.
    private static func trainPass(
        shell start: TaggerModel, train: [CoNLLU.Sentence], firstTags: [[Int]]?, dev: [CoNLLU.Sentence],
        options: TrainingOptions, log: (String) -> Void
    ) -> TaggerModel {
        func label(_ word: CoNLLU.Word) -> String { "\(word.upos ?? "X")\t\(word.xpos ?? "_")" }
        let classes = start.classes
        let classIndex = Dictionary(classes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        let tagDictionary = start.tagDictionary
        let trainer = PerceptronTrainer(classCount: classes.count)
        var shell = start
        let pass = firstTags == nil ? "tagger" : "tagger pass 2"
        var generator = SeededGenerator(seed: options.seed)
        var order = Array(train.indices)
        var best: (score: Double, model: TaggerModel)?
        var features: [UInt64] = []
        var scores = [Float](repeating: 0, count: classes.count)
        for epoch in 1...max(1, options.epochs) {
            order.shuffle(using: &generator)
            var progress = ProgressBar(label: "\(pass) epoch \(epoch)/\(options.epochs)", total: order.count)
            var correct = 0
            var total = 0
            for (done, index) in order.enumerated() {
                let sentence = train[index]
                let context = shell.context(for: sentence.words.map(\.form))
                var previous = -1
                var previous2 = -2
                for (i, word) in sentence.words.enumerated() {
                    let truth = classIndex[label(word)]!
                    let guess: Int
                    if let known = tagDictionary[context.keys[i].word] {
                        guess = Int(known)
                    } else {
                        if let firstTags {
                            TaggerModel.secondFeatures(
                                context, at: i, previous: previous, previous2: previous2, first: firstTags[index],
                                into: &features)
                        } else {
                            TaggerModel.features(
                                context, at: i, previous: previous, previous2: previous2, into: &features)
                        }
                        trainer.score(features, into: &scores)
                        guess = TaggerModel.argmax(scores)
                        trainer.tick()
                        trainer.update(truth: truth, guess: guess, features: features)
                    }
                    if guess == truth { correct += 1 }
                    total += 1
                    previous2 = previous
                    previous = guess
                }
                if options.showProgress && done % 200 == 0 { progress.update(done) }
            }
            if options.showProgress { progress.update(order.count) }
            shell =
                firstTags == nil
                ? TaggerModel(
                    classes: classes, lexicon: start.lexicon, tagDictionary: tagDictionary, weights: trainer.compact())
                : TaggerModel(
                    classes: classes, lexicon: start.lexicon, tagDictionary: tagDictionary, weights: start.weights,
                    second: trainer.compact())
            let (upos, xpos) = dev.isEmpty ? (0, 0) : shell.accuracy(on: dev)
            log(
                "\(firstTags == nil ? "" : "pass 2 ")epoch \(epoch): train acc \(String(format: "%.2f", 100 * Double(correct) / Double(max(total, 1)))), "
                    + "dev UPOS \(String(format: "%.2f", upos)) XPOS \(String(format: "%.2f", xpos)), "
                    + "\(trainer.featureCount) features")
            if best == nil || upos + xpos >= best!.score { best = (upos + xpos, shell) }
        }
        let chosen = best!.model
        // Prune tiny weights for a compact file.
        return chosen
    }

    /// A copy without weights of magnitude at most `threshold` (a smaller file, nearly the same tags).
    public func pruned(threshold: Float) -> TaggerModel {
        TaggerModel(
            classes: classes, lexicon: lexicon, tagDictionary: tagDictionary,
            weights: weights.pruned(threshold: threshold), second: second?.pruned(threshold: threshold))
    }

    /// Trains a two-pass tagger: a one-pass tagger, then a second pass that also sees its tags.
    ///
    /// The second pass learns from first-pass tags of the training data made by `folds` taggers each
    /// trained without one fold (jack-knifing), so they are as wrong as tags of unseen text; the folds
    /// and the first pass train in parallel, each with its own seed, so the result does not depend on
    /// the number of cores.
    /// - Parameters:
    ///   - train: gold training sentences.
    ///   - dev: gold development sentences, scored after each epoch; each pass keeps its best epoch.
    ///   - lexicon: word inflection classes (see ``lexiconClasses(contentsOf:)``).
    ///   - folds: jack-knife folds (at least 2).
    ///   - foldEpochs: epochs of each jack-knife tagger.
    ///   - options: epochs of each pass, seed, progress.
    ///   - log: receives one line per epoch.
    public static func trainTwoPass(
        train: [CoNLLU.Sentence], dev: [CoNLLU.Sentence], lexicon: [UInt64: UInt16], folds: Int, foldEpochs: Int,
        options: TrainingOptions, log: (String) -> Void
    ) -> TaggerModel {
        let folds = max(2, folds)
        let results = TaggerJobResults(count: folds + 1)
        let seed = options.seed
        let epochs = options.epochs
        // Job 0 is the first pass on all the data; job k the tagger without fold k - 1.
        DispatchQueue.concurrentPerform(iterations: folds + 1) { job in
            var lines: [String] = []
            let model: TaggerModel
            if job == 0 {
                model = TaggerModel.train(
                    train: train, dev: dev, lexicon: lexicon,
                    options: TrainingOptions(epochs: epochs, seed: seed, showProgress: false),
                    log: { lines.append($0) })
            } else {
                let rest = train.indices.filter { $0 % folds != job - 1 }.map { train[$0] }
                model = TaggerModel.train(
                    train: rest, dev: [], lexicon: lexicon,
                    options: TrainingOptions(epochs: foldEpochs, seed: seed &+ UInt64(job), showProgress: false),
                    log: { _ in })
            }
            results.set(job, model: model, lines: lines)
        }
        let (models, lines) = results.values
        lines[0].forEach(log)
        let first = models[0]!
        let fullIndex = Dictionary(first.classes.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
        var firstTags = [[Int]](repeating: [], count: train.count)
        var correct = 0
        var total = 0
        for fold in 0..<folds {
            let model = models[fold + 1]!
            let toFull = model.classes.map { fullIndex[$0] ?? 0 }
            for index in train.indices where index % folds == fold {
                let tags = model.tag(train[index].words.map(\.form)).map { toFull[$0] }
                firstTags[index] = tags
                for (word, tag) in zip(train[index].words, tags) where word.upos == first.upos[tag] { correct += 1 }
                total += tags.count
            }
        }
        log(
            "jack-knifed first-pass tags: UPOS \(String(format: "%.2f", 100 * Double(correct) / Double(max(total, 1))))"
        )
        return trainPass(shell: first, train: train, firstTags: firstTags, dev: dev, options: options, log: log)
    }

    /// Number of (feature, class) weights.
    public var weightCount: Int { weights.entryCount }

    /// UPOS and XPOS accuracy (percent) on gold sentences.
    public func accuracy(on sentences: [CoNLLU.Sentence]) -> (upos: Double, xpos: Double) {
        var upos = 0
        var xpos = 0
        var total = 0
        for sentence in sentences where !sentence.words.isEmpty {
            let tags = tag(sentence.words.map(\.form))
            for (word, tag) in zip(sentence.words, tags) {
                if word.upos == self.upos[tag] {
                    upos += 1
                } else if ProcessInfo.processInfo.environment["PARLEY_DEBUG_TAGS"] != nil {
                    print("\(word.form)\t\(word.upos ?? "_")\t\(self.upos[tag])")
                }
                if (word.xpos ?? "_") == self.xpos[tag] { xpos += 1 }
                total += 1
            }
        }
        return (100 * Double(upos) / Double(max(total, 1)), 100 * Double(xpos) / Double(max(total, 1)))
    }
}

/// Models and log lines of taggers trained on several threads.
private final class TaggerJobResults: @unchecked Sendable {
    private let lock = NSLock()
    private var models: [TaggerModel?]
    private var lines: [[String]]

    init(count: Int) {
        models = Array(repeating: nil, count: count)
        lines = Array(repeating: [], count: count)
    }

    func set(_ job: Int, model: TaggerModel, lines: [String]) {
        lock.lock()
        models[job] = model
        self.lines[job] = lines
        lock.unlock()
    }

    var values: (models: [TaggerModel?], lines: [[String]]) {
        lock.lock()
        defer { lock.unlock() }
        return (models, lines)
    }
}
