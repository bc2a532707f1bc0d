import Parley
import Testing

@Suite struct TokenizerLexiconTests {
    @Test func roundTripsThroughItsFileFormat() throws {
        let lexicon = TokenizerLexicon(
            abbreviations: ["u.s.": 0.25, "dr.": 0], titles: ["dr."], hyphenPrefixes: ["co"],
            contractions: ["gonna": [3, 2]], sentenceStarters: ["the"])
        let text = lexicon.serialized(header: "test")
        #expect(try TokenizerLexicon(parsing: text) == lexicon)
    }

    @Test(arguments: [
        "abbreviation\tdr.\n",
        "abbreviation\tdr.\t2\n",
        "contraction\tgonna\t3 3\n",
        "mystery\tword\n",
        "prefix\n",
    ])
    func rejectsMalformedLines(_ text: String) {
        #expect {
            try TokenizerLexicon(parsing: "# header\n" + text, file: "lexicon.tsv")
        } throws: { error in
            guard let error = error as? PipelineError else { return false }
            return error.code == .invalidModel && error.file == "lexicon.tsv" && error.line == 2
        }
    }

    @Test func bundledLexiconLoads() throws {
        let lexicon = try TokenizerLexicon.bundled()
        #expect(lexicon.titles.contains("gen."))
        #expect(lexicon.abbreviations["u.s."] != nil)
        #expect(!lexicon.sentenceStarters.isEmpty)
    }

    @Test func trainerLearnsFromTreebankSentences() throws {
        var text = ""
        for index in 1...3 {
            text += """
                # newdoc id = doc\(index)
                # text = Dr. Li gonna visit co-workers.
                1\tDr.\t_\t_\t_\t_\t_\t_\t_\t_
                2\tLi\t_\t_\t_\t_\t_\t_\t_\t_
                3-4\tgonna\t_\t_\t_\t_\t_\t_\t_\t_
                3\tgon\t_\t_\t_\t_\t_\t_\t_\t_
                4\tna\t_\t_\t_\t_\t_\t_\t_\t_
                5\tvisit\t_\t_\t_\t_\t_\t_\t_\t_
                6\tco-workers\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
                7\t.\t_\t_\t_\t_\t_\t_\t_\t_


                """
        }
        text += """
            # newdoc id = GUM_fiction_x
            # text = Zz. Qq.
            1\tZz.\t_\t_\t_\t_\t_\t_\t_\t_
            2\tQq.\t_\t_\t_\t_\t_\t_\t_\t_
            3\tZz.\t_\t_\t_\t_\t_\t_\t_\t_


            """
        let lexicon = TokenizerTrainer().train(try CoNLLU.parse(text))
        #expect(lexicon.abbreviations["dr."] == 0)
        #expect(lexicon.contractions["gonna"] == [3, 2])
        #expect(lexicon.hyphenPrefixes.contains("co"))
        #expect(lexicon.abbreviations["zz."] == nil)
    }
}
