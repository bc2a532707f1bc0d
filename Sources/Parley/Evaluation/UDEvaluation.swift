/// Scores a system's CoNLL-U against gold CoNLL-U with the CoNLL 2018 shared-task definitions.
///
/// Tokens, sentences and words are matched by their character spans in the text with whitespace
/// removed (so the two files must spell the same characters); words inside multiword tokens are
/// aligned by the longest common subsequence of their forms. UPOS, XPOS, UFeats, AllTags, Lemmas,
/// UAS and LAS are counted on aligned words: precision over the system's words, recall over the gold
/// words, and the accuracy over aligned words. CLAS, MLAS and BLEX count words with content relations only.
public enum UDEvaluation {
    /// One metric's counts and scores.
    public struct Score: Hashable, Sendable {
        /// Items in the gold file.
        public var gold: Int
        /// Items in the system file.
        public var system: Int
        /// Items counted correct.
        public var correct: Int
        /// Aligned words (for word-level metrics); `nil` for span metrics.
        public var aligned: Int?

        /// Creates a score from its counts.
        public init(gold: Int, system: Int, correct: Int, aligned: Int? = nil) {
            self.gold = gold
            self.system = system
            self.correct = correct
            self.aligned = aligned
        }

        /// Correct over system items.
        public var precision: Double { system > 0 ? Double(correct) / Double(system) : 0 }
        /// Correct over gold items.
        public var recall: Double { gold > 0 ? Double(correct) / Double(gold) : 0 }
        /// The harmonic mean of precision and recall.
        public var f1: Double { system + gold > 0 ? 2 * Double(correct) / Double(system + gold) : 0 }
        /// Correct over aligned words; `nil` for span metrics.
        public var alignedAccuracy: Double? {
            guard let aligned else { return nil }
            return aligned > 0 ? Double(correct) / Double(aligned) : 0
        }
    }

    /// The scores of one evaluation, in the order the CoNLL 2018 script prints them.
    public struct Report: Hashable, Sendable {
        /// Metric names and scores, in the order the CoNLL 2018 script prints them.
        public var metrics: [(name: String, score: Score)]

        /// The score of a metric by name ("Tokens", "Sentences", "Words", "UPOS", "XPOS", "UFeats",
        /// "AllTags", "Lemmas", "UAS", "LAS", "CLAS", "MLAS", "BLEX").
        public subscript(_ name: String) -> Score? {
            metrics.first { $0.name == name }?.score
        }

        public static func == (lhs: Report, rhs: Report) -> Bool {
            lhs.metrics.map(\.name) == rhs.metrics.map(\.name) && lhs.metrics.map(\.score) == rhs.metrics.map(\.score)
        }

        public func hash(into hasher: inout Hasher) {
            for (name, score) in metrics {
                hasher.combine(name)
                hasher.combine(score)
            }
        }

