/// Learns a ``TokenizerLexicon`` from gold-tokenized UD treebanks.
///
/// It counts abbreviations written with a period (and how often a sentence ends on them), hyphen
/// prefixes the treebank keeps inside words, contractions without an apostrophe that the treebank
/// splits into words ("gonna", "cannot"), and capitalized words that mostly start sentences.
public struct TokenizerTrainer: Sendable {
    /// What to learn from.
    public struct Configuration: Sendable {
        /// Documents whose `# newdoc id` starts with one of these are skipped (GUM's non-commercial genres).
        public var excludedDocumentPrefixes: [String] = ["GUM_whow_", "GUM_fiction_"]
        /// Least number of times an entry must be seen.
        public var minimumCount = 2
        /// Least number of sentence-initial uses for a sentence starter.
        public var minimumStarterCount = 8
        /// Least share of a capitalized word's uses that are sentence-initial for a sentence starter.
        public var starterShare = 0.75

        /// The defaults: skip GUM wikiHow and fiction, entries seen at least twice.
        public init() {}
    }

    /// What to learn from.
    public let configuration: Configuration

    /// Creates a trainer.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Learns a lexicon from CoNLL-U sentences.
    /// - Parameter sentences: gold sentences, in document order.
    public func train(_ sentences: [CoNLLU.Sentence]) -> TokenizerLexicon {
        var abbreviationCounts: [String: (total: Int, final: Int)] = [:]
        var prefixCounts: [String: (kept: Int, split: Int)] = [:]
        var multiwordCounts: [String: (multiword: Int, single: Int, lengths: [Int])] = [:]
        var singleCounts: [String: Int] = [:]
        var starterCounts: [String: (initial: Int, total: Int)] = [:]
        var lowercaseCounts: [String: Int] = [:]
        var skipping = false
        for sentence in sentences {
            if sentence.startsDocument {
                let id = sentence.comment("newdoc id") ?? ""
                skipping = configuration.excludedDocumentPrefixes.contains { id.hasPrefix($0) }
            }
            if skipping { continue }
            let surfaces = sentence.surfaceTokens
            var leading = 0
            while leading < surfaces.count && isOpening(surfaces[leading].form) { leading += 1 }
            for (position, surface) in surfaces.enumerated() {
                let form = surface.form
                let lowered = form.lowercased()
                // Abbreviations.
                if form.count >= 2, form.hasSuffix("."), form.count <= 10,
                    form.unicodeScalars.allSatisfy({ $0 == "." || $0.properties.isAlphabetic }),
                    form.unicodeScalars.contains(where: { $0.properties.isAlphabetic })
                {
                    var counts = abbreviationCounts[lowered] ?? (0, 0)
                    counts.total += 1
                    if position == surfaces.count - 1 { counts.final += 1 }
                    abbreviationCounts[lowered] = counts
                }
                // Hyphens kept inside a word.
                let parts = lowered.split(separator: "-", omittingEmptySubsequences: false)
                if parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }), let prefix = parts.first,
                    prefix.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
                {
                    prefixCounts[String(prefix), default: (0, 0)].kept += 1
                }
                // Hyphens split off: X - Y with no spaces.
                if position + 2 < surfaces.count, !surface.spaceAfter, surfaces[position + 1].form == "-",
                    !surfaces[position + 1].spaceAfter, !lowered.isEmpty,
                    lowered.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic })
                {
                    prefixCounts[lowered, default: (0, 0)].split += 1
                }
                // Contractions without an apostrophe.
                if surface.words.count > 1 {
                    let words = surface.words.map { sentence.words[$0 - 1].form }
                    if !lowered.unicodeScalars.contains(where: ScalarText.isApostrophe),
                        words.joined().lowercased() == lowered
                    {
                        var counts = multiwordCounts[lowered] ?? (0, 0, words.map { $0.unicodeScalars.count })
                        counts.multiword += 1
                        multiwordCounts[lowered] = counts
                    }
                } else {
                    singleCounts[lowered, default: 0] += 1
                }
                // Sentence starters.
                if form.unicodeScalars.first?.properties.isLowercase == true { lowercaseCounts[form, default: 0] += 1 }
                if let first = form.unicodeScalars.first, first.properties.isUppercase, form.count >= 2,
                    !form.unicodeScalars.dropFirst().contains(where: { $0.properties.isUppercase })
                {
                    var counts = starterCounts[lowered] ?? (0, 0)
                    counts.total += 1
                    if position == leading { counts.initial += 1 }
                    starterCounts[lowered] = counts
                }
            }
        }
        var lexicon = TokenizerLexicon()
        for (word, counts) in abbreviationCounts where counts.total >= configuration.minimumCount {
            // A word seen mostly sentence-final with a period is an ordinary word before a full stop
            // only when the treebank never keeps the period apart; UD keeps it inside abbreviations.
            lexicon.abbreviations[word] = Double(counts.final) / Double(counts.total)
        }
        for (prefix, counts) in prefixCounts
        where counts.kept >= configuration.minimumCount && counts.kept > counts.split {
            lexicon.hyphenPrefixes.insert(prefix)
        }
        for (word, counts) in multiwordCounts where counts.multiword >= configuration.minimumCount + 1 {
            if counts.multiword > 2 * singleCounts[word, default: 0] { lexicon.contractions[word] = counts.lengths }
        }
        for (word, counts) in starterCounts
        where counts.initial >= configuration.minimumStarterCount && lowercaseCounts[word, default: 0] >= 3 {
            if Double(counts.initial) >= configuration.starterShare * Double(counts.total) {
                lexicon.sentenceStarters.insert(word)
            }
        }
        return lexicon
    }

    private func isOpening(_ form: String) -> Bool {
        ["\"", "'", "(", "[", "\u{201C}", "\u{2018}", "`", "``"].contains(form)
    }
}
