import Foundation

extension ParserModel {
    /// Trains a parser with the arc-hybrid dynamic oracle and error exploration.
    /// - Parameters:
    ///   - train: gold training sentences (non-projective trees are lifted to projective ones).
    ///   - trainTags: the (XPOS, UPOS) tags to train on, per sentence (jack-knifed tagger output
    ///     makes the parser robust to tagging errors); `nil` uses the gold tags.
    ///   - dev: gold development sentences, scored after each epoch; the best epoch is kept.
    ///   - tagger: tags the development sentences as at run time; `nil` uses gold tags.
    ///   - options: epochs, seed, progress.
    ///   - log: receives one line per epoch.
    ///   - checkpoint: receives each model that is the best so far.
    public static func train(
        train: [CoNLLU.Sentence], trainTags: [[(xpos: String, upos: String)]]?, dev: [CoNLLU.Sentence],
        tagger: TaggerModel?, options: TrainingOptions, log: (String) -> Void,
        checkpoint: (ParserModel) -> Void = { _ in }
    ) -> ParserModel {
        var labels = ["root"]
        var labelIndex = ["root": 0]
        for sentence in train {
            for word in sentence.words {
                let relation = word.relation ?? "dep"
                if labelIndex[relation] == nil {
                    labelIndex[relation] = labels.count
                    labels.append(relation)
                }
            }
        }
        struct Example {
            var sentence: ParserSentence
            var heads: [Int]
            var labels: [Int]
        }
        let examples: [Example] = train.enumerated().map { index, sentence in
            let words = sentence.words
            let tags = trainTags?[index]
            let input = ParserSentence(
                forms: words.map(\.form), xpos: tags?.map(\.xpos) ?? words.map { $0.xpos ?? "_" },
                upos: tags?.map(\.upos) ?? words.map { $0.upos ?? "_" })
            let heads = projectivize([0] + words.map { $0.head ?? 0 })
            return Example(
                sentence: input, heads: heads, labels: [-1] + words.map { labelIndex[$0.relation ?? "dep"]! })
        }
        let devInputs = developmentInputs(dev, tagger: tagger)
        let moveTrainer = PerceptronTrainer(classCount: Move.allCases.count)
        let labelTrainer = PerceptronTrainer(classCount: labels.count)
        var generator = SeededGenerator(seed: options.seed)
        var order = Array(examples.indices)
        var best: (score: Double, model: ParserModel)?
        var features: [UInt64] = []
        var scores = [Float](repeating: 0, count: Move.allCases.count)
        var labelScores = [Float](repeating: 0, count: labels.count)
        let rootLabel = 0
        for epoch in 1...max(1, options.epochs) {
            order.shuffle(using: &generator)
            var progress = ParserProgress(label: "parser epoch \(epoch)/\(options.epochs)", total: order.count)
            for (done, index) in order.enumerated() {
                let example = examples[index]
                let sentence = example.sentence
                var state = ParserState(count: sentence.count)
                while !state.isTerminal {
                    ParserFeatures.transition(sentence, state, into: &features)
                    moveTrainer.score(features, into: &scores)
                    var predicted: Move?
                    var truth: Move?
                    var costs = [Int](repeating: Int.max, count: 3)
                    var minimum = Int.max
                    for move in Move.allCases where state.isValid(move) {
                        costs[move.rawValue] = state.cost(move, gold: example.heads)
                        minimum = min(minimum, costs[move.rawValue])
                        if predicted == nil || scores[move.rawValue] > scores[predicted!.rawValue] { predicted = move }
                    }
                    for move in Move.allCases where costs[move.rawValue] == minimum {
                        if truth == nil || scores[move.rawValue] > scores[truth!.rawValue] { truth = move }
                    }
                    guard let guess = predicted, let correct = truth else { break }
                    moveTrainer.tick()
                    var next = correct
                    if costs[guess.rawValue] > minimum {
                        moveTrainer.update(truth: correct.rawValue, guess: guess.rawValue, features: features)
                        if epoch > 1 && Double.random(in: 0..<1, using: &generator) < 0.9 { next = guess }
                    } else {
                        next = guess
                    }
                    var label = -1
                    if let arc = state.arc(next) {
                        if arc.head == 0 {
                            label = rootLabel
                        } else {
                            ParserFeatures.label(
                                sentence, state, head: arc.head, dependent: arc.dependent, into: &features)
                            labelTrainer.score(features, into: &labelScores)
                            var guessLabel = 1
                            for (i, score) in labelScores.enumerated()
                            where i != rootLabel && score > labelScores[guessLabel] {
                                guessLabel = i
                            }
                            if example.heads[arc.dependent] == arc.head {
                                let goldLabel = example.labels[arc.dependent]
                                labelTrainer.tick()
                                if goldLabel != rootLabel {
                                    labelTrainer.update(truth: goldLabel, guess: guessLabel, features: features)
                                }
                            }
                            label = guessLabel
                        }
                    }
                    state.apply(next, label: label)
                }
                if options.showProgress && done % 200 == 0 { progress.update(done) }
            }
            if options.showProgress { progress.update(order.count) }
            let model = ParserModel(
                labels: labels, transitions: moveTrainer.compact(), labeller: labelTrainer.compact())
            let scores = model.attachmentScores(devInputs, gold: dev)
            log(
                "epoch \(epoch): dev UAS \(String(format: "%.2f", scores.uas)) LAS \(String(format: "%.2f", scores.las)), "
                    + "\(moveTrainer.featureCount) move features, \(labelTrainer.featureCount) label features")
            if best == nil || scores.las > best!.score {
                best = (scores.las, model)
                checkpoint(model)
            }
        }
        return best!.model
    }

