import Foundation

/// Parley's verb-pattern lexicon: verb and noun triggers, the patterns that refine their codes, word
/// sets and transformations. The text format is documented in `docs/verb-patterns.md`.
public struct VerbLexicon: Hashable, Sendable {
    /// The codes a trigger or pattern gives: the event from source to target and, optionally, the paired
    /// event from target back to source (PETRARCH's `[043:042]`: X hosts Y → X→Y 043 and Y→X 042).
    public struct CodePair: Hashable, Sendable, CustomStringConvertible {
        /// Code of the source → target event; `nil` means none.
        public var forward: String?
        /// Code of the paired target → source event, when there is one.
        public var reverse: String?

        public init(forward: String?, reverse: String? = nil) {
            self.forward = forward
            self.reverse = reverse
        }

        /// Whether the pair gives no event at all (`---`).
        public var isEmpty: Bool { forward == nil && reverse == nil }

        /// Parses `043`, `043:042`, `:173` or `-`/`---` (no event).
        public init?(parsing text: some StringProtocol) {
            let text = text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            if text == "-" || text == "---" {
                self.init(forward: nil)
                return
            }
            let parts = text.split(separator: ":", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters(in: .whitespaces)
            }
            guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } })
            else { return nil }
            let forward = parts[0].isEmpty || parts[0] == "---" ? nil : parts[0]
            let reverse = parts.count == 2 && !parts[1].isEmpty && parts[1] != "---" ? parts[1] : nil
            self.init(forward: forward, reverse: reverse)
        }

        public var description: String {
            switch (forward, reverse) {
            case (nil, nil): return "-"
            case (let a?, nil): return a
            case (nil, let p?): return ":\(p)"
            case (let a?, let p?): return "\(a):\(p)"
            }
        }
    }

    /// One element of a pattern.
    public indirect enum Element: Hashable, Sendable, CustomStringConvertible {
        /// A word: matched against a token's lemma or form, case-insensitively; `exact` (written with a
        /// trailing `_`) matches the form only, without inflection.
        case word(String, exact: Bool)
        /// Any member of a named word set (`&CEASEFIRE`).
        case set(String)
        /// Words that must be adjacent (`{peace plan}`).
        case phrase([Element])
        /// A prepositional phrase: the preposition and words of its object (`(to &ceasefire)`).
        case prepositional(String, [Element])
        /// The source actor (`$`).
        case source
        /// The target actor (`+`).
        case target
        /// A compound (coordinated) actor (`%`).
        case compound
        /// Any one word (`^`).
        case skip

        public var description: String {
            switch self {
            case .word(let w, let exact): return exact ? w.lowercased() + "_" : w.lowercased()
            case .set(let name): return "&" + name.lowercased()
            case .phrase(let elements): return "{" + elements.map(\.description).joined(separator: " ") + "}"
            case .prepositional(let prep, let elements):
                return "(" + ([prep.lowercased()] + elements.map(\.description)).joined(separator: " ") + ")"
            case .source: return "$"
            case .target: return "+"
            case .compound: return "%"
            case .skip: return "^"
            }
        }

        /// How many words the element asks for: patterns that ask for more win.
        var weight: Int {
            switch self {
            case .word, .set: return 2
            case .phrase(let elements): return elements.reduce(0) { $0 + $1.weight } + 1
            case .prepositional(_, let elements): return elements.reduce(2) { $0 + $1.weight }
            case .source, .target, .compound: return 1
            case .skip: return 0
            }
        }
    }

    /// A pattern in a trigger block: words before (`pre`) and after (`post`) the trigger.
    public struct Pattern: Hashable, Sendable {
        /// Stable id (`AGREE.7`), given in the file.
        public var id: String
        public var pre: [Element]
        public var post: [Element]
        public var code: CodePair
        /// A PLOVER coding that overrides the crosswalk for this pattern.
        public var plover: PloverCoding?
        /// Where the pattern is written, `file:line`.
        public var origin: String

        public init(
            id: String, pre: [Element], post: [Element], code: CodePair, plover: PloverCoding? = nil,
            origin: String = ""
        ) {
            self.id = id
            self.pre = pre
            self.post = post
            self.code = code
            self.plover = plover
            self.origin = origin
        }

        var weight: Int { (pre + post).reduce(0) { $0 + $1.weight } }
    }

    /// A trigger word of a block: a lemma (or multiword lemma) with its irregular forms.
    public struct Word: Hashable, Sendable {
        /// Uppercased words of the lemma (`["ASK", "FOR"]`).
        public var lemma: [String]
        /// Irregular inflected forms, each as words.
        public var forms: [[String]]
        /// A code for this word that overrides the block default.
        public var code: CodePair?

        public init(lemma: [String], forms: [[String]] = [], code: CodePair? = nil) {
            self.lemma = lemma
            self.forms = forms
            self.code = code
        }
    }

    /// What kind of word triggers a block.
    public enum TriggerKind: String, Hashable, Sendable {
        case verb, noun
    }

    /// A block: trigger words that share a default code and patterns.
    public struct Block: Hashable, Sendable {
        public var name: String
        public var kind: TriggerKind
        /// Code when no pattern matches; `nil` active code means none.
        public var code: CodePair
        public var words: [Word]
        public var patterns: [Pattern]
        public var origin: String

        public init(
            name: String, kind: TriggerKind, code: CodePair, words: [Word] = [], patterns: [Pattern] = [],
            origin: String = ""
        ) {
            self.name = name
            self.kind = kind
            self.code = code
            self.words = words
            self.patterns = patterns
            self.origin = origin
        }
    }

    /// A transformation of a reported event: `a (a b ATTACK) SAY => a b 015` — when `a` says that
    /// `a` did an ATTACK-block event to `b`, code `a → b 015` instead.
    public struct Transformation: Hashable, Sendable {
        public var id: String
        /// Variable for the outer (reporting) verb's source.
        public var outerSource: String
        /// Variables for the inner event's source and target (`_` any, `.` none).
        public var innerSource: String
        public var innerTarget: String
        /// Block name of the inner event's trigger, or `Q` for any.
        public var innerBlock: String
        /// Block name of the outer verb.
        public var outerBlock: String
        public var resultSource: String
        public var resultTarget: String
        /// The resulting code, or `Q` for the inner event's code.
        public var resultCode: String
        public var origin: String
    }

    /// Named word sets; each member is a list of uppercased words (`CEASE FIRE`).
    public var sets: [String: [[Element]]]
    public var blocks: [Block]
    public var transformations: [Transformation]
    /// Non-fatal problems met while reading (unknown set names, odd lines).
    public var warnings: [Diagnostic]

    /// Creates a lexicon.
    public init(
        sets: [String: [[Element]]] = [:], blocks: [Block] = [], transformations: [Transformation] = [],
        warnings: [Diagnostic] = []
    ) {
        self.sets = sets
        self.blocks = blocks
        self.transformations = transformations
        self.warnings = warnings
    }

    /// The lexicon shipped with Parley: Parley's curated `Resources/Events/verbs.txt` followed by
    /// `cameo-verbs.txt`, imported from PETRARCH-2's `CAMEO.2.0.txt`.
    /// - Throws: ``PipelineError`` when a bundled file is missing or malformed.
    public static func bundled() throws -> VerbLexicon {
        var lexicon = VerbLexicon()
        for name in ["verbs", "cameo-verbs"] {
            guard let url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources/Events")
            else {
                throw PipelineError(.invalidModel, "the bundled verb lexicon Resources/Events/\(name).txt is missing")
            }
            lexicon.append(try load(contentsOf: url))
        }
        return lexicon
    }

    /// Adds another lexicon's sets, blocks and transformations after this one's.
    public mutating func append(_ other: VerbLexicon) {
        for (name, members) in other.sets { sets[name, default: []] += members }
        blocks += other.blocks
        transformations += other.transformations
        warnings += other.warnings
    }

    /// Reads a lexicon file in Parley's format.
    /// - Throws: ``PipelineError`` naming the file and line of the first malformed line.
    public static func load(contentsOf url: URL) throws -> VerbLexicon {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PipelineError(.io, "cannot read: \(error.localizedDescription)", file: url.path, underlying: error)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError(.invalidLexicon, "not valid UTF-8", file: url.path)
        }
        return try parse(text, file: url.lastPathComponent)
    }
}

