import Foundation

/// A word as the fact stages see it: its position, its lower-cased form and its sentence.
struct FactWord: Sendable {
    var range: Range<Int>
    var form: String
    var lower: String
    /// `lower` without full stops ("oct." → "oct", "u.s." → "us"), for matching abbreviations.
    var bare: String
    var sentence: Int
    /// Index into ``Document/tokens`` when the document was tokenized, else `nil`.
    var token: Int?

    init(range: Range<Int>, form: String, sentence: Int, token: Int? = nil) {
        self.range = range
        self.form = form
        self.lower = TextFolding.lowercase(form)
        self.bare = lower.utf8.contains(UInt8(ascii: ".")) ? FactWord.removingStops(lower) : lower
        self.sentence = sentence
        self.token = token
    }

    /// The text without full stops; ASCII byte by byte, the rest through Foundation.
    private static func removingStops(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.replacingOccurrences(of: ".", with: "") }
        return String(decoding: text.utf8.filter { $0 != UInt8(ascii: ".") }, as: UTF8.self)
    }

    var isCapitalized: Bool {
        guard let first = form.unicodeScalars.first else { return false }
        if first.isASCII { return first >= "A" && first <= "Z" }
        return CharacterSet.uppercaseLetters.contains(first)
    }
    var isNumber: Bool { !form.isEmpty && form.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || $0 == "," } }
    var isPunctuation: Bool {
        !form.isEmpty
            && form.unicodeScalars.allSatisfy { scalar in
                // In ASCII, every visible character but letters and digits is punctuation or a symbol.
                if scalar.isASCII {
                    return scalar.value > 0x20 && scalar.value < 0x7F && !(scalar >= "0" && scalar <= "9")
                        && !(scalar >= "A" && scalar <= "Z") && !(scalar >= "a" && scalar <= "z")
                }
                return CharacterSet.punctuationCharacters.contains(scalar) || CharacterSet.symbols.contains(scalar)
            }
    }
}

/// The words and sentences of a document for the fact stages.
///
/// Uses the document's tokens and sentences when earlier stages filled them; otherwise splits the
/// text itself (words at spaces and punctuation, sentences at final punctuation and line breaks), so
/// the stages also run on raw text.
struct FactText: Sendable {
    var words: [FactWord] = []
    /// Per sentence: the range of `words`, the byte range and the paragraph.
    var sentences: [(words: Range<Int>, range: Range<Int>, paragraph: Int)] = []
    let bytes: [UInt8]

    init(_ document: Document) {
        bytes = Array(document.text.utf8)
        if !document.tokens.isEmpty && !document.sentences.isEmpty {
            for (index, sentence) in document.sentences.enumerated() {
                let start = words.count
                for tokenIndex in sentence.tokens where tokenIndex < document.tokens.count {
                    // The two fields alone: copying the whole token retains and releases all its strings.
                    words.append(
                        FactWord(
                            range: document.tokens[tokenIndex].range, form: document.tokens[tokenIndex].form,
                            sentence: index, token: tokenIndex))
                }
                sentences.append((start..<words.count, sentence.range, sentence.paragraph))
            }
        } else {
            split(document.text)
        }
    }

    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, bytes.count))
        let upper = max(lower, min(range.upperBound, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    /// The source text from word `first` through word `last`.
    func text(words first: Int, _ last: Int) -> String {
        guard first <= last, first >= 0, last < words.count else { return "" }
        return text(words[first].range.lowerBound..<words[last].range.upperBound)
    }

    /// The index of the sentence containing a byte offset.
    func sentence(containing offset: Int) -> Int? {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = sentences[mid].range
            if offset < range.lowerBound {
                high = mid - 1
            } else if offset >= range.upperBound {
                low = mid + 1
            } else {
                return mid
            }
        }
        return nil
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "maj", "capt", "sgt", "gov", "sen", "rep", "prof", "no",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "etc", "inc",
        "co", "corp", "ltd", "jr", "sr", "u.s", "u.n", "e.g", "i.e", "approx", "dist", "km",
    ]

    private mutating func split(_ text: String) {
        // Words: maximal runs of letters/digits (with inner ' - . , joining letters or digits); every other
        // non-space character is a word of its own.
        var pending: [(range: Range<Int>, form: String, newlinesBefore: Int)] = []
        var offset = 0
        var current = ""
        var start = 0
        var newlines = 0
        let scalars = Array(text.unicodeScalars)
        func flush() {
            if !current.isEmpty {
                pending.append((start..<offset, current, newlines))
                newlines = 0
                current = ""
            }
        }
        func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
            CharacterSet.alphanumerics.contains(scalar)
        }
        for (index, scalar) in scalars.enumerated() {
            let width = String(scalar).utf8.count
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if isWordScalar(scalar) {
                if current.isEmpty { start = offset }
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty, let next, isWordScalar(next),
                scalar == "'" || scalar == "\u{2019}" || scalar == "&"
                    || (scalar == "-" && (current.last?.isNumber == true) == (next.properties.numericType != nil))
                    || ((scalar == "." || scalar == ",") && current.last?.isNumber == true && next.properties.numericType != nil)
            {
                current.unicodeScalars.append(scalar)
            } else {
                flush()
                if scalar == "\n" {
                    newlines += 1
                } else if !CharacterSet.whitespacesAndNewlines.contains(scalar) {
                    pending.append((offset..<(offset + width), String(scalar), newlines))
                    newlines = 0
                }
            }
            offset += width
        }
        flush()
        // Sentences.
        var paragraph = 0
        var sentenceStart = 0
        func close(_ end: Int) {
            guard end > sentenceStart else { return }
            let range = pending[sentenceStart].range.lowerBound..<pending[end - 1].range.upperBound
            let index = sentences.count
            for word in pending[sentenceStart..<end] {
                words.append(FactWord(range: word.range, form: word.form, sentence: index))
            }
            sentences.append((words.count - (end - sentenceStart)..<words.count, range, paragraph))
            sentenceStart = end
        }
        let closingQuotes: Set<String> = ["\"", "\u{201D}", "'", "\u{2019}", ")"]
        var index = 0
        while index < pending.count {
            if index > sentenceStart && pending[index].newlinesBefore > 0 {
                close(index)
                if pending[index].newlinesBefore > 1 { paragraph += 1 }
            } else if index == sentenceStart && pending[index].newlinesBefore > 1 && index > 0 {
                paragraph += 1
            }
            let form = pending[index].form
            if form == "." || form == "!" || form == "?" {
                var end = index + 1
                while end < pending.count && closingQuotes.contains(pending[end].form) && pending[end].newlinesBefore == 0 {
                    end += 1
                }
                let previous = index > 0 ? pending[index - 1].form.lowercased() : ""
                let isAbbreviation =
                    form == "." && index > sentenceStart
                    && (FactText.abbreviations.contains(previous)
                        || (previous.count == 1 && previous.first?.isLetter == true))
                let nextStartsSentence: Bool = {
                    guard end < pending.count else { return true }
                    if pending[end].newlinesBefore > 0 { return true }
                    guard let first = pending[end].form.unicodeScalars.first else { return true }
                    return CharacterSet.uppercaseLetters.contains(first) || CharacterSet.decimalDigits.contains(first)
                        || pending[end].form == "\"" || pending[end].form == "\u{201C}"
                }()
                if !isAbbreviation && nextStartsSentence && pending[index].range.upperBound > 0 {
                    close(end)
                    index = end
                    continue
                }
            }
            index += 1
        }
        close(pending.count)
    }
}
