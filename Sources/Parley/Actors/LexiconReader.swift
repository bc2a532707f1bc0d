import Foundation

/// Reads and validates files in Parley's lexicon format (see `docs/lexicon-format.md`).
///
/// Reading is all or nothing: the first problem throws a ``PipelineError`` with code
/// ``PipelineError/Code/invalidLexicon`` naming the file, line and column, and nothing is returned.
public struct LexiconReader: Sendable {
    /// Code declarations every lexicon may use besides its own (normally the bundled `codes.lex`).
    public var baseCodes: [CodeDeclaration]

    /// Creates a reader.
    /// - Parameter baseCodes: codes known before any file is read.
    public init(baseCodes: [CodeDeclaration] = []) {
        self.baseCodes = baseCodes
    }

    /// Reads lexicon files in order and validates them together.
    /// - Parameter urls: the files; later files add to earlier ones.
    /// - Throws: ``PipelineError`` (`.io` when a file cannot be read, `.invalidLexicon` when it is malformed).
    public func read(_ urls: [URL]) throws -> Lexicon {
        var lexicon = Lexicon()
        var aliasLines: [AliasPosition] = []
        for url in urls {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw PipelineError(.io, "cannot read lexicon: \(error.localizedDescription)", file: url.path)
            }
            let (part, positions) = try parse(data, file: url.lastPathComponent)
            lexicon.append(part)
            aliasLines += positions
        }
        try validate(lexicon, aliasLines: aliasLines)
        return lexicon
    }

    /// Reads one lexicon from bytes.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the name used in messages and entry references.
    /// - Throws: ``PipelineError`` with `.invalidLexicon` when the text is malformed or invalid.
    public func read(_ data: Data, file: String) throws -> Lexicon {
        let (lexicon, positions) = try parse(data, file: file)
        try validate(lexicon, aliasLines: positions)
        return lexicon
    }

    struct AliasPosition {
        var folded: [String]
        var entry: Int  // index into the lexicon's actors, after appending
        var file: String
        var line: Int
        var column: Int
    }

    // MARK: - Parsing

    func parse(_ data: Data, file: String) throws -> (Lexicon, [AliasPosition]) {
        let bytes = [UInt8](data)
        try LexiconText.checkBytes(bytes, file: file)
        let text = String(decoding: bytes, as: UTF8.self)
        var lexicon = Lexicon()
        var positions: [AliasPosition] = []
        var current: ActorEntry?
        var currentAliases: [(String, Int, Int)] = []

        func fail(_ message: String, _ line: Int, _ column: Int) -> PipelineError {
            PipelineError(.invalidLexicon, message, file: file, line: line, column: column)
        }
        func finishEntry() {
            guard let entry = current else { return }
            let index = lexicon.actors.count
            lexicon.actors.append(entry)
            for (alias, line, column) in currentAliases {
                positions.append(
                    AliasPosition(
                        folded: TextFolding.pieces(alias.hasSuffix("*") ? String(alias.dropLast()) : alias),
                        entry: index, file: file, line: line, column: column))
            }
            current = nil
            currentAliases = []
        }

        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            let isNote = line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("note ")
            let (content, comment) = isNote ? (line, nil) : LexiconText.splitComment(line)
            let trimmed = content.drop(while: { $0 == " " || $0 == "\t" })
            let indent = content.count - trimmed.count
            let body = trimmed.trimmingTrailingSpace()
            if body.isEmpty { continue }
            let keywordEnd = body.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? body.endIndex
            let keyword = String(body[..<keywordEnd])
            let rest = body[keywordEnd...].drop(while: { $0 == " " || $0 == "\t" })
            let restColumn = indent + (body.count - rest.count) + 1
            let source = LexiconSource(file: file, line: lineNumber)

            switch keyword {
            case "@compat":
                guard rest == "petrarch" else {
                    throw fail("unknown compatibility mode '\(rest)' (only 'petrarch')", lineNumber, restColumn)
                }
                lexicon.petrarchCompatible = true
            case "@lexicon":
                continue
            case "code":
                finishEntry()
                let parts = rest.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
                guard parts.count >= 2, let kind = CodeDeclaration.Kind(rawValue: String(parts[1])) else {
                    let kinds = CodeDeclaration.Kind.allCases.map(\.rawValue).joined(separator: ", ")
                    throw fail("expected 'code XYZ KIND label' with KIND one of \(kinds)", lineNumber, restColumn)
                }
                let code = String(parts[0])
                guard LexiconText.isCodeSyntax(code) else {
                    throw fail("'\(code)' is not a code (capitals, digits, '+', '-' or '/')", lineNumber, restColumn)
                }
                if kind != .whole && code.count != 3 {
                    throw fail("a \(kind.rawValue) code has three characters: '\(code)'", lineNumber, restColumn)
                }
                let label = parts.count > 2 ? String(parts[2]) : ""
                lexicon.codes.append(CodeDeclaration(code: code, kind: kind, label: label, source: source))
            case _ where ActorKind(rawValue: keyword) != nil:
                finishEntry()
                guard !rest.isEmpty else { throw fail("\(keyword) without a name", lineNumber, restColumn) }
                try checkName(rest, line: lineNumber, column: restColumn, file: file)
                current = ActorEntry(
                    name: String(rest), kind: ActorKind(rawValue: keyword)!,
                    notes: comment.map { [$0] } ?? [], source: source)
                currentAliases = [(String(rest), lineNumber, restColumn)]
            case "alias", "demonym", "capital", "role", "note":
                guard current != nil else {
                    throw fail("'\(keyword)' outside an entry: start one with 'actor NAME'", lineNumber, indent + 1)
                }
                if keyword == "note" {
                    current!.notes.append(String(rest))
                    continue
                }
                guard !rest.isEmpty else { throw fail("\(keyword) without a value", lineNumber, restColumn) }
                switch keyword {
                case "alias":
                    try checkName(rest, line: lineNumber, column: restColumn, file: file)
                    current!.aliases.append(String(rest))
                    currentAliases.append((String(rest), lineNumber, restColumn))
                case "demonym":
                    try checkName(rest, line: lineNumber, column: restColumn, file: file)
                    current!.demonyms.append(String(rest))
                case "capital":
                    try checkName(rest, line: lineNumber, column: restColumn, file: file)
                    current!.capitals.append(String(rest))
                default:
                    current!.roles.append(try parseRole(rest, line: lineNumber, column: restColumn, file: file))
                }
            case "agent":
                finishEntry()
                lexicon.agents.append(
                    try parseAgent(rest, line: lineNumber, column: restColumn, file: file, note: comment))
            case "set":
                finishEntry()
                guard let equals = rest.firstIndex(of: "=") else {
                    throw fail("expected 'set !NAME! = word, word'", lineNumber, restColumn)
                }
                let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
                guard name.count > 2, name.hasPrefix("!"), name.hasSuffix("!") else {
                    throw fail("a substitution set is named between bangs: '!PERSON!'", lineNumber, restColumn)
                }
                let words = rest[rest.index(after: equals)...].split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                guard !words.isEmpty else { throw fail("empty substitution set \(name)", lineNumber, restColumn) }
                lexicon.substitutionSets[name.uppercased()] = words
            case "place":
                finishEntry()
                guard let equals = rest.lastIndex(of: "=") else {
                    throw fail("expected 'place NAME = TARGET' (admin code, ISO2 or geonameid)", lineNumber, restColumn)
                }
                let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
                let target = rest[rest.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, !target.isEmpty,
                    target.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == ".") })
                else {
                    throw fail("expected 'place NAME = TARGET' (admin code, ISO2 or geonameid)", lineNumber, restColumn)
                }
                lexicon.places.append(PlaceAlias(name: name, target: target, source: source))
            case "discard", "discard-story":
                finishEntry()
                guard !rest.isEmpty else { throw fail("discard without a phrase", lineNumber, restColumn) }
                lexicon.discards.append(
                    DiscardEntry(phrase: String(rest), isStory: keyword == "discard-story", source: source))
            default:
                throw fail(
                    "unknown keyword '\(keyword)' (expected actor, person, country, group, organization, media, "
                        + "company, alias, demonym, capital, role, note, agent, set, place, discard, code)",
                    lineNumber, indent + 1)
            }
        }
        finishEntry()
        return (lexicon, positions)
    }

    private func checkName(_ name: Substring, line: Int, column: Int, file: String) throws {
        if TextFolding.pieces(name.hasSuffix("*") ? name.dropLast() : name).isEmpty {
            throw PipelineError(
                .invalidLexicon, "a name needs at least one word", file: file, line: line, column: column)
        }
    }

    /// Parses `CODE [from DAY] [until DAY] [as TITLE]`.
    func parseRole(_ text: Substring, line: Int, column: Int, file: String) throws -> ActorRole {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        func columnOf(_ word: Substring) -> Int {
            column + text.distance(from: text.startIndex, to: word.startIndex)
        }
        let code = String(words[0])
        guard LexiconText.isCodeSyntax(code) else {
            throw PipelineError(
                .invalidLexicon, "'\(code)' is not a code (capitals, digits, '+', '-' or '/')", file: file, line: line,
                column: column)
        }
        var role = ActorRole(code: code)
        var index = 1
        while index < words.count {
            let word = words[index]
            switch word {
            case "from", "until":
                guard index + 1 < words.count else {
                    throw PipelineError(
                        .invalidLexicon, "'\(word)' needs a date (YYYY-MM-DD)", file: file, line: line,
                        column: columnOf(word))
                }
                let value = words[index + 1]
                guard value.count == 10, let day = Day(parsing: value) else {
                    throw PipelineError(
                        .invalidLexicon, "'\(value)' is not a date (YYYY-MM-DD)", file: file, line: line,
                        column: columnOf(value))
                }
                if word == "from" { role.from = day } else { role.until = day }
                index += 2
            case "as":
                let title = words[(index + 1)...].joined(separator: " ")
                guard !title.isEmpty else {
                    throw PipelineError(
                        .invalidLexicon, "'as' needs a title", file: file, line: line, column: columnOf(word))
                }
                role.title = title
                index = words.count
            default:
                throw PipelineError(
                    .invalidLexicon, "unexpected '\(word)' in role (expected from, until or as)", file: file,
                    line: line, column: columnOf(word))
            }
        }
        if let from = role.from, let until = role.until, until < from {
            throw PipelineError(
                .invalidLexicon, "inverted date range: \(from) is after \(until)", file: file, line: line,
                column: column)
        }
        return role
    }

    /// Parses `PHRASE [{plural, plural}] = ~CODE` (or `CODE~`).
    func parseAgent(_ text: Substring, line: Int, column: Int, file: String, note: String?) throws -> AgentEntry {
        guard let equals = text.lastIndex(of: "=") else {
            throw PipelineError(
                .invalidLexicon, "expected 'agent PHRASE = ~CODE'", file: file, line: line, column: column)
        }
        var left = text[..<equals].trimmingCharacters(in: .whitespaces)[...]
        let codeText = text[text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        let codeColumn = column + text.distance(from: text.startIndex, to: equals) + 2
        var plurals: [String]?
        if let open = left.firstIndex(of: "{") {
            guard let close = left.lastIndex(of: "}"), close > open else {
                throw PipelineError(
                    .invalidLexicon, "unclosed '{' in agent plurals", file: file, line: line,
                    column: column + left.distance(from: left.startIndex, to: open))
            }
            plurals = left[left.index(after: open)..<close].split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            left = left[..<open].trimmingCharacters(in: .whitespaces)[...]
        }
        guard !left.isEmpty else {
            throw PipelineError(.invalidLexicon, "agent without a phrase", file: file, line: line, column: column)
        }
        let isPrefix = codeText.hasSuffix("~") && !codeText.hasPrefix("~")
        let code = codeText.replacingOccurrences(of: "~", with: "")
        guard codeText.contains("~"), LexiconText.isCodeSyntax(code) else {
            throw PipelineError(
                .invalidLexicon, "agent code '\(codeText)' must be '~CODE' (after the country) or 'CODE~' (before)",
                file: file, line: line, column: codeColumn)
        }
        return AgentEntry(
            phrase: String(left), plurals: plurals, code: code, isPrefix: isPrefix,
            notes: note.map { [$0] } ?? [], source: LexiconSource(file: file, line: line))
    }

    // MARK: - Validation

    func validate(_ lexicon: Lexicon, aliasLines: [AliasPosition]) throws {
        let registry = CodeRegistry(baseCodes + lexicon.codes)
        for entry in lexicon.actors {
            for (index, role) in entry.roles.enumerated() {
                if let problem = registry.problem(with: role.code) {
                    throw PipelineError(
                        .invalidLexicon, "unknown code '\(role.code)' in \(entry.name): \(problem)",
                        file: entry.source.file, line: entry.source.line)
                }
                guard !lexicon.petrarchCompatible, role.isDated else { continue }
                for earlier in entry.roles[..<index] where earlier.isDated && earlier.overlaps(role) {
                    throw PipelineError(
                        .invalidLexicon,
                        "overlapping date ranges in \(entry.name): '\(earlier)' and '\(role)'",
                        file: entry.source.file, line: entry.source.line)
                }
            }
            if !lexicon.petrarchCompatible && entry.roles.filter({ !$0.isDated }).count > 1 {
                throw PipelineError(
                    .invalidLexicon, "\(entry.name) has more than one undated role", file: entry.source.file,
                    line: entry.source.line)
            }
        }
        for agent in lexicon.agents {
            if let problem = registry.problem(with: agent.code, isAgent: true) {
                throw PipelineError(
                    .invalidLexicon, "unknown code '\(agent.code)' in agent '\(agent.phrase)': \(problem)",
                    file: agent.source.file, line: agent.source.line)
            }
            for set in LexiconText.substitutionNames(in: agent.phrase)
            where lexicon.substitutionSets[set.uppercased()] == nil {
                throw PipelineError(
                    .invalidLexicon, "unknown substitution set \(set) in agent '\(agent.phrase)'",
                    file: agent.source.file, line: agent.source.line)
            }
        }
        guard !lexicon.petrarchCompatible else { return }
        var seen: [[String]: AliasPosition] = [:]
        for position in aliasLines {
            if let first = seen[position.folded], first.entry != position.entry {
                let a = lexicon.actors[first.entry]
                let b = lexicon.actors[position.entry]
                if a.roles != b.roles {
                    throw PipelineError(
                        .invalidLexicon,
                        "duplicate name '\(position.folded.joined(separator: " "))' with conflicting codes: "
                            + "\(b.name) here, \(a.name) at \(first.file):\(first.line)",
                        file: position.file, line: position.line, column: position.column)
                }
            } else if seen[position.folded] == nil {
                seen[position.folded] = position
            }
        }
    }
}

