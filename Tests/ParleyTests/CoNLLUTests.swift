import Parley
import ParleyTesting
import Testing

@Suite struct CoNLLUTests {
    static let sample = """
        # newdoc id = doc1
        # newpar
        # sent_id = s1
        # text = They don't agree.
        1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_
        2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_
        3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_
        4\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\tSpaceAfter=No
        5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_

        # sent_id = s2
        # text = Talks resumed.
        1\tTalks\ttalk\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
        2\tresumed\tresume\tVERB\tVBD\t_\t0\troot\t_\tSpaceAfter=No
        3\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

        """

    @Test func readsWordsMultiwordTokensAndComments() throws {
        let sentences = try CoNLLU.parse(Self.sample)
        #expect(sentences.count == 2)
        #expect(sentences[0].comment("text") == "They don't agree.")
        #expect(sentences[0].comment("newdoc id") == "doc1")
        #expect(sentences[0].surfaceTokens.map(\.form) == ["They", "don't", "agree", "."])
        #expect(sentences[1].words.map(\.lemma) == ["talk", "resume", "."])
    }

    @Test func rebuildsTextAndOffsetsFromGoldTokens() throws {
        let documents = CoNLLU.documents(from: try CoNLLU.parse(Self.sample))
        let document = try #require(documents.first)
        #expect(document.id == "doc1")
        #expect(document.text == "They don't agree. Talks resumed.")
        #expect(
            document.tokens.map { String(document.text(in: $0.range)) } == [
                "They", "do", "n't", "agree", ".", "Talks", "resumed", ".",
            ])
        #expect(document.tokens[1].multiwordStart == 1)
        #expect(document.tokens[0].head == 3)
        #expect(document.tokens[3].head == nil && document.tokens[3].relation == "root")
    }

    @Test func writesWhatItReads() throws {
        let documents = CoNLLU.documents(from: try CoNLLU.parse(Self.sample))
        let written = CoNLLU.format(documents)
        let reread = try CoNLLU.parse(written)
        #expect(
            reread.map { $0.words.map(\.form) } == [["They", "do", "n't", "agree", "."], ["Talks", "resumed", "."]])
        #expect(reread[0].multiwordTokens.map(\.form) == ["don't"])
        #expect(reread[0].words.map(\.head) == [4, 4, 4, 0, 4])
        #expect(reread[1].comment("text") == "Talks resumed.")
    }

    @Test func reportsTheLineOfAMalformedRow() {
        let broken = "# text = x\n1\tx\t_\t_\n"
        #expect {
            try CoNLLU.parse(broken, file: "bad.conllu")
        } throws: { error in
            let error = error as? PipelineError
            return error?.line == 2 && error?.file == "bad.conllu"
        }
    }

    /// A block of comments without words (after a sentence) used to crash the document builder with
    /// "Range requires lowerBound <= upperBound" (`parley parse --input conllu`, `eval syntax`).
    @Test func aBlockOfCommentsOnlyAddsNoSentence() throws {
        let documents = CoNLLU.documents(from: try CoNLLU.parse(Self.sample + "# just a note\n\n# another\n"))
        #expect(documents.map(\.sentences.count) == [2])
        #expect(documents.first?.text == "They don't agree. Talks resumed.")
    }

    /// A multiword token reaching past the sentence's last word used to crash with "Index out of range";
    /// overlapping ones were read as they stood.
    @Test(arguments: [
        (
            "1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_\n2-5\tresumed.\t_\t_\t_\t_\t_\t_\t_\t_\n2\tresumed\t_\t_\t_\t_\t_\t_\t_\t_\n",
            3
        ),
        (
            "1-2\tTalksre\t_\t_\t_\t_\t_\t_\t_\t_\n1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tresumed\t_\t_\t_\t_\t_\t_\t_\t_\n"
                + "2\tre\t_\t_\t_\t_\t_\t_\t_\t_\n3\tsumed\t_\t_\t_\t_\t_\t_\t_\t_\n", 4
        ),
        (
            "1\tTalks\t_\t_\t_\t_\t_\t_\t_\t_\n3-4\tresumed\t_\t_\t_\t_\t_\t_\t_\t_\n2\tresumed\t_\t_\t_\t_\t_\t_\t_\t_\n",
            3
        ),
    ])
    func rejectsAMultiwordTokenThatDoesNotFit(_ text: String, line: Int) {
        #expect {
            try CoNLLU.parse("# text = x\n" + text, file: "bad.conllu")
        } throws: { error in
            let error = error as? PipelineError
            return error?.line == line && error?.file == "bad.conllu"
        }
    }
}
