import Parley
import ParleyTesting
import Testing

@Suite struct SentenceSegmenterTests {
    let tokenizer = Tokenizer(lexicon: TokenizerTests.lexicon)
    let segmenter = SentenceSegmenter(lexicon: TokenizerTests.lexicon)

    func sentences(_ text: String) -> [String] {
        var document = Document(id: "t", text: text)
        document.tokens = tokenizer.tokenize(text)
        document.sentences = segmenter.segment(text, tokens: document.tokens)
        return document.sentences.map { String(document.text(in: $0.range)) }
    }

    @Test(arguments: [
        ("Gen. Mark Brandt arrived. He spoke.", ["Gen. Mark Brandt arrived.", "He spoke."]),
        ("Lt. Col. Sara Hill and Dr. Amira Haddad met.", ["Lt. Col. Sara Hill and Dr. Amira Haddad met."]),
        ("The U.S. Army and the U.N. envoy agreed.", ["The U.S. Army and the U.N. envoy agreed."]),
        ("Troops left the U.S. The talks resumed.", ["Troops left the U.S.", "The talks resumed."]),
        ("It began on Oct. 7 in Gaza. No. 4 is next.", ["It began on Oct. 7 in Gaza.", "No. 4 is next."]),
        ("Resolution No. 2334 passed.", ["Resolution No. 2334 passed."]),
        ("Author J. R. Smith wrote it.", ["Author J. R. Smith wrote it."]),
        (
            "Prices rose 3.5 percent. Talks start at 10.30 today.",
            [
                "Prices rose 3.5 percent.", "Talks start at 10.30 today.",
            ]
        ),
        ("They met at 5 p.m. on Monday.", ["They met at 5 p.m. on Monday."]),
        ("\"We will not retreat,\" he said. \"Never.\"", ["\"We will not retreat,\" he said.", "\"Never.\""]),
        ("\"Is it over?\" she asked. It was.", ["\"Is it over?\" she asked.", "It was."]),
        ("He waited... Then he left.", ["He waited...", "Then he left."]),
        ("He waited... and waited.", ["He waited... and waited."]),
        ("(The vote was close.) Then came the rest.", ["(The vote was close.)", "Then came the rest."]),
        ("It was over! Everyone cheered.", ["It was over!", "Everyone cheered."]),
        ("He studied in Dulwich.[17] Then he left.", ["He studied in Dulwich.[17]", "Then he left."]),
        ("The war ended. [3] Peace followed.", ["The war ended. [3]", "Peace followed."]),
        ("talks failed. he left", ["talks failed.", "he left"]),
        ("Sources (e.g. The Times and Le Monde) agreed.", ["Sources (e.g. The Times and Le Monde) agreed."]),
    ])
    func splitsNewsSentences(_ text: String, _ expected: [String]) {
        #expect(sentences(text) == expected)
    }

    @Test func linesWithoutFinalPunctuationAreSentences() {
        let text = """
            Ceasefire talks resume in Doha
            By Staff Reporter
            Envoys met on Monday. They agreed on a timetable.
            • Aid convoys: 45 trucks a day
            • Prisoner exchange in stages
            Next steps
            """
        #expect(
            sentences(text) == [
                "Ceasefire talks resume in Doha", "By Staff Reporter", "Envoys met on Monday.",
                "They agreed on a timetable.", "• Aid convoys: 45 trucks a day", "• Prisoner exchange in stages",
                "Next steps",
            ])
    }

    @Test func bulletsInOneLineStartSentences() {
        #expect(sentences("Demands: • a ceasefire • aid access") == ["Demands:", "• a ceasefire", "• aid access"])
    }

    @Test func blankLinesStartParagraphsAndHeadingsAreMarked() {
        let text = "Talks Resume\n\nEnvoys met. They agreed.\n\nA second paragraph."
        var document = Document(id: "t", text: text)
        document.tokens = tokenizer.tokenize(text)
        document.sentences = segmenter.segment(text, tokens: document.tokens)
        #expect(document.sentences.map(\.paragraph) == [0, 1, 1, 2])
        #expect(document.sentences.map(\.isHeading) == [true, false, false, false])
        #expect(document.sentences.map(\.tokens) == [0..<2, 2..<5, 5..<8, 8..<12])
    }

    @Test func hardWrappedLinesAreJoined() {
        let text = """
            The delegations met for three hours on Tuesday in the capital and
            agreed to continue the negotiations next week, according to a joint
            statement released by both governments after the meeting ended late
            in the evening. A new round is planned.
            """
        #expect(sentences(text).count == 2)
    }

    @Test func neverSplitsAContraction() {
        let result = sentences("He said. don't go")
        #expect(result == ["He said.", "don't go"])
    }

    @Test func emptyDocumentHasNoSentences() {
        #expect(segmenter.segment("", tokens: []).isEmpty)
    }

    @Test func cutsARunawaySentenceNearTheLimitAtACommaElseAtTheLimit() {
        let limited = SentenceSegmenter(lexicon: TokenizerTests.lexicon, maxWords: 20)
        // 3 words per clause, a comma after each: 45 clauses, no full stop until the end.
        let text = Array(repeating: "troops fired shells,", count: 45).joined(separator: " ") + " then stopped."
        let tokens = tokenizer.tokenize(text)
        let pieces = limited.segment(text, tokens: tokens)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.tokens.count <= 20 })
        // The pieces cover every word, in order, with no gap.
        #expect(pieces.first?.tokens.lowerBound == 0)
        #expect(pieces.last?.tokens.upperBound == tokens.count)
        #expect(zip(pieces, pieces.dropFirst()).allSatisfy { $0.tokens.upperBound == $1.tokens.lowerBound })
        // Every piece but the last ends on a comma.
        #expect(pieces.dropLast().allSatisfy { tokens[$0.tokens.upperBound - 1].form == "," })
        #expect(String(Document(id: "t", text: text).text(in: pieces[0].range)).hasSuffix("shells,"))

        let bare = Array(repeating: "word", count: 55).joined(separator: " ")
        let cut = limited.segment(bare, tokens: tokenizer.tokenize(bare)).map(\.tokens.count)
        #expect(cut == [20, 20, 15])
    }

    @Test func keepsOrdinaryLongSentencesWhole() {
        let text = Array(repeating: "the talks went on,", count: 40).joined(separator: " ") + " and ended."
        #expect(sentences(text).count == 1)
    }
}
