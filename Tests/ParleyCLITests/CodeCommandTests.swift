import Foundation
import Testing

@Suite struct CodeCommandTests {
    /// A parsed sentence of our own, in CoNLL-U.
    let conllu = """
        # newdoc id = clash-1
        # text = Police arrested protesters in Lahore.
        1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
        2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_
        3\tprotesters\tprotester\tNOUN\tNNS\t_\t2\tobj\t_\t_
        4\tin\tin\tADP\tIN\t_\t5\tcase\t_\t_
        5\tLahore\tLahore\tPROPN\tNNP\t_\t2\tobl\t_\tSpaceAfter=No
        6\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_


        """

    func write(_ text: String, name: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-\(UUID().uuidString)-\(name)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func codesAParsedFileAsJSONL() throws {
        let path = try write(conllu, name: "clash.conllu")
        let result = try runParley(["code", path, "--date", "2025-10-30", "--output", "jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let event = try #require((object["events"] as? [[String: Any]])?.first)
        #expect(event["cameo"] as? String == "173")
        #expect(object["published"] as? String == "2025-10-30")
    }

    @Test(arguments: ["csv", "acled-csv", "table"])
    func writesEveryOutput(format: String) throws {
        let path = try write(conllu, name: "clash.conllu")
        let result = try runParley(["code", path, "--date", "2025-10-30", "--output", format])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("173") || result.stdout.contains("Protest"))
    }

    @Test func explainsWithPlainMarkersWhenNotATerminal() throws {
        let path = try write(conllu, name: "clash.conllu")
        let result = try runParley(["explain", path, "--date", "2025-10-30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("[[arrested]]"))
    }

    @Test func rejectsAMissingLexiconFolder() throws {
        let path = try write(conllu, name: "clash.conllu")
        let result = try runParley(["code", path, "--lexicon", "/nonexistent/lexicon"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("/nonexistent/lexicon"))
    }

    @Test func importsPetrarchVerbsAndCodesWithThem() throws {
        let dictionary = try write(
            "--- CALM [---] ---\nARREST\n- * PROTESTERS [999]\n", name: "verbs.txt")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-lex-\(UUID().uuidString)")
        let imported = try runParley(["lexicon", "import-petrarch", "--verbs", dictionary, "-o", folder.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let path = try write(conllu, name: "clash.conllu")
        let result = try runParley(["code", path, "--lexicon", folder.path, "--output", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(",999,"))
    }
    @Test func emitsAnImportedCodeAsWrittenForAFutureAct() throws {
        let path = try write(
            """
            # newdoc id = announced-1
            # text = Police will attack protesters in Lahore.
            1\tPolice\tpolice\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
            2\twill\twill\tAUX\tMD\t_\t3\taux\t_\t_
            3\tattack\tattack\tVERB\tVB\t_\t0\troot\t_\t_
            4\tprotesters\tprotester\tNOUN\tNNS\t_\t3\tobj\t_\t_
            5\tin\tin\tADP\tIN\t_\t6\tcase\t_\t_
            6\tLahore\tLahore\tPROPN\tNNP\t_\t3\tobl\t_\tSpaceAfter=No
            7\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_


            """, name: "announced.conllu")
        let bundled = try runParley(["code", path, "--date", "2025-10-30", "--output", "csv"])
        #expect(bundled.status == 0, "\(bundled.stderr)")
        #expect(bundled.stdout.contains(",138,"), "the default lexicon codes an announced attack as a threat")

        let dictionary = try write("--- ATTACK [190] ---\nATTACK\n", name: "verbs.txt")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-lex-\(UUID().uuidString)")
        let imported = try runParley(["lexicon", "import-petrarch", "--verbs", dictionary, "-o", folder.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let result = try runParley(["code", path, "--lexicon", folder.path, "--output", "csv"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(",190,"), "an imported code is emitted as written: \(result.stdout)")
    }
}
