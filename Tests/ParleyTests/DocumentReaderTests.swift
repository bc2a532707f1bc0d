import Foundation
import Parley
import ParleyTesting
import Testing

@Suite struct DocumentReaderTests {
    let reader = DocumentReader()

    func reader(_ change: (inout DocumentReader.Configuration) -> Void) -> DocumentReader {
        var configuration = DocumentReader.Configuration()
        change(&configuration)
        return DocumentReader(configuration: configuration)
    }

    func expectError(
        _ code: PipelineError.Code, naming file: String, containing words: String, _ body: () throws -> Void
    ) {
        let error = #expect(throws: PipelineError.self) { try body() }
        #expect(error?.code == code)
        #expect(error?.file == file)
        #expect(error?.description.contains(words) == true, "\(error?.description ?? "")")
    }

    // MARK: Plain text

    @Test func readsPlainTextUntouchedWithItsHeadlineAsTitle() throws {
        let path = fixtureURL("article.txt").path
        let result = try reader.read(path: path)
        let document = try #require(result.documents.first)
        #expect(document.id == "article.txt")
        #expect(document.text == (try String(contentsOfFile: path, encoding: .utf8)))
        #expect(document.metadata.title == "Envoys agree to reopen border crossing after weeks of clashes")
        #expect(document.metadata.published == nil)
        #expect(document.metadata.publishedSource == .unknown)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func givesTheDefaultDateToInputsWithoutOne() throws {
        let dated = reader { $0.date = Day(year: 2025, month: 10, day: 30) }
        let document = try #require(try dated.read(data: Data("Some text.".utf8), name: "a.txt").documents.first)
        #expect(document.metadata.published == Day(year: 2025, month: 10, day: 30))
        #expect(document.metadata.publishedSource == .given)
    }

    // MARK: HTML

    @Test func readsAnHTMLFileIntoItsArticle() throws {
        let document = try #require(try reader.read(path: fixtureURL("news-modern.html").path).documents.first)
        #expect(document.id == "news-modern.html")
        #expect(document.metadata.title == "Ceasefire holds in northern province, officials say")
        #expect(document.metadata.outlet == "Harbor Times")
        #expect(document.metadata.language == "en-GB")
        #expect(document.metadata.published == Day(year: 2023, month: 11, day: 7))
        #expect(document.text.hasPrefix("A ceasefire between government forces"))
    }

    @Test func decodesAPageThatDeclaresWindows1252() throws {
        let result = try reader.read(path: fixtureURL("news-legacy.html").path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?.text.contains("the river\u{2019}s flow") == true)
    }

    @Test func sniffsHTMLFromContent() throws {
        let page =
            "<!DOCTYPE html><html><body><article><p>Rebels freed two hostages on Monday.</p></article></body></html>"
        let document = try #require(try reader.read(data: Data(page.utf8), name: "-").documents.first)
        #expect(document.id == "stdin")
        #expect(document.text == "Rebels freed two hostages on Monday.")
    }

    @Test func reportsAPageWithNoArticleText() {
        expectError(.invalidInput, naming: "nav.html", containing: "no article text") {
            _ = try reader.read(data: Data("<nav><a href=/>Home</a></nav>".utf8), name: "nav.html")
        }
    }

    // MARK: JSON Lines

