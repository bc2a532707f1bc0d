import Foundation
import Parley
import ParleyTesting
import Testing

@Suite struct TextCommandTests {
    let article = fixtureURL("article.txt").path
    let gold = fixtureURL("gold.conllu").path

    @Test func sentencesPrintsOnePerLineWithParagraphs() throws {
        let result = try runParley(["sentences", article])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                Envoys Agree on Aid Corridor

                GENEVA - Gen. Paul Ruiz of the U.S. Army met U.N. officials on Oct. 3.
                "We're close," he said.

                • Convoys start Monday

                """)
    }

    @Test func sentencesWritesJSONLinesWithOffsets() throws {
        let result = try runParley(["sentences", "--output", "jsonl", article])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        let text = try String(contentsOfFile: article, encoding: .utf8)
        struct Record: Decodable {
            var start: Int
            var end: Int
            var text: String
            var heading: Bool
            var paragraph: Int
        }
        for line in lines {
            let record = try JSONDecoder().decode(Record.self, from: Data(line.utf8))
            let bytes = Array(text.utf8)[record.start..<record.end]
            #expect(String(decoding: bytes, as: UTF8.self) == record.text)
        }
        let first = try JSONDecoder().decode(Record.self, from: Data(lines[0].utf8))
        #expect(first.heading && first.paragraph == 1)
    }

    @Test func tokenizePrintsWordsAndJoinsContractions() throws {
        let result = try runParley(["tokenize", "-"], stdin: "We don't know. Dr. Li left.")
        #expect(result.status == 0)
        #expect(result.stdout == "We do|n't know .\nDr. Li left .\n")
    }

    @Test func tokenizeNamesEachDocumentOfAStream() throws {
        let input = """
            {"id": "first", "text": "Talks resumed."}
            {"id": "second", "text": "Envoys left."}
            {"id": "third", "text": "Guns fell silent."}

            """
        let result = try runParley(["tokenize", "--input", "jsonl", "-"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                # first
                Talks resumed .

                # second
                Envoys left .

                # third
                Guns fell silent .

                """)
    }

    @Test func tokenizeReportsABadRecordAndGoesOn() throws {
        let input = """
            {"id": "good", "text": "Talks resumed."}
            {"id": "bad", "text": 
            {"id": "later", "text": "Envoys left."}

            """
        let result = try runParley(["tokenize", "--input", "jsonl", "-"], stdin: input)
        #expect(result.status == 1)
        #expect(result.stdout.contains("# good\nTalks resumed .\n"))
        #expect(result.stdout.contains("# later\nEnvoys left .\n"))
        #expect(result.stderr.contains("-:2: error"))
    }

    @Test func tokenizeWritesJSONLines() throws {
        let result = try runParley(["tokenize", "--output", "jsonl", "-"], stdin: "I can't.")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[1].contains("\"form\":\"ca\"") && lines[1].contains("\"multiwordStart\":2"))
        #expect(lines[1].contains("\"start\":2") && lines[1].contains("\"end\":4"))
    }

    @Test func parseWritesCoNLLU() throws {
        let result = try runParley(["parse", "--output", "conllu", "-"], stdin: "Talks failed.\n\nWe don't know.")
        #expect(result.status == 0)
        let sentences = try CoNLLU.parse(result.stdout)
        #expect(sentences.count == 2)
        #expect(sentences[0].startsDocument && sentences[0].startsParagraph && sentences[1].startsParagraph)
        #expect(sentences[1].comment("text") == "We don't know.")
        #expect(sentences[1].multiwordTokens.map(\.form) == ["don't"])
        #expect(sentences[1].words.map(\.form) == ["We", "do", "n't", "know", "."])
        #expect(sentences[1].comment("sent_id") != nil)
        // The syntax stages fill tags, lemmas and a tree with one root per sentence.
        #expect(sentences[1].words[0].upos == "PRON")
        #expect(sentences[1].words[0].lemma == "we")
        #expect(sentences.allSatisfy { $0.words.filter { $0.head == 0 }.count == 1 })
    }

    @Test func parseKeepsGivenSegmentation() throws {
        let result = try runParley(["parse", "--input", "conllu", gold])
        #expect(result.status == 0, "\(result.stderr)")
        let sentences = try CoNLLU.parse(result.stdout)
        #expect(sentences.count == 3)
        #expect(sentences.map { $0.words.count } == [3, 6, 2])
        // The output carries the pipeline's own analysis: every word tagged, one root per sentence.
        #expect(sentences.allSatisfy { $0.words.allSatisfy { $0.upos != nil && $0.head != nil } })
        #expect(sentences.allSatisfy { $0.words.filter { $0.head == 0 }.count == 1 })
    }

    @Test func parseReportsAMalformedCoNLLUFile() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bad-\(UUID()).conllu")
        try "# text = x\n1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n3\ty\t_\t_\t_\t_\t_\t_\t_\t_\n".write(
            to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        let result = try runParley(["parse", "--input", "conllu", bad.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(bad.path):3"))
        #expect(result.stdout.isEmpty)
    }

    @Test func evalUDScoresRawText() throws {
        let result = try runParley(["eval", "ud", gold])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Tokens     |    100.00 |    100.00 |    100.00 |"))
        #expect(result.stdout.contains("Sentences  |    100.00 |    100.00 |    100.00 |"))
        #expect(result.stdout.contains("UPOS"))
    }

    @Test func evalUDScoresAGivenSystemFile() throws {
        let result = try runParley(["eval", "ud", gold, "--system", gold])
        #expect(result.status == 0)
        #expect(result.stdout.contains("LAS        |    100.00 |    100.00 |    100.00 |    100.00"))
    }

    @Test func evalUDWithGoldTokenization() throws {
        let result = try runParley(["eval", "ud", gold, "--gold-tokenization"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Words      |    100.00 |    100.00 |    100.00 |"))
    }

    @Test func evalUDReportsMalformedFiles() throws {
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("parley-bad-\(UUID()).conllu")
        try "1\tonly\tthree\n".write(to: bad, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: bad) }
        let result = try runParley(["eval", "ud", bad.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(bad.path):1"))
    }

    @Test func benchTokenizeReportsSpeed() throws {
        let result = try runParley(["bench", "tokenize", "--megabytes", "0.05"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("MB/s"))
    }
}
