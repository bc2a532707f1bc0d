import Foundation

/// Reads publication dates as pages and feeds write them.
///
/// Besides what ``Day/init(parsing:)`` reads (`YYYY-MM-DD`, `YYYYMMDD`, RFC 3339), it reads
/// `YYYY/MM/DD`, RFC 1123 (`Sat, 12 Sep 2020 10:33:00 GMT`), `September 12, 2020` and
/// `12 September 2020`. The day is taken as written, without time-zone conversion.
public enum DateText {
    /// The day a date string names, or `nil` when it names none (or an impossible one).
    public static func day(from text: some StringProtocol) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 64 else { return nil }
        if let day = Day(parsing: trimmed) { return day }
        if let day = Day(parsing: trimmed.replacingOccurrences(of: "/", with: "-")) {
            return day
        }
        let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        var year: Int?
        var month: Int?
        var day: Int?
        for word in words {
            if let number = Int(word) {
                if word.count == 4, year == nil, (1000...9999).contains(number) {
                    year = number
                } else if word.count <= 2, day == nil, month != nil || year == nil {
                    day = number
                }
            } else if month == nil, word.count >= 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(word) }) {
                month = index + 1
            } else if day == nil, let ordinal = ordinalDay(word) {
                day = ordinal
            }
        }
        guard let year, let month, let day else { return nil }
        return Day(year: year, month: month, day: day)
    }

    private static let monthNames = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]

    private static func ordinalDay(_ word: Substring) -> Int? {
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            if let number = Int(word.dropLast(2)), (1...31).contains(number) { return number }
        }
        return nil
    }
}
