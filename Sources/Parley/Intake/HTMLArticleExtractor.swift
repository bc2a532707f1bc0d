import Foundation

/// What an HTML page yields: its article text and metadata.
public struct HTMLArticle: Hashable, Sendable {
    /// The headline (`og:title`, JSON-LD `headline`, `<title>` without the site name, or the first `<h1>`).
    public var title: String?
    /// The canonical URL (`<link rel=canonical>`, `og:url`, JSON-LD `url`).
    public var url: String?
    /// The outlet (`og:site_name`, JSON-LD `publisher`).
    public var outlet: String?
    /// The page's language (`<html lang>`, `og:locale`, JSON-LD `inLanguage`).
    public var language: String?
    /// The publication date.
    public var published: Day?
    /// `given` when the page states the date; `guessed` when it comes from the URL; else `unknown`.
    public var publishedSource: ArticleMetadata.DateSource = .unknown
    /// The article body: one block (paragraph, heading, list item) per line, paragraphs separated by a blank line.
    public var text: String = ""

    /// Creates an empty article.
    public init() {}
}

/// Extracts the article from a news page: metadata from `<meta>`, `<title>`, `<time>` and JSON-LD, and the
/// body text without navigation, share buttons, related-story blocks, comments, forms and cookie banners.
///
/// The page is tokenized and built into a tree (``HTMLTokenizer``); the body is found by structure
/// (`<article>`, `<main>`, class and id hints) and by text and link density, as readability tools do.
public struct HTMLArticleExtractor: Sendable {
    /// Creates an extractor.
    public init() {}

    /// Extracts the article from a page or a fragment of one.
    /// - Parameter html: the page's text.
    /// - Returns: the metadata found and the body text (empty when the page holds no article text).
    public func extract(_ html: String) -> HTMLArticle {
        let (root, htmlAttributes) = HTMLTreeBuilder.parse(html)
        let page = PageMetadata(root: root, htmlAttributes: htmlAttributes)
        var article = HTMLArticle()
        article.outlet = page.outlet
        article.title = page.title
        article.url = page.url
        article.language = page.language
        if let date = page.published {
            article.published = date
            article.publishedSource = .given
        }
        var body = BodyExtractor(root: root, title: article.title)
        article.text = body.extract()
        if article.published == nil, let date = body.articleTime ?? page.dateFromURL() {
            article.published = date.day
            article.publishedSource = date.given ? .given : .guessed
        }
        if article.text.count < 200, let fallback = page.jsonLDBody, fallback.count > article.text.count {
            article.text = fallback
        }
        return article
    }
}

/// Metadata gathered from the whole page.
private struct PageMetadata {
    var meta: [String: String] = [:]
    var titleElement: String?
    var canonical: String?
    var headings: [String] = []
    var jsonLD: [[String: Any]] = []
    var itempropDate: String?
    var htmlLanguage: String?

    init(root: HTMLNode, htmlAttributes: [HTMLAttribute]) {
        htmlLanguage = htmlAttributes.first { $0.name == "lang" || $0.name == "xml:lang" }?.value
        for node in root.descendants() {
            switch node.name {
            case "meta":
                let key =
                    node.attribute("property") ?? node.attribute("name") ?? node.attribute("itemprop")
                    ?? node.attribute("http-equiv")
                if let key, let content = node.attribute("content"),
                    !content.trimmingCharacters(in: .whitespaces).isEmpty
                {
                    let lowered = key.lowercased()
                    if meta[lowered] == nil { meta[lowered] = content }
                }
            case "title":
                var ancestor = node.parent
                var inGraphics = false
                while let next = ancestor {
                    if next.name == "svg" || next.name == "math" { inGraphics = true }
                    ancestor = next.parent
                }
                if titleElement == nil && !inGraphics { titleElement = node.textContent }
            case "link":
                let rel = (node.attribute("rel") ?? "").lowercased().split(separator: " ")
                if rel.contains("canonical"), canonical == nil, let href = node.attribute("href"), !href.isEmpty {
                    canonical = href
                }
            case "h1":
                headings.append(node.textContent)
            case "script":
                let type = (node.attribute("type") ?? "").lowercased()
                if type.contains("ld+json") {
                    let text = node.children.map(\.text).joined()
                    jsonLD += PageMetadata.objects(inJSONLD: text)
                }
            default:
                break
            }
            if itempropDate == nil, node.name != "meta", node.attribute("itemprop")?.lowercased() == "datepublished" {
                itempropDate = node.attribute("datetime") ?? node.attribute("content") ?? node.textContent
            }
        }
    }