// MARK: - Reading Parley's format

extension VerbLexicon {
    /// Parses a lexicon in Parley's text format.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name, for messages and pattern origins.
    /// - Throws: ``PipelineError/Code/invalidLexicon`` with file, line and column of the first error.
    public static func parse(_ text: String, file: String = "verbs.txt") throws -> VerbLexicon {
        var lexicon = VerbLexicon()
        var current: Block?
        var ids: [String: Int] = [:]
        var lineNumber = 0
        func fail(_ message: String, column: Int = 1) -> PipelineError {
            PipelineError(.invalidLexicon, message, file: file, line: lineNumber, column: column)
        }
        func finishBlock() {
            if let block = current { lexicon.blocks.append(block) }
            current = nil
        }
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.last == "\r" { line = line.dropLast() }
            if let control = line.unicodeScalars.firstIndex(where: { $0.value < 32 && $0 != "\t" }) {
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: control) + 1
                throw fail(
                    "control character U+\(String(line.unicodeScalars[control].value, radix: 16, uppercase: true))",
                    column: column)
            }
            if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let (keyword, rest) = splitKeyword(trimmed)
            switch keyword {
            case "set":
                guard let equals = rest.firstIndex(of: "=") else { throw fail("expected 'set NAME = member | member'") }
                var name = rest[..<equals].trimmingCharacters(in: .whitespaces).uppercased()
                if name.hasPrefix("&") { name.removeFirst() }
                guard !name.isEmpty else { throw fail("a set needs a name") }
                let members = try rest[rest.index(after: equals)...].split(separator: "|").map {
                    try parseElements(String($0), line: lineNumber, file: file)
                }.filter { !$0.isEmpty }
                lexicon.sets[name, default: []] += members
            case "verb", "noun":
                finishBlock()
                let parts = rest.components(separatedBy: "=>")
                let name = parts[0].trimmingCharacters(in: .whitespaces).uppercased()
                guard !name.isEmpty, !name.contains(" ") else { throw fail("expected '\(keyword) NAME => CODE'") }
                let code = parts.count > 1 ? CodePair(parsing: parts[1]) : CodePair(forward: nil)
                guard let code else { throw fail("bad code '\(parts[1].trimmingCharacters(in: .whitespaces))'") }
                current = Block(
                    name: name, kind: keyword == "verb" ? .verb : .noun, code: code, origin: "\(file):\(lineNumber)")
            case "word":
                guard current != nil else { throw fail("'word' outside a verb or noun block") }
                let parts = rest.components(separatedBy: "=>")
                var head = parts[0].trimmingCharacters(in: .whitespaces)
                var forms: [[String]] = []
                if let open = head.firstIndex(of: "(") {
                    guard let close = head.lastIndex(of: ")"), close > open else { throw fail("unclosed '(' in forms") }
                    forms = head[head.index(after: open)..<close].split(separator: " ").map { splitWord(String($0)) }
                    head = head[..<open].trimmingCharacters(in: .whitespaces)
                }
                guard !head.isEmpty, !head.contains(" ") else { throw fail("expected 'word LEMMA (FORMS) => CODE'") }
                var code: CodePair?
                if parts.count > 1 {
                    guard let parsed = CodePair(parsing: parts[1]) else { throw fail("bad code in word line") }
                    code = parsed
                }
                current!.words.append(Word(lemma: splitWord(head), forms: forms, code: code))
            case "pattern":
                guard current != nil else { throw fail("'pattern' outside a verb or noun block") }
                guard let colon = rest.firstIndex(of: ":") else {
                    throw fail("expected 'pattern ID: PRE * POST => CODE'")
                }
                let id = rest[..<colon].trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty, !id.contains(" ") else { throw fail("a pattern needs an id") }
                if let previous = ids[id] { throw fail("pattern id '\(id)' already used on line \(previous)") }
                ids[id] = lineNumber
                let body = rest[rest.index(after: colon)...]
                let parts = body.components(separatedBy: "=>")
                guard parts.count == 2 else { throw fail("expected '=> CODE' after the pattern") }
                let elements = parts[0]
                guard let star = elements.firstIndex(of: "*") else { throw fail("a pattern needs '*' for the trigger") }
                let pre = try parseElements(String(elements[..<star]), line: lineNumber, file: file)
                let post = try parseElements(
                    String(elements[elements.index(after: star)...]), line: lineNumber, file: file)
                var codeText = parts[1].trimmingCharacters(in: .whitespaces)
                var plover: PloverCoding?
                if let range = codeText.range(of: " plover ") {
                    let spec = codeText[range.upperBound...].split(separator: " ")
                    codeText = String(codeText[..<range.lowerBound])
                    if let first = spec.first {
                        let eventMode = first.split(separator: "/", maxSplits: 1)
                        plover = PloverCoding(
                            event: String(eventMode[0]).uppercased(),
                            mode: eventMode.count > 1 ? String(eventMode[1]) : nil,
                            context: spec.dropFirst().flatMap { $0.split(separator: ",").map(String.init) })
                    }
                }
                guard let code = CodePair(parsing: codeText) else { throw fail("bad code '\(codeText)'") }
                current!.patterns.append(
                    Pattern(id: id, pre: pre, post: post, code: code, plover: plover, origin: "\(file):\(lineNumber)"))
            case "transform":
                finishBlock()
                guard let colon = rest.firstIndex(of: ":") else { throw fail("expected 'transform ID: …'") }
                let id = rest[..<colon].trimmingCharacters(in: .whitespaces)
                let body = String(rest[rest.index(after: colon)...])
                guard let transformation = parseTransformation(body, id: id, origin: "\(file):\(lineNumber)") else {
                    throw fail("expected 'a (a b BLOCK) OUTER => a b CODE'")
                }
                lexicon.transformations.append(transformation)
            default:
                throw fail("unknown keyword '\(keyword)' (set, verb, noun, word, pattern, transform)")
            }
        }
        finishBlock()
        // Check set references.
        for block in lexicon.blocks {
            for pattern in block.patterns {
                for name in (pattern.pre + pattern.post).flatMap(\.setNames) where lexicon.sets[name] == nil {
                    lexicon.warnings.append(
                        Diagnostic(
                            file: file, message: "\(pattern.origin): pattern \(pattern.id) uses unknown set &\(name)"))
                }
            }
        }
        return lexicon
    }

    static func splitKeyword(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(where: { $0 == " " || $0 == "\t" }) else { return (text.lowercased(), "") }
        return (text[..<space].lowercased(), text[space...].trimmingCharacters(in: .whitespaces))
    }

    /// `ask_for` → `["ASK", "FOR"]`; a trailing `_` (exact form) is kept on the last word.
    static func splitWord(_ text: String) -> [String] {
        var text = text.uppercased()
        var exact = false
        if text.hasSuffix("_") && text.count > 1 {
            exact = true
            text.removeLast()
        }
        var words = text.split(separator: "_").map(String.init)
        if exact, !words.isEmpty { words[words.count - 1] += "_" }
        return words
    }

    static func parseTransformation(_ body: String, id: String, origin: String) -> Transformation? {
        // a (a b ATTACK) SAY => a b 015   (PETRARCH writes '=' instead of '=>')
        let normalized = body.replacingOccurrences(of: "=>", with: "=")
        let sides = normalized.split(separator: "=", maxSplits: 1)
        guard sides.count == 2 else { return nil }
        let left = sides[0].replacingOccurrences(of: "(", with: " ( ").replacingOccurrences(of: ")", with: " ) ")
            .split(separator: " ").map(String.init)
        let right = sides[1].split(separator: " ").map(String.init)
        guard left.count == 7, left[1] == "(", left[5] == ")", right.count == 3 else { return nil }
        return Transformation(
            id: id, outerSource: left[0], innerSource: left[2], innerTarget: left[3], innerBlock: left[4].uppercased(),
            outerBlock: left[6].uppercased(), resultSource: right[0], resultTarget: right[1], resultCode: right[2],
            origin: origin)
    }

    /// Parses pattern elements: words, `&SET`, `{a b}`, `(prep a b)`, `$`, `+`, `%`, `^`.
    static func parseElements(_ text: String, line: Int, file: String) throws -> [Element] {
        var tokens: [String] = []
        var current = ""
        for character in text {
            if "{}()".contains(character) {
                if !current.isEmpty { tokens.append(current) }
                tokens.append(String(character))
                current = ""
            } else if character == " " || character == "\t" || character == "," {
                if !current.isEmpty { tokens.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { tokens.append(current) }
        var index = 0
        func fail(_ message: String) -> PipelineError {
            PipelineError(.invalidLexicon, message, file: file, line: line)
        }
        // Groups nest a level or two in real dictionaries; a deeper pile is garbage and would exhaust the stack.
        let maximumDepth = 16
        func parseSequence(until closer: String?, depth: Int = 0) throws -> [Element] {
            guard depth <= maximumDepth else { throw fail("groups nested more than \(maximumDepth) deep") }
            var elements: [Element] = []
            while index < tokens.count {
                let token = tokens[index]
                index += 1
                switch token {
                case "{":
                    let inner = try parseSequence(until: "}", depth: depth + 1)
                    if !inner.isEmpty { elements.append(.phrase(inner)) }
                case "(":
                    var inner = try parseSequence(until: ")", depth: depth + 1)
                    guard !inner.isEmpty else { continue }
                    if case .word(let prep, _) = inner.removeFirst() {
                        elements.append(.prepositional(prep, inner))
                    } else {
                        throw fail("a '(' group must start with a preposition")
                    }
                case "}", ")":
                    guard token == closer else { throw fail("unexpected '\(token)'") }
                    return elements
                case "$": elements.append(.source)
                case "+": elements.append(.target)
                case "%": elements.append(.compound)
                case "^": elements.append(.skip)
                default:
                    if token.hasPrefix("&") {
                        var name = String(token.dropFirst()).uppercased()
                        // PETRARCH writes a set's name with or without a trailing '_' ("&PREPOSIT1_").
                        while name.hasSuffix("_") { name.removeLast() }
                        guard !name.isEmpty else { throw fail("'&' without a set name") }
                        elements.append(.set(name))
                    } else {
                        // A word that ends in '_' is matched exactly; inner '_' joins words of a phrase.
                        let words = splitWord(token)
                        let parsed = words.map { word -> Element in
                            word.hasSuffix("_")
                                ? .word(String(word.dropLast()), exact: true) : .word(word, exact: false)
                        }
                        if parsed.count == 1 {
                            elements.append(parsed[0])
                        } else if parsed.count > 1 {
                            elements.append(.phrase(parsed))
                        }
                    }
                }
            }
            if let closer { throw fail("missing '\(closer)'") }
            return elements
        }
        return try parseSequence(until: nil)
    }
}

extension VerbLexicon.Element {
    var setNames: [String] {
        switch self {
        case .set(let name): return [name]
        case .phrase(let elements), .prepositional(_, let elements): return elements.flatMap(\.setNames)
        default: return []
        }
    }
}

// MARK: - Writing Parley's format

extension VerbLexicon {
    /// The lexicon in Parley's text format; ``parse(_:file:)`` reads it back to an equal lexicon.
    public func formatted(header: String = "") -> String {
        var output = header
        for name in sets.keys.sorted() {
            let members = sets[name]!.map { $0.map(\.description).joined(separator: " ") }
            output += "set &\(name.lowercased()) = " + members.joined(separator: " | ") + "\n"
        }
        for block in blocks {
            output += "\n\(block.kind.rawValue) \(block.name.lowercased()) => \(block.code)\n"
            for word in block.words {
                var line = "  word " + Self.joinWord(word.lemma)
                if !word.forms.isEmpty { line += " (" + word.forms.map(Self.joinWord).joined(separator: " ") + ")" }
                if let code = word.code { line += " => \(code)" }
                output += line + "\n"
            }
            for pattern in block.patterns {
                let pre = pattern.pre.map(\.description)
                let post = pattern.post.map(\.description)
                var line =
                    "  pattern \(pattern.id): " + (pre + ["*"] + post).joined(separator: " ") + " => \(pattern.code)"
                if let plover = pattern.plover {
                    line += " plover " + plover.event + (plover.mode.map { "/" + $0 } ?? "")
                    if !plover.context.isEmpty { line += " " + plover.context.joined(separator: ",") }
                }
                output += line + "\n"
            }
        }
        if !transformations.isEmpty { output += "\n" }
        for t in transformations {
            output +=
                "transform \(t.id): \(t.outerSource) (\(t.innerSource) \(t.innerTarget) \(t.innerBlock.lowercased())) "
                + "\(t.outerBlock.lowercased()) => \(t.resultSource) \(t.resultTarget) \(t.resultCode)\n"
        }
        return output
    }

    static func joinWord(_ words: [String]) -> String {
        words.joined(separator: "_").lowercased()
    }
}
