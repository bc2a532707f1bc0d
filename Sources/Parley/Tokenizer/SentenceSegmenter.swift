/// Groups a document's tokens into sentences and paragraphs.
///
/// A sentence ends after `.`, `?`, `!` or an ellipsis (with any closing quotes and brackets that
/// follow it) when the next word starts a sentence; after an abbreviation ("U.S.") only when the next
/// word usually starts sentences ("The", "He") — never after a title ("Gen.", "Dr.") or an initial.
/// A line without final punctuation (headline, heading, bullet, list item) is a sentence of its own
/// unless the text is hard-wrapped; a blank line starts a new paragraph; a bullet starts a sentence.
public struct SentenceSegmenter: PipelineStage {
    /// The stage name in messages.
    public let name = "sentences"
    /// Layers needed before this stage.
    public let requires: Set<Annotation> = [.tokens]
    /// Layers this stage fills.
    public let assigns: Set<Annotation> = [.sentences]
    /// Abbreviations, titles and sentence starters.
    public let lexicon: TokenizerLexicon
    /// The most words a sentence may have. A longer run without a sentence end (a list, a table, text
    /// without punctuation) is cut at a semicolon or comma near the limit, else at the limit, so the
    /// later stages never face one enormous sentence.
    public let maxWords: Int

    /// Creates a segmenter.
    /// - Parameters:
    ///   - lexicon: the word lists to use; ``TokenizerLexicon/builtIn`` when not given.
    ///   - maxWords: the longest sentence kept whole (at least 10).
    public init(lexicon: TokenizerLexicon = .builtIn, maxWords: Int = 250) {
        self.lexicon = lexicon
        self.maxWords = max(10, maxWords)
    }

    /// Sets the document's sentences from its tokens.
    public func process(_ document: inout Document) throws {
        document.sentences = segment(document.text, tokens: document.tokens)
    }

    /// `sentence` cut into pieces of at most ``maxWords`` words.
    func limited(_ sentence: Sentence, tokens: [Token]) -> [Sentence] {
        var pieces: [Sentence] = []
        var first = sentence.tokens.lowerBound
        let end = sentence.tokens.upperBound
        while end - first > maxWords {
            // The new piece starts after the last ';' (else ',') in the window's second half, else at
            // the limit; never inside a multiword token.
            let window = (first + maxWords / 2 + 1)...(first + maxWords)
            func after(_ marks: Set<String>) -> Int? {
                window.reversed().first { marks.contains(tokens[$0 - 1].form) && startsWord($0, tokens) }
            }
            var cut = after([";"]) ?? after([",", ":"]) ?? first + maxWords
            while cut > first + 1 && !startsWord(cut, tokens) { cut -= 1 }
            pieces.append(
                Sentence(
                    tokens: first..<cut, range: tokens[first].range.lowerBound..<tokens[cut - 1].range.upperBound,
                    paragraph: sentence.paragraph, isHeading: false))
            first = cut
        }
        let range = (pieces.isEmpty ? sentence.range.lowerBound : tokens[first].range.lowerBound)..<sentence.range.upperBound
        pieces.append(Sentence(tokens: first..<end, range: range, paragraph: sentence.paragraph, isHeading: sentence.isHeading))
        return pieces
    }

    /// Whether word `index` is not inside a multiword token begun by an earlier word.
    func startsWord(_ index: Int, _ tokens: [Token]) -> Bool {
        guard let start = tokens[index].multiwordStart else { return true }
        return start == index
    }

    /// The sentences of a tokenized text.
    /// - Parameters:
    ///   - text: the document text.
    ///   - tokens: its words, in order, with ranges into `text`.
    public func segment(_ text: String, tokens: [Token]) -> [Sentence] {
        guard !tokens.isEmpty else { return [] }
        let bytes = Array(text.utf8)
        let surfaces = SurfaceTokens(tokens: tokens, bytes: bytes)
        let wrapped = isHardWrapped(bytes)
        var sentences: [Sentence] = []
        var paragraph = 0
        var first = 0  // first surface token of the current sentence
        let count = surfaces.count
        for index in 0..<count {
            let isLast = index == count - 1
            var boundary = isLast
            var newParagraph = false
            var lineBreak = false
            if !isLast {
                let gap = surfaces.gap(after: index)
                if gap.newlines >= 2 {
                    boundary = true
                    newParagraph = true
                } else {
                    boundary = endsSentence(at: index, first: first, surfaces: surfaces)
                    if !boundary && gap.newlines == 1 {
                        boundary = breaksLine(after: index, surfaces: surfaces, wrapped: wrapped)
                    }
                    if !boundary && surfaces.isBullet(index + 1) && index + 1 > first { boundary = true }
                }
                lineBreak = gap.newlines >= 1
            }
            guard boundary else { continue }
            let lastEnds = surfaces.endsWithTerminal(index)
            let firstWord = surfaces.firstWord(first)
            let endWord = surfaces.endWord(index)
            let range = surfaces.start(first)..<surfaces.end(index)
            let sentence = Sentence(
                tokens: firstWord..<endWord, range: range, paragraph: paragraph,
                isHeading: !lastEnds && (isLast || lineBreak))
            if endWord - firstWord > maxWords {
                sentences += limited(sentence, tokens: tokens)
            } else {
                sentences.append(sentence)
            }
            if newParagraph { paragraph += 1 }
            first = index + 1
        }
        return sentences
    }