    @Test func readsGoodRecordsAndReportsBadLines() throws {
        let path = fixtureURL("articles.jsonl").path
        let result = try reader.read(path: path)
        #expect(result.documents.map(\.id) == ["ledger-101", "202", "articles.jsonl:4", "html-1", "ledger-101"])
        let first = result.documents[0]
        #expect(first.metadata.title == "Envoys meet in Brisk")
        #expect(first.metadata.outlet == "The Valley Ledger")
        #expect(first.metadata.url == "https://valleyledger.example/envoys")
        #expect(first.metadata.published == Day(year: 2024, month: 5, day: 2))
        #expect(first.metadata.origin == "\(path):1")
        #expect(
            first.text
                == "Envoys from Arland and Belmora met in Brisk on Thursday.\n\nThey agreed to meet again in June.")
        #expect(result.documents[1].metadata.published == Day(year: 2024, month: 5, day: 3))
        #expect(result.documents[2].metadata.published == Day(year: 2024, month: 5, day: 4))

        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.line) == [5, 6, 7, 8, 11])
        #expect(errors.allSatisfy { $0.file == path })
        #expect(errors[0].message.contains("malformed JSON"))
        #expect(errors[1].message.contains("no 'text' field (fields: body, id)"))
        #expect(errors[2].message.contains("impossible or unreadable date '2025-02-30'"))
        #expect(errors[3].message.contains("expected a JSON object, found an array"))
        #expect(errors[4].message.contains("is empty"))
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        #expect(warnings.map(\.line) == [10])
        #expect(warnings.first?.message.contains("duplicate id 'ledger-101' (first on line 1)") == true)
    }

    @Test func extractsTheArticleFromAnHTMLRecord() throws {
        let result = try reader.read(path: fixtureURL("articles.jsonl").path)
        let document = try #require(result.documents.first { $0.id == "html-1" })
        #expect(document.text == "Troops withdrew from the ridge on Sunday.\n\nThe council welcomed the move.")
        #expect(document.metadata.url == "https://harbortimes.example/a")
    }

    @Test func readsFieldsUnderOtherNames() throws {
        let custom = reader {
            $0.textField = "body"
            $0.idField = "doc.key"
            $0.dateField = "published_at"
            $0.titleField = "headline"
        }
        let result = try custom.read(path: fixtureURL("custom-fields.jsonl").path)
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.map(\.id) == ["wire-7", "wire-8"])
        #expect(result.documents.map(\.metadata.title) == ["Talks resume", nil])
        #expect(
            result.documents.map(\.metadata.published) == [
                Day(year: 2022, month: 10, day: 27), Day(year: 2022, month: 10, day: 28),
            ])
    }

    @Test func repairsInvalidUTF8InARecordAndSaysWhere() throws {
        var data = Data(#"{"id": "a", "text": "fine"}"#.utf8) + Data("\n".utf8)
        data += Data(#"{"id": "b", "text": "caf"#.utf8) + Data([0xE9, 0xFF]) + Data(#" au lait"}"#.utf8)
        let result = try reader.read(data: data, name: "feed.jsonl")
        #expect(result.documents.count == 2)
        #expect(result.documents[1].text == "caf\u{FFFD}\u{FFFD} au lait")
        let warning = try #require(result.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(
            warning.description
                == "feed.jsonl:2: warning: replaced 2 invalid UTF-8 bytes with U+FFFD; save the file as UTF-8 to avoid this"
        )
        #expect(result.documents[1].warnings == [warning])
    }

    @Test func streamsALargeFileRecordByRecord() throws {
        var lines: [String] = []
        for index in 1...3000 {
            lines.append(
                #"{"id": "r\#(index)", "date": "2024-01-02", "text": "Record number \#(index) of a long feed."}"#)
        }
        lines.insert("{broken", at: 1500)
        let path = try temporaryFile(Data(lines.joined(separator: "\n").utf8), name: "big.jsonl")
        defer { removeTemporaryFile(path) }
        let small = reader { $0.maxBytes = 200 }  // smaller than the file: the limit applies per record
        var ids: [String] = []
        var diagnostics: [Diagnostic] = []
        for item in try small.documents(path: path) {
            switch item {
            case .document(let document): ids.append(document.id)
            case .diagnostic(let diagnostic): diagnostics.append(diagnostic)
            }
        }
        #expect(ids.count == 3000)
        #expect(ids.first == "r1" && ids.last == "r3000")
        #expect(diagnostics.map(\.line) == [1501])
        let whole = try DocumentReader().read(path: path)
        #expect(whole.documents.map(\.id) == ids)
    }

    @Test func skipsARecordOverTheLimitWhenStreaming() throws {
        let long = #"{"id": "long", "text": "\#(String(repeating: "x", count: 5000))"}"#
        let data = Data(
            ([#"{"id": "a", "text": "short one"}"#, long, #"{"id": "b", "text": "short two"}"#]).joined(separator: "\n")
                .utf8)
        let path = try temporaryFile(data, name: "mixed.jsonl")
        defer { removeTemporaryFile(path) }
        let items = Array(try reader { $0.maxBytes = 1000 }.documents(path: path))
        var ids: [String] = []
        var errors: [Diagnostic] = []
        for item in items {
            if case .document(let document) = item { ids.append(document.id) }
            if case .diagnostic(let diagnostic) = item { errors.append(diagnostic) }
        }
        #expect(ids == ["a", "b"])
        #expect(errors.count == 1)
        #expect(errors.first?.line == 2)
        #expect(errors.first?.message.contains("over the limit of 1000") == true)
    }

    @Test func streamsOtherFormatsWhole() throws {
        let items = Array(try reader.documents(path: fixtureURL("article.txt").path))
        #expect(items.count == 1)
        if case .document(let document)? = items.first {
            #expect(document.metadata.title == "Envoys agree to reopen border crossing after weeks of clashes")
        } else {
            Issue.record("expected a document")
        }
    }

    // MARK: CoNLL-U

    @Test func handsCoNLLUToTheGoldReader() throws {
        let conllu = reader { $0.format = .conllu }
        let document = try #require(try conllu.read(path: fixtureURL("sample.conllu").path).documents.first)
        #expect(document.id == "sample-doc")
        #expect(document.text == "Talks resumed. They didn't stop.")
        #expect(document.tokens.map(\.form) == ["Talks", "resumed", ".", "They", "did", "n't", "stop", "."])
        #expect(document.sentences.count == 2)
        #expect(try reader.read(path: fixtureURL("sample.conllu").path).documents.first?.tokens.count == 8)
    }

    // MARK: Bad input

    @Test func reportsEmptyInput() {
        expectError(.invalidInput, naming: "empty.txt", containing: "empty") {
            _ = try reader.read(data: Data(), name: "empty.txt")
        }
        expectError(.invalidInput, naming: "blank.txt", containing: "only whitespace") {
            _ = try reader.read(data: Data(" \n\t\n".utf8), name: "blank.txt")
        }
        expectError(.invalidInput, naming: "blank.jsonl", containing: "no JSON records") {
            _ = try reader.read(data: Data("\n\n".utf8), name: "blank.jsonl")
        }
    }

    @Test(arguments: [
        (Data("text\u{0}more".utf8), "NUL bytes"),
        (Data([0x1F, 0x8B, 0x08, 0x00, 0x12]), "gzip"),
        (Data("%PDF-1.7\n".utf8) + Data(repeating: 0x80, count: 40), "PDF"),
        (Data((0..<4000).map { UInt8(truncatingIfNeeded: $0 * 7 + 1) }.map { $0 == 0 ? 1 : $0 }), "not text"),
        (Data([0x41, 0x00, 0x42, 0x00, 0x43, 0x00, 0x0A, 0x00]), "UTF-16"),
    ])
    func reportsBinaryInput(_ data: Data, _ reason: String) {
        expectError(.invalidInput, naming: "blob.txt", containing: reason) {
            _ = try reader.read(data: data, name: "blob.txt")
        }
    }

    @Test func reportsInputOverTheSizeLimit() throws {
        let limited = reader { $0.maxBytes = 10 }
        let path = try temporaryFile(Data("More than ten bytes of text.".utf8), name: "long.txt")
        defer { removeTemporaryFile(path) }
        expectError(.invalidInput, naming: path, containing: "over the limit of 10 (raise it with --max-size)") {
            _ = try limited.read(path: path)
        }
        expectError(.invalidInput, naming: "-", containing: "over the limit of 10") {
            _ = try limited.read(data: Data("More than ten bytes of text.".utf8), name: "-")
        }
    }

    @Test func reportsAMissingFileAndADirectory() throws {
        expectError(.io, naming: "/nonexistent/parley/article.txt", containing: "no such file") {
            _ = try reader.read(path: "/nonexistent/parley/article.txt")
        }
        let directory = FileManager.default.temporaryDirectory.path
        expectError(.invalidInput, naming: directory, containing: "is a directory") {
            _ = try reader.read(path: directory)
        }
        expectError(.invalidInput, naming: directory, containing: "is a directory") {
            _ = try reader.documents(path: directory)
        }
    }

    @Test func repairsInvalidUTF8InTextAndReportsFileLineAndCount() throws {
        let data =
            Data("Line one.\nLine two.\nBad ".utf8) + Data([0xC3]) + Data(" here.\nAnd ".utf8)
            + Data([0xED, 0xA0, 0x80])
        let result = try reader.read(data: data, name: "broken.txt")
        #expect(
            result.documents.first?.text == "Line one.\nLine two.\nBad \u{FFFD} here.\nAnd \u{FFFD}\u{FFFD}\u{FFFD}")
        #expect(
            result.diagnostics.map(\.description) == [
                "broken.txt:3: warning: replaced 4 invalid UTF-8 bytes with U+FFFD on 2 lines; save the file as UTF-8 to avoid this"
            ])
        #expect(result.documents.first?.warnings == result.diagnostics)
    }

    @Test func decodesUTF16WithAByteOrderMarkAndDropsAUTF8One() throws {
        let utf16 = try #require("Talks resume.".data(using: .utf16))
        #expect(try reader.read(data: utf16, name: "u16.txt").documents.first?.text == "Talks resume.")
        let bom = Data([0xEF, 0xBB, 0xBF]) + Data("Talks resume.".utf8)
        #expect(try reader.read(data: bom, name: "bom.txt").documents.first?.text == "Talks resume.")
    }

    @Test func explainsJSONThatIsNotOneObjectPerLine() throws {
        let array = Data("[\n  {\"text\": \"a\"},\n  {\"text\": \"b\"}\n]\n".utf8)
        expectError(.invalidInput, naming: "feed.json", containing: "a JSON array, not JSON Lines") {
            _ = try reader.read(data: array, name: "feed.json")
        }
        let pretty = Data("{\n  \"text\": \"a\"\n}\n".utf8)
        let path = try temporaryFile(pretty, name: "one.jsonl")
        defer { removeTemporaryFile(path) }
        expectError(.invalidInput, naming: path, containing: "pretty-printed JSON") {
            _ = try reader.documents(path: path)
        }
    }

    @Test func reportsMalformedCoNLLUWithItsLine() {
        expectError(.invalidInput, naming: "bad.conllu", containing: "10 tab-separated columns") {
            _ = try reader.read(data: Data("# text = x\n1\tx\n".utf8), name: "bad.conllu")
        }
    }
}
