import Parley
import Testing

@Suite struct PlainTextTests {
    @Test(arguments: [
        ("Talks resume in Istanbul\n\nNegotiators met on Thursday.", "Talks resume in Istanbul"),
        ("\n\n  Talks resume in Istanbul  \nNegotiators met on Thursday.", "Talks resume in Istanbul"),
        ("Pak-Afghan talks resume after 'Turkish push'\n\nBody text.", "Pak-Afghan talks resume after 'Turkish push'"),
        ("Talks resume in Istanbul\r\n\r\nNegotiators met on Thursday.\r\n", "Talks resume in Istanbul"),
    ])
    func keepsAHeadlineAsTitle(_ text: String, _ title: String) {
        #expect(PlainText.headline(in: text) == title)
    }

    @Test(arguments: [
        "Negotiators met on Thursday.\n\nThey agreed to meet again.",
        "Talks resume in Istanbul",
        "Negotiators from both sides met in Istanbul on Thursday and\nagreed to meet again next week.",
        "Negotiators from both sides met in Istanbul on Thursday\nand agreed to meet again next week.",
        "• Islamabad extends its stay\n\nBody.",
        "Is war coming?\n\nBody.",
        String(repeating: "word ", count: 60) + "\n\nBody.",
    ])
    func findsNoHeadlineWhereThereIsNone(_ text: String) {
        #expect(PlainText.headline(in: text) == nil)
    }
}