    /// Whether a sentence ends after surface token `index` on punctuation evidence.
    func endsSentence(at index: Int, first: Int, surfaces: SurfaceTokens) -> Bool {
        // Most tokens are words: ending in a letter or digit and not a smiley, they end nothing.
        let lastByte = surfaces.lastByte(index)
        if lastByte < 128 && ScalarText.kind(of: Unicode.Scalar(lastByte)).contains(.word) {
            let firstByte = surfaces.firstByte(index)
            if firstByte != 58 && firstByte != 59 && firstByte != 61 { return false }
        }
        // A footnote mark after a full stop belongs to its sentence: "... in 1805.[6] The".
        if surfaces.isFootnote(startingAt: index + 1) { return false }
        // Find the terminal this token closes: the token itself, or the last terminal before closers.
        var terminal = index
        if index >= 3 && surfaces.isFootnote(startingAt: index - 2) { terminal = index - 3 }
        while terminal > first && terminal > index - 4 && surfaces.isCloser(terminal)
            && !surfaces.gap(after: terminal - 1).hasSpace
        {
            terminal -= 1
        }
        let kind = surfaces.terminalKind(terminal, lexicon: lexicon)
        guard kind != .none else { return false }
        let next = index + 1
        // The next token must be apart; a closer attached to us is handled at its own index.
        let gap = surfaces.gap(after: index)
        guard gap.hasSpace else { return false }
        if surfaces.isCloser(next) && surfaces.isCloserOnly(next) && !surfaces.isOpener(next) { return false }
        let start = surfaces.sentenceStartClass(next)
        switch kind {
        case .none:
            return false
        case .period, .question, .exclamation:
            // A quote closed after the mark and a lower-case word: `"Over?" she asked`.
            if terminal < index && start == .lower { return false }
            // Otherwise even a lower-case word after a full stop that is no abbreviation's starts a
            // sentence (web text; the treebanks agree 96% of the time).
            return start != .punctuation || surfaces.isOpener(next)
        case .ellipsis:
            return start == .upper || start == .digit
        case .emoticon:
            return start == .upper
        case .abbreviation(let word):
            if lexicon.titles.contains(word) { return false }
            guard start == .upper else { return false }
            if (lexicon.abbreviations[word] ?? 0) >= 0.5 { return true }
            return surfaces.isStarter(next, lexicon: lexicon)
        case .initial:
            return false
        }
    }

    /// Whether a single line break after surface token `index` ends a sentence.
    func breaksLine(after index: Int, surfaces: SurfaceTokens, wrapped: Bool) -> Bool {
        guard wrapped else { return true }
        let next = index + 1
        if surfaces.isBullet(next) || surfaces.startsListItem(next) { return true }
        // In hard-wrapped text, a short line is a heading or the end of a paragraph.
        return surfaces.lineLength(containing: index) < 40 && surfaces.sentenceStartClass(next) != .lower
    }

    /// Whether most lines of the text are wrapped at a fixed width (so a line break is not a sentence break).
    func isHardWrapped(_ bytes: [UInt8]) -> Bool {
        var lines: [(length: Int, open: Bool)] = []
        var lineStart = 0
        for position in 0...bytes.count where position == bytes.count || bytes[position] == 10 {
            var last = position - 1
            while last >= lineStart && (bytes[last] == 32 || bytes[last] == 13 || bytes[last] == 9) { last -= 1 }
            let length = last - lineStart + 1
            let open = length > 0 && !".!?:\"')".utf8.contains(bytes[last])
            lines.append((length, open))
            lineStart = position + 1
        }
        var pairs = 0
        var wrapped = 0
        for index in lines.indices.dropLast() where lines[index].length > 0 && lines[index + 1].length > 0 {
            pairs += 1
            if lines[index].open && lines[index].length >= 50 && lines[index].length <= 100 { wrapped += 1 }
        }
        return pairs >= 2 && wrapped * 2 >= pairs
    }
}

