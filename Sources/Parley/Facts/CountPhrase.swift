import Foundation

/// A number phrase read from words: "23", "two dozen", "over 200", "at least 12", "dozens", "10-15".
struct CountPhrase: Hashable, Sendable {
    /// The number, when one is stated (also for "over 200": 200).
    var count: Int?
    /// "over", "at least", "about", "dozens", … — kept instead of inventing a number.
    var qualifier: String?
    var low: Int?
    var high: Int?
    /// Words used: `first..<end` in the word array.
    var first: Int
    var end: Int

    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
        "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let multipliers: [String: Int] = ["hundred": 100, "thousand": 1000, "million": 1_000_000, "dozen": 12, "score": 20]
    /// Vague amounts: qualifier and the smallest number they imply.
    static let vague: [String: Int?] = [
        "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "several": 3, "many": nil, "numerous": nil,
        "some": nil, "few": nil, "multiple": 2, "tens": 20, "a number of": nil, "a few": 2, "a couple of": 2,
        "a handful of": nil, "an unknown number of": nil, "unspecified number of": nil, "an unspecified number of": nil,
        "unknown number of": nil,
    ]
    static let qualifiers: [[String]] = [
        ["at", "least"], ["more", "than"], ["over"], ["nearly"], ["almost"], ["about"], ["around"], ["approximately"],
        ["roughly"], ["some"], ["up", "to"], ["as", "many", "as"], ["fewer", "than"], ["less", "than"], ["at", "most"],
        ["an", "estimated"], ["estimated"], ["close", "to"], ["upwards", "of"], ["in", "excess", "of"], ["just", "over"],
        ["well", "over"], ["at", "the", "least"], ["a", "total", "of"], ["total", "of"],
    ]

    /// First words of ``qualifiers``: a phrase starting with another word has no qualifier.
    static let qualifierStarts: Set<String> = Set(qualifiers.compactMap(\.first))
    /// Every byte prefix of the ``vague`` phrases: an ASCII word outside it starts none of them.
    static let vagueStarts: Set<String> = Set(
        vague.keys.flatMap { key in (1...key.utf8.count).map { String(decoding: key.utf8.prefix($0), as: UTF8.self) } })

    /// Reads a plain number (digits or words) starting at `index`; returns the value and the end index.
    static func number(_ words: [FactWord], at index: Int, limit: Int) -> (Int, Int)? {
        guard index < limit else { return nil }
        let word = words[index].lower
        if let value = digits(word) {
            var end = index + 1
            var total = value
            if end < limit, let multiplier = multipliers[words[end].lower], multiplier >= 100 {
                total = value * multiplier
                end += 1
            }
            return (total, end)
        }
        var total = 0
        var current = 0
        var end = index
        var any = false
        while end < limit {
            let lower = words[end].lower
            if lower == "a" || lower == "an", !any, end + 1 < limit, let multiplier = multipliers[words[end + 1].lower] {
                current = multiplier
                end += 2
                any = true
                continue
            }
            if let value = compound(lower), current < 1_000_000_000 {
                current += value
                any = true
                end += 1
            } else if any, let multiplier = multipliers[lower], current < 1_000_000, total < 1_000_000_000 {
                if multiplier >= 1000 {
                    total += max(current, 1) * multiplier
                    current = 0
                } else {
                    current = max(current, 1) * multiplier
                }
                end += 1
            } else if any, lower == "and", end + 1 < limit, compound(words[end + 1].lower) != nil,
                current >= 100 || total >= 1000
            {
                end += 1
            } else if any, lower == "-", end + 1 < limit, let value = compound(words[end + 1].lower), value < 10,
                current % 10 == 0
            {
                current += value
                end += 2
            } else {
                break
            }
        }
        return any ? (total + current, end) : nil
    }

