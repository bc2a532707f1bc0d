import Foundation

/// Finds temporal expressions and resolves them against the publication date; dates each event.
///
/// Weekdays resolve to the most recent such day not after publication (the next one when the clause is
/// future), "a day earlier" / "the next day" to the day before/after the previous resolved expression,
/// month-day dates to the year that puts them nearest before publication. Each event takes the date of
/// the expression that governs it (through the parse when there is one, else the nearest in its
/// sentence), else the date of the previous dated event in its paragraph, else the publication date
/// marked `publication`. Historical events never fall back to the publication date.
public struct TimeResolver: PipelineStage {
    public let name = "dates"
    public let requires: Set<Annotation> = []
    public let assigns: Set<Annotation> = [.dates]

    /// Creates the stage.
    public init() {}

    static let weekdays = ["monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7]
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
        "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
        "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let partsOfDay: Set<String> = ["night", "morning", "evening", "afternoon", "midnight", "dawn", "noon"]
    /// Prepositions that lead into a time expression ("on Thursday", "since 2021").
    static let prepositions: Set<String> = ["on", "in", "since", "from", "during", "by", "until", "till", "as", "of"]
    /// Words shortly before a time expression that make it point forward ("will meet on Monday").
    static let futureMarkers: Set<String> = ["will", "shall", "'ll", "next", "scheduled", "planned", "due", "tomorrow"]
    /// Day words and their offset from the publication date.
    static let relativeDays: [String: Int] = ["today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1]
    static let counts: [String: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "several": 3, "few": 3,
    ]

    /// Whether a folded word is part of a time expression (for separating speakers from dates).
    static func isTimeWord(_ word: String) -> Bool {
        weekdays[word] != nil || months[word] != nil || ["today", "yesterday", "tomorrow", "tonight", "last", "earlier", "later", "night"].contains(word)
    }

    public func process(_ document: inout Document) throws {
        let text = FactText(document)
        document.dates = expressions(in: text, document: document)
        dateEvents(&document, text: text)
    }

    // MARK: - Finding expressions

    func expressions(in text: FactText, document: Document) -> [TimeExpression] {
        let published = document.metadata.published
        var found: [TimeExpression] = []
        var anchor: Day? = nil  // the last resolved day outside quotes, for "a day earlier"
        var anchorSentence: Int? = nil
        let words = text.words
        let quoted = QuotedSpans.find(in: text.bytes)
        let isFutureMarker = words.map { TimeResolver.futureMarkers.contains($0.lower) }
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            let range = sentence.words
            var index = range.lowerBound
            // "A day earlier" follows the event just told: a date of this or the previous sentence, else
            // the story's own time, the publication date.
            if let last = anchorSentence, sentenceIndex - last > 1 { anchor = nil }
            while index < range.upperBound {
                // A future marker shortly before the expression ("will meet on Monday", "scheduled for October 3").
                let future = isFutureMarker[max(range.lowerBound, index - 6)..<index].contains(true)
                if let (expression, end) = match(words, at: index, limit: range.upperBound, sentence: sentenceIndex, text: text,
                    published: published, anchor: anchor, future: future)
                {
                    found.append(expression)
                    if expression.precision == .day, let day = expression.start,
                        !quoted.contains(where: { $0.contains(expression.range.lowerBound) })
                    {
                        anchor = expression.end ?? day
                        anchorSentence = sentenceIndex
                    }
                    index = end
                } else {
                    index += 1
                }
            }
        }
        return found
    }

    private func make(
        _ text: FactText, _ first: Int, _ end: Int, sentence: Int, start: Day?, end last: Day? = nil,
        precision: DatePrecision, value: String? = nil, anchor: String
    ) -> TimeExpression {
        let range = text.words[first].range.lowerBound..<text.words[end - 1].range.upperBound
        var value = value
        if value == nil, let start {
            switch precision {
            case .day, .publication:
                value = last.map { "\(start)/\($0)" } ?? start.description
            case .week:
                value = TimeResolver.isoWeek(start)
            case .month:
                value = String(start.description.prefix(7))
            case .year:
                value = String(start.description.prefix(4))
            }
        }
        return TimeExpression(range: range, text: text.text(range), sentence: sentence, value: value, start: start,
            end: last, precision: precision, anchor: anchor)
    }

    static func isoWeek(_ day: Day) -> String {
        // ISO week: the week's Thursday decides the year.
        let thursday = day.adding(days: 4 - day.weekday)
        guard let first = Day(year: thursday.year, month: 1, day: 1) else { return day.description }
        let week = (thursday.daysSinceEpoch - first.daysSinceEpoch) / 7 + 1
        return "\(thursday.year)-W\(week < 10 ? "0" : "")\(week)"
    }

    private func year(_ word: String) -> Int? {
        guard word.count == 4, let value = Int(word), (1900...2100).contains(value) else { return nil }
        return value
    }

    private func dayNumber(_ word: String) -> Int? {
        // A day number starts with a digit (or the sign `Int` accepts): most words are ruled out by one byte.
        guard let lead = word.utf8.first, lead == UInt8(ascii: "+") || (lead >= UInt8(ascii: "0") && lead <= UInt8(ascii: "9"))
        else { return nil }
        var digits = word
        for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) { digits.removeLast(2) }
        guard digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        return value
    }

