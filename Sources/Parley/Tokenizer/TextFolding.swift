import Foundation

/// Every way Parley folds text for matching, in one place, each with a byte-by-byte path for ASCII.
///
/// - ``fold(_:)``: the lexicon key of a word or name. Lower case, no diacritics, compatibility forms
///   (NFKC), curly quotes and dashes made plain, and periods inside abbreviations dropped ("U.S." → "us").
/// - ``placeKey(_:)``: the gazetteer key of a place name: ``fold(_:)``, then apostrophes dropped and every
///   run of other characters than letters, digits and `&` made one space ("Dera Ismail-Khan" →
///   "dera ismail khan").
/// - ``lowercase(_:)``: light folding for the fact stages' word matching: lower case and straight
///   apostrophes only; diacritics and periods are kept ("Oct." → "oct.").
/// - ``FoldedText`` folds like ``fold(_:)`` but keeps periods and maps each byte back to the original.
///
/// Hyphenated words are split into pieces by ``pieces(_:)`` so that "Tehreek-e-Taliban" matches whether or
/// not a tokenizer split it.
public enum TextFolding {
    /// The folded form of one word or name.
    /// - Parameter text: the text to fold.
    public static func fold(_ text: some StringProtocol) -> String {
        fold(String(text))
    }

    /// The folded form of one word or name.
    /// - Parameter text: the text to fold.
    public static func fold(_ text: String) -> String {
        var text = text
        // ASCII words (most of them) are folded byte by byte.
        let quick: String?? = text.withUTF8 { bytes -> String?? in
            var plain = true
            for byte in bytes {
                if byte >= 0x80 { return .some(nil) }
                if (byte >= 0x41 && byte <= 0x5A) || byte == 0x2E || byte == 0x60 { plain = false }
            }
            if plain { return .none }
            var folded: [UInt8] = []
            folded.reserveCapacity(bytes.count)
            for byte in bytes {
                switch byte {
                case 0x41...0x5A: folded.append(byte + 32)
                case 0x2E: continue  // '.' inside abbreviations is dropped
                case 0x60: folded.append(0x27)  // backtick → apostrophe
                default: folded.append(byte)
                }
            }
            return .some(String(decoding: folded, as: UTF8.self))
        }
        switch quick {
        case .none: return text
        case .some(.some(let folded)): return folded
        case .some(.none): break
        }
        return foldUnicode(text)
    }