/// Knows which code segments exist, to validate codes.
public struct CodeRegistry: Sendable {
    private var segments: [String: CodeDeclaration.Kind] = [:]
    private var wholes: Set<String> = []

    /// Creates a registry from declarations.
    public init(_ declarations: [CodeDeclaration]) {
        for declaration in declarations {
            if declaration.kind == .whole {
                wholes.insert(declaration.code)
            } else {
                segments[declaration.code] = declaration.kind
            }
        }
    }

    /// The kind of a three-letter segment, when declared.
    public func kind(of segment: some StringProtocol) -> CodeDeclaration.Kind? { segments[String(segment)] }

    /// Whether a segment is a country or international prefix.
    public func isActorPrefix(_ segment: some StringProtocol) -> Bool {
        switch segments[String(segment)] {
        case .country, .international: return true
        default: return false
        }
    }

    /// Why a code is not valid, or `nil` when it is.
    /// - Parameters:
    ///   - code: the code.
    ///   - isAgent: whether it is an agent code (sector/group segments only expected, but any declared segment is fine).
    public func problem(with code: String, isAgent: Bool = false) -> String? {
        if code == "---" || wholes.contains(code) { return nil }
        guard code.count % 3 == 0, !code.isEmpty else {
            return "codes are made of three-character segments; declare it with 'code \(code) whole LABEL'"
        }
        var index = code.startIndex
        while index < code.endIndex {
            let next = code.index(index, offsetBy: 3)
            let segment = code[index..<next]
            if segments[String(segment)] == nil {
                return "segment '\(segment)' is not declared (add 'code \(segment) KIND label')"
            }
            index = next
        }
        return nil
    }
}

