import Foundation

/// The dependency parser's trained model: an arc-hybrid transition classifier and an arc labeller.
///
/// Both are averaged perceptrons over hashed features of the parser configuration (words and
/// Penn tags of stack and buffer words, their children so far, distances, valencies, labels).
/// The labeller runs when an arc is made, when the dependent's subtree is complete.
public struct ParserModel: Sendable {
    /// The model kind written in the file header.
    public static let kind = "PARS"
    /// The format version of parser files: 3 stores feature keys as gaps and classes as bit sets
    /// (``WeightEncoding/compact16``); files of version 2 (``WeightEncoding/fixed16``) are rejected.
    public static let formatVersion: UInt32 = 3

    /// Dependency relation names (with UD subtypes).
    let labels: [String]
    let transitions: LinearModel
    let labeller: LinearModel
    let rootLabel: Int

    init(labels: [String], transitions: LinearModel, labeller: LinearModel) {
        self.labels = labels
        self.transitions = transitions
        self.labeller = labeller
        rootLabel = labels.firstIndex(of: "root") ?? 0
    }

    /// Loads a parser model file.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the file is missing, truncated, corrupted
    ///   or of another format version.
    public init(contentsOf url: URL) throws {
        do {
            try self.init(payload: try ModelFile.read(url, kind: Self.kind, version: Self.formatVersion))
        } catch var error as PipelineError {
            error.file = url.path
            throw error
        }
    }

    /// Reads a model from file bytes, as ``serialized()`` writes them.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bytes are not a valid parser model.
    public init(serialized bytes: [UInt8]) throws {
        try self.init(
            payload: try ModelFile.unwrap(bytes, kind: Self.kind, file: "parser model", version: Self.formatVersion))
    }

    private init(payload: ArraySlice<UInt8>) throws {
        var reader = ByteReader(payload)
        let labels = try reader.strings()
        let transitions = try LinearModel.readCompact(from: &reader)
        let labeller = try LinearModel.readCompact(from: &reader)
        guard transitions.classCount == Move.allCases.count, labeller.classCount == labels.count,
            labels.contains("root")
        else {
            throw PipelineError(.invalidModel, "parser model tables are inconsistent")
        }
        self.init(labels: labels, transitions: transitions, labeller: labeller)
    }

