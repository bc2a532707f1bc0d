import Foundation

/// Plain-text articles: finding a headline on the first line.
public enum PlainText {
    /// The first line of `text` when it is a headline: short, not ending in punctuation, and followed by
    /// a blank line or the body. Leading blank lines are skipped; the text itself is not changed.
    public static func headline(in text: String) -> String? {
        var lines = text.split(maxSplits: 64, omittingEmptySubsequences: false, whereSeparator: \.isNewline).makeIterator()
        var first: Substring?
        while let line = lines.next() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                first = Substring(trimmed)
                break
            }
        }
        guard let first else { return nil }
        // What follows: a blank line then text, or body text straight away.
        var next: Substring?
        var sawBlank = false
        while let line = lines.next() {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                sawBlank = true
                continue
            }
            next = Substring(trimmed)
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
