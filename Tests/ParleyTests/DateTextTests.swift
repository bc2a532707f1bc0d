import Parley
import Testing

@Suite struct DateTextTests {
    @Test(arguments: [
        ("2024-03-18", "2024-03-18"),
        ("20240318", "2024-03-18"),
        ("2024-03-18T23:41:00-05:00", "2024-03-18"),
        ("2024/03/18", "2024-03-18"),
        ("Mon, 18 Mar 2024 09:41:00 GMT", "2024-03-18"),
        ("March 18, 2024", "2024-03-18"),
        ("18 March 2024 09:41", "2024-03-18"),
        ("Sept. 3rd, 2021", "2021-09-03"),
    ])
    func readsPublicationDates(_ text: String, _ expected: String) {
        #expect(DateText.day(from: text)?.description == expected)
    }

    @Test(arguments: ["2025-02-30", "20251301", "yesterday", "", "March 2024", "12/09/2020"])
    func rejectsImpossibleOrUnreadableDates(_ text: String) {
        #expect(DateText.day(from: text) == nil)
    }
}
