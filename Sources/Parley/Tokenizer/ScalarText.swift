/// A text decoded once into Unicode scalars with their character classes and UTF-8 offsets,
/// the form the tokenizer and segmenter scan.
struct ScalarText {
    /// Character classes, as bit flags.
    struct Kind: OptionSet {
        let rawValue: UInt8
        static let space = Kind(rawValue: 1)
        static let letter = Kind(rawValue: 2)
        static let upper = Kind(rawValue: 4)
        static let lower = Kind(rawValue: 8)
        static let digit = Kind(rawValue: 16)
        /// Letters, digits, combining marks and `_`: characters that continue a word.
        static let word = Kind(rawValue: 32)
        static let newline = Kind(rawValue: 64)
    }

    let scalars: [Unicode.Scalar]
    let kinds: [Kind]
    /// UTF-8 offset of each scalar, plus the text's length at the end (32 bits: texts stay under 4 GB).
    let offsets: [UInt32]
    let bytes: [UInt8]

    init(_ text: String) {
        var scalars: [Unicode.Scalar] = []
        var kinds: [Kind] = []
        var offsets: [UInt32] = []
        let count = text.utf8.count
        scalars.reserveCapacity(count)
        kinds.reserveCapacity(count)
        offsets.reserveCapacity(count + 1)
        var offset = 0
        for scalar in text.unicodeScalars {
            scalars.append(scalar)
            kinds.append(ScalarText.kind(of: scalar))
            offsets.append(UInt32(truncatingIfNeeded: offset))
            let value = scalar.value
            offset += value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
        }
        offsets.append(UInt32(truncatingIfNeeded: offset))
        self.scalars = scalars
        self.kinds = kinds
        self.offsets = offsets
        self.bytes = Array(text.utf8)
    }

    var count: Int { scalars.count }

    /// The UTF-8 offset of scalar `index` (or the text's length for `count`).
    func offset(_ index: Int) -> Int { Int(offsets[index]) }

    /// The text of scalars `range` as a string.
    func string(_ range: Range<Int>) -> String {
        String(decoding: bytes[offset(range.lowerBound)..<offset(range.upperBound)], as: UTF8.self)
    }

    /// Whether scalars starting at `index` spell `ascii`, ignoring ASCII case.
    func matches(_ ascii: String, at index: Int, end: Int) -> Bool {
        var position = index
        for expected in ascii.unicodeScalars {
            guard position < end else { return false }
            let value = scalars[position].value
            let lowered = value >= 65 && value <= 90 ? value + 32 : value
            guard lowered == expected.value else { return false }
            position += 1
        }
        return true
    }

    /// The lower-cased text of scalars `range` (ASCII letters lowered; others through `lowercased()`).
    func lowered(_ range: Range<Int>) -> String {
        var isASCII = true
        for index in range where scalars[index].value >= 0x80 {
            isASCII = false
            break
        }
        if isASCII {
            var result = [UInt8]()
            result.reserveCapacity(range.count)
            for index in range {
                let value = UInt8(scalars[index].value)
                result.append(value >= 65 && value <= 90 ? value + 32 : value)
            }
            return String(decoding: result, as: UTF8.self)
        }
        return string(range).lowercased()
    }

    private static let asciiKinds: [Kind] = (0..<128).map { value -> Kind in
        switch value {
        case 10, 11, 12, 13: return [.space, .newline]
        case 9, 32: return .space
        case 48...57: return [.digit, .word]
        case 65...90: return [.letter, .upper, .word]
        case 97...122: return [.letter, .lower, .word]
        case 95: return .word
        default: return []
        }
    }

    static func kind(of scalar: Unicode.Scalar) -> Kind {
        let value = scalar.value
        if value < 128 { return asciiKinds[Int(value)] }
        switch value {
        case 0x85, 0x2028, 0x2029: return [.space, .newline]
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return .space
        default: break
        }
        let properties = scalar.properties
        if properties.isWhitespace { return .space }
        if properties.isAlphabetic {
            var kind: Kind = [.letter, .word]
            if properties.isUppercase { kind.insert(.upper) } else if properties.isLowercase { kind.insert(.lower) }
            return kind
        }
        switch properties.generalCategory {
        case .decimalNumber: return [.digit, .word]
        case .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark: return .word
        default: return []
        }
    }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "\u{2019}" || scalar == "`"
    }

    static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}"
    }
}