    /// The model as file bytes (header included).
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        writer.strings(labels)
        transitions.writeCompact(to: &writer)
        labeller.writeCompact(to: &writer)
        return ModelFile.wrap(writer.data, kind: Self.kind, version: Self.formatVersion)
    }

    /// The model bundled with Parley, loaded once per process.
    public static func bundled() throws -> ParserModel { try bundledResult.get() }

    private static let bundledResult: Result<ParserModel, PipelineError> = {
        guard let url = ModelFile.bundled("parser") else {
            return .failure(PipelineError(.invalidModel, "the bundled parser model (Models/parser.bin) is missing"))
        }
        do { return .success(try ParserModel(contentsOf: url)) } catch let error as PipelineError {
            return .failure(error)
        } catch { return .failure(PipelineError(.invalidModel, "\(error)", file: url.path)) }
    }()

    /// The parse of one sentence: heads (0 = root, 1-based) and label indices of words 1...n.
    func parse(_ sentence: ParserSentence) -> (heads: [Int], labels: [Int]) {
        var state = ParserState(count: sentence.count)
        var features: [UInt64] = []
        features.reserveCapacity(128)
        var scores = [Float](repeating: 0, count: Move.allCases.count)
        var labelScores = [Float](repeating: 0, count: labels.count)
        while !state.isTerminal {
            ParserFeatures.transition(sentence, state, into: &features)
            transitions.score(features, into: &scores)
            var best: Move = .shift
            var bestScore = -Float.infinity
            for move in Move.allCases where state.isValid(move) && scores[move.rawValue] > bestScore {
                best = move
                bestScore = scores[move.rawValue]
            }
            var label = -1
            if let arc = state.arc(best) {
                label = chooseLabel(sentence, state, arc: arc, features: &features, scores: &labelScores)
            }
            state.apply(best, label: label)
        }
        return (state.heads, state.labels)
    }

    /// The parse the beam search finds: the `decoding.beam` best move sequences are kept at each step, scored by
    /// the sum of each move's log-probability (a softmax of the move scores over `decoding.temperature`).
    ///
    /// Every parse of n words takes 2n moves, so the sequences in the beam end together. With a beam of one this
    /// is the greedy parse.
    func parse(_ sentence: ParserSentence, decoding: ParserDecoding) -> (heads: [Int], labels: [Int]) {
        guard decoding.beam > 1 else { return parse(sentence) }
        let width = decoding.beam
        let temperature = max(decoding.temperature, .leastNormalMagnitude)
        var beam = [ParserState(count: sentence.count)]
        var totals: [Float] = [0]
        var next: [ParserState] = []
        var nextTotals: [Float] = []
        // States that left the beam, kept to stand in for a state taken out of it, so taking one allocates nothing.
        var spare: [ParserState] = []
        var features: [UInt64] = []
        features.reserveCapacity(128)
        var scores = [Float](repeating: 0, count: Move.allCases.count)
        var labelScores = [Float](repeating: 0, count: labels.count)
        var candidates: [(item: Int, move: Move, total: Float)] = []
        var chosen: [(item: Int, move: Move, total: Float)] = []
        var uses: [Int] = []
        // The beam's states share most of their history, so the same arc is often labelled from the same features.
        var labelCache: [UInt64: Int] = [:]
        while !beam[0].isTerminal {
            candidates.removeAll(keepingCapacity: true)
            for (item, state) in beam.enumerated() {
                ParserFeatures.transition(sentence, state, into: &features)
                transitions.score(features, into: &scores)
                var top = -Float.infinity
                for move in Move.allCases where state.isValid(move) { top = max(top, scores[move.rawValue]) }
                var sum: Float = 0
                for move in Move.allCases where state.isValid(move) {
                    sum += exp((scores[move.rawValue] - top) / temperature)
                }
                let normalizer = top / temperature + log(sum)
                for move in Move.allCases where state.isValid(move) {
                    candidates.append((item, move, totals[item] + scores[move.rawValue] / temperature - normalizer))
                }
            }
            // The best `width`, best first; of equal totals the earlier item's and move's, so parses are deterministic.
            chosen.removeAll(keepingCapacity: true)
            for candidate in candidates {
                var position = chosen.count
                while position > 0, chosen[position - 1].total < candidate.total { position -= 1 }
                guard position < width else { continue }
                chosen.insert(candidate, at: position)
                if chosen.count > width { chosen.removeLast() }
            }
            uses.removeAll(keepingCapacity: true)
            uses.append(contentsOf: repeatElement(0, count: beam.count))
            for candidate in chosen { uses[candidate.item] += 1 }
            next.removeAll(keepingCapacity: true)
            nextTotals.removeAll(keepingCapacity: true)
            for candidate in chosen {
                // A state's last use takes it over; earlier uses copy it.
                uses[candidate.item] -= 1
                var state: ParserState
                if uses[candidate.item] == 0 {
                    state = spare.popLast() ?? ParserState(count: 0)
                    swap(&state, &beam[candidate.item])
                } else {
                    state = beam[candidate.item]
                }
                var label = -1
                if let arc = state.arc(candidate.move) {
                    label = chooseLabel(
                        sentence, state, arc: arc, features: &features, scores: &labelScores, cache: &labelCache)
                }
                state.apply(candidate.move, label: label)
                next.append(state)
                nextTotals.append(candidate.total)
            }
            for state in beam where spare.count < width { spare.append(state) }
            swap(&beam, &next)
            swap(&totals, &nextTotals)
        }
        return (beam[0].heads, beam[0].labels)
    }

    /// ``chooseLabel(_:_:arc:features:scores:)``, remembering the label of each set of features.
    func chooseLabel(
        _ sentence: ParserSentence, _ state: ParserState, arc: (head: Int, dependent: Int), features: inout [UInt64],
        scores: inout [Float], cache: inout [UInt64: Int]
    ) -> Int {
        if arc.head == 0 { return rootLabel }
        ParserFeatures.label(sentence, state, head: arc.head, dependent: arc.dependent, into: &features)
        var key: UInt64 = 0xcbf2_9ce4_8422_2325
        for feature in features { key = (key ^ feature) &* 0x0000_0100_0000_01b3 }
        if let known = cache[key] { return known }
        let label = bestLabel(features, scores: &scores)
        cache[key] = label
        return label
    }

    func chooseLabel(
        _ sentence: ParserSentence, _ state: ParserState, arc: (head: Int, dependent: Int), features: inout [UInt64],
        scores: inout [Float]
    ) -> Int {
        if arc.head == 0 { return rootLabel }
        ParserFeatures.label(sentence, state, head: arc.head, dependent: arc.dependent, into: &features)
        return bestLabel(features, scores: &scores)
    }

    /// The labeller's best relation for an arc's features (never the root's).
    func bestLabel(_ features: [UInt64], scores: inout [Float]) -> Int {
        labeller.score(features, into: &scores)
        var best = 0
        var bestScore = -Float.infinity
        for (index, score) in scores.enumerated() where index != rootLabel && score > bestScore {
            best = index
            bestScore = score
        }
        return best
    }
}

