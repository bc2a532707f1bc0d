import Foundation

/// A folded view of a text for dictionary matching, with a map back to the original text.
///
/// Folding applies NFKC, lower-cases, removes diacritics ("Türkiye" → "turkiye"), and maps curly
/// quotes to straight ones and every dash to `-`. The original text is never changed: every byte of
/// ``folded`` knows the UTF-8 byte offset of the original character it came from, so a match found in
/// the folded view can be highlighted in the source.
public struct FoldedText: Hashable, Sendable {
    /// The folded text.
    public let folded: String
    /// For each UTF-8 byte of ``folded``, plus one past the end, the UTF-8 offset in the original text
    /// of the character that byte came from (the past-the-end entry is the original text's length).
    public let originalOffsets: [Int]

    /// Folds a text.
    /// - Parameter text: the original text.
    public init(_ text: String) {
        var folded: [UInt8] = []
        folded.reserveCapacity(text.utf8.count)
        var offsets: [Int] = []
        offsets.reserveCapacity(text.utf8.count + 1)
        var offset = 0
        for character in text {
            if let ascii = character.asciiValue, ascii != 96 {
                folded.append(ascii >= 65 && ascii <= 90 ? ascii + 32 : ascii)
                offsets.append(offset)
                offset += character.utf8.count  // "\r\n" is one character of two bytes
                continue
            }
            let piece = FoldedText.fold(character)
            folded.append(contentsOf: piece.utf8)
            offsets.append(contentsOf: repeatElement(offset, count: piece.utf8.count))
            offset += character.utf8.count
        }
        offsets.append(offset)
        self.folded = String(decoding: folded, as: UTF8.self)
        self.originalOffsets = offsets
    }

    /// The UTF-8 byte range in the original text that a UTF-8 byte range of ``folded`` came from.
    ///
    /// The range is widened to whole original characters.
    /// - Parameter range: a byte range of ``folded``.
    public func originalRange(of range: Range<Int>) -> Range<Int> {
        let lower = originalOffsets[max(0, min(range.lowerBound, originalOffsets.count - 1))]
        guard range.upperBound > range.lowerBound else { return lower..<lower }
        // The end of the last folded byte's original character.
        let lastByte = max(0, min(range.upperBound - 1, originalOffsets.count - 2))
        let lastStart = originalOffsets[lastByte]
        var end = originalOffsets[originalOffsets.count - 1]
        var probe = lastByte + 1
        while probe < originalOffsets.count {
            if originalOffsets[probe] != lastStart {
                end = originalOffsets[probe]
                break
            }
            probe += 1
        }
        return lower..<max(lower, end)
    }

    /// Folds a string for use as a dictionary key; the same folding as ``init(_:)``.
    /// - Parameter text: the text to fold.
    public static func fold(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text { result += fold(character) }
        return result
    }

    /// Folds one character.
    static func fold(_ character: Character) -> String {
        if let ascii = character.asciiValue {
            if ascii >= 65 && ascii <= 90 { return String(UnicodeScalar(ascii + 32)) }
            if ascii == 96 { return "'" }
            return String(UnicodeScalar(ascii))  // "\r\n" folds to "\n"
        }
        if let mapped = punctuation[character] { return mapped }
        var text = String(character).precomposedStringWithCompatibilityMapping
        text = text.lowercased()
        // Remove combining marks after canonical decomposition ("ü" → "u").
        let decomposed = text.decomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in decomposed.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: continue
            default: scalars.append(scalar)
            }
        }
        var result = String(scalars)
        if result.unicodeScalars.contains(where: { punctuationScalars[$0] != nil }) {
            var mapped = ""
            for scalar in result.unicodeScalars {
                if let replacement = punctuationScalars[scalar] {
                    mapped += replacement
                } else {
                    mapped.unicodeScalars.append(scalar)
                }
            }
            result = mapped
        }
        if result.isEmpty && !text.isEmpty { return text }
        return result
    }

    private static let punctuation: [Character: String] = {
        var table: [Character: String] = [:]
        for (scalar, value) in punctuationScalars { table[Character(scalar)] = value }
        return table
    }()

    private static let punctuationScalars: [Unicode.Scalar: String] = [
        "\u{2018}": "'", "\u{2019}": "'", "\u{201A}": "'", "\u{201B}": "'", "\u{2032}": "'", "\u{00B4}": "'",
        "\u{0060}": "'",
        "\u{201C}": "\"", "\u{201D}": "\"", "\u{201E}": "\"", "\u{201F}": "\"", "\u{2033}": "\"", "\u{00AB}": "\"",
        "\u{00BB}": "\"",
        "\u{2010}": "-", "\u{2011}": "-", "\u{2012}": "-", "\u{2013}": "-", "\u{2014}": "-", "\u{2015}": "-",
        "\u{2212}": "-", "\u{FE58}": "-", "\u{FE63}": "-", "\u{FF0D}": "-",
        "\u{00A0}": " ", "\u{2026}": "...", "\u{00DF}": "ss", "\u{00E6}": "ae", "\u{00F8}": "o", "\u{0131}": "i",
        "\u{0142}": "l", "\u{0111}": "d", "\u{00F0}": "d", "\u{00FE}": "th", "\u{0153}": "oe",
    ]
}