        /// A table like the CoNLL 2018 script's: Metric | Precision | Recall | F1 Score | AligndAcc.
        public var table: String {
            func percent(_ value: Double) -> String {
                let scaled = (value * 10000).rounded() / 100
                let text = String(scaled)
                let parts = text.split(separator: ".")
                let decimals = parts.count > 1 ? String(parts[1]) : "0"
                let padded =
                    decimals.count >= 2
                    ? String(decimals.prefix(2)) : decimals + String(repeating: "0", count: 2 - decimals.count)
                let number = "\(parts[0]).\(padded)"
                return String(repeating: " ", count: max(0, 9 - number.count)) + number
            }
            var lines = [
                "Metric     | Precision |    Recall |  F1 Score | AligndAcc",
                "-----------+-----------+-----------+-----------+-----------",
            ]
            for (name, score) in metrics {
                let label = name + String(repeating: " ", count: max(0, 11 - name.count))
                let aligned = score.alignedAccuracy.map(percent) ?? "         "
                lines.append(
                    "\(label)| \(percent(score.precision)) | \(percent(score.recall)) | \(percent(score.f1)) | \(aligned)"
                )
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    /// Scores system sentences against gold sentences.
    /// - Parameters:
    ///   - gold: the gold file's sentences.
    ///   - system: the system's sentences.
    /// - Throws: ``PipelineError/Code/invalidInput`` when the two files do not spell the same text.
    public static func evaluate(gold: [CoNLLU.Sentence], system: [CoNLLU.Sentence]) throws -> Report {
        let goldFile = LoadedFile(gold)
        let systemFile = LoadedFile(system)
        if goldFile.characters != systemFile.characters {
            var index = 0
            while index < min(goldFile.characters.count, systemFile.characters.count)
                && goldFile.characters[index] == systemFile.characters[index]
            {
                index += 1
            }
            func context(_ characters: [Unicode.Scalar]) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: characters[index..<min(characters.count, index + 20)])
                return String(view)
            }
            throw PipelineError(
                .invalidInput,
                "the concatenation of tokens in the gold file and in the system file differ at character \(index): "
                    + "gold '\(context(goldFile.characters))', system '\(context(systemFile.characters))'")
        }
        let alignment = align(goldFile.words, systemFile.words)
        var metrics: [(name: String, score: Score)] = []
        metrics.append(("Tokens", spanScore(goldFile.tokens, systemFile.tokens)))
        metrics.append(("Sentences", spanScore(goldFile.sentences, systemFile.sentences)))
        let goldCount = goldFile.words.count
        let systemCount = systemFile.words.count
        metrics.append(("Words", Score(gold: goldCount, system: systemCount, correct: alignment.count)))
        func score(contentOnly: Bool = false, _ matches: (Word, Word) -> Bool) -> Score {
            var correct = 0
            var aligned = 0
            for (goldIndex, systemIndex) in alignment {
                let goldWord = goldFile.words[goldIndex]
                if contentOnly && !goldWord.isContent { continue }
                aligned += 1
                if matches(goldWord, systemFile.words[systemIndex]) { correct += 1 }
            }
            if contentOnly {
                return Score(
                    gold: goldFile.words.filter(\.isContent).count, system: systemFile.words.filter(\.isContent).count,
                    correct: correct, aligned: aligned)
            }
            return Score(gold: goldCount, system: systemCount, correct: correct, aligned: aligned)
        }
        var goldOfSystem = [Int?](repeating: nil, count: systemCount)
        for (goldIndex, systemIndex) in alignment { goldOfSystem[systemIndex] = goldIndex }
        func headMatches(_ goldWord: Word, _ systemWord: Word) -> Bool {
            switch (goldWord.head, systemWord.head) {
            case (.root, .root): return true
            case (.word(let goldHead), .word(let systemHead)): return goldOfSystem[systemHead] == goldHead
            default: return false
            }
        }
        metrics.append(("UPOS", score { $0.upos == $1.upos }))
        metrics.append(("XPOS", score { $0.xpos == $1.xpos }))
        metrics.append(("UFeats", score { $0.features == $1.features }))
        metrics.append(("AllTags", score { $0.upos == $1.upos && $0.xpos == $1.xpos && $0.features == $1.features }))
        metrics.append(("Lemmas", score { $0.lemma == "_" || $0.lemma == $1.lemma }))
        metrics.append(("UAS", score { headMatches($0, $1) }))
        metrics.append(("LAS", score { headMatches($0, $1) && $0.relation == $1.relation }))
        func lemmaMatches(_ goldWord: Word, _ systemWord: Word) -> Bool {
            goldWord.lemma == "_" || goldWord.lemma == systemWord.lemma
        }
        // The functional children of two aligned words agree: same gold word, relation, UPOS and features.
        func childrenMatch(_ goldWord: Word, _ systemWord: Word) -> Bool {
            guard goldWord.functionalChildren.count == systemWord.functionalChildren.count else { return false }
            for (goldChild, systemChild) in zip(goldWord.functionalChildren, systemWord.functionalChildren) {
                let g = goldFile.words[goldChild]
                let s = systemFile.words[systemChild]
                guard goldOfSystem[systemChild] == goldChild, g.relation == s.relation, g.upos == s.upos,
                    g.features == s.features
                else { return false }
            }
            return true
        }
        metrics.append(("CLAS", score(contentOnly: true) { headMatches($0, $1) && $0.relation == $1.relation }))
        metrics.append(
            (
                "MLAS",
                score(contentOnly: true) {
                    headMatches($0, $1) && $0.relation == $1.relation && $0.upos == $1.upos
                        && $0.features == $1.features
                        && childrenMatch($0, $1)
                }
            ))
        metrics.append(
            (
                "BLEX",
                score(contentOnly: true) { headMatches($0, $1) && $0.relation == $1.relation && lemmaMatches($0, $1) }
            ))
        return Report(metrics: metrics)
    }

