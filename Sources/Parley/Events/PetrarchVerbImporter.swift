import Foundation

/// Reads PETRARCH-2 verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.2.0.txt`) into a ``VerbLexicon``.
///
/// Synsets (`&NAME` then `+MEMBER` lines) become sets; `--- NAME [code] ---` blocks become verb blocks
/// whose words are the verb lines (`HURRY {HURRIES HURRYING HURRIED}`, `+ASK_FOR {…} [020]`); each
/// `- pre * post [code]` line becomes a pattern with the id `NAME.n` (n counts the block's patterns from 1,
/// so ids are stable for a given file); `~ a (a b ATTACK) SAY = a b 015` lines become transformations.
/// Codes are kept exactly as written.
public enum PetrarchVerbImporter {
    /// Imports one dictionary file.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name, for messages and origins.
    /// - Returns: the lexicon; lines that cannot be read are skipped with a warning naming the line.
    public static func importVerbs(_ text: String, file: String) -> VerbLexicon {
        var lexicon = VerbLexicon()
        var currentSet: String?
        var block: VerbLexicon.Block?
        var transformCount = 0
        var lineNumber = 0
        func warn(_ message: String) {
            lexicon.warnings.append(Diagnostic(file: file, line: lineNumber, message: message))
        }
        func finishBlock() {
            if let finished = block { lexicon.blocks.append(finished) }
            block = nil
        }
        var blockNames: [String: Int] = [:]
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNumber += 1
            var line = String(rawLine)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\t" }) {
                warn("control character; line skipped")
                continue
            }
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]) }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            if trimmed.hasPrefix("&") {
                finishBlock()
                // "&PREPOSIT1_" defines the set patterns name "&PREPOSIT1": a trailing '_' is not part of the name.
                var name = trimmed.dropFirst().split(separator: " ").first.map { String($0).uppercased() } ?? ""
                while name.hasSuffix("_") { name.removeLast() }
                currentSet = name.isEmpty ? nil : name
                if currentSet != nil && lexicon.sets[name] == nil { lexicon.sets[name] = [] }
                continue
            }
            if trimmed.hasPrefix("---") {
                finishBlock()
                currentSet = nil
                // ---  ACCELERATE   [---]  ---
                let inner = trimmed.trimmingCharacters(in: CharacterSet(charactersIn: "- "))
                let name = inner.split(separator: " ").first.map(String.init)?.uppercased() ?? ""
                guard !name.isEmpty, !name.hasPrefix("[") else {
                    warn("verb block without a name; skipped")
                    continue
                }
                var code = VerbLexicon.CodePair(forward: nil)
                if let open = inner.firstIndex(of: "["), let close = inner.firstIndex(of: "]"), open < close,
                    let parsed = VerbLexicon.CodePair(parsing: inner[inner.index(after: open)..<close])
                {
                    code = parsed
                }
                // The same block name may appear twice; keep ids unique.
                var blockName = name
                if let count = blockNames[name] {
                    blockNames[name] = count + 1
                    blockName = "\(name)~\(count + 1)"
                } else {
                    blockNames[name] = 1
                }
                block = VerbLexicon.Block(name: blockName, kind: .verb, code: code, origin: "\(file):\(lineNumber)")
                continue
            }
            if trimmed.hasPrefix("~") {
                finishBlock()
                transformCount += 1
                if let t = VerbLexicon.parseTransformation(
                    String(trimmed.dropFirst()), id: "T\(transformCount)", origin: "\(file):\(lineNumber)")
                {
                    lexicon.transformations.append(t)
                } else {
                    warn("unreadable transformation; skipped")
                }
                continue
            }
            if let setName = currentSet, block == nil {
                guard trimmed.hasPrefix("+") else {
                    warn("expected '+MEMBER' in synset &\(setName); skipped")
                    continue
                }
                let member = String(trimmed.dropFirst()).trimmingCharacters(in: .whitespaces)
                if let elements = try? VerbLexicon.parseElements(member, line: lineNumber, file: file),
                    !elements.isEmpty
                {
                    lexicon.sets[setName, default: []].append(elements)
                }
                continue
            }
            guard block != nil else {
                warn("line outside a verb block or synset; skipped")
                continue
            }
            if trimmed.hasPrefix("-") || trimmed.hasPrefix("*") {
                let body = trimmed.hasPrefix("-") ? String(trimmed.dropFirst()) : trimmed
                if trimmed.hasPrefix("*") { warn("pattern without a leading '-'; read anyway") }
                guard let open = body.lastIndex(of: "["), let close = body.lastIndex(of: "]"), open < close else {
                    warn("pattern without a [code]; skipped")
                    continue
                }
                guard let code = VerbLexicon.CodePair(parsing: body[body.index(after: open)..<close]) else {
                    warn("bad code '\(body[body.index(after: open)..<close])'; skipped")
                    continue
                }
                let elementsText = String(body[..<open])
                guard let star = elementsText.firstIndex(of: "*") else {
                    warn("pattern without '*'; skipped")
                    continue
                }
                do {
                    let pre = try VerbLexicon.parseElements(String(elementsText[..<star]), line: lineNumber, file: file)
                    let post = try VerbLexicon.parseElements(
                        String(elementsText[elementsText.index(after: star)...]), line: lineNumber, file: file)
                    let id = "\(block!.name).\(block!.patterns.count + 1)"
                    block!.patterns.append(
                        VerbLexicon.Pattern(id: id, pre: pre, post: post, code: code, origin: "\(file):\(lineNumber)"))
                } catch let error as PipelineError {
                    warn("\(error.message); skipped")  // the warning names the file and line itself
                } catch {
                    warn("\(error); skipped")
                }
                continue
            }
            // A verb line: WORD {FORMS} [code]   or   +MULTI_WORD {FORMS} [code]
            var text = trimmed.hasPrefix("+") ? String(trimmed.dropFirst()) : trimmed
            var code: VerbLexicon.CodePair?
            if let open = text.lastIndex(of: "["), let close = text.lastIndex(of: "]"), open < close {
                code = VerbLexicon.CodePair(parsing: text[text.index(after: open)..<close])
                text = String(text[..<open])
            }
            var forms: [[String]] = []
            if let open = text.firstIndex(of: "{") {
                let close = text.firstIndex(of: "}") ?? text.endIndex
                forms = text[text.index(after: open)..<close].split(separator: " ")
                    .map { VerbLexicon.splitWord(String($0).trimmingCharacters(in: CharacterSet(charactersIn: "+"))) }
                    .filter { !$0.isEmpty }
                text = String(text[..<open])
            }
            let lemma = text.trimmingCharacters(in: .whitespaces)
            guard !lemma.isEmpty, !lemma.contains(" ") else {
                warn("unreadable verb line; skipped")
                continue
            }
            block!.words.append(VerbLexicon.Word(lemma: VerbLexicon.splitWord(lemma), forms: forms, code: code))
        }
        finishBlock()
        return lexicon
    }

    /// Imports several dictionary files into one lexicon (later files add sets, blocks and transformations).
    /// - Throws: ``PipelineError`` naming a file that cannot be read or is not UTF-8.
    public static func importVerbs(contentsOf urls: [URL]) throws -> VerbLexicon {
        var result = VerbLexicon()
        for url in urls {
            let data: Data
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw PipelineError(
                    .io, "cannot read: \(error.localizedDescription)", file: url.path, underlying: error)
            }
            let text = String(decoding: data, as: UTF8.self)
            if String(data: data, encoding: .utf8) == nil {
                result.warnings.append(Diagnostic(file: url.path, message: "invalid UTF-8 repaired"))
            }
            let lexicon = importVerbs(text, file: url.lastPathComponent)
            for (name, members) in lexicon.sets { result.sets[name, default: []] += members }
            result.blocks += lexicon.blocks
            result.transformations += lexicon.transformations
            result.warnings += lexicon.warnings
        }
        return result
    }
}
