import Foundation

/// Turns JSON Lines records into documents, one line at a time.
struct JSONLinesParser {
    let configuration: DocumentReader.Configuration
    /// The file name, for messages and ids.
    let name: String
    private let baseName: String
    private var firstLines: [String: Int] = [:]
    /// Non-blank lines seen.
    private(set) var records = 0

    init(configuration: DocumentReader.Configuration, name: String) {
        self.configuration = configuration
        self.name = name
        self.baseName = DocumentReader.baseName(name)
    }

    /// Names tried when a field keeps its default name and the record lacks it.
    private static let aliases: [String: [String]] = [
        "date": ["published", "published_at", "publishedAt", "datePublished", "publish_date", "pubdate", "pub_date"],
        "url": ["source_url", "link", "sourceurl", "uri"],
        "title": ["headline"],
        "outlet": ["site_name", "source_name", "publisher"],
    ]

    private func failure(_ line: Int, _ message: String) -> DocumentReader.Item {
        .diagnostic(Diagnostic(.error, file: name, line: line, message: message + "; line skipped"))
    }

    /// Parses one line: nothing for a blank line, else a document or an error, and any warnings.
    mutating func parse(line: Data, number: Int) -> [DocumentReader.Item] {
        let raw = [UInt8](line)
        guard raw.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return [] }
        records += 1
        if raw.contains(0) { return [failure(number, "the line holds NUL bytes (binary data)")] }
        var items: [DocumentReader.Item] = []
        var warnings: [Diagnostic] = []
        var bytes = line
        if number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        let decoded = TextDecoding.decode(bytes)
        if let warning = decoded.warning(file: name, lineOffset: number - 1) {
            warnings.append(warning)
            bytes = Data(decoded.text.utf8)
        }
        let value: Any
        do {
            value = try JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed])
        } catch _ {
            return warnings.map(DocumentReader.Item.diagnostic) + [failure(number, "malformed JSON")]
        }
        guard let record = value as? [String: Any] else {
            return warnings.map(DocumentReader.Item.diagnostic) + [
                failure(number, "expected a JSON object, found \(JSONLinesParser.kind(of: value))")
            ]
        }
        switch makeDocument(record, number: number) {
        case .failure(let message):
            items = warnings.map(DocumentReader.Item.diagnostic) + [failure(number, message)]
        case .success(var document):
            if let first = firstLines[document.id] {
                warnings.append(
                    Diagnostic(
                        .warning, file: name, line: number,
                        message: "duplicate id '\(document.id)' (first on line \(first))"))
            } else {
                firstLines[document.id] = number
            }
            document.warnings += warnings
            items = warnings.map(DocumentReader.Item.diagnostic) + [.document(document)]
        }
        return items
    }

    private enum Outcome {
        case success(Document)
        case failure(String)
    }

    private func makeDocument(_ record: [String: Any], number: Int) -> Outcome {
        let textField = configuration.textField
        guard let rawText = JSONLinesParser.value(record, textField), !(rawText is NSNull) else {
            let fields = record.keys.sorted().prefix(12).joined(separator: ", ")
            return .failure("no '\(textField)' field (fields: \(fields)); name the text field with --text-field")
        }
        guard let text = rawText as? String else {
            return .failure("field '\(textField)' is \(JSONLinesParser.kind(of: rawText)), not a string")
        }
        guard text.contains(where: { !$0.isWhitespace }) else { return .failure("field '\(textField)' is empty") }

        var metadata = ArticleMetadata(origin: "\(name):\(number)")
        metadata.title = string(record, configuration.titleField, default: "title")
        metadata.url = string(record, configuration.urlField, default: "url")
        metadata.outlet = string(record, configuration.outletField, default: "outlet")
        if let language = string(record, "language", default: "") ?? string(record, "lang", default: "") {
            metadata.language = language
        }
        if let date = lookup(record, configuration.dateField, default: "date"), !(date is NSNull) {
            let written: String
            switch date {
            case let text as String: written = text
            case let number as NSNumber: written = number.stringValue
            default:
                return .failure("field '\(configuration.dateField)' is \(JSONLinesParser.kind(of: date)), not a date")
            }
            if !written.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let day = DateText.day(from: written) else {
                    return .failure(
                        "impossible or unreadable date '\(written.prefix(40))' in field '\(configuration.dateField)' "
                            + "(use YYYY-MM-DD, YYYYMMDD or RFC 3339)")
                }
                metadata.published = day
                metadata.publishedSource = .given
            }
        }

        var body = text
        if configuration.extractHTMLInRecords, HTMLSniffer.looksLikeHTML(text) {
            let article = HTMLArticleExtractor().extract(text)
            guard !article.text.isEmpty else { return .failure("the record's HTML holds no article text") }
            body = article.text
            metadata.title = metadata.title ?? article.title
            metadata.url = metadata.url ?? article.url
            metadata.outlet = metadata.outlet ?? article.outlet
            if metadata.published == nil, let published = article.published {
                metadata.published = published
                metadata.publishedSource = article.publishedSource
            }
        }
        if metadata.title == nil { metadata.title = PlainText.headline(in: body) }
        if metadata.published == nil, let date = configuration.date {
            metadata.published = date
            metadata.publishedSource = .given
        }
        var id = "\(baseName):\(number)"
        switch JSONLinesParser.value(record, configuration.idField) {
        case let text as String where !text.trimmingCharacters(in: .whitespaces).isEmpty: id = text
        case let number as NSNumber: id = number.stringValue
        default: break
        }
        return .success(Document(id: id, text: body, metadata: metadata))
    }

    /// A field's value, following a dotted path into nested objects when no field has the whole name.
    static func value(_ record: [String: Any], _ field: String) -> Any? {
        if let value = record[field] { return value }
        guard field.contains(".") else { return nil }
        var current: Any? = record
        for part in field.split(separator: ".") {
            current = (current as? [String: Any])?[String(part)]
        }
        return current
    }

    /// A field's value, trying common alternative names when the field keeps its default name.
    private func lookup(_ record: [String: Any], _ field: String, default defaultName: String) -> Any? {
        if let value = JSONLinesParser.value(record, field), !(value is NSNull) { return value }
        guard field == defaultName else { return nil }
        for alias in JSONLinesParser.aliases[field] ?? [] {
            if let value = record[alias], !(value is NSNull) { return value }
        }
        return nil
    }

    private func string(_ record: [String: Any], _ field: String, default defaultName: String) -> String? {
        guard !field.isEmpty else { return nil }
        let value = lookup(record, field, default: defaultName)
        let text: String?
        switch value {
        case let string as String: text = string
        case let object as [String: Any]: text = (object["name"] as? String) ?? (object["url"] as? String)
        default: text = nil
        }
        guard let text else { return nil }
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return collapsed.isEmpty ? nil : collapsed
    }

    static func kind(of value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is NSNull: return "null"
        case is Bool, is NSNumber: return "a number or boolean"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        default: return "a value"
        }
    }
}
