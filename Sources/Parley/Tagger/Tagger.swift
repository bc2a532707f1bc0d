import Foundation

/// The part-of-speech tagger's trained model: UPOS and Penn Treebank tags predicted together.
///
/// A greedy left-to-right averaged perceptron over lexical features (word, affixes, shape, the
/// inflection classes a word has in an English lexicon) and the two previous tags. A two-pass model
/// tags each sentence twice: the second pass also sees the first pass's tags of the word, the word
/// before it and the two after it (trained on jack-knifed first-pass tags, so it learns how far to
/// trust them).
public struct TaggerModel: Sendable {
    /// The model kind written in the file header.
    public static let kind = "TAGR"
    /// The format version of one-pass model files.
    public static let onePassVersion: UInt32 = 2
    /// The format version of two-pass model files: the one-pass payload followed by the second pass's weights.
    public static let twoPassVersion: UInt32 = 3

    /// Class names: `UPOS` and `XPOS` joined by a tab.
    let classes: [String]
    let upos: [String]
    let xpos: [String]
    /// Inflection-class bits of lexicon words, by normalised-form hash.
    let lexicon: [UInt64: UInt16]
    /// Frequent unambiguous words and their class.
    let tagDictionary: [UInt64: UInt8]
    let weights: LinearModel
    /// The second pass's weights; `nil` for a one-pass model.
    let second: LinearModel?

    init(
        classes: [String], lexicon: [UInt64: UInt16], tagDictionary: [UInt64: UInt8], weights: LinearModel,
        second: LinearModel? = nil
    ) {
        self.classes = classes
        let parts = classes.map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        upos = parts.map { $0.first ?? "X" }
        xpos = parts.map { $0.count > 1 ? $0[1] : "" }
        self.lexicon = lexicon
        self.tagDictionary = tagDictionary
        self.weights = weights
        self.second = second
    }

    /// Whether the model tags in two passes.
    public var isTwoPass: Bool { second != nil }

    /// Loads a tagger model file.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the file is missing, truncated, corrupted
    ///   or of another format version.
    public init(contentsOf url: URL) throws {
        let (version, payload) = try ModelFile.read(
            url, kind: Self.kind, versions: [Self.onePassVersion, Self.twoPassVersion])
        do {
            try self.init(payload: payload, twoPass: version == Self.twoPassVersion)
        } catch var error as PipelineError {
            error.file = url.path
            throw error
        }
    }

    /// Reads a model from the bytes ``serialized()`` writes.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - file: the file's name, for messages.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bytes are not a valid tagger model of a
    ///   format version this build reads.
    public init(serialized bytes: [UInt8], file: String = "-") throws {
        let (version, payload) = try ModelFile.unwrap(
            bytes, kind: Self.kind, file: file, versions: [Self.onePassVersion, Self.twoPassVersion])
        do {
            try self.init(payload: payload, twoPass: version == Self.twoPassVersion)
        } catch var error as PipelineError {
            error.file = file
            throw error
        }
    }

    init(payload: ArraySlice<UInt8>, twoPass: Bool = false) throws {
        var reader = ByteReader(payload)
        let classes = try reader.strings()
        let lexiconCount = Int(try reader.u32())
        let lexiconKeys = try reader.array(lexiconCount, of: UInt64.self)
        let lexiconValues = try reader.array(lexiconCount, of: UInt16.self)
        let dictionaryCount = Int(try reader.u32())
        let dictionaryKeys = try reader.array(dictionaryCount, of: UInt64.self)
        let dictionaryValues = Array(try reader.bytes(dictionaryCount))
        let weights = try LinearModel.read(from: &reader)
        let second = twoPass ? try LinearModel.read(from: &reader) : nil
        guard weights.classCount == classes.count, second.map({ $0.classCount == classes.count }) ?? true,
            dictionaryValues.allSatisfy({ Int($0) < classes.count })
        else {
            throw PipelineError(.invalidModel, "tagger model class table is inconsistent")
        }
        self.init(
            classes: classes,
            lexicon: Dictionary(zip(lexiconKeys, lexiconValues), uniquingKeysWith: { a, _ in a }),
            tagDictionary: Dictionary(zip(dictionaryKeys, dictionaryValues), uniquingKeysWith: { a, _ in a }),
            weights: weights, second: second)
    }

