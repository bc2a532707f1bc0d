import Parley
import ParleyTesting
import Testing

@Suite struct TokenizerTests {
    let tokenizer = Tokenizer(lexicon: TokenizerTests.lexicon)

    static let lexicon: TokenizerLexicon = {
        var lexicon = TokenizerLexicon(
            hyphenPrefixes: ["co", "e", "non", "pre"],
            contractions: ["gonna": [3, 2], "cannot": [3, 3], "im": [1, 1]],
            sentenceStarters: ["the", "he", "but"])
        lexicon.merge(.builtIn)
        return lexicon
    }()

    func forms(_ text: String) -> [String] {
        tokenizer.tokenize(text).map(\.form)
    }

    @Test(arguments: [
        ("Police arrested 1,000 protesters.", ["Police", "arrested", "1,000", "protesters", "."]),
        ("Growth was 3.5% in 2023.", ["Growth", "was", "3.5", "%", "in", "2023", "."]),
        ("They met at 5:30 on 9/11.", ["They", "met", "at", "5:30", "on", "9/11", "."]),
        ("It cost $45 billion.", ["It", "cost", "$", "45", "billion", "."]),
        ("See https://example.org/a?b=1, then", ["See", "https://example.org/a?b=1", ",", "then"]),
        ("(www.example.com)", ["(", "www.example.com", ")"]),
        ("Write to press@example.org.", ["Write", "to", "press@example.org", "."]),
        ("Follow @ParleyNews and #DohaTalks!", ["Follow", "@ParleyNews", "and", "#DohaTalks", "!"]),
        ("Great news :) thanks", ["Great", "news", ":)", "thanks"]),
        ("Wait... what?!", ["Wait", "...", "what", "?!"]),
        ("a search-engine war", ["a", "search", "-", "engine", "war"]),
        ("my co-workers and e-mail", ["my", "co-workers", "and", "e-mail"]),
        ("call 713-853-3989 now", ["call", "713-853-3989", "now"]),
        ("\"Stop,\" he said.", ["\"", "Stop", ",", "\"", "he", "said", "."]),
        (
            "Gen. Smith met Dr. Jones in the U.S. on Oct. 5.",
            [
                "Gen.", "Smith", "met", "Dr.", "Jones", "in", "the", "U.S.", "on", "Oct.", "5", ".",
            ]
        ),
        ("Lt. Col. O'Neill", ["Lt.", "Col.", "O'Neill"]),
        ("Sen. Kyl (R-Ariz.) said", ["Sen.", "Kyl", "(", "R", "-", "Ariz.", ")", "said"]),
        ("J. R. Smith", ["J.", "R.", "Smith"]),
        ("Resolution No. 2334", ["Resolution", "No.", "2334"]),
        ("They said No.", ["They", "said", "No", "."]),
        ("It ended -- finally", ["It", "ended", "--", "finally"]),
        ("in the '90s", ["in", "the", "'90s"]),
        ("from 7:30pm to 9am", ["from", "7:30", "pm", "to", "9", "am"]),
        (
            "a 35mm lens, the 20th time, the 1970s",
            ["a", "35", "mm", "lens", ",", "the", "20th", "time", ",", "the", "1970s"]
        ),
        ("pages 3-4 in 1969-1970", ["pages", "3", "-", "4", "in", "1969", "-", "1970"]),
        ("dial 646-8420 or x3-9890", ["dial", "646-8420", "or", "x3-9890"]),
        ("an x-ray", ["an", "x", "-", "ray"]),
        ("b/c the l/c and/or w/o", ["b/c", "the", "l/c", "and", "/", "or", "w/o"]),
        ("the Tehreek-e-Taliban and non-state", ["the", "Tehreek", "-", "e", "-", "Taliban", "and", "non-state"]),
        ("He said ''yes'' twice", ["He", "said", "''", "yes", "''", "twice"]),
        ("Acme Inc.. Then", ["Acme", "Inc.", ".", "Then"]),
        ("Really?! No...", ["Really", "?!", "No", "..."]),
    ])
    func splitsLikeEWT(_ text: String, _ expected: [String]) {
        #expect(forms(text) == expected)
    }

    @Test(arguments: [
        ("I don't know", ["I", "do", "n't", "know"], [nil, 1, 1, nil]),
        ("We can't go", ["We", "ca", "n't", "go"], [nil, 1, 1, nil]),
        ("She's here", ["She", "'s", "here"], [0, 0, nil]),
        ("Bush's plan", ["Bush", "'s", "plan"], [0, 0, nil]),
        ("they\u{2019}re late", ["they", "\u{2019}re", "late"], [0, 0, nil]),
        ("we're gonna win", ["we", "'re", "gon", "na", "win"], [0, 0, 2, 2, nil]),
        ("You cannot", ["You", "can", "not"], [nil, 1, 1]),
        ("Im late", ["I", "m", "late"], [0, 0, nil]),
        ("the Tigers' fans", ["the", "Tigers", "'", "fans"], [nil, 1, 1, nil]),
    ])
    func makesContractionsMultiwordTokens(_ text: String, _ expected: [String], _ starts: [Int?]) {
        let tokens = tokenizer.tokenize(text)
        #expect(tokens.map(\.form) == expected)
        #expect(tokens.map(\.multiwordStart) == starts)
    }

    @Test func keepsOffsetsIntoTheOriginalText() {
        let text = "Türkiye’s envoy said: “No.”"
        let tokens = tokenizer.tokenize(text)
        let utf8 = Array(text.utf8)
        for token in tokens {
            let surface = String(decoding: utf8[token.range], as: UTF8.self)
            #expect(surface == token.form)
        }
        #expect(tokens.map(\.form) == ["Türkiye", "’s", "envoy", "said", ":", "“", "No", ".", "”"])
    }

    @Test func marksSpaceAfter() {
        let tokens = tokenizer.tokenize("Hi, you.")
        #expect(tokens.map(\.spaceAfter) == [false, true, false, false])
    }

    @Test func splitsLongPunctuationRunsInLinearPasses() {
        // Runs that once made the e-mail scan and the closer walk-back quadratic.
        let plus = String(repeating: "a+", count: 20_000)
        #expect(tokenizer.tokenize(plus).count == 40_000)
        let closers = "x." + String(repeating: ")", count: 20_000) + " Next"
        var document = Document(id: "t", text: closers)
        document.tokens = tokenizer.tokenize(closers)
        let sentences = SentenceSegmenter(lexicon: TokenizerTests.lexicon).segment(closers, tokens: document.tokens)
        #expect(document.tokens.count == 20_002)  // "x." (an initial), the closers, "Next"
        // One run-on sentence, cut into pieces no longer than the segmenter's limit.
        #expect(sentences.first?.tokens.lowerBound == 0 && sentences.last?.tokens.upperBound == 20_002)
        #expect(sentences.allSatisfy { $0.tokens.count <= 250 })
    }

    @Test func toleratesEmptyAndOddInput() {
        #expect(tokenizer.tokenize("").isEmpty)
        #expect(tokenizer.tokenize(" \n\t ").isEmpty)
        let odd = "\u{FFFD}\u{0000}abc\u{200B}--@#'"
        let tokens = tokenizer.tokenize(odd)
        #expect(!tokens.isEmpty)
        #expect(tokens.allSatisfy { $0.range.upperBound <= odd.utf8.count })
    }
}
