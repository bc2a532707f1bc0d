/// A node of a parsed HTML page: an element with children, or a run of text.
final class HTMLNode {
    /// The element name (lowercased), or empty for a text node and the document root.
    let name: String
    let attributes: [HTMLAttribute]
    /// The text of a text node.
    var text: String
    var children: [HTMLNode] = []
    weak var parent: HTMLNode?
    /// Set by the extractor to leave the node out of the article text.
    var removed = false

    init(name: String, attributes: [HTMLAttribute] = [], text: String = "") {
        self.name = name
        self.attributes = attributes
        self.text = text
    }

    func attribute(_ name: String) -> String? {
        attributes.first { $0.name == name }?.value
    }

    func append(_ child: HTMLNode) {
        child.parent = self
        children.append(child)
    }

    /// Every element below this node, depth first, in document order.
    func descendants(where predicate: (HTMLNode) -> Bool = { _ in true }) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var stack: [HTMLNode] = children.reversed()
        while let node = stack.popLast() {
            if !node.name.isEmpty && predicate(node) { result.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// The text below this node, whitespace collapsed, skipping removed nodes.
    var textContent: String {
        var parts: [String] = []
        var stack: [HTMLNode] = [self]
        while let node = stack.popLast() {
            if node.removed { continue }
            if node.name.isEmpty { parts.append(node.text) }
            stack.append(contentsOf: node.children.reversed())
        }
        return HTMLText.collapse(parts.joined())
    }

    /// Whether `other` is this node or below it.
    func contains(_ other: HTMLNode) -> Bool {
        var node: HTMLNode? = other
        while let current = node {
            if current === self { return true }
            node = current.parent
        }
        return false
    }
}

/// Builds a tree from HTML tokens, mending what browsers mend: implied end tags (`<p>`, `<li>`,
/// table cells), stray and misnested end tags, void elements, unclosed elements at the end.
enum HTMLTreeBuilder {
    static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
        "wbr", "keygen", "basefont", "bgsound", "frame",
    ]
    /// Elements whose start tag closes an open `<p>`.
    static let closesParagraph: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "dd", "dt",
    ]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    /// Elements that stop the search for an element to close implicitly.
    private static let scopeBoundaries: Set<String> = [
        "table", "td", "th", "caption", "button", "marquee", "object", "applet", "html", "template",
    ]
    /// The deepest nesting kept; deeper elements are flattened into their ancestor.
    static let maximumDepth = 200

