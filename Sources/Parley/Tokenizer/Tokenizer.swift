/// Splits a document's text into syntactic words following the UD English EWT conventions.
///
/// Punctuation is split off; clitics (`'s`, `n't`, `'re`, `'ve`, `'ll`, `'d`, `'m`) become words of
/// a multiword token ("don't" = "do" + "n't"); numbers (`1,000`, `3.5`, `5:30`, `9/11`), URLs,
/// e-mail addresses, @handles, #tags, emoticons and known abbreviations ("Dr.", "U.S.") stay whole;
/// hyphenated words are split ("search - engine") unless their first part is a prefix kept whole
/// ("e-mail", "co-workers"). Runs of `.`, `!`, `?` and `-` are one token.
public struct Tokenizer: PipelineStage {
    /// The stage name in messages.
    public let name = "tokenizer"
    /// Layers needed before this stage.
    public let requires: Set<Annotation> = []
    /// Layers this stage fills.
    public let assigns: Set<Annotation> = [.tokens]
    /// Abbreviations, hyphen prefixes and contractions.
    public let lexicon: TokenizerLexicon

    /// Creates a tokenizer.
    /// - Parameter lexicon: the word lists to use; ``TokenizerLexicon/builtIn`` when not given.
    public init(lexicon: TokenizerLexicon = .builtIn) {
        self.lexicon = lexicon
    }

    /// Sets the document's tokens.
    public func process(_ document: inout Document) throws {
        document.tokens = tokenize(document.text)
    }

    /// The syntactic words of a text, with UTF-8 byte ranges into it.
    /// - Parameter text: the text to split.
    public func tokenize(_ text: String) -> [Token] {
        var scanner = Scanner(text: ScalarText(text), lexicon: lexicon)
        scanner.run()
        return scanner.tokens
    }
}

private let emoticons: [String] = [
    ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", ":)", ":(", ":D", ":P", ":p", ":/", ";)", ":]",
    ":[", "=)", "<3", ":o", ":O", "^_^", "^^", "XD", ":|",
].sorted { $0.unicodeScalars.count > $1.unicodeScalars.count }

private let clitics: Set<String> = ["s", "re", "ve", "ll", "d", "m"]

/// Units split from a number written against them ("35mm" = "35" + "mm"), as packed lower-case keys.
private let units: Set<UInt64> = Set(
    [
        "am", "pm", "mm", "cm", "km", "kg", "mg", "lb", "lbs", "mph", "kph", "ft", "ml", "oz", "gb", "mb", "kb", "tb",
        "ghz",
        "mhz", "hz", "kw", "mw", "k",
    ].compactMap { Scanner.pack($0.unicodeScalars) })

/// Abbreviations that keep their period only before a number ("No. 4", "Vol. 2").
private let numberAbbreviations: Set<String> = ["no.", "nos.", "vol.", "pp.", "fig.", "art.", "sec.", "ch."]

private struct Scanner {
    let text: ScalarText
    let lexicon: TokenizerLexicon
    var tokens: [Token] = []
    /// Whether a single quote opened (at a word start) on the current line and is not closed yet.
    var singleQuoteOpen = false

    /// The lexicon's ASCII contractions keyed by their lower-cased bytes packed into an integer.
    let contractions: [UInt64: [Int]]

    init(text: ScalarText, lexicon: TokenizerLexicon) {
        self.text = text
        self.lexicon = lexicon
        var contractions: [UInt64: [Int]] = [:]
        for (word, lengths) in lexicon.contractions {
            if let key = Scanner.pack(word.unicodeScalars) { contractions[key] = lengths }
        }
        self.contractions = contractions
        tokens.reserveCapacity(text.count / 4)
    }

    mutating func run() {
        let kinds = text.kinds
        var index = 0
        let count = text.count
        while index < count {
            if kinds[index].contains(.space) {
                if kinds[index].contains(.newline) { singleQuoteOpen = false }
                if !tokens.isEmpty { tokens[tokens.count - 1].spaceAfter = true }
                index += 1
                continue
            }
            var end = index + 1
            while end < count && !kinds[end].contains(.space) { end += 1 }
            scanChunk(index, end)
            index = end
        }
    }