/// What ends a candidate sentence.
enum TerminalKind: Equatable {
    case none
    case period
    case question
    case exclamation
    case ellipsis
    /// A word with its period ("U.S."), lower-cased.
    case abbreviation(String)
    /// A single letter with a period ("J.").
    case initial
    /// A smiley (":-)").
    case emoticon
}

/// How the token after a candidate boundary starts.
enum StartClass {
    case upper, lower, digit, punctuation, other
}

/// Surface tokens (a multiword token counts once) of a tokenized text.
struct SurfaceTokens {
    let tokens: [Token]
    let bytes: [UInt8]
    /// Index of the first word of each surface token.
    let firstWords: [Int]
    let starts: [Int]
    let ends: [Int]

    init(tokens: [Token], bytes: [UInt8]) {
        self.tokens = tokens
        self.bytes = bytes
        var firstWords: [Int] = []
        var starts: [Int] = []
        var ends: [Int] = []
        firstWords.reserveCapacity(tokens.count)
        starts.reserveCapacity(tokens.count)
        ends.reserveCapacity(tokens.count)
        for index in tokens.indices {
            let multiwordStart = tokens[index].multiwordStart
            let range = tokens[index].range
            if multiwordStart == nil || multiwordStart == index || firstWords.isEmpty {
                firstWords.append(index)
                starts.append(range.lowerBound)
                ends.append(range.upperBound)
            } else {
                starts[starts.count - 1] = min(starts[starts.count - 1], range.lowerBound)
                ends[ends.count - 1] = max(ends[ends.count - 1], range.upperBound)
            }
        }
        self.firstWords = firstWords
        self.starts = starts
        self.ends = ends
    }

    var count: Int { firstWords.count }

    func firstWord(_ surface: Int) -> Int { firstWords[surface] }
    func endWord(_ surface: Int) -> Int { surface + 1 < count ? firstWords[surface + 1] : tokens.count }
    func start(_ surface: Int) -> Int { starts[surface] }
    func firstByte(_ surface: Int) -> UInt8 { starts[surface] < bytes.count ? bytes[starts[surface]] : 0 }
    func lastByte(_ surface: Int) -> UInt8 {
        ends[surface] > 0 && ends[surface] <= bytes.count ? bytes[ends[surface] - 1] : 0
    }
    func end(_ surface: Int) -> Int { ends[surface] }

    /// The surface token's bytes.
    func bytes(_ surface: Int) -> ArraySlice<UInt8> {
        let lower = min(start(surface), bytes.count)
        return bytes[lower..<max(lower, min(end(surface), bytes.count))]
    }

    /// The whitespace between a surface token and the next.
    func gap(after surface: Int) -> (hasSpace: Bool, newlines: Int) {
        guard surface + 1 < count else { return (true, 0) }
        let lower = min(end(surface), bytes.count)
        let upper = max(lower, min(start(surface + 1), bytes.count))
        var newlines = 0
        var position = lower
        while position < upper {
            let byte = bytes[position]
            if byte == 10 {
                newlines += 1
            } else if byte == 0xE2 && position + 2 < upper && bytes[position + 1] == 0x80
                && (bytes[position + 2] == 0xA8 || bytes[position + 2] == 0xA9)
            {
                newlines += 2
            }
            position += 1
        }
        return (upper > lower, newlines)
    }

    func terminalKind(_ surface: Int, lexicon: TokenizerLexicon) -> TerminalKind {
        let text = bytes(surface)
        guard let last = text.last else { return .none }
        if text.allSatisfy({ $0 == 46 || $0 == 33 || $0 == 63 }) {
            if text.contains(63) { return .question }
            if text.contains(33) { return .exclamation }
            return text.count == 1 ? .period : .ellipsis
        }
        if text.elementsEqual([0xE2, 0x80, 0xA6]) { return .ellipsis }  // …
        if text.count >= 2 && text.count <= 3 && (text.first == 58 || text.first == 59 || text.first == 61)
            && !text.dropFirst().contains(where: {
                ($0 >= 65 && $0 <= 90 && $0 != 68 && $0 != 80) || ($0 >= 97 && $0 <= 122 && $0 != 112)
            })
        {
            return .emoticon  // :) ;-) =D :P
        }
        guard last == 46, text.count >= 2 else { return .none }
        let word = String(decoding: text, as: UTF8.self).lowercased()
        if word.unicodeScalars.count == 2, word.unicodeScalars.first!.properties.isAlphabetic { return .initial }
        return .abbreviation(word)
    }

    func endsWithTerminal(_ surface: Int) -> Bool {
        var index = surface
        while index > 0 && index > surface - 4 && isCloser(index) { index -= 1 }
        let text = bytes(index)
        guard let last = text.last else { return false }
        return last == 46 || last == 33 || last == 63 || text.elementsEqual([0xE2, 0x80, 0xA6])
    }

