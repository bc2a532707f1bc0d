import Foundation

/// Broad classes of common nouns: whether a noun names a person, a group, a place or a time.
///
/// Built from WordNet 3.0 (the lexicographer file of a noun's most frequent sense, for nouns that occur in
/// WordNet's sense-tagged corpus) by `parley lexicon build-nouns`, shipped as `Resources/Lexicon/nouns.tsv`:
/// one `noun<TAB>class` line each, `#` comments. The participant finder uses it to tell a party to an event
/// ("the protesters", "the government", "a village") from the event's theme ("talks", "a ban", "aid").
public struct NounClasses: Sendable {
    /// What a noun names.
    public enum NounClass: String, Sendable, CaseIterable {
        /// "minister", "protester", "journalist".
        case person
        /// "government", "police", "army", "people".
        case group
        /// "village", "border", "province".
        case location
        /// "Friday", "month", "morning".
        case time
    }

    let classes: [String: NounClass]

    /// Creates a table from nouns (lower case) and their classes.
    /// - Parameter classes: the class of each noun.
    public init(_ classes: [String: NounClass]) {
        self.classes = classes
    }

    /// How many nouns the table knows.
    public var count: Int { classes.count }

    /// The class of a noun or its lemma, in any case; `nil` when the noun names something else or is unknown.
    /// - Parameter noun: a word form or lemma.
    public subscript(_ noun: String) -> NounClass? {
        classes[noun] ?? classes[noun.lowercased()]
    }

    /// Reads a table in the `noun<TAB>class` format.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the file name, for messages.
    /// - Throws: ``PipelineError`` `.invalidLexicon` naming the line of a malformed entry or invalid UTF-8.
    public static func read(_ data: Data, file: String) throws -> NounClasses {
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError(.invalidLexicon, "not valid UTF-8", file: file)
        }
        var classes: [String: NounClass] = [:]
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, !fields[0].contains(" ") else {
                throw PipelineError(
                    .invalidLexicon, "expected 'noun<TAB>class'", file: file, line: offset + 1, column: 1)
            }
            guard let nounClass = NounClass(rawValue: String(fields[1])) else {
                throw PipelineError(
                    .invalidLexicon,
                    "unknown noun class '\(fields[1])' (use \(NounClass.allCases.map(\.rawValue).joined(separator: ", ")))",
                    file: file, line: offset + 1, column: fields[0].count + 2)
            }
            let noun = fields[0].lowercased()
            if let earlier = classes[noun], earlier != nounClass {
                throw PipelineError(
                    .invalidLexicon, "'\(noun)' is listed as both \(earlier.rawValue) and \(nounClass.rawValue)",
                    file: file, line: offset + 1, column: 1)
            }
            classes[noun] = nounClass
        }
        return NounClasses(classes)
    }

    /// The bundled table (`Resources/Lexicon/nouns.tsv`).
    /// - Throws: ``PipelineError`` `.invalidModel` when the file is missing, or the reading errors.
    public static func bundled() throws -> NounClasses {
        guard let url = DefaultLexicon.directory?.appendingPathComponent("nouns.tsv"),
            let data = try? Data(contentsOf: url)
        else { throw PipelineError(.invalidModel, "the bundled noun classes are missing (nouns.tsv)") }
        return try read(data, file: "nouns.tsv")
    }

    /// Builds the table from WordNet's `index.noun` and `data.noun`: each one-word noun that occurs in the
    /// sense-tagged corpus gets the class of its most frequent sense when that sense is a person, group,
    /// location or time.
    /// - Parameter directory: WordNet's `dict` folder.
    /// - Throws: ``PipelineError`` `.io` when a file cannot be read, `.invalidLexicon` for a malformed line.
    public static func build(fromWordNet directory: URL) throws -> NounClasses {
        func lines(_ name: String) throws -> [Substring] {
            let url = directory.appendingPathComponent(name)
            guard let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8) else {
                throw PipelineError(.io, "cannot read the WordNet file", file: url.path)
            }
            return text.split(separator: "\n")
        }
        // Lexicographer files: 14 noun.group, 15 noun.location, 18 noun.person, 28 noun.time.
        let lexicographerClasses: [Int: NounClass] = [14: .group, 15: .location, 18: .person, 28: .time]
        var synsetClass: [Int: Int] = [:]
        for (number, line) in try lines("data.noun").enumerated() where !line.hasPrefix("  ") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count >= 2, let offset = Int(fields[0]), let file = Int(fields[1]) else {
                throw PipelineError(.invalidLexicon, "malformed synset line", file: "data.noun", line: number + 1)
            }
            synsetClass[offset] = file
        }
        var classes: [String: NounClass] = [:]
        for (number, line) in try lines("index.noun").enumerated() where !line.hasPrefix("  ") {
            // lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
            let fields = line.split(separator: " ")
            guard fields.count >= 6, let pointers = Int(fields[3]), fields.count > 6 + pointers,
                let tagged = Int(fields[5 + pointers]), let first = Int(fields[6 + pointers])
            else { throw PipelineError(.invalidLexicon, "malformed index line", file: "index.noun", line: number + 1) }
            let lemma = String(fields[0])
            guard tagged > 0, !lemma.contains("_"), let file = synsetClass[first],
                let nounClass = lexicographerClasses[file]
            else { continue }
            classes[lemma] = nounClass
        }
        return NounClasses(classes)
    }

    /// The table in the `noun<TAB>class` format, sorted, with a header naming its source.
    public func text() -> String {
        var text = """
            # Noun classes for Parley's participant finder: noun<TAB>person|group|location|time.
            # Built by `parley lexicon build-nouns` from WordNet 3.0 (Princeton University), licensed under the
            # WordNet 3.0 licence; see NOTICE. Each one-word noun of the sense-tagged corpus whose most
            # frequent sense is a person, group, location or time.

            """
        for (noun, nounClass) in classes.sorted(by: { $0.key < $1.key }) {
            text += "\(noun)\t\(nounClass.rawValue)\n"
        }
        return text
    }
}