    /// The year for a month and day without one: the latest not more than a few days after publication
    /// (or the nearest after it in a future clause).
    private func inferYear(month: Int, day: Int, published: Day?, future: Bool) -> Int? {
        guard let published else { return nil }
        guard let candidate = Day(year: published.year, month: month, day: min(day, Day.daysIn(month: month, year: published.year))) else {
            return nil
        }
        if future {
            return candidate.daysSinceEpoch < published.daysSinceEpoch - 183 ? published.year + 1 : published.year
        }
        return candidate.daysSinceEpoch > published.daysSinceEpoch + 3 ? published.year - 1 : published.year
    }

    private func match(
        _ words: [FactWord], at index: Int, limit: Int, sentence: Int, text: FactText, published: Day?, anchor: Day?,
        future: Bool
    ) -> (TimeExpression, Int)? {
        func lower(_ offset: Int) -> String { index + offset < limit && index + offset >= 0 ? words[index + offset].bare : "" }
        let w0 = lower(0)
        // Leading prepositions are part of the expression ("on Thursday", "since 2021").
        var first = index
        var cursor = index
        var since = false
        if TimeResolver.prepositions.contains(w0) {
            since = w0 == "since"
            cursor += 1
        }
        // "as reported on July 19", "on the evening of July 29"
        if cursor < limit, words[cursor].lower == "the", cursor + 2 < limit, TimeResolver.partsOfDay.contains(words[cursor + 1].lower),
            words[cursor + 2].lower == "of"
        {
            cursor += 3
        }
        guard cursor < limit else { return nil }
        let c0 = words[cursor].bare
        let c1 = cursor + 1 < limit ? words[cursor + 1].bare : ""
        let c2 = cursor + 2 < limit ? words[cursor + 2].lower : ""

        // Between 18-20 Feb / between October 3 and 5 / from 3 to 5 October
        if c0 == "between" || (w0 == "from" && cursor == index + 1) {
            let start = c0 == "between" ? cursor + 1 : cursor
            if let (range, end) = dayRange(words, at: start, limit: limit, published: published, future: future) {
                return (make(text, first, end, sentence: sentence, start: range.0, end: range.1, precision: .day, anchor: "absolute"), end)
            }
        }
        if let (range, end) = dayRange(words, at: cursor, limit: limit, published: published, future: future) {
            return (make(text, first, end, sentence: sentence, start: range.0, end: range.1, precision: .day, anchor: "absolute"), end)
        }
        // Month day (, year) / day month (year)
        if let (day, end, hasYear) = monthDay(words, at: cursor, limit: limit, published: published, future: future) {
            return (make(text, first, end, sentence: sentence, start: day, precision: .day, anchor: hasYear ? "absolute" : "publication"), end)
        }
        // "26-October-2018", "26-Oct", also when the tokenizer split them at the hyphens.
        var joined = c0
        var joinedEnd = cursor + 1
        while joinedEnd < limit, joinedEnd - cursor < 5, words[joinedEnd].range.lowerBound == words[joinedEnd - 1].range.upperBound,
            words[joinedEnd].form == "-" || words[joinedEnd - 1].form == "-"
        {
            joined += words[joinedEnd].bare
            joinedEnd += 1
        }
        if joinedEnd > cursor + 1 {
            let parts = joined.split(separator: "-").map(String.init)
            if parts.count >= 2, let d = dayNumber(parts[0]), let m = TimeResolver.months[parts[1]] {
                let y = parts.count == 3 ? year(parts[2]) : inferYear(month: m, day: d, published: published, future: future)
                if let y, let day = Day(year: y, month: m, day: min(d, Day.daysIn(month: m, year: y))) {
                    return (make(text, first, joinedEnd, sentence: sentence, start: day, precision: .day, anchor: parts.count == 3 ? "absolute" : "publication"), joinedEnd)
                }
            }
        }
        let pieces = c0.utf8.contains(UInt8(ascii: "-")) ? c0.split(separator: "-").map(String.init) : [c0]
        if pieces.count >= 2, let d = dayNumber(pieces[0]), let m = TimeResolver.months[pieces[1]] {
            let y = pieces.count == 3 ? year(pieces[2]) : inferYear(month: m, day: d, published: published, future: future)
            if let y, let day = Day(year: y, month: m, day: min(d, Day.daysIn(month: m, year: y))) {
                return (make(text, first, cursor + 1, sentence: sentence, start: day, precision: .day, anchor: pieces.count == 3 ? "absolute" : "publication"), cursor + 1)
            }
        }
        // Numeric dates: "10/26/2017", "on 9/16", "on 14/11".
        if let (day, end, hasYear) = numericDate(words, at: cursor, limit: limit, afterOn: w0 == "on" && cursor == index + 1,
            published: published, future: future)
        {
            return (make(text, first, end, sentence: sentence, start: day, precision: .day, anchor: hasYear ? "absolute" : "publication"), end)
        }
        // ISO date
        if c0.count == 10, let day = Day(parsing: c0) {
            return (make(text, first, cursor + 1, sentence: sentence, start: day, precision: .day, anchor: "absolute"), cursor + 1)
        }
        // Month (year)
        if let month = TimeResolver.months[c0], c0.count >= 3, words[cursor].isCapitalized, c0 != "may" || year(c1) != nil {
            if let y = year(c1) {
                return (make(text, first, cursor + 2, sentence: sentence, start: Day(year: y, month: month, day: 1), precision: .month, anchor: "absolute"), cursor + 2)
            }
            if cursor > index, let y = inferYear(month: month, day: 1, published: published, future: future) {
                return (make(text, first, cursor + 1, sentence: sentence, start: Day(year: y, month: month, day: 1), precision: .month, anchor: "publication"), cursor + 1)
            }
        }
        // Year: "in 2021", "since 2021"
        if cursor > index || (index > 0 && words[index - 1].lower == "of"), let y = year(c0) {
            let start = Day(year: y, month: 1, day: 1)
            return (make(text, first, cursor + 1, sentence: sentence, start: start, precision: .year, value: since ? "\(y)/.." : "\(y)", anchor: "absolute"), cursor + 1)
        }
        first = cursor == index + 1 && w0 == "on" ? index : cursor
        // Weekdays: "(on) (last|this|next) Thursday (night)"
        var modifier: String? = nil
        var weekdayIndex = cursor
        if ["last", "this", "next", "past"].contains(c0), TimeResolver.weekdays[c1] != nil {
            modifier = c0
            weekdayIndex = cursor + 1
        }
        if let weekday = TimeResolver.weekdays[words[weekdayIndex].lower], words[weekdayIndex].isCapitalized {
            var end = weekdayIndex + 1
            // "Friday prayers" names the prayers, not a day.
            if end < limit, ["prayers", "prayer", "sermon"].contains(words[end].lower) { return nil }
            if end < limit, TimeResolver.partsOfDay.contains(words[end].lower) { end += 1 }
            // The calendar date given beside the weekday wins: "on Thursday (May 4)", "on Sunday [2 February]".
            if end + 1 < limit, ["(", "["].contains(words[end].form),
                let (day, close, hasYear) = monthDay(words, at: end + 1, limit: limit, published: published, future: future),
                close < limit, [")", "]"].contains(words[close].form)
            {
                return (make(text, first, close + 1, sentence: sentence, start: day, precision: .day, anchor: hasYear ? "absolute" : "publication"), close + 1)
            }
            guard let published else {
                return (make(text, first, end, sentence: sentence, start: nil, precision: .day, anchor: "publication"), end)
            }
            var delta = (published.weekday - weekday + 7) % 7
            if modifier == "next" || (future && modifier != "last") {
                let ahead = (weekday - published.weekday + 7) % 7
                delta = -(ahead == 0 ? 7 : ahead)
            } else if modifier == "last" && delta == 0 {
                delta = 7
            }
            return (make(text, first, end, sentence: sentence, start: published.adding(days: -delta), precision: .day, anchor: "publication"), end)
        }
        // today, yesterday, tomorrow, last night, tonight, this morning
        if let offset = TimeResolver.relativeDays[c0] {
            var end = cursor + 1
            if end < limit, TimeResolver.partsOfDay.contains(words[end].lower) { end += 1 }
            return (make(text, cursor, end, sentence: sentence, start: published?.adding(days: offset), precision: .day, anchor: "publication"), end)
        }
        if c0 == "last", ["night", "evening"].contains(c1) {
            return (make(text, cursor, cursor + 2, sentence: sentence, start: published?.adding(days: -1), precision: .day, anchor: "publication"), cursor + 2)
        }
        if c0 == "this", ["morning", "afternoon", "evening"].contains(c1) {
            return (make(text, cursor, cursor + 2, sentence: sentence, start: published, precision: .day, anchor: "publication"), cursor + 2)
        }
        // (earlier|later) this (week|month|year), last (week|month|year), next …
        var periodStart = cursor
        if ["earlier", "later", "early", "late"].contains(c0), ["this", "last", "next"].contains(c1) { periodStart = cursor + 1 }
        let p0 = periodStart < limit ? words[periodStart].lower : ""
        let p1 = periodStart + 1 < limit ? words[periodStart + 1].lower : ""
        if ["this", "last", "next", "past"].contains(p0), ["week", "month", "year"].contains(p1) {
            let step = p0 == "last" || p0 == "past" ? -1 : p0 == "next" ? 1 : 0
            let end = periodStart + 2
            guard let published else {
                return (make(text, cursor, end, sentence: sentence, start: nil, precision: p1 == "week" ? .week : p1 == "month" ? .month : .year, anchor: "publication"), end)
            }
            switch p1 {
            case "week":
                let monday = published.adding(days: 1 - published.weekday + 7 * step)
                return (make(text, cursor, end, sentence: sentence, start: monday, end: monday.adding(days: 6), precision: .week, anchor: "publication"), end)
            case "month":
                var month = published.month + step
                var y = published.year
                if month < 1 { month = 12; y -= 1 }
                if month > 12 { month = 1; y += 1 }
                guard let start = Day(year: y, month: month, day: 1) else { return nil }
                return (make(text, cursor, end, sentence: sentence, start: start, end: Day(year: y, month: month, day: Day.daysIn(month: month, year: y)), precision: .month, anchor: "publication"), end)
            default:
                let y = published.year + step
                return (make(text, cursor, end, sentence: sentence, start: Day(year: y, month: 1, day: 1), end: Day(year: y, month: 12, day: 31), precision: .year, anchor: "publication"), end)
            }
        }
        // "(just) a day earlier", "two days later", "the next day", "the previous day", "three days ago"
        var shiftStart = cursor
        if c0 == "just" || c0 == "only" { shiftStart += 1 }
        let s0 = shiftStart < limit ? words[shiftStart].lower : ""
        let s1 = shiftStart + 1 < limit ? words[shiftStart + 1].lower : ""
        let s2 = shiftStart + 2 < limit ? words[shiftStart + 2].lower : ""
        if s0 == "the", ["next", "following", "previous", "preceding"].contains(s1), s2 == "day" {
            let delta = ["next", "following"].contains(s1) ? 1 : -1
            let base = anchor ?? published
            return (make(text, cursor, shiftStart + 3, sentence: sentence, start: base?.adding(days: delta), precision: .day, anchor: anchor == nil ? "publication" : "event"), shiftStart + 3)
        }
        if s0 == "the", s1 == "day", ["before", "after"].contains(s2) {
            let base = anchor ?? published
            return (make(text, cursor, shiftStart + 3, sentence: sentence, start: base?.adding(days: s2 == "before" ? -1 : 1), precision: .day, anchor: anchor == nil ? "publication" : "event"), shiftStart + 3)
        }
        let amount = TimeResolver.counts[s0] ?? Int(s0)
        if let amount, amount < 1000, ["day", "days", "week", "weeks"].contains(s1), ["earlier", "later", "before", "after", "ago"].contains(s2) {
            let days = amount * (s1.hasPrefix("week") ? 7 : 1) * (["later", "after"].contains(s2) ? 1 : -1)
            let base = s2 == "ago" ? published : (anchor ?? published)
            let precision: DatePrecision = s1.hasPrefix("week") ? .week : .day
            return (make(text, cursor, shiftStart + 3, sentence: sentence, start: base?.adding(days: days), precision: precision, anchor: s2 == "ago" || anchor == nil ? "publication" : "event"), shiftStart + 3)
        }
        _ = c2
        return nil
    }

