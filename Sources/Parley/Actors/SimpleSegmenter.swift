import Foundation

/// A small rule-based tokenizer and sentence splitter, for running the actor recognizer where no
/// tokenizer stage is in the pipeline (tools, evaluations, tests).
///
/// Words are runs of letters and digits joined by inner hyphens, apostrophes and periods ("U.S.",
/// "Tehreek-e-Taliban"); a possessive `'s` is a word of its own; every other symbol is a word.
/// Sentences end at `.`, `!` or `?` followed by space and an upper-case letter or a quote, and at blank lines.
public struct SimpleSegmenter: PipelineStage {
    public let name = "simple-segmenter"
    public let requires: Set<Annotation> = []
    public let assigns: Set<Annotation> = [.tokens, .sentences]

    /// Creates the segmenter.
    public init() {}

    public func process(_ document: inout Document) throws {
        let bytes = Array(document.text.utf8)
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        var sentenceStart = 0
        var paragraph = 0
        var index = 0
        var pendingBreak = false
        func isWordByte(_ byte: UInt8) -> Bool {
            byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
        }
        func closeSentence() {
            if tokens.count > sentenceStart {
                let range = tokens[sentenceStart].range.lowerBound..<tokens[tokens.count - 1].range.upperBound
                sentences.append(Sentence(tokens: sentenceStart..<tokens.count, range: range, paragraph: paragraph))
            }
            sentenceStart = tokens.count
        }
        func isPunctuationScalar(_ start: Int) -> Int? {
            // Curly quotes, dashes and bullets (3-byte UTF-8 in U+2000–U+206F) are words of their own.
            if start + 2 < bytes.count, bytes[start] == 0xE2, bytes[start + 1] == 0x80 || bytes[start + 1] == 0x81 {
                return 3
            }
            if start + 1 < bytes.count, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 { return -2 }  // no-break space
            return nil
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A {
                var newlines = 0
                var look = index
                while look < bytes.count, bytes[look] == 0x0A || bytes[look] == 0x20 || bytes[look] == 0x09 || bytes[look] == 0x0D {
                    if bytes[look] == 0x0A { newlines += 1 }
                    look += 1
                }
                closeSentence()
                if newlines >= 2 { paragraph += 1 }
                index = look
                pendingBreak = false
                continue
            }
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                index += 1
                continue
            }
            if let special = isPunctuationScalar(index) {
                if special < 0 {
                    index += -special
                    continue
                }
                tokens.append(Token(range: index..<(index + special), form: String(decoding: bytes[index..<(index + special)], as: UTF8.self)))
                index += special
                continue
            }
            if pendingBreak {
                let isUpper = byte >= 0x41 && byte <= 0x5A
                if isUpper || byte == 0x22 || byte >= 0x80 { closeSentence() }
                pendingBreak = false
            }
            if isWordByte(byte) {
                var end = index
                while end < bytes.count {
                    if isWordByte(bytes[end]) && isPunctuationScalar(end) == nil {
                        end += 1
                        continue
                    }
                    // Inner joiners: hyphen, apostrophe, period between word characters ("U.S.", "e-Taliban").
                    let joiner = bytes[end]
                    if (joiner == 0x2D || joiner == 0x2E || joiner == 0x27) && end + 1 < bytes.count && isWordByte(bytes[end + 1])
                        && isPunctuationScalar(end + 1) == nil
                    {
                        end += 1
                        continue
                    }
                    break
                }
                // A possessive 's (straight or curly) is its own word.
                var wordEnd = end
                if end - index > 2, bytes[end - 2] == 0x27, bytes[end - 1] | 0x20 == 0x73 { wordEnd = end - 2 }
                tokens.append(Token(range: index..<wordEnd, form: String(decoding: bytes[index..<wordEnd], as: UTF8.self), spaceAfter: wordEnd != end ? false : true))
                if wordEnd != end {
                    tokens.append(Token(range: wordEnd..<end, form: String(decoding: bytes[wordEnd..<end], as: UTF8.self)))
                }
                // Curly possessive: ’s
                if end + 3 < bytes.count, bytes[end] == 0xE2, bytes[end + 1] == 0x80, bytes[end + 2] == 0x99,
                    bytes[end + 3] | 0x20 == 0x73, end + 4 == bytes.count || !isWordByte(bytes[end + 4])
                {
                    tokens.append(Token(range: end..<(end + 4), form: String(decoding: bytes[end..<(end + 4)], as: UTF8.self)))
                    end += 4
                }
                index = end
                continue
            }
            tokens.append(Token(range: index..<(index + 1), form: String(UnicodeScalar(byte))))
            if byte == 0x2E || byte == 0x21 || byte == 0x3F {
                pendingBreak = true
            }
            index += 1
        }
        closeSentence()
        document.tokens = tokens
        document.sentences = sentences
    }
}
