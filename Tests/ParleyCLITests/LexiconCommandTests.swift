import Foundation
import ParleyTesting
import Testing

@Suite struct LexiconCommandTests {
    /// `-o` naming an existing file used to end with Foundation's raw NSCocoaErrorDomain 516 message.
    @Test func importingIntoAFileIsAClearError() throws {
        let folder = try temporaryFolder("parley-lex")
        defer { try? FileManager.default.removeItem(at: folder) }
        let dictionary = folder.appendingPathComponent("actors.txt")
        try "NORTHLAND [NLD]\n".write(to: dictionary, atomically: true, encoding: .utf8)
        let result = try runParley(["lexicon", "import-petrarch", "--actors", dictionary.path, "-o", dictionary.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--output \(dictionary.path) is a file"))
        #expect(try String(contentsOf: dictionary, encoding: .utf8) == "NORTHLAND [NLD]\n")
    }
}