    /// The value of "23" or "1,200" (at most nine digits), else `nil`.
    private static func digits(_ word: String) -> Int? {
        var value = 0
        var count = 0
        for byte in word.utf8 {
            if byte == UInt8(ascii: ",") { continue }
            guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
            count += 1
            if count > 9 { return nil }
        }
        return count > 0 ? value : nil
    }

    private static func compound(_ word: String) -> Int? {
        if let value = units[word] { return value }
        guard word.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = word.split(separator: "-")
        if parts.count == 2, let tens = units[String(parts[0])], tens >= 20, tens % 10 == 0,
            let one = units[String(parts[1])], one < 10
        {
            return tens + one
        }
        return nil
    }

    /// Reads a count phrase starting exactly at `index`, or `nil`.
    static func read(_ words: [FactWord], at index: Int, limit: Int) -> CountPhrase? {
        var cursor = index
        var qualifier: String?
        let qualified = qualifierStarts.contains(words[cursor].lower)
        for pattern in qualifiers where qualified && cursor + pattern.count <= limit {
            if zip(pattern, words[cursor..<cursor + pattern.count]).allSatisfy({ $0 == $1.lower }) {
                // "some" only qualifies a number ("some 200"); alone it is vague.
                if pattern == ["some"] && number(words, at: cursor + 1, limit: limit) == nil { continue }
                qualifier = pattern.joined(separator: " ")
                cursor += pattern.count
                break
            }
        }
        // "between 10 and 15"
        if words[cursor].lower == "between", let (a, afterA) = number(words, at: cursor + 1, limit: limit),
            afterA < limit, words[afterA].lower == "and", let (b, end) = number(words, at: afterA + 1, limit: limit)
        {
            return CountPhrase(count: nil, qualifier: qualifier, low: a, high: b, first: index, end: end)
        }
        // Digit ranges written as one word: "10-15".
        let lower = words[cursor].lower
        let dash = lower.utf8.contains(UInt8(ascii: "-")) ? lower.split(separator: "-") : []
        if dash.count == 2, let a = digits(String(dash[0])), let b = digits(String(dash[1])), a < b {
            return CountPhrase(count: nil, qualifier: qualifier, low: a, high: b, first: index, end: cursor + 1)
        }
        if let (value, end) = number(words, at: cursor, limit: limit) {
            // "12 to 15", "12-15" split by the tokenizer, "12 or 13"
            if end + 1 < limit, ["to", "-", "–", "or"].contains(words[end].lower),
                let (second, secondEnd) = number(words, at: end + 1, limit: limit), second > value,
                !["-", "–"].contains(words[end].lower) || (words[cursor].isNumber && words[end + 1].isNumber)
            {
                return CountPhrase(count: nil, qualifier: qualifier, low: value, high: second, first: index, end: secondEnd)
            }
            var low: Int? = value
            var high: Int? = value
            switch qualifier {
            case "over", "more than", "just over", "well over", "in excess of", "upwards of": low = value + 1; high = nil
            case "at least", "at the least": high = nil
            case "up to", "as many as", "at most": low = nil
            case "fewer than", "less than": low = nil; high = value - 1
            case "nearly", "almost", "close to": low = nil; high = value
            case "about", "around", "approximately", "roughly", "some", "an estimated", "estimated": low = nil; high = nil
            default: break
            }
            return CountPhrase(count: value, qualifier: qualifier, low: low, high: high, first: index, end: end)
        }
        let first = words[cursor].lower
        if qualifier == nil, !first.utf8.allSatisfy({ $0 < 0x80 }) || vagueStarts.contains(first) {
            for length in [4, 3, 2, 1] where cursor + length <= limit {
                let phrase = words[cursor..<cursor + length].map(\.lower).joined(separator: " ")
                if let implied = vague[phrase] {
                    var end = cursor + length
                    if end < limit && words[end].lower == "of" && phrase != "some" { end += 1 }
                    return CountPhrase(count: nil, qualifier: phrase, low: implied, high: nil, first: index, end: end)
                }
            }
        }
        return nil
    }
}