/// How the parser searches for a sentence's parse: greedily, or with a small beam.
///
/// The beam scores a sequence of moves by the sum of the moves' log-probabilities, a softmax of the model's move
/// scores divided by `temperature`. The scores of an averaged perceptron have no scale of their own: a low
/// temperature makes the beam the greedy parse, a high one lets the raw scores of long runs of confident moves
/// outweigh the rest, and between the two the beam repairs some of the greedy parser's early mistakes. Tune the
/// temperature on development data for each trained model (`parley eval syntax DEV --beam 2 --temperature T`).
public struct ParserDecoding: Sendable, Hashable {
    /// How many move sequences are kept at each step; 1 is the greedy parse.
    public var beam: Int
    /// The divisor of the move scores in their softmax.
    public var temperature: Float

    /// Creates a decoding.
    public init(beam: Int, temperature: Float) {
        self.beam = max(1, beam)
        self.temperature = temperature
    }

    /// One move at a time, the best.
    public static let greedy = ParserDecoding(beam: 1, temperature: 1)
    /// The search chosen for the bundled parser: a beam of 2 at temperature 40, the best on EWT dev (UAS 85.77 →
    /// 85.94) of the temperatures that keep every parse of `DependencyParserTests` right.
    public static let bundled = ParserDecoding(beam: 2, temperature: 40)
}

/// One sentence as the parser sees it: hashed words and tags, position 0 being the root.
struct ParserSentence {
    let count: Int
    let words: [UInt64]
    let tags: [UInt64]
    let coarse: [UInt64]
    let suffixes: [UInt64]
    /// Running counts of punctuation and of verbs up to each position, for "between" features.
    let punctuationBefore: [Int]
    let verbsBefore: [Int]

    init(forms: [String], xpos: [String], upos: [String]) {
        count = forms.count
        var punctuation = [0]
        var verbs = [0]
        for (index, tag) in xpos.enumerated() {
            punctuation.append(punctuation[index] + (tag == "," || tag == ":" || upos[index] == "PUNCT" ? 1 : 0))
            verbs.append(verbs[index] + (upos[index] == "VERB" || upos[index] == "AUX" ? 1 : 0))
        }
        punctuationBefore = punctuation
        verbsBefore = verbs
        let lowered = forms.map { $0.lowercased() }
        words = [FeatureHash.of("<root>")] + lowered.map { FeatureHash.of(WordKeys.normalize($0)) }
        tags = [FeatureHash.of("<ROOT>")] + xpos.map { FeatureHash.of($0) }
        coarse = [FeatureHash.of("<ROOT>")] + upos.map { FeatureHash.of($0) }
        suffixes = [0] + lowered.map { FeatureHash.of(String($0.suffix(3))) }
    }
}

/// Pipeline stage: assigns heads and UD relations to every token.
public struct DependencyParser: PipelineStage {
    public let name = "parser"
    public let requires: Set<Annotation> = [.tokens, .sentences, .partOfSpeech]
    public let assigns: Set<Annotation> = [.dependencies]
    /// The trained model, shared.
    public let model: ParserModel
    /// How parses are searched for.
    public let decoding: ParserDecoding

    /// Creates the stage with the bundled model.
    /// - Parameter decoding: the search; the default is the one tuned for the bundled model.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bundled model cannot be loaded.
    public init(decoding: ParserDecoding = .bundled) throws {
        model = try ParserModel.bundled()
        self.decoding = decoding
    }

    /// Creates the stage with a given model.
    /// - Parameter decoding: the search; greedy unless told otherwise, as the beam's temperature is tuned per model.
    public init(model: ParserModel, decoding: ParserDecoding = .greedy) {
        self.model = model
        self.decoding = decoding
    }

    public func process(_ document: inout Document) throws {
        for sentence in document.sentences {
            let range = sentence.tokens.clamped(to: document.tokens.indices)
            guard !range.isEmpty else { continue }
            // Built from a slice that ends with this statement: a slice kept alive would make the writes
            // below copy every token of the document, once per sentence.
            let input = Self.input(document.tokens[range])
            let (heads, labels) = model.parse(input, decoding: decoding)
            for i in 1...input.count {
                let index = range.lowerBound + i - 1
                let head = heads[i]
                document.tokens[index].head = head > 0 ? range.lowerBound + head - 1 : nil
                let label = labels[i]
                document.tokens[index].relation = head == 0 ? "root" : (label >= 0 ? model.labels[label] : "dep")
            }
        }
    }

    /// The parser's view of one sentence's tokens.
    private static func input(_ tokens: ArraySlice<Token>) -> ParserSentence {
        ParserSentence(
            forms: tokens.map(\.form), xpos: tokens.map { $0.xpos ?? "_" }, upos: tokens.map { $0.upos ?? "_" })
    }
}
