import Parley
import Testing

@Suite struct FoldedTextTests {
    @Test(arguments: [
        ("Türkiye", "turkiye"),
        ("TÜRKİYE", "turkiye"),
        ("“Hamas”", "\"hamas\""),
        ("Al‑Qaeda — ‘Islamic State’", "al-qaeda - 'islamic state'"),
        ("Ｕ.Ｎ.", "u.n."),
        ("ﬁre", "fire"),
        ("São Tomé", "sao tome"),
        ("plain ascii", "plain ascii"),
    ])
    func folds(_ text: String, _ expected: String) {
        #expect(FoldedText.fold(text) == expected)
        #expect(FoldedText(text).folded == expected)
    }

    @Test func mapsFoldedOffsetsBackToTheOriginal() {
        let text = "In Türkiye, “Erdoğan” spoke."
        let view = FoldedText(text)
        let folded = Array(view.folded.utf8)
        let needle = Array("erdogan".utf8)
        var found: Range<Int>?
        for start in 0...(folded.count - needle.count) where Array(folded[start..<start + needle.count]) == needle {
            found = start..<start + needle.count
        }
        let range = try! #require(found)
        let original = view.originalRange(of: range)
        let utf8 = Array(text.utf8)
        #expect(String(decoding: utf8[original], as: UTF8.self) == "Erdoğan")
        #expect(view.originalOffsets.count == folded.count + 1)
        #expect(view.originalOffsets.last == text.utf8.count)
    }

    @Test func foldsLineEndingsAndKeepsOffsets() {
        let text = "A\r\nB`s"
        let view = FoldedText(text)
        #expect(view.folded == "a\nb's")
        #expect(FoldedText.fold(text) == view.folded)
        #expect(view.originalOffsets == [0, 1, 3, 4, 5, 6])
        #expect(view.originalRange(of: 1..<2) == 1..<3)
    }

    @Test func emptyText() {
        let view = FoldedText("")
        #expect(view.folded.isEmpty)
        #expect(view.originalRange(of: 0..<0) == 0..<0)
    }
}
