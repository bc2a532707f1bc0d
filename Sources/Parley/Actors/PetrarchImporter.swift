import Foundation

/// Reads PETRARCH-2 actor, agent and discard dictionaries into a ``Lexicon``, keeping everything they say.
///
/// Actor files: an entry line `PHRASE [CODE] # comment`, synonyms on `+PHRASE` lines, codes with
/// date restrictions on tab-indented lines (`[CODE 791227-861124]`, `[CODE <date]`, `[CODE >date]`;
/// `YYMMDD` or `YYYYMMDD`), several codes per entry, the same phrase in several entries.
/// Agent files: `PHRASE {PLURALS} [~CODE]` (or `[CODE~]`), `!SET! = a, b` substitution sets.
/// Discard files: one phrase a line, `+` for story-level discards.
/// A phrase whose last word has no trailing `_` is a stem and matches longer words, as in PETRARCH.
/// Damaged lines (control characters, invalid UTF-8, U+FFFD) are imported with a warning naming the line.
public struct PetrarchImporter: Sendable {
    /// Codes already declared (the bundled `codes.lex`): other codes found are declared as `whole` codes.
    public var baseCodes: [CodeDeclaration]

    /// Creates an importer.
    /// - Parameter baseCodes: codes that need no declaration in the imported lexicon.
    public init(baseCodes: [CodeDeclaration] = []) {
        self.baseCodes = baseCodes
    }

    /// The result of an import.
    public struct Result: Sendable {
        /// The imported lexicon, in PETRARCH-compatible mode.
        public var lexicon: Lexicon
        /// Problems that did not stop the import, each naming its file and line.
        public var warnings: [Diagnostic]
    }

    /// Imports dictionary files.
    /// - Parameters:
    ///   - actors: actor dictionaries.
    ///   - agents: agent dictionaries.
    ///   - discards: discard dictionaries.
    /// - Throws: ``PipelineError`` `.io` when a file cannot be read, `.invalidLexicon` when a line cannot be read at all.
    public func importFiles(actors: [URL] = [], agents: [URL] = [], discards: [URL] = []) throws -> Result {
        var lexicon = Lexicon()
        lexicon.petrarchCompatible = true
        var warnings: [Diagnostic] = []
        for url in actors {
            let lines = try readLines(url, warnings: &warnings)
            lexicon.actors += try parseActors(lines, file: url.lastPathComponent, warnings: &warnings)
        }
        for url in agents {
            let lines = try readLines(url, warnings: &warnings)
            let (entries, sets) = try parseAgents(lines, file: url.lastPathComponent, warnings: &warnings)
            lexicon.agents += entries
            lexicon.substitutionSets.merge(sets) { first, _ in first }
        }
        let sets = lexicon.substitutionSets
        lexicon.agents.removeAll { agent in
            guard
                let unknown = LexiconText.substitutionNames(in: agent.phrase).first(where: {
                    sets[$0.uppercased()] == nil
                })
            else { return false }
            warnings.append(
                Diagnostic(
                    .warning, file: agent.source.file, line: agent.source.line,
                    message: "agent '\(agent.phrase)' uses the undefined substitution set \(unknown): ignored"))
            return true
        }
        for url in discards {
            let lines = try readLines(url, warnings: &warnings)
            lexicon.discards += parseDiscards(lines, file: url.lastPathComponent)
        }
        declareUnknownCodes(&lexicon)
        return Result(lexicon: lexicon, warnings: warnings)
    }

    /// Adds `whole` declarations for every code the base codes do not cover, so the lexicon validates.
    func declareUnknownCodes(_ lexicon: inout Lexicon) {
        let registry = CodeRegistry(baseCodes)
        var declared: Set<String> = []
        var add: [CodeDeclaration] = []
        let used =
            lexicon.actors.flatMap { entry in entry.roles.map { ($0.code, entry.source) } }
            + lexicon.agents.map { ($0.code, $0.source) }
        for (code, source) in used where !declared.contains(code) {
            declared.insert(code)
            if registry.problem(with: code) != nil {
                add.append(CodeDeclaration(code: code, kind: .whole, label: "imported from \(source.file)"))
            }
        }
        lexicon.codes += add.sorted { $0.code < $1.code }
    }

    // MARK: - Lines

    struct Line {
        var number: Int
        var text: Substring
    }