    private static let closers: [[UInt8]] = ["\"", "'", ")", "]", "}", "\u{201D}", "\u{2019}", "\u{00BB}"].map {
        Array($0.utf8)
    }
    private static let openers: [[UInt8]] = ["\"", "'", "(", "[", "{", "\u{201C}", "\u{2018}", "\u{00AB}"].map {
        Array($0.utf8)
    }
    private static let bullets: [[UInt8]] = [
        "\u{2022}", "\u{00B7}", "\u{25AA}", "\u{25E6}", "\u{25CF}", "\u{25A0}",
        "\u{25BA}", "*", "-", "\u{2013}", "\u{2014}",
    ].map { Array($0.utf8) }

    func isCloser(_ surface: Int) -> Bool {
        guard surface < count else { return false }
        let text = bytes(surface)
        return SurfaceTokens.closers.contains { $0.elementsEqual(text) }
    }

    /// A closing-only mark (`)`, `]`, `”`) rather than an ambiguous straight quote.
    func isCloserOnly(_ surface: Int) -> Bool {
        guard surface < count else { return false }
        let text = bytes(surface)
        return SurfaceTokens.closers.contains { $0.elementsEqual(text) }
            && !SurfaceTokens.openers.contains { $0.elementsEqual(text) }
    }

    func isOpener(_ surface: Int) -> Bool {
        guard surface < count else { return false }
        return SurfaceTokens.openers.contains { $0.elementsEqual(bytes(surface)) }
    }

    /// Whether surface tokens `surface...surface + 2` are a footnote mark: `[` a number or ellipsis `]`.
    func isFootnote(startingAt surface: Int) -> Bool {
        guard surface >= 0, surface + 2 < count, firstByte(surface) == 91, lastByte(surface + 2) == 93,
            end(surface) - start(surface) == 1, end(surface + 2) - start(surface + 2) == 1
        else { return false }
        let inner = bytes(surface + 1)
        return inner.allSatisfy { ($0 >= 48 && $0 <= 57) || $0 == 46 } || inner.elementsEqual([0xE2, 0x80, 0xA6])
    }

    /// A bullet at the start of a line (or any "•").
    func isBullet(_ surface: Int) -> Bool {
        guard surface < count, surface > 0 else { return false }
        let first = firstByte(surface)
        guard first == 0xE2 || first == 0xC2 || first == 42 || first == 45 else { return false }
        let text = bytes(surface)
        guard SurfaceTokens.bullets.contains(where: { $0.elementsEqual(text) }) else { return false }
        if text.elementsEqual("\u{2022}".utf8) { return true }
        return gap(after: surface - 1).newlines > 0
    }

    /// A numbered list item at the start of a line ("1." or "2)").
    func startsListItem(_ surface: Int) -> Bool {
        guard surface > 0, surface + 1 < count, gap(after: surface - 1).newlines > 0 else { return false }
        let text = bytes(surface)
        guard !text.isEmpty, text.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return false }
        let next = bytes(surface + 1)
        return next == [46] || next == [41]
    }

    /// How the sentence that would start at `surface` begins, looking through opening quotes and brackets.
    func sentenceStartClass(_ surface: Int) -> StartClass {
        var index = surface
        while index < count && isOpener(index) && index < surface + 3 { index += 1 }
        guard index < count else { return .punctuation }
        let text = bytes(index)
        let string = String(decoding: text.prefix(4), as: UTF8.self)
        guard let scalar = string.unicodeScalars.first else { return .punctuation }
        let kind = ScalarText.kind(of: scalar)
        if kind.contains(.upper) { return .upper }
        if kind.contains(.lower) { return .lower }
        if kind.contains(.digit) { return .digit }
        if kind.contains(.letter) || kind.contains(.word) { return .other }
        if scalar == "@" || scalar == "#" || scalar == "$" || scalar == "\u{00A3}" || scalar == "\u{20AC}" {
            return .other
        }
        return .punctuation
    }

    /// Whether the word at `surface` (through openers) usually starts a sentence when capitalized.
    func isStarter(_ surface: Int, lexicon: TokenizerLexicon) -> Bool {
        var index = surface
        while index < count && isOpener(index) && index < surface + 3 { index += 1 }
        guard index < count else { return false }
        let word = String(decoding: bytes(index), as: UTF8.self).lowercased()
        return lexicon.sentenceStarters.contains(word)
    }

    /// The length in bytes of the line that holds surface token `surface`.
    func lineLength(containing surface: Int) -> Int {
        let position = min(start(surface), bytes.count)
        var lower = position
        while lower > 0 && bytes[lower - 1] != 10 { lower -= 1 }
        var upper = position
        while upper < bytes.count && bytes[upper] != 10 { upper += 1 }
        return upper - lower
    }
}