    /// Trains `members` parsers that differ only in their seed (`options.seed`, `+ 1`, …), in
    /// parallel, and averages their weights: one model that scores as their ensemble would.
    ///
    /// The other parameters are as for ``train(train:trainTags:dev:tagger:options:log:checkpoint:)``;
    /// each member keeps its own best epoch on `dev`.
    /// - Parameters:
    ///   - members: how many parsers to train; with 1, this is `train` itself.
    ///   - log: receives one line per member and epoch, then the averaged model's dev scores.
    public static func trainEnsemble(
        members: Int, train: [CoNLLU.Sentence], trainTags: [[(xpos: String, upos: String)]]?,
        dev: [CoNLLU.Sentence], tagger: TaggerModel?, options: TrainingOptions,
        log: @escaping @Sendable (String) -> Void
    ) -> ParserModel {
        let count = max(1, members)
        let results = EnsembleResults(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { member in
            var memberOptions = options
            memberOptions.seed = options.seed &+ UInt64(member)
            memberOptions.showProgress = options.showProgress && member == 0
            let model = ParserModel.train(
                train: train, trainTags: trainTags, dev: dev, tagger: tagger, options: memberOptions,
                log: { log("parser \(member + 1)/\(count): \($0)") })
            results.set(member, model)
        }
        let models = results.models
        guard models.count > 1 else { return models[0] }
        // Members trained on the same data share their labels.
        let merged = average(models)
        let scores = merged.attachmentScores(developmentInputs(dev, tagger: tagger), gold: dev)
        log(
            "averaged \(count) parsers: dev UAS \(String(format: "%.2f", scores.uas)) LAS \(String(format: "%.2f", scores.las))"
        )
        return merged
    }

    /// The average of parsers' weights: one model that scores each transition as the parsers would together.
    ///
    /// Averaging an average of two with another average of two gives the average of all four.
    /// - Throws: ``PipelineError`` (`invalidModel`) when the parsers do not share their relation labels.
    public static func averaged(_ models: [ParserModel]) throws -> ParserModel {
        guard let first = models.first else { throw PipelineError(.invalidModel, "no parser to average") }
        guard models.allSatisfy({ $0.labels == first.labels }) else {
            throw PipelineError(
                .invalidModel, "the parsers have different relation labels: train them on the same data")
        }
        return average(models)
    }

    static func average(_ models: [ParserModel]) -> ParserModel {
        ParserModel(
            labels: models[0].labels, transitions: LinearModel.averaged(models.map(\.transitions)),
            labeller: LinearModel.averaged(models.map(\.labeller)))
    }

    /// The development sentences as the parser sees them: tagged by `tagger`, or with gold tags.
    static func developmentInputs(_ dev: [CoNLLU.Sentence], tagger: TaggerModel?) -> [ParserSentence] {
        dev.map { sentence -> ParserSentence in
            let forms = sentence.words.map(\.form)
            if let tagger {
                let tags = tagger.tag(forms)
                return ParserSentence(
                    forms: forms, xpos: tags.map { tagger.xpos[$0] }, upos: tags.map { tagger.upos[$0] })
            }
            return ParserSentence(
                forms: forms, xpos: sentence.words.map { $0.xpos ?? "_" }, upos: sentence.words.map { $0.upos ?? "_" })
        }
    }

    /// A copy without weights of magnitude at most `threshold` (a smaller file, nearly the same parses).
    public func pruned(threshold: Float) -> ParserModel {
        ParserModel(
            labels: labels, transitions: transitions.pruned(threshold: threshold),
            labeller: labeller.pruned(threshold: threshold))
    }

    /// Number of (feature, class) weights.
    public var weightCount: Int { transitions.entryCount + labeller.entryCount }

    /// Unlabeled and labeled attachment scores (percent, punctuation included, relation subtypes ignored).
    func attachmentScores(_ inputs: [ParserSentence], gold: [CoNLLU.Sentence]) -> (uas: Double, las: Double) {
        var total = 0
        var unlabeled = 0
        var labeled = 0
        for (input, sentence) in zip(inputs, gold) where input.count > 0 {
            let (heads, labelIndices) = parse(input)
            for (i, word) in sentence.words.enumerated() {
                total += 1
                guard heads[i + 1] == (word.head ?? -1) else { continue }
                unlabeled += 1
                let predicted = heads[i + 1] == 0 ? "root" : labels[max(0, labelIndices[i + 1])]
                if universal(predicted) == universal(word.relation ?? "") { labeled += 1 }
            }
        }
        return (100 * Double(unlabeled) / Double(max(total, 1)), 100 * Double(labeled) / Double(max(total, 1)))
    }

    private func universal(_ relation: String) -> Substring {
        relation.split(separator: ":", maxSplits: 1).first ?? ""
    }
}

typealias ParserProgress = ProgressBar

/// Ensemble members, filled by threads.
private final class EnsembleResults: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [ParserModel?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ model: ParserModel) {
        lock.lock()
        storage[index] = model
        lock.unlock()
    }

    var models: [ParserModel] {
        lock.lock()
        defer { lock.unlock() }
        return storage.compactMap { $0 }
    }
}
