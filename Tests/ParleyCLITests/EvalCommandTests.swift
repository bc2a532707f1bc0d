import Foundation
import ParleyTesting
import Testing

@Suite struct EvalCommandTests {
    /// An empty gold file used to print a table of zeros (or "n/a") and exit 0.
    @Test(arguments: ["plover", "acled", "ucdp", "acled-facts"])
    func anEmptyGoldFileIsAnError(_ command: String) throws {
        let path = try temporaryFile(Data("\n".utf8), name: "gold.jsonl")
        defer { removeTemporaryFile(path) }
        let result = try runParley(["eval", command, path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("gold.jsonl: no records to score"))
    }

    /// Blank lines used to be left out of the count, so the line named for a bad record was wrong.
    @Test func aBadRecordIsNamedByItsLine() throws {
        let path = try temporaryFile(Data("{\"text\": \"x\"}\n\n[1]\n".utf8), name: "gold.jsonl")
        defer { removeTemporaryFile(path) }
        let result = try runParley(["eval", "plover", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("gold.jsonl:3: not a JSON object"))
    }

    /// `eval duplicates` on a file without articles used to report precision, recall and F1 of 1.000.
    @Test func duplicatesWithoutArticlesIsAnError() throws {
        let path = try temporaryFile(Data("\n\n[1]\n".utf8), name: "articles.jsonl")
        defer { removeTemporaryFile(path) }
        let result = try runParley(["eval", "duplicates", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("articles.jsonl:3: skipped"))
        #expect(result.stderr.contains("articles.jsonl: no articles to copy and score"))
    }
}
