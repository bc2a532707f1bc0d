import Foundation

extension DocumentReader {
    /// The format of an input, from its file name, else from its first bytes.
    /// - Parameters:
    ///   - head: the first bytes of the input (64 KB is plenty).
    ///   - name: the file name, or `-` for standard input.
    public static func sniffFormat(_ head: Data, name: String) -> Configuration.Format {
        switch (name as NSString).pathExtension.lowercased() {
        case "html", "htm", "xhtml", "shtml", "xht": return .html
        case "jsonl", "ndjson", "jsonlines", "json": return .jsonl
        case "conllu", "conll": return .conllu
        case "txt", "text", "md": return .text
        default: break
        }
        let text = String(decoding: head.prefix(16_384), as: UTF8.self)
        let start = text.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        let lowered = start.prefix(4096).lowercased()
        if lowered.hasPrefix("<!doctype html") || lowered.hasPrefix("<html")
            || lowered.hasPrefix("<?xml")
                && lowered.contains("<html")
            || lowered.contains("<head>") || lowered.contains("<body")
        {
            return .html
        }
        if start.first == "{" {
            let firstLine = start.prefix { $0 != "\n" }
            if (try? JSONSerialization.jsonObject(with: Data(firstLine.utf8))) is [String: Any] { return .jsonl }
        }
        if looksLikeCoNLLU(start) { return .conllu }
        if HTMLSniffer.looksLikeHTML(String(start.prefix(8192))) && start.first == "<" { return .html }
        return .text
    }

    /// Rejects JSON that is not one object per line: a JSON array, or a pretty-printed object.
    /// - Throws: ``PipelineError`` naming the file, saying how to convert it.
    static func checkJSONLinesShape(_ head: Data, name: String) throws {
        let bytes = head.prefix(65_536).drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        guard let first = bytes.first else { return }
        if first == UInt8(ascii: "[") {
            throw PipelineError(
                .invalidInput, "a JSON array, not JSON Lines: write one object per line (for example jq -c '.[]')",
                file: name, line: 1)
        }
        if first == UInt8(ascii: "{") {
            let line = bytes.prefix { $0 != 0x0A }.filter { ![0x20, 0x09, 0x0D].contains($0) }
            if line.count == 1 {
                throw PipelineError(
                    .invalidInput,
                    "pretty-printed JSON, not JSON Lines: write one object per line (for example jq -c .)",
                    file: name, line: 1)
            }
        }
    }

    private static func looksLikeCoNLLU(_ text: Substring) -> Bool {
        var wordLines = 0
        for line in text.split(separator: "\n").prefix(20) {
            if line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10, columns[0].first?.isNumber == true else { return false }
            wordLines += 1
        }
        return wordLines > 0
    }
}

/// Tells HTML from text that merely mentions a `<`.
enum HTMLSniffer {
    private static let tags: Set<String> = [
        "p", "div", "br", "span", "a", "html", "body", "article", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
        "li", "strong", "em", "b", "i", "img", "table", "tr", "td", "section", "figure", "blockquote", "script",
        "head", "meta", "main", "header", "footer", "nav", "iframe", "figcaption", "hr", "u", "sup", "sub",
    ]

    /// Whether the text holds at least two HTML tags (or one of `<html>`, `<body>`, `<!DOCTYPE>`).
    static func looksLikeHTML(_ text: String) -> Bool {
        let bytes = Array(text.utf8.prefix(200_000))
        var found = 0
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            var cursor = index + 1
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "/") { cursor += 1 }
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "!") {
                let rest = String(decoding: bytes[cursor..<min(cursor + 8, bytes.count)], as: UTF8.self).lowercased()
                if rest.hasPrefix("!doctype") { return true }
            }
            let nameStart = cursor
            while cursor < bytes.count,
                (0x61...0x7A).contains(bytes[cursor] | 0x20) || (0x30...0x39).contains(bytes[cursor])
            {
                cursor += 1
            }
            if cursor > nameStart, cursor < bytes.count,
                [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "/"), UInt8(ascii: "\n"), UInt8(ascii: "\t")]
                    .contains(bytes[cursor])
            {
                let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
                if name == "html" || name == "body" { return true }
                if tags.contains(name) {
                    found += 1
                    if found >= 2 { return true }
                }
            }
            index = cursor
        }
        return false
    }
}

/// Splits bytes into lines, numbering them from 1 and dropping the `\r` of CRLF.
struct LineSplitter {
    private let data: Data
    private var position: Data.Index
    private var number = 0

    init(data: Data) {
        self.data = data
        self.position = data.startIndex
    }

    mutating func next() -> (Int, Data)? {
        guard position < data.endIndex else { return nil }
        let offset = position - data.startIndex
        let found = data.withUnsafeBytes { bytes in bytes[offset...].firstIndex(of: 0x0A) }
        let end = found.map { data.startIndex + $0 } ?? data.endIndex
        var line = data[position..<end]
        if line.last == 0x0D { line = line.dropLast() }
        position = end < data.endIndex ? end + 1 : end
        number += 1
        return (number, line)
    }
}
