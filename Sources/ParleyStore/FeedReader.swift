import Foundation
import Parley

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads RSS 2.0 and Atom feeds into one document per item (title, link, date and body).
public struct FeedReader: Sendable {
    public init() {}

    /// Whether bytes look like an RSS or Atom feed.
    public static func isFeed(_ data: Data) -> Bool {
        let head = String(decoding: data.prefix(2048), as: UTF8.self).lowercased()
        return head.contains("<rss") || head.contains("<feed") || head.contains("<rdf:rdf")
    }

    /// The items of a feed as documents; items with no text are skipped with a diagnostic.
    /// - Parameters:
    ///   - data: the feed's bytes.
    ///   - name: the file or URL, for ids and messages.
    /// - Throws: ``PipelineError`` naming the file and line when the XML is malformed or holds no items.
    public func read(data: Data, name: String) throws -> DocumentReader.Result {
        let delegate = FeedParserDelegate()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = delegate
        if !parser.parse() {
            throw PipelineError(
                .invalidInput, "malformed feed: \(parser.parserError.map { "\($0.localizedDescription)" } ?? "XML error")",
                file: name, line: parser.lineNumber)
        }
        var result = DocumentReader.Result()
        for (index, item) in delegate.items.enumerated() {
            let body = FeedReader.plainText(item.content.isEmpty ? item.summary : item.content)
            let title = FeedReader.plainText(item.title)
            guard !body.isEmpty || !title.isEmpty else {
                result.diagnostics.append(Diagnostic(.error, file: name, line: item.line, message: "feed item \(index + 1) has no text"))
                continue
            }
            let text = body.isEmpty ? title : body
            let id = item.guid.isEmpty ? (item.link.isEmpty ? "\(name)#\(index + 1)" : item.link) : item.guid
            let date = Day(parsing: item.date) ?? FeedReader.rfc822Day(item.date)
            let document = Document(
                id: id, text: text,
                metadata: ArticleMetadata(
                    title: title.isEmpty ? nil : title, url: item.link.isEmpty ? nil : item.link,
                    outlet: delegate.channelTitle.isEmpty ? nil : FeedReader.plainText(delegate.channelTitle),
                    published: date, origin: name))
            result.documents.append(document)
        }
        if delegate.items.isEmpty {
            throw PipelineError(.invalidInput, "feed has no items", file: name)
        }
        return result
    }

    /// Text of an HTML fragment: tags dropped, block ends as paragraph breaks, common entities decoded.
    public static func plainText(_ html: String) -> String {
        var text = ""
        var inTag = false
        var tag = ""
        for character in html {
            if character == "<" {
                inTag = true
                tag = ""
            } else if character == ">" && inTag {
                inTag = false
                let name = tag.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "/ ")).prefix { $0.isLetter || $0.isNumber }
                if ["p", "br", "div", "li", "h1", "h2", "h3", "h4", "blockquote"].contains(String(name)) { text += "\n\n" }
            } else if inTag {
                tag.append(character)
            } else {
                text.append(character)
            }
        }
        let entities = [
            "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&nbsp;": " ",
            "&#8217;": "\u{2019}", "&#8220;": "\u{201C}", "&#8221;": "\u{201D}", "&mdash;": "\u{2014}",
        ]
        for (entity, value) in entities where text.contains(entity) {
            text = text.replacingOccurrences(of: entity, with: value)
        }
        let paragraphs = text.components(separatedBy: "\n\n").map {
            $0.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }.filter { !$0.isEmpty }
        return paragraphs.joined(separator: "\n\n")
    }

    /// The day of an RFC 822 date (`Sat, 12 Oct 2024 10:00:00 GMT`), as written.
    public static func rfc822Day(_ text: String) -> Day? {
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let parts = text.replacingOccurrences(of: ",", with: " ").split(separator: " ")
        for index in parts.indices.dropLast(2) {
            if let day = Int(parts[index]), let month = months.firstIndex(of: parts[index + 1].prefix(3).lowercased()),
                let year = Int(parts[index + 2])
            {
                return Day(year: year, month: month + 1, day: day)
            }
        }
        return nil
    }
}

private final class FeedParserDelegate: NSObject, XMLParserDelegate {
    struct Item {
        var title = ""
        var link = ""
        var guid = ""
        var summary = ""
        var content = ""
        var date = ""
        var line = 0
    }

    var items: [Item] = []
    var channelTitle = ""
    private var current: Item?
    private var element = ""
    private var buffer = ""

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        let name = elementName.lowercased()
        if name == "item" || name == "entry" {
            current = Item(line: parser.lineNumber)
        } else if name == "link", current != nil, let href = attributes["href"],
            attributes["rel"] == nil || attributes["rel"] == "alternate"
        {
            current?.link = href
        }
        element = name
        buffer = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        buffer += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        buffer += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        let name = elementName.lowercased()
        let value = buffer.trimmingCharacters(in: .whitespacesAndNewlines)
        if current == nil {
            if name == "title" && channelTitle.isEmpty { channelTitle = value }
        } else {
            switch name {
            case "title": current?.title = value
            case "link" where !value.isEmpty: current?.link = value
            case "guid", "id": current?.guid = value
            case "description", "summary": current?.summary = value
            case "content:encoded", "content", "encoded": if !value.isEmpty { current?.content = value }
            case "pubdate", "published", "updated", "dc:date", "date":
                if current?.date.isEmpty ?? true { current?.date = value }
            case "item", "entry":
                if let item = current { items.append(item) }
                current = nil
            default: break
            }
        }
        buffer = ""
    }
}
