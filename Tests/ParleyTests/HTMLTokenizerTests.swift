import Parley
import Testing

@Suite struct HTMLTokenizerTests {
    func tokens(_ html: String) -> [HTMLToken] { Array(HTMLTokenizer(html)) }

    @Test func readsQuotedUnquotedAndBareAttributes() {
        let result = tokens(#"<A HREF=/world class='x y' data-id="7" hidden>"#)
        #expect(
            result == [
                .startTag(
                    name: "a",
                    attributes: [
                        HTMLAttribute(name: "href", value: "/world"), HTMLAttribute(name: "class", value: "x y"),
                        HTMLAttribute(name: "data-id", value: "7"), HTMLAttribute(name: "hidden", value: ""),
                    ], selfClosing: false)
            ])
    }

    @Test func readsSelfClosingTagsAndEndTags() {
        #expect(
            tokens("<br/>a</P >")
                == [.startTag(name: "br", attributes: [], selfClosing: true), .text("a"), .endTag(name: "p")])
    }

    @Test func keepsScriptAndStyleAsRawText() {
        let result = tokens(#"<script>if (a < b) { s = "</div><p>"; }</script><p>x"#)
        #expect(result[1] == .text(#"if (a < b) { s = "</div><p>"; }"#))
        #expect(result[2] == .endTag(name: "script"))
        #expect(result.last == .text("x"))
    }

    @Test func decodesReferencesInTitleButNotTagsInside() {
        let result = tokens("<title>A &amp; B <b>c</b></title>")
        #expect(result[1] == .text("A & B <b>c</b>"))
    }

    @Test func readsCommentsCDATAAndDoctype() {
        let result = tokens("<!DOCTYPE html><!-- <p>hidden</p> --><![CDATA[a < b]]><?xml version='1.0'?>")
        #expect(
            result == [
                .doctype("DOCTYPE html"), .comment(" <p>hidden</p> "), .text("a < b"), .comment("xml version='1.0'?"),
            ])
    }

    @Test func treatsAStrayLessThanAsText() {
        #expect(tokens("3 < 4 and 5 <6") == [.text("3 < 4 and 5 <6")])
    }

    @Test func survivesUnterminatedMarkup() {
        #expect(
            tokens("<p>text<!-- never closed") == [
                .startTag(name: "p", attributes: [], selfClosing: false), .text("text"), .comment(" never closed"),
            ])
        #expect(tokens("<div class=\"open").count <= 1)
        #expect(tokens("<").isEmpty == false)
    }

    @Test(arguments: [
        ("&amp;&lt;&gt;&quot;&#39;", "&<>\"'"),
        ("&rsquo;&ldquo;&rdquo;&mdash;&hellip;", "\u{2019}\u{201C}\u{201D}\u{2014}\u{2026}"),
        ("&#8217;&#x2019;&#X201c;", "\u{2019}\u{2019}\u{201C}"),
        ("&#150;&#146;", "\u{2013}\u{2019}"),
        ("&nbsp;&eacute;&Ouml;&euro;", "\u{A0}\u{E9}\u{D6}\u{20AC}"),
        ("AT&T &copy 2024 &notanentity; &", "AT&T \u{A9} 2024 \u{AC}anentity; &"),
        ("&#0;&#xD800;&#99999999;", "\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("&alpha;&Omega;&sigmaf;", "\u{3B1}\u{3A9}\u{3C2}"),
    ])
    func decodesCharacterReferences(_ html: String, _ expected: String) {
        #expect(HTMLEntities.decode(html) == expected)
    }

    @Test func leavesLegacyReferencesInAttributesWhenALetterFollows() {
        #expect(HTMLEntities.decode("?a=1&copy=2&amp;b", inAttribute: true) == "?a=1&copy=2&b")
    }
}
