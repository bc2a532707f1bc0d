import Foundation

/// The word lists the tokenizer and sentence segmenter consult, learned from UD training data
/// (`parley train segmenter`) and merged with a small built-in list of titles and abbreviations.
///
/// All keys are lower-cased.
public struct TokenizerLexicon: Hashable, Sendable {
    /// Abbreviations written with a final period ("dr.", "u.s.", "etc."), with how often a sentence
    /// ended right after them in the training data (0...1).
    public var abbreviations: [String: Double]
    /// Abbreviations that never end a sentence: titles before a name ("gen.", "mr.", "lt.") and
    /// abbreviations that introduce something ("e.g.", "i.e.", "cf.").
    public var titles: Set<String>
    /// First parts of hyphenated words that are kept whole ("co" in "co-workers", "non", "pre").
    public var hyphenPrefixes: Set<String>
    /// Surface tokens that are several syntactic words without an apostrophe ("gonna" = "gon" + "na"),
    /// as the lengths in Unicode scalars of their words.
    public var contractions: [String: [Int]]
    /// Words that, capitalized after an abbreviation's period, usually start a new sentence ("the", "he").
    public var sentenceStarters: Set<String>

    /// Creates a lexicon.
    public init(
        abbreviations: [String: Double] = [:], titles: Set<String> = [], hyphenPrefixes: Set<String> = [],
        contractions: [String: [Int]] = [:], sentenceStarters: Set<String> = []
    ) {
        self.abbreviations = abbreviations
        self.titles = titles
        self.hyphenPrefixes = hyphenPrefixes
        self.contractions = contractions
        self.sentenceStarters = sentenceStarters
    }

    /// The built-in titles and abbreviations, used with or without a learned lexicon.
    public static let builtIn: TokenizerLexicon = {
        let titles = [
            "mr.", "mrs.", "ms.", "dr.", "prof.", "gen.", "lt.", "col.", "maj.", "capt.", "cpt.", "sgt.", "cpl.",
            "pvt.", "adm.", "brig.", "cmdr.", "cmdt.", "gov.", "sen.", "rep.", "rev.", "fr.", "hon.", "pres.",
            "amb.", "supt.", "insp.", "det.", "st.", "mt.", "ft.", "messrs.", "mme.", "mlle.", "sr.", "jr.",
            "no.", "nos.", "vol.", "pp.", "art.", "fig.", "ch.", "sec.", "vs.", "v.", "e.g.", "i.e.", "cf.", "viz.",
        ]
        let abbreviations = [
            "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
            "mon.", "tue.", "tues.", "wed.", "thu.", "thur.", "thurs.", "fri.", "sat.", "sun.",
            "u.s.", "u.n.", "u.k.", "e.u.", "u.s.a.", "d.c.", "a.m.", "p.m.", "e.g.", "i.e.", "etc.", "inc.",
            "corp.", "ltd.", "co.", "bros.", "cf.", "al.", "approx.", "dept.", "est.", "govt.", "intl.", "min.",
            "max.", "mln.", "bln.", "univ.", "ave.", "blvd.", "rd.", "sq.", "km.", "ca.", "c.", "jr.", "assn.",
            "assoc.", "natl.",
            // US states as news datelines write them (those that are also common words are left out).
            "ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "fla.", "ga.", "kan.", "kans.", "ky.", "md.",
            "mich.", "minn.", "mont.", "neb.", "nev.", "okla.", "pa.", "tenn.", "tex.", "va.", "vt.", "wis.", "wyo.",
        ]
        var lexicon = TokenizerLexicon()
        lexicon.titles = Set(titles)
        for abbreviation in abbreviations { lexicon.abbreviations[abbreviation] = 0 }
        for title in titles { lexicon.abbreviations[title] = 0 }
        lexicon.abbreviations["etc."] = 0.3
        lexicon.abbreviations["inc."] = 0.2
        lexicon.abbreviations["jr."] = 0.2
        return lexicon
    }()

    /// The lexicon bundled with Parley: the learned resource merged with ``builtIn``.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bundled resource is missing or malformed.
    public static func bundled() throws -> TokenizerLexicon {
        guard
            let url = Bundle.module.url(forResource: "tokenizer", withExtension: "tsv", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: "tokenizer", withExtension: "tsv")
        else {
            throw PipelineError(.invalidModel, "the bundled tokenizer lexicon (Resources/tokenizer.tsv) is missing")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw PipelineError(.invalidModel, "cannot read: \(error.localizedDescription)", file: url.path)
        }
        var lexicon = try TokenizerLexicon(parsing: text, file: url.path)
        lexicon.merge(builtIn)
        return lexicon
    }

    /// Reads a lexicon in the tab-separated format ``serialized`` writes.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name, for messages.
    /// - Throws: ``PipelineError/Code/invalidModel`` naming the file and line of a malformed entry.
    public init(parsing text: String, file: String = "-") throws {
        self.init()
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            func fail(_ message: String) -> PipelineError {
                PipelineError(.invalidModel, message, file: file, line: lineNumber)
            }
            guard fields.count >= 2, !fields[1].isEmpty else { throw fail("expected a kind and a word") }
            let word = fields[1]
            switch fields[0] {
            case "abbreviation":
                guard fields.count == 3, let ratio = Double(fields[2]), (0...1).contains(ratio) else {
                    throw fail("an abbreviation needs a sentence-end ratio between 0 and 1")
                }
                abbreviations[word] = ratio
            case "title":
                titles.insert(word)
            case "prefix":
                hyphenPrefixes.insert(word)
            case "contraction":
                guard fields.count == 3 else { throw fail("a contraction needs its word lengths") }
                let lengths = fields[2].split(separator: " ").compactMap { Int($0) }
                guard lengths.count >= 2, lengths.allSatisfy({ $0 > 0 }),
                    lengths.reduce(0, +) == word.unicodeScalars.count
                else {
                    throw fail("word lengths of '\(word)' must be positive and add up to its length")
                }
                contractions[word] = lengths
            case "starter":
                sentenceStarters.insert(word)
            default:
                throw fail("unknown entry kind '\(fields[0])'")
            }
        }
    }

    /// Adds the entries of another lexicon; entries already present are kept.
    public mutating func merge(_ other: TokenizerLexicon) {
        abbreviations.merge(other.abbreviations) { mine, _ in mine }
        titles.formUnion(other.titles)
        hyphenPrefixes.formUnion(other.hyphenPrefixes)
        contractions.merge(other.contractions) { mine, _ in mine }
        sentenceStarters.formUnion(other.sentenceStarters)
    }

    /// The lexicon as sorted tab-separated lines, the format ``init(parsing:file:)`` reads.
    public func serialized(header: String) -> String {
        var lines = header.split(separator: "\n").map { "# " + $0 }
        for (word, ratio) in abbreviations.sorted(by: { $0.key < $1.key }) {
            lines.append("abbreviation\t\(word)\t\(String(format: "%.2f", ratio))")
        }
        for word in titles.sorted() { lines.append("title\t\(word)") }
        for word in hyphenPrefixes.sorted() { lines.append("prefix\t\(word)") }
        for (word, lengths) in contractions.sorted(by: { $0.key < $1.key }) {
            lines.append("contraction\t\(word)\t\(lengths.map(String.init).joined(separator: " "))")
        }
        for word in sentenceStarters.sorted() { lines.append("starter\t\(word)") }
        return lines.joined(separator: "\n") + "\n"
    }
}
