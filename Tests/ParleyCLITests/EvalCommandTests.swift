import Foundation
import ParleyTesting
import Testing

@Suite struct EvalCommandTests {
    /// Gold files without records used to score as a table of zeros, "n/a" or (duplicates) 1.000, with exit
    /// status 0; blank lines were left out of the count, so the line named for a bad record was wrong.
    @Test(arguments: [
        ("plover", "\n", ["gold.jsonl: no records to score"]),
        ("acled", "\n", ["gold.jsonl: no records to score"]),
        ("ucdp", "\n", ["gold.jsonl: no records to score"]),
        ("acled-facts", "\n", ["gold.jsonl: no records to score"]),
        ("plover", "{\"text\": \"x\"}\n\n[1]\n", ["gold.jsonl:3: not a JSON object"]),
        ("duplicates", "\n\n[1]\n", ["gold.jsonl:3: skipped", "gold.jsonl: no articles to copy and score"]),
    ])
    func aGoldFileWithoutGoodRecordsIsAnError(_ command: String, _ content: String, _ messages: [String]) throws {
        let path = try temporaryFile(Data(content.utf8), name: "gold.jsonl")
        defer { removeTemporaryFile(path) }
        let result = try runParley(["eval", command, path])
        #expect(result.status == 1)
        for message in messages {
            #expect(result.stderr.contains(message))
        }
    }
}