/// Low-level text checks shared by the lexicon readers.
enum LexiconText {
    /// Rejects invalid UTF-8 and control characters, naming the line and column.
    static func checkBytes(_ bytes: [UInt8], file: String) throws {
        var line = 1
        var lineStart = 0
        var index = 0
        func column(_ at: Int) -> Int {
            String(decoding: bytes[lineStart..<at], as: UTF8.self).count + 1
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                index += 1
                lineStart = index
                continue
            }
            if byte < 0x80 {
                let isCR = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
                if (byte < 0x20 && byte != 0x09 && !isCR) || byte == 0x7F {
                    throw PipelineError(
                        .invalidLexicon, String(format: "control character 0x%02X", byte), file: file, line: line,
                        column: column(index))
                }
                index += 1
                continue
            }
            let length = utf8SequenceLength(bytes, at: index)
            if length == 0 {
                throw PipelineError(
                    .invalidLexicon, String(format: "invalid UTF-8 (byte 0x%02X)", byte), file: file, line: line,
                    column: column(index))
            }
            index += length
        }
    }

    /// The length of a valid UTF-8 sequence at a position, or 0 when invalid.
    static func utf8SequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let byte = bytes[index]
        let length: Int
        let minimum: UInt32
        switch byte {
        case 0xC2...0xDF:
            length = 2
            minimum = 0x80
        case 0xE0...0xEF:
            length = 3
            minimum = 0x800
        case 0xF0...0xF4:
            length = 4
            minimum = 0x10000
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return 0 }
            value = value << 6 | UInt32(next & 0x3F)
        }
        if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0 }
        return length
    }

    /// Splits a line at its comment: `#` at the start or after a space or tab.
    static func splitComment(_ line: Substring) -> (Substring, String?) {
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if character == "#" && (previous == " " || previous == "\t") {
                let comment = line[line.index(after: index)...].trimmingCharacters(in: .whitespaces)
                return (line[..<index], comment.isEmpty ? nil : comment)
            }
            previous = character
        }
        return (line, nil)
    }

    static func isCodeSyntax(_ code: String) -> Bool {
        !code.isEmpty && code.allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber || "+-/".contains($0)) }
    }

    /// The `!NAME!` substitution sets used in a phrase.
    static func substitutionNames(in phrase: String) -> [String] {
        var names: [String] = []
        var rest = phrase[...]
        while let open = rest.firstIndex(of: "!") {
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "!") else { break }
            names.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}

extension Substring {
    func trimmingTrailingSpace() -> Substring {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\t" else { break }
            end = before
        }
        return self[startIndex..<end]
    }
}
