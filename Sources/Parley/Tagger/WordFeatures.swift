import Foundation

/// Hashed lexical properties of one word, computed once per token and shared by tagger and parser.
struct WordKeys {
    /// Normalised lower-case form (numbers folded to shapes).
    var word: UInt64
    /// Exact form.
    var form: UInt64
    var suffix1: UInt64
    var suffix2: UInt64
    var suffix3: UInt64
    var suffix4: UInt64
    var prefix1: UInt64
    var prefix3: UInt64
    var shape: UInt64
    /// Last part of a hyphenated word (or the word).
    var hyphenTail: UInt64
    /// The normalised form as text, for dictionaries.
    var normalized: String

    static let padding = WordKeys(text: "<pad>")

    init(text: String) {
        let lower = text.lowercased()
        let normalized = WordKeys.normalize(lower)
        self.normalized = normalized
        word = FeatureHash.of(normalized)
        form = FeatureHash.of(text)
        // ASCII words (one character per byte, no "\r\n" pair): hash the affixes' bytes in place.
        var lowerBytes = lower
        let affixes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)? = lowerBytes.withUTF8 { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            func hash(_ part: Slice<UnsafeBufferPointer<UInt8>>) -> UInt64 {
                var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                for byte in part {
                    hash ^= UInt64(byte)
                    hash &*= 0x100_0000_01b3
                }
                return hash
            }
            return (
                FeatureHash.mix(1, hash(bytes.suffix(1))), FeatureHash.mix(2, hash(bytes.suffix(2))),
                FeatureHash.mix(3, hash(bytes.suffix(3))), FeatureHash.mix(4, hash(bytes.suffix(4))),
                FeatureHash.mix(11, hash(bytes.prefix(1))), FeatureHash.mix(13, hash(bytes.prefix(3)))
            )
        }
        if let affixes {
            (suffix1, suffix2, suffix3, suffix4, prefix1, prefix3) = affixes
        } else {
            let characters = Array(lower)
            func suffix(_ n: Int) -> UInt64 {
                FeatureHash.mix(UInt64(n), FeatureHash.of(String(characters.suffix(n))))
            }
            suffix1 = suffix(1)
            suffix2 = suffix(2)
            suffix3 = suffix(3)
            suffix4 = suffix(4)
            prefix1 = FeatureHash.mix(11, FeatureHash.of(String(characters.prefix(1))))
            prefix3 = FeatureHash.mix(13, FeatureHash.of(String(characters.prefix(3))))
        }
        shape = FeatureHash.of(WordKeys.shape(text))
        if let dash = lower.lastIndex(of: "-"), dash != lower.startIndex, lower.index(after: dash) != lower.endIndex {
            hyphenTail = FeatureHash.mix(17, FeatureHash.of(String(lower[lower.index(after: dash)...])))
        } else {
            hyphenTail = FeatureHash.mix(17, word)
        }
    }

    /// Folds numbers, URLs and e-mail addresses to classes.
    static func normalize(_ lower: String) -> String {
        let scalars = lower.unicodeScalars
        var digits = 0
        for scalar in scalars where ("0"..."9").contains(scalar) { digits += 1 }
        if digits > 0 {
            if digits == scalars.count {
                return scalars.count == 4 ? "!year" : "!digits\(min(scalars.count, 3))"
            }
            if scalars.allSatisfy({
                ("0"..."9").contains($0) || $0 == "," || $0 == "." || $0 == "-" || $0 == "/" || $0 == ":"
            }) {
                return "!number"
            }
        }
        if lower.hasPrefix("http") || lower.hasPrefix("www.") { return "!url" }
        if lower.utf8.contains(UInt8(ascii: "@")) && lower.contains("@") && lower.contains(".") && lower.count > 4 {
            return "!email"
        }
        return lower
    }

    /// A compressed character shape: `Xxxx` → `Xx`, `IBM` → `X`, `3-D` → `d-X`.
    static func shape(_ text: String) -> String {
        // ASCII text (one character per byte, no "\r\n" pair) is classified byte by byte.
        if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
            var result: [UInt8] = []
            var last = UInt8(ascii: " ")
            for byte in text.utf8 {
                let kind: UInt8
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): kind = UInt8(ascii: "X")
                case UInt8(ascii: "a")...UInt8(ascii: "z"): kind = UInt8(ascii: "x")
                case UInt8(ascii: "0")...UInt8(ascii: "9"): kind = UInt8(ascii: "d")
                default: kind = byte
                }
                if kind != last {
                    result.append(kind)
                    last = kind
                    if result.count > 6 { break }
                }
            }
            return String(decoding: result, as: UTF8.self)
        }
        var result = ""
        var last: Character = " "
        var count = 0
        for character in text {
            let kind: Character
            if character.isUppercase {
                kind = "X"
            } else if character.isLowercase {
                kind = "x"
            } else if character.isNumber {
                kind = "d"
            } else {
                kind = character
            }
            if kind != last {
                result.append(kind)
                last = kind
                count += 1
                if count > 6 { break }
            }
        }
        return result
    }
}