    /// Parses a page into a tree whose root has an empty name.
    static func parse(_ html: String) -> (root: HTMLNode, htmlAttributes: [HTMLAttribute]) {
        let root = HTMLNode(name: "")
        var stack: [HTMLNode] = [root]
        var htmlAttributes: [HTMLAttribute] = []
        var current: HTMLNode { stack[stack.count - 1] }

        func isOpen(_ name: String, stoppingAt boundaries: Set<String>) -> Int? {
            for index in stride(from: stack.count - 1, to: 0, by: -1) {
                let element = stack[index].name
                if element == name { return index }
                if boundaries.contains(element) { return nil }
            }
            return nil
        }
        func popTo(_ index: Int) { stack.removeSubrange(index...) }

        for token in HTMLTokenizer(html) {
            switch token {
            case .text(let text):
                if let last = current.children.last, last.name.isEmpty {
                    last.text += text
                } else {
                    current.append(HTMLNode(name: "", text: text))
                }
            case .comment, .doctype:
                continue
            case .startTag(let name, let attributes, let selfClosing):
                if name == "html" {
                    if htmlAttributes.isEmpty { htmlAttributes = attributes }
                    continue
                }
                if name == "head" || name == "body" { continue }
                if closesParagraph.contains(name), let index = isOpen("p", stoppingAt: scopeBoundaries) {
                    popTo(index)
                }
                switch name {
                case "li":
                    if let index = isOpen("li", stoppingAt: scopeBoundaries.union(["ul", "ol", "menu"])) {
                        popTo(index)
                    }
                case "dt", "dd":
                    if let index = isOpen("dt", stoppingAt: scopeBoundaries.union(["dl"])) { popTo(index) }
                    if let index = isOpen("dd", stoppingAt: scopeBoundaries.union(["dl"])) { popTo(index) }
                case "tr":
                    if let index = isOpen("tr", stoppingAt: ["table"]) { popTo(index) }
                case "td", "th":
                    if let index = isOpen("td", stoppingAt: ["tr", "table"]) { popTo(index) }
                    if let index = isOpen("th", stoppingAt: ["tr", "table"]) { popTo(index) }
                case "option":
                    if current.name == "option" { stack.removeLast() }
                case "a":
                    if let index = isOpen("a", stoppingAt: scopeBoundaries) { popTo(index) }
                case _ where headings.contains(name):
                    if headings.contains(current.name) { stack.removeLast() }
                default:
                    break
                }
                let element = HTMLNode(name: name, attributes: attributes)
                current.append(element)
                let isVoid = voidElements.contains(name) || (selfClosing && !knownContainers.contains(name))
                if !isVoid && stack.count < maximumDepth { stack.append(element) }
            case .endTag(let name):
                switch name {
                case "html", "head", "body":
                    continue
                case "br":
                    current.append(HTMLNode(name: "br"))
                    continue
                case "p":
                    if let index = isOpen("p", stoppingAt: scopeBoundaries) { popTo(index) }
                    continue
                default:
                    break
                }
                let tableParts: Set<String> = ["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"]
                if let index = isOpen(
                    name, stoppingAt: tableParts.contains(name) ? [] : ["td", "th", "caption", "table"])
                {
                    popTo(index)
                }
            }
        }
        return (root, htmlAttributes)
    }

    /// Elements whose `/>` browsers ignore (the element stays open).
    private static let knownContainers: Set<String> = [
        "div", "span", "p", "a", "li", "ul", "ol", "section", "article", "main", "td", "tr", "table", "b", "i",
        "em", "strong", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure", "header", "footer", "nav",
        "aside", "form", "label", "button",
    ]
}

/// Whitespace handling for text taken out of HTML.
enum HTMLText {
    /// Collapses runs of HTML whitespace (and no-break spaces) into one space and drops invisible
    /// characters (zero-width space, soft hyphen, byte-order mark).
    static func collapse(_ text: String, trim: Bool = true) -> String {
        var text = text
        return text.withUTF8 { collapse(bytes: $0, trim: trim) }
    }

    private static func collapse(bytes: UnsafeBufferPointer<UInt8>, trim: Bool) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            var length = 1
            var kind = 0  // 0: keep, 1: space, 2: drop
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                kind = 1
            case 0xC2 where index + 1 < count:
                length = 2
                if bytes[index + 1] == 0xA0 { kind = 1 } else if bytes[index + 1] == 0xAD { kind = 2 }
            case 0xE2 where index + 2 < count:
                length = 3
                let second = bytes[index + 1]
                let third = bytes[index + 2]
                if second == 0x80 {
                    switch third {
                    case 0x82, 0x83, 0x87, 0x89, 0xAF: kind = 1
                    case 0x8B: kind = 2
                    default: break
                    }
                } else if second == 0x81 && third == 0xA0 {
                    kind = 2
                }
            case 0xE3 where index + 2 < count:
                length = 3
                if bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80 { kind = 1 }
            case 0xEF where index + 2 < count:
                length = 3
                if bytes[index + 1] == 0xBB && bytes[index + 2] == 0xBF { kind = 2 }
            default:
                break
            }
            switch kind {
            case 1:
                pendingSpace = true
            case 2:
                break
            default:
                if pendingSpace && (!trim || !output.isEmpty) { output.append(0x20) }
                pendingSpace = false
                for offset in 0..<length { output.append(bytes[index + offset]) }
            }
            index += length
        }
        if pendingSpace && !trim { output.append(0x20) }
        return String(decoding: output, as: UTF8.self)
    }
}
