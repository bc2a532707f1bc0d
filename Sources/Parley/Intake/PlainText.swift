/// Plain-text articles: finding a headline on the first line.
public enum PlainText {
    /// The first line of `text` when it is a headline: short, not ending in punctuation, and followed by
    /// a blank line or the body. Leading blank lines are skipped; the text itself is not changed.
    public static func headline(in text: String) -> String? {
        var rest = Substring(text)
        /// The next line with surrounding whitespace trimmed, or `nil` at the end.
        func nextLine() -> Substring? {
            guard !rest.isEmpty else { return nil }
            let utf8 = rest.utf8
            let end = utf8.firstIndex { $0 == 0x0A || $0 == 0x0D } ?? utf8.endIndex
            let line = rest[..<end]
            if end < utf8.endIndex {
                var after = utf8.index(after: end)
                if utf8[end] == 0x0D, after < utf8.endIndex, utf8[after] == 0x0A { after = utf8.index(after: after) }
                rest = rest[after...]
            } else {
                rest = rest[rest.endIndex...]
            }
            return trimmed(line)
        }
        var first: Substring?
        while let line = nextLine() {
            if !line.isEmpty {
                first = line
                break
            }
        }
        guard let first, first.utf8.count <= 600 else { return nil }
        // What follows: a blank line then text, or body text straight away.
        var next: Substring?
        var sawBlank = false
        while let line = nextLine() {
            if line.isEmpty {
                sawBlank = true
                continue
            }
            next = line
            break
        }
        guard let next else { return nil }
        let words = first.split(whereSeparator: \.isWhitespace)
        guard (3...200).contains(first.count), words.count <= 30, first.contains(where: \.isLetter) else { return nil }
        var end = first
        while let last = end.last, closingQuotes.contains(last) { end = end.dropLast() }
        guard let last = end.last, !finalPunctuation.contains(last) else { return nil }
        if let head = first.first, bullets.contains(head) { return nil }
        if !sawBlank {
            // A hard-wrapped paragraph, not a headline over its body.
            if let start = next.first, start.isLowercase { return nil }
            if let lastWord = words.last, continuationWords.contains(lastWord.lowercased()) { return nil }
        }
        return words.joined(separator: " ")
    }

    private static func trimmed(_ line: Substring) -> Substring {
        guard let start = line.firstIndex(where: { !$0.isWhitespace }),
            let end = line.lastIndex(where: { !$0.isWhitespace })
        else { return line[line.endIndex...] }
        return line[start...end]
    }

    private static let closingQuotes: Set<Character> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", "\u{BB}"]
    private static let finalPunctuation: Set<Character> = [
        ".", "!", "?", ";", ":", ",", "\u{2026}", "-", "\u{2013}", "\u{2014}", "\u{3002}",
    ]
    private static let bullets: Set<Character> = [
        "\u{2022}", "*", "-", "\u{2013}", "\u{2014}", "\u{25AA}", "\u{00B7}", ">",
    ]
    private static let continuationWords: Set<String> = [
        "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "by", "at", "from", "that", "as", "or",
        "but", "is", "was", "were", "are", "its", "their", "his", "her",
    ]
}