    /// Up to 8 ASCII characters, lower-cased, packed into an integer; `nil` for longer or non-ASCII text.
    static func pack<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> UInt64? {
        var key: UInt64 = 0
        var count = 0
        for scalar in scalars {
            var value = scalar.value
            guard value < 128, value > 0, count < 8 else { return nil }
            if value >= 65 && value <= 90 { value += 32 }
            key = key << 8 | UInt64(value)
            count += 1
        }
        return key
    }

    func packedKey(_ start: Int, _ stop: Int) -> UInt64? {
        Scanner.pack(text.scalars[start..<stop])
    }

    // MARK: Emitting

    mutating func emit(_ start: Int, _ end: Int) {
        let range = text.offset(start)..<text.offset(end)
        tokens.append(Token(range: range, form: text.string(start..<end), spaceAfter: false))
    }

    /// Emits a multiword token whose words have the given lengths in scalars.
    mutating func emitMultiword(_ start: Int, _ lengths: [Int]) {
        let first = tokens.count
        var position = start
        for length in lengths {
            emit(position, position + length)
            tokens[tokens.count - 1].multiwordStart = first
            position += length
        }
    }

    // MARK: Scanning a whitespace-free chunk

    mutating func scanChunk(_ start: Int, _ end: Int) {
        let scalars = text.scalars
        let kinds = text.kinds
        var index = start
        while index < end {
            let scalar = scalars[index]
            let kind = kinds[index]
            if kind.contains(.word) {
                if let stop = webAddressEnd(index, end) {
                    emit(index, stop)
                    index = stop
                    continue
                }
                index = scanWord(index, end, chunkStart: start)
                continue
            }
            if (scalar == "@" || scalar == "#") && index + 1 < end
                && (scalar == "@" ? kinds[index + 1].contains(.word) : kinds[index + 1].contains(.letter))
                && (index == start || !kinds[index - 1].contains(.word))
            {
                if scalar == "@", let stop = webAddressEnd(index, end) {
                    emit(index, stop)
                    index = stop
                    continue
                }
                var stop = index + 1
                while stop < end && kinds[stop].contains(.word) { stop += 1 }
                emit(index, stop)
                index = stop
                continue
            }
            if ScalarText.isApostrophe(scalar) {
                if let stop = cliticEnd(index, end) {
                    emit(index, stop)
                    index = stop
                    continue
                }
                if index == start && index + 1 < end && kinds[index + 1].contains(.letter) { singleQuoteOpen = true }
            }
            if let length = emoticonLength(index, end) {
                emit(index, index + length)
                index += length
                continue
            }
            var stop = index + 1
            if scalar == "." || scalar == "!" || scalar == "?" {
                while stop < end && (scalars[stop] == "." || scalars[stop] == "!" || scalars[stop] == "?") { stop += 1 }
            } else if isQuote(scalar) {
                // '' and ’’ written for a double quote.
                while stop < end && isQuote(scalars[stop]) { stop += 1 }
            } else if scalar == "-" || scalar == "*" || scalar == "=" || scalar == "~" || scalar == "_" || scalar == "+"
                || scalar == ">" || scalar == "<" || scalar == "/" || scalar == "|" || scalar == "$"
                || scalar == "\u{2014}"
                || scalar == "\u{2013}"
            {
                while stop < end && scalars[stop] == scalar { stop += 1 }
            }
            emit(index, stop)
            index = stop
        }
    }