    /// Reads a file as lines, repairing damaged bytes with a warning per line; strips `<!-- -->` comments.
    func readLines(_ url: URL, warnings: inout [Diagnostic]) throws -> [Line] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PipelineError(.io, "cannot read dictionary: \(error.localizedDescription)", file: url.path)
        }
        let file = url.lastPathComponent
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var lines: [Line] = []
        var number = 0
        var inComment = false
        for rawBytes in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            number += 1
            var lineBytes = Array(rawBytes)
            if lineBytes.last == 0x0D { lineBytes.removeLast() }
            var repaired: [UInt8] = []
            var problems: [String] = []
            var index = 0
            while index < lineBytes.count {
                let byte = lineBytes[index]
                if byte < 0x80 {
                    if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
                        problems.append(String(format: "control character 0x%02X removed", byte))
                    } else {
                        repaired.append(byte)
                    }
                    index += 1
                    continue
                }
                let length = LexiconText.utf8SequenceLength(lineBytes, at: index)
                if length == 0 {
                    problems.append(String(format: "invalid UTF-8 byte 0x%02X replaced by U+FFFD", byte))
                    repaired += [0xEF, 0xBF, 0xBD]
                    index += 1
                } else {
                    if lineBytes[index..<index + length].elementsEqual([0xEF, 0xBF, 0xBD]) {
                        problems.append("U+FFFD replacement character (a letter was lost before this file)")
                    }
                    repaired += lineBytes[index..<index + length]
                    index += length
                }
            }
            if !problems.isEmpty {
                warnings.append(
                    Diagnostic(.warning, file: file, line: number, message: problems.joined(separator: "; ")))
            }
            var text = Substring(String(decoding: repaired, as: UTF8.self))
            // XML-style comment blocks, possibly over several lines.
            var kept = ""
            while !text.isEmpty {
                if inComment {
                    guard let end = text.range(of: "-->") else {
                        text = ""
                        break
                    }
                    text = text[end.upperBound...]
                    inComment = false
                } else if let start = text.range(of: "<!") {
                    // "<!--", also written "<! --".
                    let after = text[start.upperBound...].drop(while: { $0 == " " })
                    guard after.hasPrefix("--") else {
                        kept += text[..<start.upperBound]
                        text = text[start.upperBound...]
                        continue
                    }
                    kept += text[..<start.lowerBound]
                    text = after.dropFirst(2)
                    inComment = true
                } else {
                    kept += text
                    text = ""
                }
            }
            lines.append(Line(number: number, text: Substring(kept)))
        }
        return lines
    }

    /// Splits `text # comment` at the first `#` (PETRARCH comments start anywhere).
    func stripComment(_ text: Substring) -> (Substring, String?) {
        guard let hash = text.firstIndex(of: "#") else { return (text, nil) }
        let comment = text[text.index(after: hash)...].trimmingCharacters(in: .whitespaces)
        return (text[..<hash], comment.isEmpty ? nil : comment)
    }

    // MARK: - Actors

    func parseActors(_ lines: [Line], file: String, warnings: inout [Diagnostic]) throws -> [ActorEntry] {
        var entries: [ActorEntry] = []
        var current: ActorEntry?
        for line in lines {
            let (content, comment) = stripComment(line.text)
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            let source = LexiconSource(file: file, line: line.number)
            let startsIndented = content.first == "\t" || content.first == " "
            if trimmed.hasPrefix("[") && (startsIndented || current != nil) {
                guard current != nil else {
                    warnings.append(
                        Diagnostic(.warning, file: file, line: line.number, message: "code outside an entry ignored"))
                    continue
                }
                var notes: [String] = []
                current!.roles += parseCodes(
                    trimmed[...], file: file, line: line.number, warnings: &warnings, notes: &notes)
                current!.notes += notes
                if let comment { current!.notes.append(comment) }
                continue
            }
            let isSynonym = trimmed.hasPrefix("+")
            let phraseText = isSynonym ? trimmed.dropFirst() : trimmed[...]
            let bracket = phraseText.firstIndex(of: "[") ?? phraseText.endIndex
            let phrase = phraseText[..<bracket].trimmingCharacters(in: .whitespaces)
            var codeNotes: [String] = []
            let codes = parseCodes(
                phraseText[bracket...], file: file, line: line.number, warnings: &warnings, notes: &codeNotes)
            guard let name = convertPhrase(phrase) else {
                warnings.append(
                    Diagnostic(.warning, file: file, line: line.number, message: "line without a phrase ignored"))
                continue
            }
            if isSynonym, current != nil {
                current!.aliases.append(name)
                current!.roles += codes
                current!.notes += codeNotes
                if let comment { current!.notes.append(comment) }
            } else {
                if isSynonym {
                    warnings.append(
                        Diagnostic(
                            .warning, file: file, line: line.number, message: "synonym before any entry: made an entry")
                    )
                }
                if let current { entries.append(current) }
                current = ActorEntry(
                    name: name, roles: codes, kind: .actor, notes: codeNotes + (comment.map { [$0] } ?? []),
                    source: source)
            }
        }
        if let current { entries.append(current) }
        for entry in entries where entry.roles.isEmpty {
            warnings.append(
                Diagnostic(
                    .warning, file: file, line: entry.source.line,
                    message: "entry '\(entry.name)' has no code: kept, recognized without a code"))
        }
        return entries
    }

    /// Converts a PETRARCH phrase (`ISLAMIC_REPUBLIC_OF_AFGHANISTAN`, `AFGHAN_`) to a lexicon name.
    ///
    /// A phrase whose last word has no trailing underscore is a stem: it gets a `*`.
    func convertPhrase(_ phrase: String) -> String? {
        let stopped = phrase.hasSuffix("_")
        let words = phrase.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "\t" })
        guard !words.isEmpty else { return nil }
        let name = words.map { $0.lowercased() }.joined(separator: " ")
        return stopped ? name : name + "*"
    }

    /// Parses every `[CODE dates]` group in a text.
    func parseCodes(
        _ text: Substring, file: String, line: Int, warnings: inout [Diagnostic], notes: inout [String]
    ) -> [ActorRole] {
        var roles: [ActorRole] = []
        var rest = text
        while let open = rest.firstIndex(of: "[") {
            guard let close = rest[open...].firstIndex(of: "]") else {
                warnings.append(Diagnostic(.warning, file: file, line: line, message: "unclosed '[' ignored"))
                break
            }
            let inside = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            rest = rest[rest.index(after: close)...]
            if let role = parseCode(inside, file: file, line: line, warnings: &warnings, notes: &notes) {
                roles.append(role)
            }
        }
        return roles
    }

    func parseCode(
        _ text: String, file: String, line: Int, warnings: inout [Diagnostic], notes: inout [String]
    ) -> ActorRole? {
        guard !text.isEmpty else {
            warnings.append(Diagnostic(.warning, file: file, line: line, message: "empty code '[]' ignored"))
            return nil
        }
        var code = ""
        var rest = text[...]
        if let first = rest.first, first != "<", first != ">", !first.isNumber || rest.contains(where: \.isLetter) {
            let end = rest.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "<" || $0 == ">" }) ?? rest.endIndex
            code = String(rest[..<end])
            rest = rest[end...]
        }
        if code != code.uppercased() {
            warnings.append(
                Diagnostic(.warning, file: file, line: line, message: "lower-case code '\(code)' upper-cased"))
            code = code.uppercased()
        }
        guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-/".contains($0)) })
        else {
            warnings.append(
                Diagnostic(.warning, file: file, line: line, message: "unreadable code '[\(text)]' ignored"))
            return nil
        }
        var role = ActorRole(code: code)
        let dates = rest.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\t", with: "")
        if dates.isEmpty { return role }
        if dates.hasPrefix("<"), let day = petrarchDay(dates.dropFirst()) {
            role.until = day.adding(days: -1)
        } else if dates.hasPrefix(">"), let day = petrarchDay(dates.dropFirst()) {
            role.from = day
        } else if let dash = dates.firstIndex(of: "-"), let from = petrarchDay(dates[..<dash]),
            let until = petrarchDay(dates[dates.index(after: dash)...])
        {
            role.from = from
            role.until = until
            if until < from {
                warnings.append(
                    Diagnostic(
                        .warning, file: file, line: line, message: "inverted date range in '[\(text)]': dates swapped"))
                role.from = until
                role.until = from
            }
        } else {
            warnings.append(
                Diagnostic(
                    .warning, file: file, line: line,
                    message: "unreadable date restriction in '[\(text)]': code kept undated"))
            notes.append("PETRARCH code as written: [\(text)]")
        }
        return role
    }

    /// `YYMMDD` (years 00–30 are 20xx) or `YYYYMMDD`.
    func petrarchDay(_ text: some StringProtocol) -> Day? {
        guard text.allSatisfy(\.isNumber) else { return nil }
        if text.count == 8 { return Day(parsing: text) }
        guard text.count == 6, let value = Int(text) else { return nil }
        let yy = value / 10000
        let year = yy <= 30 ? 2000 + yy : 1900 + yy
        return Day(year: year, month: value / 100 % 100, day: value % 100)
    }

    // MARK: - Agents

    func parseAgents(_ lines: [Line], file: String, warnings: inout [Diagnostic]) throws -> (
        [AgentEntry], [String: [String]]
    ) {
        var entries: [AgentEntry] = []
        var sets: [String: [String]] = [:]
        var pending: (phrase: String, plurals: [String]?, line: Int, note: String?)?
        for line in lines {
            let (content, comment) = stripComment(line.text)
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("!"), let equals = trimmed.firstIndex(of: "="),
                trimmed[..<equals].trimmingCharacters(in: .whitespaces).hasSuffix("!")
            {
                let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces).uppercased()
                let members = trimmed[trimmed.index(after: equals)...].split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
                guard !members.isEmpty else {
                    warnings.append(
                        Diagnostic(
                            .warning, file: file, line: line.number,
                            message: "substitution set \(name) without members ignored"))
                    continue
                }
                sets[name] = members
                continue
            }
            var text = trimmed[...]
            var plurals: [String]?
            if let open = text.firstIndex(of: "{"), let close = text[open...].firstIndex(of: "}") {
                plurals = text[text.index(after: open)..<close].split(separator: ",")
                    .compactMap { convertPhrase(String($0).trimmingCharacters(in: .whitespaces) + "_") }
                text = text[..<open] + text[text.index(after: close)...]
            }
            let bracket = text.firstIndex(of: "[")
            let phraseText = text[..<(bracket ?? text.endIndex)].trimmingCharacters(in: .whitespaces)
            if phraseText.contains(where: { $0 == "{" || $0 == "}" }) {
                warnings.append(Diagnostic(.warning, file: file, line: line.number, message: "unbalanced '{' ignored"))
                continue
            }
            guard let bracket else {
                // A phrase whose code comes on a later line.
                if let phrase = convertAgentPhrase(phraseText) { pending = (phrase, plurals, line.number, comment) }
                continue
            }
            guard let close = text[bracket...].firstIndex(of: "]") else {
                warnings.append(Diagnostic(.warning, file: file, line: line.number, message: "unclosed '[' ignored"))
                continue
            }
            let codeText = text[text.index(after: bracket)..<close].replacingOccurrences(of: " ", with: "")
                .uppercased()
            var phrase = convertAgentPhrase(phraseText)
            var entryLine = line.number
            var note = comment
            if phrase == nil, let waiting = pending {
                phrase = waiting.phrase
                plurals = plurals ?? waiting.plurals
                entryLine = waiting.line
                note = note ?? waiting.note
            }
            pending = nil
            guard let phrase else {
                warnings.append(
                    Diagnostic(.warning, file: file, line: line.number, message: "agent code without a phrase ignored"))
                continue
            }
            guard codeText.contains("~") else {
                warnings.append(
                    Diagnostic(
                        .warning, file: file, line: line.number,
                        message: "agent code '[\(codeText)]' without '~' ignored"))
                continue
            }
            let isPrefix = codeText.hasSuffix("~") && !codeText.hasPrefix("~")
            let code = codeText.replacingOccurrences(of: "~", with: "")
            guard !code.isEmpty, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else {
                warnings.append(
                    Diagnostic(
                        .warning, file: file, line: line.number,
                        message: "unreadable agent code '[\(codeText)]' ignored"))
                continue
            }
            entries.append(
                AgentEntry(
                    phrase: phrase, plurals: plurals, code: code, isPrefix: isPrefix, notes: note.map { [$0] } ?? [],
                    source: LexiconSource(file: file, line: entryLine)))
        }
        if let pending {
            warnings.append(
                Diagnostic(
                    .warning, file: file, line: pending.line,
                    message: "agent '\(pending.phrase)' without a code ignored"))
        }
        return (entries, sets)
    }

    /// Agent phrases keep `!SET!` markers (upper case) and lose underscores.
    func convertAgentPhrase(_ phrase: String) -> String? {
        var result = ""
        var inSet = false
        for character in phrase {
            if character == "!" { inSet.toggle() }
            if character == "_" || character == "\t" {
                result.append(" ")
            } else {
                result.append(
                    inSet || character == "!" ? Character(character.uppercased()) : Character(character.lowercased()))
            }
        }
        let words = result.split(separator: " ")
        return words.isEmpty ? nil : words.joined(separator: " ")
    }

    // MARK: - Discards

    func parseDiscards(_ lines: [Line], file: String) -> [DiscardEntry] {
        var entries: [DiscardEntry] = []
        for line in lines {
            let (content, _) = stripComment(line.text)
            var trimmed = content.trimmingCharacters(in: .whitespaces)[...]
            if trimmed.isEmpty { continue }
            let isStory = trimmed.hasPrefix("+")
            if isStory { trimmed = trimmed.dropFirst() }
            let phrase = trimmed.split(whereSeparator: { $0 == "_" || $0 == " " || $0 == "\t" }).joined(separator: " ")
            if phrase.isEmpty { continue }
            entries.append(
                DiscardEntry(phrase: phrase, isStory: isStory, source: LexiconSource(file: file, line: line.number)))
        }
        return entries
    }
}
