import Foundation

/// The lemmatizer's data: words seen in the treebank, an English inflection lexicon and suffix rules.
///
/// A word is looked up, in order: by form and Penn tag among treebank words; for an inflected tag,
/// in the inflection lexicon (lemminflect, WordNet exceptions); then the longest learned suffix
/// rule for its tag applies; otherwise the lemma is the lower-cased form (the form for proper nouns).
public struct LemmaModel: Sendable {
    /// The model kind written in the file header.
    public static let kind = "LEMM"

    /// `lower-form \u{1} xpos` → lemma code (see ``decode(_:form:)``).
    let seen: [String: String]
    /// `lower-form \u{1} word class` → lemma.
    let lexicon: [String: String]
    /// `xpos \u{1} suffix` → `characters to strip \u{1} text to add`.
    let rules: [String: String]
    /// `lower-form \u{1} xpos` → UD features, and `\u{1} xpos` → the tag's most frequent features.
    let morphology: [String: String]
    static let longestSuffix = 6

    init(seen: [String: String], lexicon: [String: String], rules: [String: String], morphology: [String: String]) {
        self.seen = seen
        self.lexicon = lexicon
        self.rules = rules
        self.morphology = morphology
    }

    /// Loads a lemma model file.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the file is missing, truncated, corrupted
    ///   or of another format version.
    public init(contentsOf url: URL) throws {
        let payload = try ModelFile.read(url, kind: Self.kind)
        do {
            var reader = ByteReader(payload)
            func table() throws -> [String: String] {
                let keys = try reader.strings()
                let values = try reader.strings()
                guard keys.count == values.count else {
                    throw PipelineError(.invalidModel, "lemma model table is inconsistent")
                }
                return Dictionary(zip(keys, values), uniquingKeysWith: { a, _ in a })
            }
            let seen = try table()
            let lexicon = try table()
            let rules = try table()
            let morphology = try table()
            self.init(seen: seen, lexicon: lexicon, rules: rules, morphology: morphology)
        } catch var error as PipelineError {
            error.file = url.path
            throw error
        }
    }

    /// The model as file bytes (header included).
    public func serialized() -> [UInt8] {
        var writer = ByteWriter()
        for table in [seen, lexicon, rules, morphology] {
            let keys = table.keys.sorted()
            writer.strings(keys)
            writer.strings(keys.map { table[$0]! })
        }
        return ModelFile.wrap(writer.data, kind: Self.kind)
    }

    /// The model bundled with Parley, loaded once per process.
    public static func bundled() throws -> LemmaModel { try bundledResult.get() }

    private static let bundledResult: Result<LemmaModel, PipelineError> = {
        guard let url = ModelFile.bundled("lemmas") else {
            return .failure(PipelineError(.invalidModel, "the bundled lemma model (Models/lemmas.bin) is missing"))
        }
        do { return .success(try LemmaModel(contentsOf: url)) } catch let error as PipelineError {
            return .failure(error)
        } catch { return .failure(PipelineError(.invalidModel, "\(error)", file: url.path)) }
    }()

    /// The word class of an inflected Penn tag, for the lexicon; `nil` for base forms and closed classes.
    static func inflectedClass(_ xpos: String) -> String? {
        switch xpos {
        case "NNS": return "noun"
        case "VBD", "VBN", "VBG", "VBZ": return "verb"
        case "JJR", "JJS": return "adj"
        case "RBR", "RBS": return "adv"
        default: return nil
        }
    }

    /// Encodes a lemma relative to its form: `_` for the lower-cased form, `=` for the form itself
    /// (proper nouns, whose case varies), else the lemma.
    static func encode(_ lemma: String, form: String, xpos: String) -> String {
        if lemma == form.lowercased() { return "_" }
        if lemma == form && xpos.hasPrefix("NNP") { return "=" }
        return lemma
    }

    static func decode(_ code: String, form: String) -> String {
        switch code {
        case "=": return form
        case "_": return form.lowercased()
        default: return code
        }
    }

    /// The suffix rule turning `form` into `lemma` (lower case), as `strip \u{1} add`.
    static func rule(from form: String, to lemma: String) -> String {
        let f = Array(form)
        let l = Array(lemma)
        var common = 0
        while common < f.count && common < l.count && f[common] == l[common] { common += 1 }
        return "\(f.count - common)\u{1}\(String(l[common...]))"
    }

    static func apply(_ rule: String, to form: String) -> String? {
        let parts = rule.split(separator: "\u{1}", omittingEmptySubsequences: false)
        guard parts.count == 2, let strip = Int(parts[0]), strip < form.count else { return nil }
        return String(form.dropLast(strip)) + parts[1]
    }

    /// The lemma of a word.
    /// - Parameters:
    ///   - form: the word as written.
    ///   - upos: its universal tag.
    ///   - xpos: its Penn tag.
    public func lemma(_ form: String, upos: String?, xpos: String?) -> String {
        let xpos = xpos ?? ""
        let lower = form.lowercased()
        let proper = upos == "PROPN" || xpos.hasPrefix("NNP")
        if let code = seen[lower + "\u{1}" + xpos] {
            let lemma = Self.decode(code, form: form)
            return proper && code == "=" ? Self.capitalized(lemma) : lemma
        }
        if upos == "NUM" || upos == "PUNCT" || upos == "SYM" || xpos == "CD" { return form }
        if let wordClass = Self.inflectedClass(xpos), let lemma = lexicon[lower + "\u{1}" + wordClass] {
            return proper ? Self.capitalized(lemma) : lemma.lowercased()
        }
        let candidate = Array(lower)
        if candidate.count > 2 && (xpos == "NNPS" || Self.inflectedClass(xpos) != nil) {
            for length in stride(from: min(Self.longestSuffix, candidate.count - 1), through: 1, by: -1) {
                let suffix = String(candidate.suffix(length))
                if let rule = rules[xpos + "\u{1}" + suffix], let lemma = Self.apply(rule, to: proper ? form : lower) {
                    return lemma
                }
            }
        }
        if proper || upos == "X" || xpos == "ADD" || xpos == "GW" { return form }
        return lower
    }

    /// The UD features of a word (`Number=Plur`), from the treebank words with that tag, else the
    /// tag's most frequent features; `nil` when the word has none.
    public func features(_ form: String, xpos: String?) -> String? {
        let xpos = xpos ?? ""
        let value = morphology[form.lowercased() + "\u{1}" + xpos] ?? morphology["\u{1}" + xpos] ?? "_"
        return value == "_" ? nil : value
    }

    /// Proper-noun lemmas start with a capital letter in UD English.
    static func capitalized(_ text: String) -> String {
        guard let first = text.first, first.isLowercase else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

/// Pipeline stage: assigns a lemma (and, where not set, UD features) to every token from its form and tags.
public struct Lemmatizer: PipelineStage {
    public let name = "lemmatizer"
    public let requires: Set<Annotation> = [.tokens, .partOfSpeech]
    public let assigns: Set<Annotation> = [.lemmas]
    /// The lemma data, shared.
    public let model: LemmaModel

    /// Creates the stage with the bundled data.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bundled data cannot be loaded.
    public init() throws {
        model = try LemmaModel.bundled()
    }

    /// Creates the stage with given data.
    public init(model: LemmaModel) {
        self.model = model
    }

    public func process(_ document: inout Document) throws {
        for index in document.tokens.indices {
            let token = document.tokens[index]
            document.tokens[index].lemma = model.lemma(token.form, upos: token.upos, xpos: token.xpos)
            if document.tokens[index].features == nil {
                document.tokens[index].features = model.features(token.form, xpos: token.xpos)
            }
        }
    }
}