    func isQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "`"
    }

    /// The end of an emoticon that starts at `index` and closes the chunk.
    func emoticonLength(_ index: Int, _ end: Int) -> Int? {
        let first = text.scalars[index]
        guard first == ":" || first == ";" || first == "=" || first == "<" || first == "^" || first == "X" else {
            return nil
        }
        for emoticon in emoticons {
            let length = emoticon.unicodeScalars.count
            guard index + length == end else { continue }
            var matched = true
            for (offset, expected) in emoticon.unicodeScalars.enumerated()
            where text.scalars[index + offset] != expected {
                matched = false
                break
            }
            if matched { return length }
        }
        return nil
    }

    /// The end of a clitic written apart from its host ("'s" in "Bush 's", "'re").
    func cliticEnd(_ index: Int, _ end: Int) -> Int? {
        guard index == 0 || !text.kinds[index - 1].contains(.word) else { return nil }
        // Decades: '70s.
        if index + 3 < end && text.kinds[index + 1].contains(.digit) && text.kinds[index + 2].contains(.digit)
            && text.scalars[index + 3] == "s" && (index + 4 == end || !text.kinds[index + 4].contains(.word))
        {
            return index + 4
        }
        var stop = index + 1
        while stop < end && text.kinds[stop].contains(.letter) { stop += 1 }
        guard stop > index + 1, stop == end || !text.kinds[stop].contains(.word) else { return nil }
        guard index == 0 || !text.kinds[index - 1].contains(.word) else { return nil }
        let word = text.lowered((index + 1)..<stop)
        return clitics.contains(word) || word == "em" ? stop : nil
    }

    /// The end of a URL or e-mail address starting at `index`, trailing punctuation excluded.
    func webAddressEnd(_ index: Int, _ end: Int) -> Int? {
        let scalars = text.scalars
        let kinds = text.kinds
        let first = scalars[index]
        let mayBeURL = first == "h" || first == "H" || first == "f" || first == "F" || first == "w" || first == "W"
        let isURL =
            mayBeURL
            && text.matches("http://", at: index, end: end) || text.matches("https://", at: index, end: end)
            || mayBeURL && text.matches("ftp://", at: index, end: end)
            || mayBeURL && text.matches("www.", at: index, end: end)
        if !isURL {
            // local@domain.tld (local parts are at most 64 characters: this also keeps scanning linear)
            var at = index
            let localEnd = min(end, index + 65)
            while at < localEnd
                && (kinds[at].contains(.word) || scalars[at] == "." || scalars[at] == "-" || scalars[at] == "+")
            {
                at += 1
            }
            guard at < end, scalars[at] == "@", at > index || scalars[index] == "@" else { return nil }
            var dot = false
            var position = at + 1
            let domainEnd = min(end, at + 256)
            while position < domainEnd
                && (kinds[position].contains(.word) || scalars[position] == "." || scalars[position] == "-")
            {
                if scalars[position] == "." && position + 1 < end && kinds[position + 1].contains(.word) { dot = true }
                position += 1
            }
            guard dot || position > at + 1, at > index, kinds[index].contains(.letter) else { return nil }
            var stop = position
            while stop > at && (scalars[stop - 1] == "." || scalars[stop - 1] == "-") { stop -= 1 }
            return stop
        }
        var stop = end
        var opened = 0
        for position in index..<end where scalars[position] == "(" { opened += 1 }
        while stop > index {
            let last = scalars[stop - 1]
            if last == ")" && opened > 0 { break }
            if ".,;:!?\"')]>}".unicodeScalars.contains(last) || last == "\u{201D}" || last == "\u{2019}" {
                stop -= 1
            } else {
                break
            }
        }
        return stop > index ? stop : nil
    }

    /// Scans a word with its inner connectors, splits it and emits it; returns where scanning goes on.
    mutating func scanWord(_ start: Int, _ end: Int, chunkStart: Int) -> Int {
        let scalars = text.scalars
        let kinds = text.kinds
        var stop = start
        var innerPeriods = false
        while true {
            while stop < end && kinds[stop].contains(.word) { stop += 1 }
            guard stop + 1 < end, stop > start else { break }
            let connector = scalars[stop]
            let previous = kinds[stop - 1]
            let next = kinds[stop + 1]
            if (connector == "." || connector == ",") && previous.contains(.digit) && next.contains(.digit) {
                stop += 1
            } else if connector == "." && next.contains(.letter) && previous.contains(.word) {
                innerPeriods = true
                stop += 1
            } else if (connector == ":" || connector == "/") && previous.contains(.digit) && next.contains(.digit) {
                stop += 1
            } else if connector == "/" && stop - start == 1 && previous.contains(.letter) && next.contains(.letter)
                && (stop + 2 == end || !kinds[stop + 2].contains(.word))
            {
                // Letter/letter abbreviations: "b/c", "w/o", "l/c".
                stop += 2
                break
            } else if ScalarText.isApostrophe(connector) && next.contains(.letter) && previous.contains(.letter) {
                stop += 1
            } else if ScalarText.isHyphen(connector) && next.contains(.word) {
                stop += 1
            } else if connector == "&" && previous.contains(.upper) && next.contains(.upper) {
                stop += 1
            } else {
                break
            }
        }
        // A final period that belongs to an abbreviation or an initial.
        // ("Inc.." is the abbreviation and a full stop.)
        let periods = stop < end && scalars[stop] == "." ? (stop + 1 < end && scalars[stop + 1] == "." ? 2 : 1) : 0
        if periods == 1 || (periods == 2 && (stop + 2 == end || scalars[stop + 2] != ".")) {
            // After a hyphen only the last part can be an abbreviation ("R-Ariz.").
            var lastPart = stop
            while lastPart > start && !ScalarText.isHyphen(scalars[lastPart - 1]) { lastPart -= 1 }
            if lastPart < stop && keepsPeriod(lastPart, stop, innerPeriods: innerPeriods) {
                if lastPart == start {
                    emit(start, stop + 1)
                } else {
                    emitPieces(start, stop + 1, possessiveEnd: nil)
                }
                return stop + 1
            }
        }
        // A word cut off with a hyphen ("th- the", "pre- and post-war").
        if stop < end && ScalarText.isHyphen(scalars[stop]) && stop + 1 == end && kinds[stop - 1].contains(.letter) {
            emitPieces(start, stop + 1, possessiveEnd: nil)
            return stop + 1
        }
        // A plural possessive ("Edwards'"), unless a single quote is open on this line.
        if stop < end && ScalarText.isApostrophe(scalars[stop]) && !singleQuoteOpen && stop - start >= 2
            && (scalars[stop - 1] == "s" || scalars[stop - 1] == "S")
            && (stop + 1 == end || (!kinds[stop + 1].contains(.word) && !isQuote(scalars[stop + 1])))
        {
            emitPieces(start, stop, possessiveEnd: stop + 1)
            return stop + 1
        }
        emitPieces(start, stop, possessiveEnd: nil)
        return stop
    }

    /// Whether the period after `start..<stop` is part of the word.
    func keepsPeriod(_ start: Int, _ stop: Int, innerPeriods: Bool) -> Bool {
        if stop - start == 1 && text.kinds[start].contains(.letter) { return true }
        let key = text.lowered(start..<stop) + "."
        if numberAbbreviations.contains(key) {
            // "No. 4" but "say No."
            var next = stop + 1
            while next < text.count && text.kinds[next].contains(.space) { next += 1 }
            return next < text.count && text.kinds[next].contains(.digit)
        }
        if lexicon.abbreviations[key] != nil { return true }
        // A short word whose period a comma follows is an abbreviation ("Cal., ...").
        if stop + 1 < text.count && text.scalars[stop + 1] == "," && stop - start <= 5 {
            var letters = true
            for index in start..<stop where !text.kinds[index].contains(.letter) {
                letters = false
                break
            }
            if letters { return true }
        }
        guard innerPeriods else { return false }
        // Letter-period sequences with short parts: "U.S.", "e.g.", "Ph.D."
        var partLength = 0
        for index in start..<stop {
            if text.scalars[index] == "." {
                partLength = 0
            } else {
                guard text.kinds[index].contains(.letter) else { return false }
                partLength += 1
                if partLength > 2 { return false }
            }
        }
        return true
    }

    /// Splits a word at hyphens that are not kept and emits the pieces, contractions as multiword tokens.
    mutating func emitPieces(_ start: Int, _ stop: Int, possessiveEnd: Int?) {
        let scalars = text.scalars
        var pieceStart = start
        var index = start
        while index < stop {
            if ScalarText.isHyphen(scalars[index]) && index > pieceStart && index + 1 < stop {
                if !keepsHyphen(pieceStart, index, index + 1, stop, wordStart: start) {
                    emitPiece(pieceStart, index, possessiveEnd: nil)
                    var hyphenEnd = index + 1
                    while hyphenEnd < stop && ScalarText.isHyphen(scalars[hyphenEnd]) { hyphenEnd += 1 }
                    emit(index, hyphenEnd)
                    pieceStart = hyphenEnd
                    index = hyphenEnd
                    continue
                }
            } else if ScalarText.isHyphen(scalars[index]) && index == pieceStart {
                // Leading hyphens of a piece (a run "a--b").
                var hyphenEnd = index + 1
                while hyphenEnd < stop && ScalarText.isHyphen(scalars[hyphenEnd]) { hyphenEnd += 1 }
                emit(index, hyphenEnd)
                pieceStart = hyphenEnd
                index = hyphenEnd
                continue
            }
            index += 1
        }
        if pieceStart < stop { emitPiece(pieceStart, stop, possessiveEnd: possessiveEnd) }
    }

    /// Whether the hyphen between `left` and `right` stays inside the word.
    func keepsHyphen(_ leftStart: Int, _ leftEnd: Int, _ rightStart: Int, _ rightEnd: Int, wordStart: Int) -> Bool {
        let kinds = text.kinds
        if ScalarText.isHyphen(text.scalars[rightStart]) { return false }
        // Numbers and codes: 713-853-3989, 4-12, x3-9890.
        var leftDigit = false
        for index in leftStart..<leftEnd where kinds[index].contains(.digit) {
            leftDigit = true
            break
        }
        if leftDigit && kinds[rightStart].contains(.digit) {
            // Ranges of plain numbers are split ("3 - 4", "1969 - 1970"); phone numbers and codes are kept.
            guard isNumeral(leftStart, leftEnd) else { return true }
            var rightStop = rightStart
            while rightStop < rightEnd && !ScalarText.isHyphen(text.scalars[rightStop]) { rightStop += 1 }
            guard isNumeral(rightStart, rightStop) else { return true }
            let hyphens = (leftStart..<rightEnd).filter { ScalarText.isHyphen(text.scalars[$0]) }.count
            return hyphens >= 2 || (leftEnd - leftStart == 3 && rightStop - rightStart == 4)
        }
        // The left part since the previous kept hyphen.
        var partStart = leftEnd
        while partStart > leftStart && !ScalarText.isHyphen(text.scalars[partStart - 1]) { partStart -= 1 }
        // A prefix counts at the start of the word only ("anti-war", but "Tehreek - e - Taliban").
        guard leftStart == wordStart else { return false }
        return lexicon.hyphenPrefixes.contains(text.lowered(partStart..<leftEnd))
    }

    /// Whether scalars `start..<stop` are digits with `.`, `,` or `:` between them.
    func isNumeral(_ start: Int, _ stop: Int) -> Bool {
        guard start < stop else { return false }
        for index in start..<stop {
            let scalar = text.scalars[index]
            if !text.kinds[index].contains(.digit) && scalar != "." && scalar != "," && scalar != ":" { return false }
        }
        return true
    }

    /// Emits one piece of a word: a plain token or a multiword token.
    mutating func emitPiece(_ start: Int, _ stop: Int, possessiveEnd: Int?) {
        if let possessiveEnd {
            emitMultiword(start, [stop - start, possessiveEnd - stop])
            return
        }
        let scalars = text.scalars
        let length = stop - start
        // n't
        if length > 3 && ScalarText.isApostrophe(scalars[stop - 2])
            && (scalars[stop - 1] == "t" || scalars[stop - 1] == "T")
            && (scalars[stop - 3] == "n" || scalars[stop - 3] == "N") && text.kinds[stop - 4].contains(.letter)
        {
            emitMultiword(start, [length - 3, 3])
            return
        }
        // 's 're 've 'll 'd 'm
        var apostrophe = stop - 1
        while apostrophe > start && !ScalarText.isApostrophe(scalars[apostrophe]) { apostrophe -= 1 }
        if apostrophe > start && apostrophe < stop - 1 && stop - apostrophe <= 3
            && clitics.contains(text.lowered((apostrophe + 1)..<stop))
        {
            var clean = true
            for index in start..<apostrophe where !text.kinds[index].contains(.word) {
                clean = false
                break
            }
            if clean {
                emitMultiword(start, [apostrophe - start, stop - apostrophe])
                return
            }
        }
        if length >= 2 && length <= 8, let key = packedKey(start, stop), let lengths = contractions[key] {
            emitMultiword(start, lengths)
            return
        }
        // A number and its unit written together: "7:30pm", "35mm", "430km".
        if text.kinds[start].contains(.digit) && length >= 2 {
            var letter = start
            while letter < stop && !text.kinds[letter].contains(.letter) { letter += 1 }
            if letter > start && letter < stop && stop - letter <= 3 && isNumeral(start, letter),
                let key = Scanner.pack(scalars[letter..<stop]), units.contains(key)
            {
                emit(start, letter)
                emit(letter, stop)
                return
            }
        }
        emit(start, stop)
    }
}
