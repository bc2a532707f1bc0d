import Parley
import Testing

@Suite struct UDEvaluationTests {
    /// Builds CoNLL-U from lines of `ID FORM UPOS HEAD DEPREL [MISC]`, sentences separated by blank lines.
    func conllu(_ text: String) throws -> [CoNLLU.Sentence] {
        var output = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let fields = line.split(separator: " ").map(String.init)
            if fields.isEmpty {
                output += "\n"
                continue
            }
            if fields[0].contains("-") {
                output += "\(fields[0])\t\(fields[1])\t_\t_\t_\t_\t_\t_\t_\t_\n"
                continue
            }
            let misc = fields.count > 5 ? fields[5] : "_"
            output +=
                "\(fields[0])\t\(fields[1])\t\(fields[1].lowercased())\t\(fields[2])\t_\t_\t\(fields[3])\t\(fields[4])\t_\t\(misc)\n"
        }
        return try CoNLLU.parse(output + "\n")
    }

    let gold = """
        1 I PRON 2 nsubj
        2-3 don't
        2 do AUX 4 aux
        3 n't PART 4 advmod
        4 know VERB 0 root SpaceAfter=No
        5 . PUNCT 4 punct

        1 Go VERB 0 root SpaceAfter=No
        2 ! PUNCT 1 punct
        """

    /// The gold file scored against itself.
    func goldAgainstItself() throws -> UDEvaluation.Report {
        let sentences = try conllu(gold)
        return try UDEvaluation.evaluate(gold: sentences, system: sentences)
    }

    @Test func identicalFilesScoreOneHundred() throws {
        let report = try goldAgainstItself()
        for (_, score) in report.metrics {
            #expect(score.f1 == 1)
        }
        #expect(report["Tokens"]?.gold == 6)
        #expect(report["Words"]?.gold == 7)
        #expect(report["Sentences"]?.gold == 2)
        // The words of the multiword token "don't" align by form.
        #expect(report["Words"]?.correct == 7)
        #expect(report["LAS"]?.correct == 7)
    }

    @Test func countsTokenSentenceAndWordErrors() throws {
        // The system misses the contraction's split and the sentence break, and tags one word wrongly.
        let system = """
            1 I PRON 2 nsubj
            2 don't AUX 3 aux
            3 know VERB 0 root SpaceAfter=No
            4 . PUNCT 3 punct
            5 Go NOUN 3 conj SpaceAfter=No
            6 ! PUNCT 5 punct
            """
        let report = try UDEvaluation.evaluate(gold: try conllu(gold), system: try conllu(system))
        let tokens = try #require(report["Tokens"])
        #expect(tokens.correct == 6 && tokens.gold == 6 && tokens.system == 6)
        let sentences = try #require(report["Sentences"])
        #expect(sentences.correct == 0 && sentences.gold == 2 && sentences.system == 1)
        let words = try #require(report["Words"])
        // "don't" vs "do"+"n't": LCS on forms aligns nothing inside the multiword region.
        #expect(words.gold == 7 && words.system == 6 && words.correct == 5)
        let upos = try #require(report["UPOS"])
        #expect(upos.correct == 4 && upos.aligned == 5)
        #expect(abs(upos.precision - 4.0 / 6.0) < 1e-9)
        #expect(abs(upos.recall - 4.0 / 7.0) < 1e-9)
        // Heads: I->know? gold I->do(2) vs system I->don't(2), not aligned; know root ok; . -> know ok;
        // Go root in gold, conj of know in system; ! -> Go ok.
        let uas = try #require(report["UAS"])
        #expect(uas.correct == 3)
        let las = try #require(report["LAS"])
        #expect(las.correct == 3)
    }

    /// Words given as "surface word word..." for a multiword token, or a plain form; heads chain to the first word.
    func words(_ items: [String]) throws -> [CoNLLU.Sentence] {
        var lines: [String] = []
        var count = 0
        for item in items {
            let parts = item.split(separator: " ").map(String.init)
            if parts.count > 1 {
                lines.append("\(count + 1)-\(count + parts.count - 1)\t\(parts[0])\t_\t_\t_\t_\t_\t_\t_\t_")
                for part in parts.dropFirst() {
                    count += 1
                    lines.append("\(count)\t\(part)\t_\t_\t_\t_\t\(count > 1 ? 1 : 0)\tdep\t_\t_")
                }
            } else {
                count += 1
                lines.append("\(count)\t\(item)\t_\t_\t_\t_\t\(count > 1 ? 1 : 0)\tdep\t_\t_")
            }
        }
        return try CoNLLU.parse(lines.joined(separator: "\n") + "\n\n")
    }

    @Test(arguments: [
        (["xy", "z"], ["x", "y", "z"], 1),
        (["x", "yz y z", "w"], ["x", "y", "z", "w"], 4),
        (["xyzw x y z w"], ["xy x y", "zw z w"], 4),
        (["x", "yz y z", "w"], ["x", "y", "zw"], 2),
        (["xy x y", "zw y w"], ["x", "yz", "w"], 2),
        (["x", "yz y z", "w"], ["xy Q R", "zw S x"], 1),
        (["stop"], ["s", "t", "o", "p"], 0),
    ])
    func alignsWordsLikeTheSharedTask(_ gold: [String], _ system: [String], _ correct: Int) throws {
        let report = try UDEvaluation.evaluate(gold: try words(gold), system: try words(system))
        #expect(report["Words"]?.correct == correct)
    }

    @Test func scoresContentRelationsAndFunctionalChildren() throws {
        let report = try goldAgainstItself()
        // Content words: I (nsubj), n't (advmod), know (root), Go (root); aux and punct are not content.
        #expect(report["CLAS"]?.gold == 4)
        #expect(report["MLAS"]?.f1 == 1)
        #expect(report["BLEX"]?.f1 == 1)
    }

    @Test func rejectsDifferentTexts() throws {
        let other = "1 You PRON 0 root\n"
        #expect(throws: PipelineError.self) {
            try UDEvaluation.evaluate(gold: try conllu(gold), system: try conllu(other))
        }
    }

    @Test func printsATable() throws {
        let table = try goldAgainstItself().table
        #expect(table.contains("Tokens     |    100.00 |    100.00 |    100.00 |"))
        #expect(table.contains("LAS        |    100.00 |    100.00 |    100.00 |    100.00"))
    }
}