    static let articleTypes: Set<String> = [
        "newsarticle", "article", "reportagenews", "analysisnewsarticle", "blogposting", "opinionnewsarticle",
        "backgroundnewsarticle", "livebloggposting", "liveblogposting", "reviewnewsarticle", "askpublicnewsarticle",
        "scholarlyarticle", "report", "socialmediaposting", "posting",
    ]

    /// The objects of a JSON-LD block that have a `@type`, searched through arrays, `@graph` and nested values.
    static func objects(inJSONLD text: String) -> [[String: Any]] {
        var source = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for marker in ["//<![CDATA[", "<![CDATA[", "<!--"] where source.hasPrefix(marker) {
            source = String(source.dropFirst(marker.count))
        }
        for marker in ["//]]>", "]]>", "-->"] where source.hasSuffix(marker) {
            source = String(source.dropLast(marker.count))
        }
        guard let value = try? JSONSerialization.jsonObject(with: Data(source.utf8), options: [.fragmentsAllowed])
        else { return [] }
        var result: [[String: Any]] = []
        func visit(_ value: Any, depth: Int) {
            guard depth < 6 else { return }
            if let array = value as? [Any] {
                for item in array { visit(item, depth: depth + 1) }
            } else if let object = value as? [String: Any] {
                if object["@type"] != nil { result.append(object) }
                for (key, item) in object where key == "@graph" || key == "mainEntity" || key == "itemListElement" {
                    visit(item, depth: depth + 1)
                }
            }
        }
        visit(value, depth: 0)
        return result
    }

