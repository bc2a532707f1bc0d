import Foundation

/// A folded view of a text for dictionary matching, with a map back to the original text.
///
/// Each character is folded like ``TextFolding/fold(_:)`` (NFKC, lower case, no diacritics — "Türkiye" →
/// "turkiye" — curly quotes straight, every dash `-`) except that periods are kept and a line break
/// "\r\n" becomes "\n". The original text is never changed: every byte of
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
        FoldedText(text).folded
    }

    /// Folds one character other than an ASCII one (those are lower-cased in place).
    static func fold(_ character: Character) -> String {
        let text = String(character)
        let folded = TextFolding.fold(text)
        // A character that folds to nothing (a fullwidth full stop) is kept, compatibility-mapped.
        return folded.isEmpty ? text.precomposedStringWithCompatibilityMapping.lowercased() : folded
    }
}
