import Foundation
import ParleyTesting
import Testing

@Suite struct StoreCommandTests {
    let folder: URL

    init() throws {
        folder = try temporaryFolder("parley-cli-store")
    }

    /// A query on a mistyped store path used to create an empty store there and print nothing.
    @Test(arguments: [["status"], ["events"], ["incidents"], ["stories"], ["timeline"], ["export"], ["similar", "x"]])
    func queryingAMissingStoreIsAnErrorAndCreatesNothing(_ command: [String]) throws {
        let path = folder.appendingPathComponent("typo.sqlite").path
        let result = try runParley(command + ["--store", path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("typo.sqlite: no store there"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    /// `--from` after `--to` used to list nothing without a word.
    @Test func aDateRangeThatEndsBeforeItStartsIsRejected() throws {
        let result = try runParley([
            "events", "--store", folder.appendingPathComponent("s.sqlite").path, "--from", "2025-12-01", "--to",
            "2025-01-01",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--from 2025-12-01 is after --to 2025-01-01"))
    }
}