    static func foldUnicode(_ text: String) -> String {
        // Plain punctuation (curly quotes, dashes) around ASCII letters needs no Unicode folding.
        var quick: [UInt8] = []
        quick.reserveCapacity(text.utf8.count)
        var simple = true
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: quick.append(UInt8(scalar.value) + 32)
            case 0x2E: continue
            case 0x60, 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC: quick.append(0x27)
            case 0x201C, 0x201D, 0x201F, 0x2033: quick.append(0x22)
            case 0x2010...0x2015, 0x2212: quick.append(0x2D)
            case 0...0x7F: quick.append(UInt8(scalar.value))
            default: simple = false
            }
            if !simple { break }
        }
        if simple { return String(decoding: quick, as: UTF8.self) }
        if let latin = foldLatin(text) { return latin }
        return foldGeneral(text)
    }

    /// The folds of the letters U+00C0–U+024F (Latin-1, Latin Extended-A and -B), each computed once by
    /// ``foldGeneral(_:)``.
    private static let latinLetters: [String] = (0xC0...0x24F).map { value in
        foldGeneral(Unicode.Scalar(UInt32(value)).map { String(Character($0)) } ?? "")
    }
    /// The folds of Latin Extended Additional (U+1E00–U+1EFF: ḩ, ṭ, ễ), likewise.
    private static let latinAdditional: [String] = (0x1E00...0x1EFF).map { value in
        foldGeneral(Unicode.Scalar(UInt32(value)).map { String(Character($0)) } ?? "")
    }

    /// ``foldGeneral(_:)`` for text of ASCII, the punctuation ``foldUnicode(_:)`` maps and the letters of
    /// ``latinLetters`` and ``latinAdditional``, a letter at a time (these letters fold alone, whatever stands
    /// next to them); `nil` for other text.
    private static func foldLatin(_ text: String) -> String? {
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: result.unicodeScalars.append(Unicode.Scalar(UInt8(scalar.value) + 32))
            case 0x2E: continue
            case 0x60, 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC: result.unicodeScalars.append("'")
            case 0x201C, 0x201D, 0x201F, 0x2033: result.unicodeScalars.append("\"")
            case 0x2010...0x2015, 0x2212: result.unicodeScalars.append("-")
            case 0...0x7F: result.unicodeScalars.append(scalar)
            case 0xC0...0x24F where scalar.value != 0xD7 && scalar.value != 0xF7:
                result += latinLetters[Int(scalar.value) - 0xC0]
            case 0x1E00...0x1EFF: result += latinAdditional[Int(scalar.value) - 0x1E00]
            default: return nil
            }
        }
        return result
    }

    /// Folds any text: compatibility-composed, quotes and dashes made plain, then case, diacritics and
    /// width folded.
    private static func foldGeneral(_ text: String) -> String {
        var mapped = ""
        mapped.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in String(text).precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x0060: mapped.unicodeScalars.append("'")
            case 0x201C, 0x201D, 0x201F, 0x2033: mapped.unicodeScalars.append("\"")
            case 0x2010...0x2015, 0x2212: mapped.unicodeScalars.append("-")
            case 0x2E: continue
            default: mapped.unicodeScalars.append(scalar)
            }
        }
        return mapped.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ı", with: "i")
    }

    /// The lookup key of a place name: folded (``fold(_:)``), apostrophes and periods dropped, every other run
    /// of characters that are not letters, digits or `&` one space ("Dera Ismail-Khan" → "dera ismail khan").
    /// - Parameter name: a place name as written.
    public static func placeKey(_ name: some StringProtocol) -> String {
        var name = String(name)
        // ASCII names (most of them) are folded byte by byte.
        let ascii: String? = name.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count)
            var space = false
            for byte in bytes {
                if byte >= 0x80 { return nil }
                switch byte {
                case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "."): continue
                case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                    UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "&"):
                    if space && !result.isEmpty { result.append(UInt8(ascii: " ")) }
                    result.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                    space = false
                default: space = true
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        if let ascii { return ascii }
        var result = ""
        var space = false
        for scalar in fold(name).unicodeScalars {
            if scalar == "'" || scalar == "." { continue }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "&" {
                if space && !result.isEmpty { result.append(" ") }
                space = false
                result.unicodeScalars.append(scalar)
            } else {
                space = true
            }
        }
        return result
    }

    /// Lower-cases and makes curly apostrophes (U+2019) straight; nothing else changes.
    /// - Parameter text: a word or phrase.
    public static func lowercase(_ text: String) -> String {
        var ascii = true
        var upper = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                ascii = false
                break
            }
            if byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") { upper = true }
        }
        if ascii { return upper ? text.lowercased() : text }
        let lower = text.lowercased()
        return lower.contains("\u{2019}") ? lower.replacingOccurrences(of: "\u{2019}", with: "'") : lower
    }

    /// The folded pieces of a name: words split at spaces, underscores and hyphens, possessive `'s` dropped.
    /// - Parameter text: a name as written in a lexicon ("Tehreek-e-Taliban Pakistan").
    public static func pieces(_ text: some StringProtocol) -> [String] {
        var result: [String] = []
        for word in fold(text).split(whereSeparator: { $0 == " " || $0 == "_" || $0 == "\t" }) {
            result += wordPieces(String(word))
        }
        return result
    }

    /// The pieces of one already folded word: split at hyphens, empty pieces dropped.
    static func wordPieces(_ folded: String) -> [String] {
        if !folded.utf8.contains(0x2D) { return folded.isEmpty ? [] : [folded] }
        return folded.split(separator: "-").map(String.init)
    }

    /// Whether a word has an upper-case letter after its first character ("TTP", "LeT", "U.S.").
    public static func hasInnerCapital(_ text: String) -> Bool {
        var copy = text
        let ascii: Bool? = copy.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() {
                if byte >= 0x80 { return nil }
                if index > 0 && byte >= 0x41 && byte <= 0x5A { return true }
            }
            return false
        }
        return ascii ?? text.dropFirst().contains { $0.isUppercase }
    }

    /// Whether a word is written in capitals only (an acronym such as "TTP" or "US").
    public static func isAllCaps(_ text: some StringProtocol) -> Bool {
        var letters = 0
        for character in text {
            if character.isLetter {
                if !character.isUppercase { return false }
                letters += 1
            }
        }
        return letters > 0
    }
}
