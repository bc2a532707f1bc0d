import Foundation
import ParleyTesting
import Testing

@Suite struct TrainCommandTests {
    let gold = fixtureURL("gold.conllu").path

    /// A throwaway folder with a tiny `lemminflect/infl_lu.csv`, as `--lexicon` expects.
    func lexiconDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "parley-train-\(UUID().uuidString)")
        let folder = directory.appendingPathComponent("lemminflect")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "say,verb,says,said,saying,said\nofficial,noun,officials\n".write(
            to: folder.appendingPathComponent("infl_lu.csv"), atomically: true, encoding: .utf8)
        return directory
    }

    /// A CoNLL-U file of comments only used to crash `eval syntax` (a sentence without words), to score
    /// 0.00 everywhere in `eval ud`, and to train and write empty models and lexicons.
    @Test(arguments: [
        ["train", "tagger", "--train", "IN", "--dev", "IN", "--out", "OUT"],
        ["train", "segmenter", "IN", "--output", "OUT"],
        ["eval", "syntax", "IN"], ["eval", "ud", "IN"],
    ])
    func aFileWithoutSentencesIsAnError(_ arguments: [String]) throws {
        let lexicon = try lexiconDirectory()
        defer { try? FileManager.default.removeItem(at: lexicon) }
        let input = lexicon.appendingPathComponent("notes.conllu")
        try "# newdoc id = d1\n# a note\n\n# another\n".write(to: input, atomically: true, encoding: .utf8)
        let out = lexicon.appendingPathComponent("out.bin").path
        let result = try runParley(
            arguments.map { $0 == "IN" ? input.path : $0 == "OUT" ? out : $0 }
                + (arguments[0] == "train" && arguments[1] != "segmenter" ? ["--lexicon", lexicon.path] : []))
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("notes.conllu: no sentences"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func jackknifedParserTrainingIsDeterministic() throws {
        let lexicon = try lexiconDirectory()
        defer { try? FileManager.default.removeItem(at: lexicon) }
        var models: [Data] = []
        for run in 0..<2 {
            let out = lexicon.appendingPathComponent("parser-\(run).bin").path
            let result = try runParley([
                "train", "parser", "--train", gold, "--dev", gold, "--out", out, "--tagger", "gold",
                "--jackknife", "3", "--tagger-epochs", "1", "--epochs", "2", "--lexicon", lexicon.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("jack-knife fold 3/3"))
            models.append(try Data(contentsOf: URL(fileURLWithPath: out)))
        }
        #expect(!models[0].isEmpty)
        #expect(models[0] == models[1])
    }
}