    /// The model as file bytes (header included).
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        writer.strings(classes)
        let lexiconKeys = lexicon.keys.sorted()
        writer.u32(UInt32(lexiconKeys.count))
        for key in lexiconKeys { writer.u64(key) }
        for key in lexiconKeys { writer.u16(lexicon[key]!) }
        let dictionaryKeys = tagDictionary.keys.sorted()
        writer.u32(UInt32(dictionaryKeys.count))
        for key in dictionaryKeys { writer.u64(key) }
        for key in dictionaryKeys { writer.u8(tagDictionary[key]!) }
        weights.write(to: &writer)
        guard let second else { return ModelFile.wrap(writer.data, kind: Self.kind, version: Self.onePassVersion) }
        second.write(to: &writer)
        return ModelFile.wrap(writer.data, kind: Self.kind, version: Self.twoPassVersion)
    }

    /// The model bundled with Parley, loaded once per process.
    public static func bundled() throws -> TaggerModel { try bundledResult.get() }

    private static let bundledResult: Result<TaggerModel, PipelineError> = {
        guard let url = ModelFile.bundled("tagger") else {
            return .failure(PipelineError(.invalidModel, "the bundled tagger model (Models/tagger.bin) is missing"))
        }
        do { return .success(try TaggerModel(contentsOf: url)) } catch let error as PipelineError {
            return .failure(error)
        } catch { return .failure(PipelineError(.invalidModel, "\(error)", file: url.path)) }
    }()

    // MARK: Features

    enum Template: UInt64 {
        case bias = 1
        case word, form, suffix1, suffix2, suffix3, suffix4, prefix1, prefix3, shape, lexicon
        case previousTag, previous2Tag, previousTags, previousTagWord, previousWord, previousSuffix, previous2Word
        case nextWord, nextSuffix, next2Word, previousWordWord, wordNextWord, nextLexicon, previousLexicon
        case firstShape, previousTagSuffix, lexiconSuffix, hyphenTail, nextShape, next2Suffix, wordNextLexicon
        case previousTagNextWord
        // Second pass only: the first pass's tags.
        case firstTag, firstTagWord, nextFirstTag, next2FirstTag, nextFirstTags, previousTagNextFirstTag
        case wordNextFirstTag, suffixNextFirstTag, previousTagFirstTagNextFirstTag, previousFirstTag
    }

    struct Context {
        var keys: [WordKeys]
        var lexicon: [UInt64]
    }

    func context(for forms: [String]) -> Context {
        let keys = forms.map(WordKeys.init(text:))
        return Context(keys: keys, lexicon: keys.map { UInt64(lexicon[$0.word] ?? 0) })
    }

    @inline(__always)
    static func features(_ context: Context, at i: Int, previous: Int, previous2: Int, into features: inout [UInt64]) {
        typealias H = FeatureHash
        features.removeAll(keepingCapacity: true)
        let keys = context.keys
        let w = keys[i]
        let p1 = i > 0 ? keys[i - 1] : WordKeys.padding
        let p2 = i > 1 ? keys[i - 2] : WordKeys.padding
        let n1 = i + 1 < keys.count ? keys[i + 1] : WordKeys.padding
        let n2 = i + 2 < keys.count ? keys[i + 2] : WordKeys.padding
        let lex = context.lexicon[i]
        let nextLex = i + 1 < keys.count ? context.lexicon[i + 1] : 0xffff
        let previousLex = i > 0 ? context.lexicon[i - 1] : 0xffff
        let t1 = UInt64(previous + 2)
        let t2 = UInt64(previous2 + 2)
        features.append(H.key(Template.bias.rawValue, 0))
        features.append(H.key(Template.word.rawValue, w.word))
        features.append(H.key(Template.form.rawValue, w.form))
        features.append(H.key(Template.suffix1.rawValue, w.suffix1))
        features.append(H.key(Template.suffix2.rawValue, w.suffix2))
        features.append(H.key(Template.suffix3.rawValue, w.suffix3))
        features.append(H.key(Template.suffix4.rawValue, w.suffix4))
        features.append(H.key(Template.prefix1.rawValue, w.prefix1))
        features.append(H.key(Template.prefix3.rawValue, w.prefix3))
        features.append(H.key(Template.shape.rawValue, w.shape))
        features.append(H.key(Template.lexicon.rawValue, lex))
        features.append(H.key(Template.previousTag.rawValue, t1))
        features.append(H.key(Template.previous2Tag.rawValue, t2))
        features.append(H.key(Template.previousTags.rawValue, t1, t2))
        features.append(H.key(Template.previousTagWord.rawValue, t1, w.word))
        features.append(H.key(Template.previousWord.rawValue, p1.word))
        features.append(H.key(Template.previousSuffix.rawValue, p1.suffix3))
        features.append(H.key(Template.previous2Word.rawValue, p2.word))
        features.append(H.key(Template.nextWord.rawValue, n1.word))
        features.append(H.key(Template.nextSuffix.rawValue, n1.suffix3))
        features.append(H.key(Template.next2Word.rawValue, n2.word))
        features.append(H.key(Template.previousWordWord.rawValue, p1.word, w.word))
        features.append(H.key(Template.wordNextWord.rawValue, w.word, n1.word))
        features.append(H.key(Template.nextLexicon.rawValue, nextLex))
        features.append(H.key(Template.previousLexicon.rawValue, previousLex))
        features.append(H.key(Template.firstShape.rawValue, i == 0 ? 1 : 0, w.shape))
        features.append(H.key(Template.previousTagSuffix.rawValue, t1, w.suffix3))
        features.append(H.key(Template.lexiconSuffix.rawValue, lex, w.suffix2))
        features.append(H.key(Template.hyphenTail.rawValue, w.hyphenTail))
        features.append(H.key(Template.nextShape.rawValue, n1.shape))
        features.append(H.key(Template.next2Suffix.rawValue, n2.suffix3))
        features.append(H.key(Template.wordNextLexicon.rawValue, w.word, nextLex))
        features.append(H.key(Template.previousTagNextWord.rawValue, t1, n1.word))
    }

    /// The second pass's features: the first pass's, then the first pass's tags around the word.
    /// - Parameter first: the first pass's class of every word of the sentence.
    @inline(__always)
    static func secondFeatures(
        _ context: Context, at i: Int, previous: Int, previous2: Int, first: [Int], into features: inout [UInt64]
    ) {
        typealias H = FeatureHash
        Self.features(context, at: i, previous: previous, previous2: previous2, into: &features)
        let w = context.keys[i]
        let t1 = UInt64(previous + 2)
        let f0 = UInt64(first[i] + 2)
        let fp1 = i > 0 ? UInt64(first[i - 1] + 2) : 1
        let fn1 = i + 1 < first.count ? UInt64(first[i + 1] + 2) : 0
        let fn2 = i + 2 < first.count ? UInt64(first[i + 2] + 2) : 0
        features.append(H.key(Template.firstTag.rawValue, f0))
        features.append(H.key(Template.firstTagWord.rawValue, f0, w.word))
        features.append(H.key(Template.nextFirstTag.rawValue, fn1))
        features.append(H.key(Template.next2FirstTag.rawValue, fn2))
        features.append(H.key(Template.nextFirstTags.rawValue, fn1, fn2))
        features.append(H.key(Template.previousTagNextFirstTag.rawValue, t1, fn1))
        features.append(H.key(Template.wordNextFirstTag.rawValue, w.word, fn1))
        features.append(H.key(Template.suffixNextFirstTag.rawValue, w.suffix3, fn1))
        features.append(H.key(Template.previousTagFirstTagNextFirstTag.rawValue, t1, f0, fn1))
        features.append(H.key(Template.previousFirstTag.rawValue, fp1, f0))
    }

    /// Tags one sentence.
    /// - Parameter forms: the sentence's words.
    /// - Returns: the UPOS and Penn tag of each word.
    public func tags(for forms: [String]) -> [(upos: String, xpos: String)] {
        tag(forms).map { (upos[$0], xpos[$0]) }
    }

    /// Tags one sentence; returns class indices.
    func tag(_ forms: [String]) -> [Int] {
        let context = context(for: forms)
        let first = firstPass(context)
        guard let second else { return first }
        // The second pass keeps the tag of a word the tag dictionary knows, as the first pass gave it.
        return greedy(
            context, model: second, capacity: 48,
            known: { tagDictionary[context.keys[$0].word] != nil ? first[$0] : nil }
        ) {
            Self.secondFeatures(context, at: $0, previous: $1, previous2: $2, first: first, into: &$3)
        }
    }

    /// The first pass's class indices (the only pass of a one-pass model).
    func firstPass(_ context: Context) -> [Int] {
        greedy(context, model: weights, capacity: 40, known: { tagDictionary[context.keys[$0].word].map(Int.init) }) {
            Self.features(context, at: $0, previous: $1, previous2: $2, into: &$3)
        }
    }

    /// Tags left to right, each word from the two tags before it: a word's `known` class if it has one, else the
    /// model's best class for the features `extract` writes for (word, previous tag, the tag before that).
    @inline(__always)
    func greedy(
        _ context: Context, model: LinearModel, capacity: Int, known: (Int) -> Int?,
        extract: (Int, Int, Int, inout [UInt64]) -> Void
    ) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(context.keys.count)
        var features: [UInt64] = []
        features.reserveCapacity(capacity)
        var scores = [Float](repeating: 0, count: classes.count)
        var previous = -1
        var previous2 = -2
        for i in context.keys.indices {
            let guess: Int
            if let tag = known(i) {
                guess = tag
            } else {
                extract(i, previous, previous2, &features)
                model.score(features, into: &scores)
                guess = Self.argmax(scores)
            }
            result.append(guess)
            previous2 = previous
            previous = guess
        }
        return result
    }

    @inline(__always)
    static func argmax(_ scores: [Float]) -> Int {
        var best = 0
        var bestScore = -Float.infinity
        for (i, score) in scores.enumerated() where score > bestScore {
            best = i
            bestScore = score
        }
        return best
    }
}

/// Pipeline stage: assigns UPOS and Penn Treebank tags to every token.
public struct Tagger: PipelineStage {
    public let name = "tagger"
    public let requires: Set<Annotation> = [.tokens, .sentences]
    public let assigns: Set<Annotation> = [.partOfSpeech]
    /// The trained model, shared.
    public let model: TaggerModel

    /// Creates the stage with the bundled model.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bundled model cannot be loaded.
    public init() throws {
        model = try TaggerModel.bundled()
    }

    /// Creates the stage with a given model.
    public init(model: TaggerModel) {
        self.model = model
    }

    public func process(_ document: inout Document) throws {
        for sentence in document.sentences {
            let range = sentence.tokens.clamped(to: document.tokens.indices)
            guard !range.isEmpty else { continue }
            let tags = model.tag(range.map { document.tokens[$0].form })
            for (offset, tag) in tags.enumerated() {
                document.tokens[range.lowerBound + offset].upos = model.upos[tag]
                document.tokens[range.lowerBound + offset].xpos = model.xpos[tag]
            }
        }
    }
}