    /// A numeric date, "10/26/2017" or "9/16" (also when the tokenizer split it at the slashes): month and day
    /// are told apart by the number over 12; when both could be either, the date is not read. The short form
    /// needs "on" before it and no noun after it ("on 10/12 motorcycles" counts motorcycles).
    private func numericDate(
        _ words: [FactWord], at index: Int, limit: Int, afterOn: Bool, published: Day?, future: Bool
    ) -> (Day, Int, Bool)? {
        guard index < limit, words[index].form.first?.isNumber == true else { return nil }
        var joined = words[index].form
        var end = index + 1
        while end < limit, end - index < 5, words[end].range.lowerBound == words[end - 1].range.upperBound,
            words[end].form == "/" || words[end - 1].form == "/"
        {
            joined += words[end].form
            end += 1
        }
        let parts = joined.split(separator: "/", omittingEmptySubsequences: false).map { Int($0) }
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0 != nil }) else { return nil }
        let (a, b) = (parts[0]!, parts[1]!)
        let month: Int
        let day: Int
        switch (a, b) {
        case (1...12, 13...31): (month, day) = (a, b)
        case (13...31, 1...12): (month, day) = (b, a)
        default: return nil
        }
        var y: Int?
        if parts.count == 3 {
            let written = String(joined.split(separator: "/").last ?? "")
            guard written.count == 4, let value = year(written) else { return nil }
            y = value
        } else {
            guard afterOn else { return nil }
            if end < limit, words[end].lower.first?.isLetter == true, !words[end].isCapitalized,
                !TimeResolver.prepositions.contains(words[end].lower), !["at", "while", "when", "after", "over", "near"].contains(words[end].lower)
            {
                return nil
            }
            y = inferYear(month: month, day: day, published: published, future: future)
        }
        guard let y, let date = Day(year: y, month: month, day: min(day, Day.daysIn(month: month, year: y))) else { return nil }
        return (date, end, parts.count == 3)
    }

    /// "October 12", "Oct. 12, 2025", "12 October", "12th of October 2025", "23 Nov".
    private func monthDay(_ words: [FactWord], at index: Int, limit: Int, published: Day?, future: Bool) -> (Day, Int, Bool)? {
        func clean(_ i: Int) -> String { i < limit ? words[i].bare : "" }
        var month: Int?
        var day: Int?
        var end = index
        if let m = TimeResolver.months[clean(index)], words[index].isCapitalized, let d = dayNumber(clean(index + 1)) {
            month = m
            day = d
            end = index + 2
            if clean(end) == "." { end += 1 }
        } else if let d = dayNumber(clean(index)) {
            var next = index + 1
            if clean(next) == "of" { next += 1 }
            if let m = TimeResolver.months[clean(next)], next < limit, words[next].isCapitalized {
                month = m
                day = d
                end = next + 1
            }
        }
        guard let month, let day else { return nil }
        var hasYear = false
        var y: Int?
        var yearIndex = end
        if clean(yearIndex) == "," { yearIndex += 1 }
        if let value = year(clean(yearIndex)) {
            y = value
            end = yearIndex + 1
            hasYear = true
        } else {
            y = inferYear(month: month, day: day, published: published, future: future)
        }
        guard let y, let date = Day(year: y, month: month, day: min(day, Day.daysIn(month: month, year: y))) else { return nil }
        return (date, end, hasYear)
    }

    /// "18-20 Feb", "18 to 20 February", "October 3 and 5", "October 3-5", "3 and 5 October".
    private func dayRange(_ words: [FactWord], at index: Int, limit: Int, published: Day?, future: Bool) -> ((Day, Day), Int)? {
        func clean(_ i: Int) -> String { i < limit ? words[i].bare : "" }
        var first: Int?
        var second: Int?
        var month: Int?
        var end = index
        let w = clean(index)
        // Only a word with a hyphen splits in two ("18-20"); most words have none.
        let parts = w.utf8.contains(UInt8(ascii: "-")) ? w.split(separator: "-") : []
        if parts.count == 2, let a = dayNumber(String(parts[0])), let b = dayNumber(String(parts[1])), let m = TimeResolver.months[clean(index + 1)] {
            (first, second, month, end) = (a, b, m, index + 2)
        } else if let a = dayNumber(w), ["-", "–", "to", "and", "or"].contains(clean(index + 1)), let b = dayNumber(clean(index + 2)),
            let m = TimeResolver.months[clean(index + 3)]
        {
            (first, second, month, end) = (a, b, m, index + 4)
        } else if let m = TimeResolver.months[w], index < limit, words[index].isCapitalized {
            let next = clean(index + 1)
            let p = next.utf8.contains(UInt8(ascii: "-")) ? next.split(separator: "-") : []
            if p.count == 2, let a = dayNumber(String(p[0])), let b = dayNumber(String(p[1])) {
                (first, second, month, end) = (a, b, m, index + 2)
            } else if let a = dayNumber(clean(index + 1)), ["-", "–", "to", "and", "or"].contains(clean(index + 2)), let b = dayNumber(clean(index + 3)) {
                (first, second, month, end) = (a, b, m, index + 4)
            }
        }
        guard let first, let second, let month, first < second else { return nil }
        var y: Int?
        var yearIndex = end
        if clean(yearIndex) == "," { yearIndex += 1 }
        if let value = year(clean(yearIndex)) {
            y = value
            end = yearIndex + 1
        } else {
            y = inferYear(month: month, day: second, published: published, future: future)
        }
        guard let y, let a = Day(year: y, month: month, day: min(first, Day.daysIn(month: month, year: y))),
            let b = Day(year: y, month: month, day: min(second, Day.daysIn(month: month, year: y)))
        else { return nil }
        return ((a, b), end)
    }

    // MARK: - Dating events

    func dateEvents(_ document: inout Document, text: FactText) {
        let published = document.metadata.published
        let clauses = Reporting.clauses(in: text)
        var lastDated: (paragraph: Int, date: Day, precision: DatePrecision)? = nil
        let order = document.events.indices.sorted { document.events[$0].evidence.trigger.lowerBound < document.events[$1].evidence.trigger.lowerBound }
        for eventIndex in order {
            let event = document.events[eventIndex]
            let sentence = text.sentence(containing: event.evidence.trigger.lowerBound) ?? min(event.sentence, max(0, text.sentences.count - 1))
            let paragraph = sentence < text.sentences.count ? text.sentences[sentence].paragraph : 0
            if let expression = governing(event, sentence: sentence, document: document, text: text, clauses: clauses),
                let start = expression.start
            {
                document.events[eventIndex].date = start
                document.events[eventIndex].datePrecision = expression.precision.rawValue
                lastDated = (paragraph, start, expression.precision)
            } else if let previous = lastDated, previous.paragraph == paragraph {
                document.events[eventIndex].date = previous.date
                document.events[eventIndex].datePrecision = previous.precision.rawValue
            } else if !event.modality.historical, let published {
                document.events[eventIndex].date = published
                document.events[eventIndex].datePrecision = DatePrecision.publication.rawValue
            }
        }
    }

    /// The expression that governs an event: one attached to its trigger in the parse, else the nearest
    /// in its sentence that does not belong to a reporting verb (unless the event is the report itself).
    func governing(_ event: Event, sentence: Int, document: Document, text: FactText, clauses: [ReportingClause]) -> TimeExpression? {
        // "since 2012" tells how long a state has lasted, not when an event happened.
        let candidates = document.dates.filter { $0.sentence == sentence && $0.start != nil && $0.value?.hasSuffix("/..") != true }
        guard !candidates.isEmpty else { return nil }
        let trigger = event.evidence.trigger
        // Through the parse.
        if !document.tokens.isEmpty {
            let triggerTokens = event.evidence.triggerTokens
            for expression in candidates {
                let scope = sentence < document.sentences.count ? document.sentences[sentence].tokens : document.tokens.indices
                let tokens = scope.filter { $0 < document.tokens.count && expression.range.contains(document.tokens[$0].range.lowerBound) }
                for token in tokens {
                    var head = document.tokens[token].head
                    var steps = 0
                    while let current = head, steps < 3 {
                        if triggerTokens.contains(current) { return expression }
                        if tokens.contains(current) { head = document.tokens[current].head; continue }
                        head = document.tokens[current].head
                        steps += 1
                    }
                }
            }
        }
        // Expressions right after a reporting verb date the report, not the event.
        let reportingRanges = clauses.filter { $0.sentence == sentence }.map { clause -> Range<Int> in
            let start = text.words[min(clause.speaker.lowerBound, clause.verb.lowerBound)].range.lowerBound
            let end = text.words[max(clause.speaker.upperBound, clause.verb.upperBound) - 1].range.upperBound
            return start..<(end + 20)
        }
        let triggerInReport = reportingRanges.contains { $0.contains(trigger.lowerBound) }
        let own = candidates.filter { expression in triggerInReport || !reportingRanges.contains { $0.contains(expression.range.lowerBound) } }
        let pool = own.isEmpty ? (triggerInReport ? candidates : []) : own
        return pool.min { distance($0.range, trigger) < distance($1.range, trigger) }
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
        if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
        return 0
    }
}
