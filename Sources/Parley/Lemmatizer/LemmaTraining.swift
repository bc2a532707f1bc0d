import Foundation

extension LemmaModel {
    /// Builds the lemma data from treebank sentences and English lexicon files.
    /// - Parameters:
    ///   - train: gold training sentences (forms, tags and lemmas).
    ///   - lexiconDirectory: the folder holding `lemminflect/lemma_lu.csv`.
    ///   - wordnetDirectory: the folder holding WordNet's `verb.exc`, `noun.exc`, `adj.exc`, `adv.exc`.
    /// - Throws: ``PipelineError/Code/invalidLexicon`` when a lexicon file cannot be read.
    public static func build(train: [CoNLLU.Sentence], lexiconDirectory: URL, wordnetDirectory: URL) throws
        -> LemmaModel
    {
        func read(_ url: URL) throws -> String {
            guard let data = FileManager.default.contents(atPath: url.path),
                let text = String(data: data, encoding: .utf8)
            else { throw PipelineError(.invalidLexicon, "cannot read the lexicon file", file: url.path) }
            return text
        }
        var lexicon: [String: String] = [:]
        let lemmaTable = try read(lexiconDirectory.appendingPathComponent("lemminflect/lemma_lu.csv"))
        for line in lemmaTable.split(separator: "\n") {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 3, ["noun", "verb", "adj", "adv"].contains(fields[1]) else { continue }
            let form = fields[0].lowercased()
            guard let lemma = fields[2].split(separator: "/").first.map(String.init), lemma != form else { continue }
            let key = form + "\u{1}" + fields[1]
            if lexicon[key] == nil { lexicon[key] = lemma }
        }
        for (file, wordClass) in [("verb.exc", "verb"), ("noun.exc", "noun"), ("adj.exc", "adj"), ("adv.exc", "adv")] {
            let text = try read(wordnetDirectory.appendingPathComponent(file))
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count >= 2, !fields[0].contains("_") else { continue }
                let key = String(fields[0]) + "\u{1}" + wordClass
                if lexicon[key] == nil { lexicon[key] = String(fields[1]).replacingOccurrences(of: "_", with: " ") }
            }
        }
        var seenCounts: [String: [String: Int]] = [:]
        var ruleCounts: [String: [String: Int]] = [:]
        var featureCounts: [String: [String: Int]] = [:]
        for sentence in train {
            for word in sentence.words {
                guard let lemma = word.lemma, let xpos = word.xpos else { continue }
                let lower = word.form.lowercased()
                let features = word.features ?? "_"
                featureCounts[lower + "\u{1}" + xpos, default: [:]][features, default: 0] += 1
                featureCounts["\u{1}" + xpos, default: [:]][features, default: 0] += 1
                seenCounts[lower + "\u{1}" + xpos, default: [:]][
                    encode(lemma, form: word.form, xpos: xpos), default: 0] += 1
                let characters = Array(lower)
                guard characters.count > 2 else { continue }
                let rule = rule(from: lower, to: lemma.lowercased())
                for length in 1...min(longestSuffix, characters.count - 1) {
                    ruleCounts[xpos + "\u{1}" + String(characters.suffix(length)), default: [:]][rule, default: 0] += 1
                }
            }
        }
        func majority(_ counts: [String: Int]) -> (String, Int) {
            counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }.map { ($0.key, $0.value) }!
        }
        var seen: [String: String] = [:]
        for (key, counts) in seenCounts { seen[key] = majority(counts).0 }
        var rules: [String: String] = [:]
        for (key, counts) in ruleCounts {
            let (rule, count) = majority(counts)
            if count >= 2 { rules[key] = rule }
        }
        // Drop suffix rules that say the same as the next shorter suffix.
        for key in rules.keys.sorted() {
            let parts = key.split(separator: "\u{1}", omittingEmptySubsequences: false)
            guard parts.count == 2, parts[1].count > 1 else { continue }
            let shorter = parts[0] + "\u{1}" + parts[1].dropFirst()
            if rules[String(shorter)] == rules[key] { rules[key] = nil }
        }
        var morphology: [String: String] = [:]
        for (key, counts) in featureCounts { morphology[key] = majority(counts).0 }
        // Keep word entries only where they differ from their tag's default.
        for (key, value) in morphology where !key.hasPrefix("\u{1}") {
            let tag = key.split(separator: "\u{1}", omittingEmptySubsequences: false).last.map { "\u{1}" + $0 } ?? ""
            if morphology[tag] == value { morphology[key] = nil }
        }
        return LemmaModel(seen: seen, lexicon: lexicon, rules: rules, morphology: morphology)
    }

    /// Lemma accuracy (percent) on gold sentences, with the gold tags or a tagger's.
    public func accuracy(on sentences: [CoNLLU.Sentence], tagger: TaggerModel?) -> Double {
        var correct = 0
        var total = 0
        for sentence in sentences where !sentence.words.isEmpty {
            let tags = tagger?.tag(sentence.words.map(\.form))
            for (i, word) in sentence.words.enumerated() {
                let upos = tags.map { tagger!.upos[$0[i]] } ?? word.upos
                let xpos = tags.map { tagger!.xpos[$0[i]] } ?? word.xpos
                let predicted = lemma(word.form, upos: upos, xpos: xpos)
                if predicted == (word.lemma ?? "_") {
                    correct += 1
                } else if ProcessInfo.processInfo.environment["PARLEY_DEBUG_LEMMA"] != nil {
                    print("\(word.form)\t\(xpos ?? "")\t\(word.lemma ?? "_")\t\(predicted)")
                }
                total += 1
            }
        }
        return 100 * Double(correct) / Double(max(total, 1))
    }
}
