import Foundation
import ParleyTesting
import Testing

@Suite struct ReadCommandTests {
    func records(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func printsAPagesMetadataAndTextAsJSONL() throws {
        let page = """
            <html lang="en"><head><title>Envoys meet | Coast Daily</title>
            <meta property="article:published_time" content="2024-06-01T08:00:00Z">
            <meta property="og:site_name" content="Coast Daily"></head>
            <body><nav><a href="/">Home</a><a href="/world">World</a></nav>
            <article><h1>Envoys meet</h1><p>Envoys from both sides met in Lisk on Saturday, officials said.</p>
            <div class="share-buttons"><a href="#">Share on Facebook</a></div></article></body></html>
            """
        let path = try temporaryFile(Data(page.utf8), name: "page.html")
        defer { removeTemporaryFile(path) }
        let result = try runParley(["read", path, "--output", "jsonl"])
        #expect(result.status == 0)
        let record = try #require(try records(result.stdout).first)
        #expect(record["id"] as? String == "page.html")
        #expect(record["title"] as? String == "Envoys meet")
        #expect(record["outlet"] as? String == "Coast Daily")
        #expect(record["published"] as? String == "2024-06-01")
        #expect(record["publishedSource"] as? String == "given")
        #expect(record["text"] as? String == "Envoys from both sides met in Lisk on Saturday, officials said.")
    }

    @Test func readsJSONLFromStandardInputAndReportsBadLines() throws {
        let input = """
            {"id": "a", "headline": "Talks", "day": "20240601", "body": "Talks resumed in Lisk."}
            {"id": "b", "day": "2024-13-01", "body": "A record with a month that does not exist."}
            not json at all
            {"id": "c", "body": "The last record."}
            """
        let result = try runParley(
            [
                "read", "-", "--output", "jsonl", "--text-field", "body", "--date-field", "day", "--title-field",
                "headline",
            ],
            stdin: input)
        #expect(result.status == 1)
        let ids = try records(result.stdout).compactMap { $0["id"] as? String }
        #expect(ids == ["a", "c"])
        #expect(result.stderr.contains("-:2: error: impossible or unreadable date '2024-13-01'"))
        #expect(result.stderr.contains("-:3: error: malformed JSON; line skipped"))
        #expect(result.stderr.contains("read 2 document(s); 0 file(s) failed, 2 record(s) skipped"))
    }

    @Test func readsPlainTextFromStandardInput() throws {
        let result = try runParley(["read", "-"], stdin: "Border reopens\n\nThe crossing reopened on Monday.\n")
        #expect(result.status == 0)
        #expect(result.stdout.contains("== stdin"))
        #expect(result.stdout.contains("title:     Border reopens"))
        #expect(result.stdout.contains("The crossing reopened on Monday."))
    }

    @Test func namesTheFileThatFailsAndGoesOnWithTheOthers() throws {
        let good = try temporaryFile(Data("Rebels freed two hostages.".utf8), name: "good.txt")
        defer { removeTemporaryFile(good) }
        let binary = try temporaryFile(Data([0x50, 0x00, 0x01, 0x02]), name: "blob.txt")
        defer { removeTemporaryFile(binary) }
        let empty = try temporaryFile(Data(), name: "empty.txt")
        defer { removeTemporaryFile(empty) }
        let result = try runParley(["read", binary, good, empty, "/nonexistent/x.txt", "--output", "jsonl"])
        #expect(result.status == 1)
        #expect(try records(result.stdout).count == 1)
        #expect(result.stderr.contains("\(binary): input is binary, not text: it holds NUL bytes"))
        #expect(result.stderr.contains("\(empty): input is empty"))
        #expect(result.stderr.contains("/nonexistent/x.txt: no such file"))
    }

    @Test func rejectsAFileOverTheSizeLimit() throws {
        let path = try temporaryFile(Data(String(repeating: "Talks went on. ", count: 20).utf8), name: "big.txt")
        defer { removeTemporaryFile(path) }
        let result = try runParley(["read", path, "--max-size", "100"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path): input is 300 bytes, over the limit of 100 (raise it with --max-size)"))
    }

    @Test func rejectsAnUnknownInputFormat() throws {
        let result = try runParley(["read", "-", "--input", "pdf"], stdin: "x")
        #expect(result.status != 0)
        #expect(result.stderr.contains("unknown input format 'pdf'"))
    }
}