    // MARK: Loaded files

    struct Span: Hashable {
        var start: Int
        var end: Int
    }

    enum Head: Hashable {
        case root
        case word(Int)
        case unknown
    }

    struct Word {
        var span: Span
        var isMultiword: Bool
        var form: String
        var upos: String
        var xpos: String
        var features: String
        var lemma: String
        var head: Head
        var relation: String
        /// Indices of the children attached by a functional relation (aux, cop, mark, det, clf, case, cc).
        var functionalChildren: [Int] = []

        /// Whether the relation is a content relation (CLAS, MLAS and BLEX count only these words).
        var isContent: Bool { UDEvaluation.contentRelations.contains(relation) }
    }

    static let contentRelations: Set<String> = [
        "nsubj", "obj", "iobj", "csubj", "ccomp", "xcomp", "obl", "vocative", "expl", "dislocated", "advcl", "advmod",
        "discourse", "nmod", "appos", "nummod", "acl", "amod", "conj", "fixed", "flat", "compound", "list", "parataxis",
        "orphan", "goeswith", "reparandum", "root", "dep",
    ]
    static let functionalRelations: Set<String> = ["aux", "cop", "mark", "det", "clf", "case", "cc"]

    /// The universal features the CoNLL 2018 script scores (others are ignored).
    static let universalFeatures: Set<Substring> = [
        "PronType", "NumType", "Poss", "Reflex", "Foreign", "Abbr", "Gender", "Animacy", "Number", "Case", "Definite",
        "Degree", "VerbForm", "Mood", "Tense", "Aspect", "Voice", "Evident", "Polarity", "Person", "Polite",
    ]

    struct LoadedFile {
        var characters: [Unicode.Scalar] = []
        var tokens: [Span] = []
        var sentences: [Span] = []
        var words: [Word] = []

        init(_ sentences: [CoNLLU.Sentence]) {
            for sentence in sentences {
                let firstWord = words.count
                let sentenceStart = characters.count
                for surface in sentence.surfaceTokens {
                    let start = characters.count
                    for scalar in surface.form.unicodeScalars where scalar.properties.generalCategory != .spaceSeparator
                    {
                        characters.append(scalar)
                    }
                    let span = Span(start: start, end: characters.count)
                    tokens.append(span)
                    for id in surface.words {
                        let word = sentence.words[id - 1]
                        let head: Head
                        switch word.head {
                        case .none: head = .unknown
                        case .some(0): head = .root
                        case .some(let value): head = .word(firstWord + value - 1)
                        }
                        words.append(
                            Word(
                                span: span, isMultiword: surface.words.count > 1, form: word.form.lowercased(),
                                upos: word.upos ?? "_", xpos: word.xpos ?? "_",
                                features: LoadedFile.universal(word.features), lemma: word.lemma ?? "_", head: head,
                                relation: (word.relation ?? "_").split(separator: ":").first.map(String.init) ?? "_"))
                    }
                }
                for index in firstWord..<words.count
                where UDEvaluation.functionalRelations.contains(words[index].relation) {
                    if case .word(let parent) = words[index].head, parent < words.count {
                        words[parent].functionalChildren.append(index)
                    }
                }
                if characters.count > sentenceStart || !sentence.words.isEmpty {
                    self.sentences.append(Span(start: sentenceStart, end: characters.count))
                }
            }
        }

        static func universal(_ features: String?) -> String {
            guard let features, features != "_" else { return "_" }
            let kept = features.split(separator: "|").filter { feature in
                guard let equals = feature.firstIndex(of: "=") else { return false }
                return UDEvaluation.universalFeatures.contains(feature[..<equals])
            }
            return kept.isEmpty ? "_" : kept.sorted().joined(separator: "|")
        }
    }

    // MARK: Scoring

    static func spanScore(_ gold: [Span], _ system: [Span]) -> Score {
        var correct = 0
        var goldIndex = 0
        var systemIndex = 0
        while goldIndex < gold.count && systemIndex < system.count {
            let goldSpan = gold[goldIndex]
            let systemSpan = system[systemIndex]
            if goldSpan.start < systemSpan.start {
                goldIndex += 1
            } else if systemSpan.start < goldSpan.start {
                systemIndex += 1
            } else {
                if goldSpan.end == systemSpan.end { correct += 1 }
                goldIndex += 1
                systemIndex += 1
            }
        }
        return Score(gold: gold.count, system: system.count, correct: correct)
    }

