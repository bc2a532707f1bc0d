import Parley
import Testing

@Suite struct DayTests {
    @Test(arguments: [
        ("2025-10-30", "2025-10-30"), ("20251030", "2025-10-30"), ("2025-10-30T08:15:00+05:00", "2025-10-30"),
        ("2024-02-29", "2024-02-29"),
    ])
    func parsesAcceptedForms(text: String, expected: String) throws {
        let day = try #require(Day(parsing: text))
        #expect(day.description == expected)
    }

    @Test(arguments: ["2025-02-30", "2023-02-29", "2025-13-01", "20251300", "yesterday", "", "2025-10-30X"])
    func rejectsImpossibleDates(text: String) {
        #expect(Day(parsing: text) == nil)
    }

    @Test func countsDaysAndWeekdays() throws {
        let day = try #require(Day(year: 2025, month: 10, day: 30))
        #expect(day.weekday == 4)  // Thursday
        #expect(day.adding(days: 3).description == "2025-11-02")
        #expect(day.adding(days: -30).description == "2025-09-30")
        #expect(Day(daysSinceEpoch: day.daysSinceEpoch) == day)
        #expect(Day(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
    }
}
