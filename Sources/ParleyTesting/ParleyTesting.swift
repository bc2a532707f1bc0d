import Foundation
import Parley

extension Document {
    /// A document whose text is the words joined by single spaces, tokenized as given and one sentence.
    ///
    /// For stage tests that build their input by hand instead of running earlier stages.
    public static func words(_ words: [String], id: String = "test") -> Document {
        var text = ""
        var tokens: [Token] = []
        for (index, word) in words.enumerated() {
            if index > 0 { text += " " }
            let start = text.utf8.count
            text += word
            tokens.append(Token(range: start..<text.utf8.count, form: word))
        }
        var document = Document(id: id, text: text)
        document.tokens = tokens
        document.sentences = [Sentence(tokens: 0..<tokens.count, range: 0..<text.utf8.count)]
        document.annotations = [.tokens, .sentences]
        return document
    }
}

/// The URL of a fixture file in a test target's `Fixtures/` folder.
/// - Parameters:
///   - name: the file name inside `Fixtures/`.
///   - filePath: leave as is: locates the calling test file.
public func fixtureURL(_ name: String, filePath: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Fixtures")
        .appendingPathComponent(name)
}

/// Creates an empty folder of its own under the system's temporary folder; remove it when done.
/// - Parameter prefix: the start of its name (`parley-store`), to tell test leftovers apart.
/// - Throws: when the folder cannot be created.
public func temporaryFolder(_ prefix: String) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
}

/// Writes bytes to a file of the given name in a fresh temporary folder.
/// - Returns: the file's path; ``removeTemporaryFile(_:)`` deletes it with its folder.
/// - Throws: when the folder or the file cannot be written.
public func temporaryFile(_ data: Data, name: String) throws -> String {
    let url = try temporaryFolder("parley-file").appendingPathComponent(name)
    try data.write(to: url)
    return url.path
}

/// Deletes a file made by ``temporaryFile(_:name:)`` and its folder.
public func removeTemporaryFile(_ path: String) {
    try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent)
}

/// Errors from golden-file comparisons.
public struct GoldenMismatch: Error, CustomStringConvertible {
    public var description: String
}

/// Compares text with a golden file in the calling test target's `Goldens/` folder.
///
/// With `RECORD_GOLDENS=1` in the environment the golden is rewritten and the test fails, so each
/// change to a golden is read before it is committed.
/// - Throws: ``GoldenMismatch`` when the text differs from the golden, or when recording.
public func expectGolden(_ text: String, named name: String, filePath: StaticString = #filePath) throws {
    let url = URL(fileURLWithPath: "\(filePath)").deletingLastPathComponent().appendingPathComponent("Goldens")
        .appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        throw GoldenMismatch(description: "recorded \(name); unset RECORD_GOLDENS and run again")
    }
    guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
        throw GoldenMismatch(description: "no golden \(name); run with RECORD_GOLDENS=1 to create it")
    }
    if expected != text {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var line = 0
        while line < min(expectedLines.count, actualLines.count) && expectedLines[line] == actualLines[line] {
            line += 1
        }
        let want = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
        let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
        throw GoldenMismatch(description: "\(name):\(line + 1): expected «\(want)», got «\(got)»")
    }
}