    /// Aligns gold and system words; returns (gold index, system index) pairs.
    static func align(_ gold: [Word], _ system: [Word]) -> [(Int, Int)] {
        var pairs: [(Int, Int)] = []
        var goldIndex = 0
        var systemIndex = 0
        while goldIndex < gold.count && systemIndex < system.count {
            if gold[goldIndex].isMultiword || system[systemIndex].isMultiword {
                let region = multiwordRegion(gold, system, goldIndex, systemIndex)
                alignByForms(gold, system, region, into: &pairs)
                goldIndex = region.goldEnd
                systemIndex = region.systemEnd
            } else if gold[goldIndex].span == system[systemIndex].span {
                pairs.append((goldIndex, systemIndex))
                goldIndex += 1
                systemIndex += 1
            } else if gold[goldIndex].span.start <= system[systemIndex].span.start {
                goldIndex += 1
            } else {
                systemIndex += 1
            }
        }
        return pairs
    }

    struct Region {
        var goldStart: Int
        var systemStart: Int
        var goldEnd: Int
        var systemEnd: Int
    }

    /// The smallest stretch of words on both sides around a multiword token that ends at the same character.
    static func multiwordRegion(_ gold: [Word], _ system: [Word], _ goldIndex: Int, _ systemIndex: Int) -> Region {
        var goldIndex = goldIndex
        var systemIndex = systemIndex
        var end: Int
        if gold[goldIndex].isMultiword {
            end = gold[goldIndex].span.end
            if !system[systemIndex].isMultiword && system[systemIndex].span.start < gold[goldIndex].span.start {
                systemIndex += 1
            }
        } else {
            end = system[systemIndex].span.end
            if !gold[goldIndex].isMultiword && gold[goldIndex].span.start < system[systemIndex].span.start {
                goldIndex += 1
            }
        }
        let goldStart = goldIndex
        let systemStart = systemIndex
        func beyond(_ words: [Word], _ index: Int) -> Bool {
            guard index < words.count else { return true }
            return words[index].isMultiword ? words[index].span.start >= end : words[index].span.end > end
        }
        func extend(_ word: Word) {
            if word.isMultiword && word.span.end > end { end = word.span.end }
        }
        while !beyond(gold, goldIndex) || !beyond(system, systemIndex) {
            if goldIndex < gold.count
                && (systemIndex >= system.count || gold[goldIndex].span.start <= system[systemIndex].span.start)
            {
                extend(gold[goldIndex])
                goldIndex += 1
            } else {
                extend(system[systemIndex])
                systemIndex += 1
            }
        }
        return Region(goldStart: goldStart, systemStart: systemStart, goldEnd: goldIndex, systemEnd: systemIndex)
    }

    /// Aligns the words of a region by the longest common subsequence of their lower-cased forms.
    static func alignByForms(_ gold: [Word], _ system: [Word], _ region: Region, into pairs: inout [(Int, Int)]) {
        let goldCount = region.goldEnd - region.goldStart
        let systemCount = region.systemEnd - region.systemStart
        guard goldCount > 0 && systemCount > 0 else { return }
        var table = [[Int]](repeating: [Int](repeating: 0, count: systemCount + 1), count: goldCount + 1)
        for g in stride(from: goldCount - 1, through: 0, by: -1) {
            for s in stride(from: systemCount - 1, through: 0, by: -1) {
                var best = 0
                if gold[region.goldStart + g].form == system[region.systemStart + s].form {
                    best = 1 + table[g + 1][s + 1]
                }
                table[g][s] = max(best, table[g + 1][s], table[g][s + 1])
            }
        }
        var g = 0
        var s = 0
        while g < goldCount && s < systemCount {
            if gold[region.goldStart + g].form == system[region.systemStart + s].form {
                pairs.append((region.goldStart + g, region.systemStart + s))
                g += 1
                s += 1
            } else if table[g][s] == table[g + 1][s] {
                g += 1
            } else {
                s += 1
            }
        }
    }
}