    static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        if let types = object["@type"] as? [Any] { return types.compactMap { ($0 as? String)?.lowercased() } }
        return []
    }

    /// The first JSON-LD object describing an article.
    var jsonLDArticle: [String: Any]? {
        jsonLD.first {
            PageMetadata.types(of: $0).contains {
                PageMetadata.articleTypes.contains($0) || $0.hasSuffix("newsarticle") || $0.hasSuffix("posting")
            }
        }
    }

    static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String:
            let cleaned = HTMLText.collapse(text.contains("&") ? HTMLEntities.decode(text) : text)
            return cleaned.isEmpty ? nil : cleaned
        case let array as [Any]:
            return array.lazy.compactMap { string($0) }.first
        case let object as [String: Any]:
            return string(object["name"]) ?? string(object["@id"]) ?? string(object["url"])
        default:
            return nil
        }
    }

    func metaValue(_ keys: String...) -> String? {
        for key in keys {
            if let value = meta[key] {
                let cleaned = HTMLText.collapse(value.contains("&") ? HTMLEntities.decode(value) : value)
                if !cleaned.isEmpty { return cleaned }
            }
        }
        return nil
    }

    var outlet: String? {
        if let name = metaValue("og:site_name") { return name }
        if let article = jsonLDArticle,
            let publisher = PageMetadata.string(
                (article["publisher"] as? [String: Any])?["name"] ?? article["publisher"])
        {
            return publisher
        }
        if let organization = jsonLD.first(where: {
            PageMetadata.types(of: $0).contains { ["newsmediaorganization", "organization", "website"].contains($0) }
        }), let name = PageMetadata.string(organization["name"]) {
            return name
        }
        return metaValue("application-name", "publisher", "dc.publisher")
    }

    var title: String? {
        let outlet = self.outlet
        let candidates = [
            metaValue("og:title"), jsonLDArticle.flatMap { PageMetadata.string($0["headline"] ?? $0["name"]) },
            metaValue("twitter:title", "dc.title", "headline"),
        ]
        if let title = candidates.compactMap({ $0 }).first {
            return PageMetadata.strippingSiteName(title, outlet: outlet)
        }
        if let title = titleElement.map({ HTMLText.collapse($0) }), !title.isEmpty {
            // The page's <h1> is the headline when <title> merely adds the site name to it.
            if let heading = headings.first(where: { $0.count >= 15 }), heading.count < title.count,
                title.localizedCaseInsensitiveContains(heading)
            {
                return heading
            }
            return PageMetadata.strippingSiteName(title, outlet: outlet)
        }
        return headings.first { !$0.isEmpty }
    }

    /// Drops a site name joined to a headline ("Talks resume | The Daily Gazette").
    static func strippingSiteName(_ title: String, outlet: String?) -> String {
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " » "] {
            let parts = title.components(separatedBy: separator)
            guard parts.count >= 2 else { continue }
            let last = parts[parts.count - 1].trimmingCharacters(in: .whitespaces)
            let first = parts[0].trimmingCharacters(in: .whitespaces)
            if let outlet, last.caseInsensitiveCompare(outlet) == .orderedSame {
                return parts.dropLast().joined(separator: separator).trimmingCharacters(in: .whitespaces)
            }
            if let outlet, first.caseInsensitiveCompare(outlet) == .orderedSame {
                return parts.dropFirst().joined(separator: separator).trimmingCharacters(in: .whitespaces)
            }
            if separator == " | ", last.split(separator: " ").count <= 4, first.split(separator: " ").count > 3 {
                return parts.dropLast().joined(separator: separator).trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    var url: String? {
        let candidates = [
            canonical, metaValue("og:url"),
            jsonLDArticle.flatMap { PageMetadata.string($0["url"]) ?? PageMetadata.string($0["mainEntityOfPage"]) },
        ].compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        func isAbsolute(_ url: String) -> Bool { url.hasPrefix("http://") || url.hasPrefix("https://") }
        guard let first = candidates.first else { return nil }
        if isAbsolute(first) { return first }
        // A relative canonical link, resolved against an absolute URL the page also gives.
        if let base = candidates.first(where: isAbsolute).flatMap({ URL(string: $0) }),
            let resolved = URL(string: first, relativeTo: base)?.absoluteString
        {
            return resolved
        }
        return first
    }

    var language: String? {
        let candidates = [
            htmlLanguage, metaValue("content-language", "language", "dc.language"), metaValue("og:locale"),
            jsonLDArticle.flatMap { PageMetadata.string($0["inLanguage"]) },
        ]
        guard
            let value = candidates.compactMap({ $0?.trimmingCharacters(in: .whitespaces) }).first(where: { !$0.isEmpty }
            )
        else { return nil }
        return value.replacingOccurrences(of: "_", with: "-")
    }

    var published: Day? {
        let candidates: [String?] = [
            metaValue("article:published_time", "og:article:published_time"),
            jsonLDArticle.flatMap { PageMetadata.string($0["datePublished"]) },
            itempropDate,
            metaValue(
                "datepublished", "article.published", "published_time", "pubdate", "publishdate", "publish-date",
                "publish_date", "parsely-pub-date", "sailthru.date", "dc.date.issued", "dcterms.issued",
                "dc.date", "dcterms.date", "date", "og:pubdate"),
            jsonLDArticle.flatMap { PageMetadata.string($0["dateCreated"]) },
        ]
        for case let text? in candidates {
            if let day = DateText.day(from: text) { return day }
        }
        return nil
    }

    /// A date written in the article's URL path (`/2020/09/12/`), a guess.
    func dateFromURL() -> (day: Day, given: Bool)? {
        guard let url else { return nil }
        let parts = url.split(separator: "/").map(String.init)
        guard parts.count >= 3 else { return nil }
        for index in 0..<(parts.count - 2) {
            guard parts[index].count == 4, let year = Int(parts[index]), (1990...2100).contains(year),
                parts[index + 1].count <= 2, let month = Int(parts[index + 1]),
                parts[index + 2].count <= 2, let day = Int(parts[index + 2])
            else { continue }
            if let date = Day(year: year, month: month, day: day) { return (date, false) }
        }
        return nil
    }

    /// JSON-LD `articleBody`, for pages whose body is not in the markup.
    var jsonLDBody: String? {
        guard let body = jsonLDArticle?["articleBody"] as? String else { return nil }
        let paragraphs = body.components(separatedBy: "\n").map { HTMLText.collapse($0) }.filter { !$0.isEmpty }
        return paragraphs.isEmpty ? nil : paragraphs.joined(separator: "\n\n")
    }
}
