import Foundation

/// Finds the article body in a parsed page and renders it as text, one block per line.
struct BodyExtractor {
    let root: HTMLNode
    let title: String?
    /// The date of a `<time datetime>` that belongs to the article, found before pruning.
    private(set) var articleTime: (day: Day, given: Bool)?
    private var paragraphText: [ObjectIdentifier: Int] = [:]
    private var scores: [ObjectIdentifier: Double] = [:]
    /// Text and linked-text length (UTF-8 bytes, whitespace collapsed) of each element, outside removed nodes.
    private var lengths: [ObjectIdentifier: (text: Int, links: Int)] = [:]
    /// For an element with many children that hold no text: only the children that hold some.
    private var textChildren: [ObjectIdentifier: [HTMLNode]] = [:]

    init(root: HTMLNode, title: String?) {
        self.root = root
        self.title = title
    }

    // MARK: - Vocabulary

    /// Elements never part of an article's text.
    static let droppedElements: Set<String> = [
        "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe", "object", "embed", "button",
        "input", "select", "textarea", "option", "label", "nav", "aside", "menu", "dialog", "head", "title", "meta",
        "link", "figure", "picture", "video", "audio", "map", "frameset", "frame", "applet", "img", "source",
    ]
    /// Landmarks dropped unless a page misuses them to wrap most of its text.
    static let wrapperLandmarks: Set<String> = ["header", "footer", "form"]
    static let droppedRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "search", "menu", "menubar",
        "toolbar", "tablist",
    ]
    /// Class and id words of blocks that are never the article (share bars, comments, related stories, ads).
    static let strongNegativeWords: Set<String> = [
        "share", "sharing", "shares", "sharebar", "sharedaddy", "addtoany", "sharethis", "social", "socials",
        "newsletter", "newsletters", "subscribe", "subscription", "signup", "cookie", "cookies", "consent", "gdpr",
        "comment", "comments", "disqus", "respond", "replies", "related", "similar", "recommended",
        "recommendation", "recommendations", "outbrain", "taboola", "advert", "advertisement", "adverts", "ad",
        "ads", "adsbygoogle", "adslot", "advertising", "sponsored", "sponsor", "promo", "promoted", "popup",
        "modal", "overlay", "breadcrumb", "breadcrumbs", "trending", "popular", "mostread", "readmore", "yarpp",
        "relatedposts", "paywall",
    ]
    /// Class and id words of blocks that are usually not the article, unless a positive word is also there.
    static let weakNegativeWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menus", "sidebar", "widget", "widgets", "footer", "header",
        "masthead", "banner", "byline", "author", "authors", "meta", "toolbar", "pagination", "pager", "print",
        "rss", "skip", "hidden", "tags", "tag", "topics", "credit", "credits", "login", "account", "search",
        "bio", "profile", "dateline", "timestamp", "date", "tools", "utility", "caption", "sronly", "offscreen",
    ]
    static let positiveWords: Set<String> = [
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text", "blog", "hentry",
        "prose", "permalink",
    ]
    /// Word pairs that mark a block as boilerplate ("read more", "sr only").
    static let negativePairs: Set<String> = [
        "read more", "more stories", "also read", "most read", "most popular", "most viewed", "sr only",
        "screen reader", "visually hidden", "you may", "more from", "jump to", "skip to", "follow us",
    ]
    static let blockElements: Set<String> = [
        "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hgroup", "hr", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table",
        "tbody", "thead", "tfoot", "tr", "ul", "caption",
    ]
    /// Headings that open a related-stories, sharing or comments block.
    static let boilerplateHeadings: Set<String> = [
        "similar posts", "similar articles", "similar stories", "related", "related posts", "related articles",
        "related stories", "related news", "related content", "related coverage", "related topics", "related links",
        "related reading", "read more", "read next", "read also", "also read", "see also", "more stories",
        "more news", "more on this story", "more on this topic", "you may also like", "you might also like",
        "you may be interested in", "you might be interested in", "recommended", "recommended for you",
        "recommended stories", "recommended articles", "recommended reading", "most read", "most popular",
        "most viewed", "most shared", "trending", "trending now", "popular posts", "popular stories",
        "top stories", "latest news", "latest stories", "latest posts", "recent posts", "editor's picks",
        "editors' picks", "editors picks", "don't miss", "further reading", "in other news", "comments",
        "leave a reply", "leave a comment", "post a comment", "join the conversation", "join the discussion",
        "share", "share this", "share this article", "share this story", "share this post", "share on",
        "share article", "follow us", "tags", "topics", "filed under", "sponsored content", "from around the web",
        "around the web", "newsletter", "sign up", "subscribe",
        "what to read next", "more like this", "explore more", "keep reading",
    ]
    static let boilerplateHeadingPrefixes = [
        "more from ", "more on ", "read more", "related ", "similar ", "you may also", "you might also",
        "latest from ", "more in ", "recommended ", "sign up for ", "subscribe to ", "more stories from ",
    ]
    /// Lines that are page furniture, not text.
    static let boilerplateLines: Set<String> = [
        "advertisement", "story continues below advertisement", "article continues below advertisement",
        "continue reading", "continue reading below", "share", "share this", "share this article", "tweet",
        "email", "print", "facebook", "twitter", "whatsapp", "linkedin", "telegram", "reddit", "copy link",
        "link copied", "read more", "comments", "skip to content", "skip to main content", "loading", "sponsored",
        "scroll to continue", "scroll down to continue", "ad", "close", "menu", "back to top", "top",
    ]
    /// Starts of short link paragraphs that point at other stories.
    static let referencePrefixes = [
        "read more:", "read more -", "read more –", "read also:", "also read:", "related:", "see also:", "read:",
        "watch:", "listen:", "click here", "read the full", "more:", "also see:", "recommended:", "read next:",
    ]

    // MARK: - Extraction

    /// Prunes the page, picks the body and renders it.
    mutating func extract() -> String {
        findArticleTime()
        pruneByStructure()
        computeParagraphText(root)
        pruneByHints()
        measure()
        pruneBoilerplateHeadings()
        pruneReferencesAndBanners()
        measure()
        let roots = chooseRoots()
        for candidate in roots { cleanConditionally(candidate) }
        removeTitleHeading(in: roots)
        var writer = TextWriter(title: title)
        for candidate in roots { writer.render(candidate) }
        return writer.finish()
    }

    private mutating func findArticleTime() {
        let times = root.descendants { $0.name == "time" && $0.attribute("datetime") != nil }
        func day(_ node: HTMLNode) -> Day? { node.attribute("datetime").flatMap { DateText.day(from: $0) } }
        if let node = times.first(where: { $0.attribute("pubdate") != nil }), let date = day(node) {
            articleTime = (date, true)
            return
        }
        for node in times where ancestors(of: node).contains(where: { $0.name == "article" || $0.name == "main" }) {
            if let date = day(node) {
                articleTime = (date, true)
                return
            }
        }
    }

    private func ancestors(of node: HTMLNode) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var current = node.parent
        while let next = current, next !== root {
            result.append(next)
            current = next.parent
        }
        return result
    }

    /// Drops scripts, styles, navigation, forms, hidden elements and landmark roles.
    private func pruneByStructure() {
        for node in root.descendants() {
            if BodyExtractor.droppedElements.contains(node.name) {
                node.removed = true
                continue
            }
            if node.attribute("hidden") != nil || node.attribute("aria-hidden")?.lowercased() == "true" {
                node.removed = true
                continue
            }
            if let style = node.attribute("style")?.lowercased().replacingOccurrences(of: " ", with: ""),
                style.contains("display:none") || style.contains("visibility:hidden")
            {
                node.removed = true
                continue
            }
            if let role = node.attribute("role")?.lowercased(), BodyExtractor.droppedRoles.contains(role) {
                node.removed = true
            }
        }
    }

    /// Records, for each element, the length of paragraph text below it (outside removed nodes).
    @discardableResult
    private mutating func computeParagraphText(_ node: HTMLNode) -> Int {
        if node.removed { return 0 }
        var total = 0
        if node.name == "p" || node.name == "pre" || node.name == "blockquote" {
            total = node.textContent.count
        } else {
            for child in node.children where !child.name.isEmpty {
                total += computeParagraphText(child)
            }
            if total == 0 && !node.name.isEmpty && BodyExtractor.blockElements.contains(node.name) {
                total = directText(node).count
            }
        }
        if !node.name.isEmpty { paragraphText[ObjectIdentifier(node)] = total }
        return total
    }

    private var totalParagraphText: Int {
        root.children.filter { !$0.name.isEmpty }.reduce(0) { $0 + (paragraphText[ObjectIdentifier($1)] ?? 0) }
    }

    /// Whether a node holds most of the page's paragraph text, so it must be a wrapper of the article.
    private func wrapsArticle(_ node: HTMLNode) -> Bool {
        let text = paragraphText[ObjectIdentifier(node)] ?? 0
        return text >= 500 && Double(text) >= 0.6 * Double(totalParagraphText)
    }

    static func hintWords(of node: HTMLNode) -> [String] {
        var words: [String] = []
        for value in [node.attribute("class"), node.attribute("id"), node.attribute("data-component")] {
            guard let value else { continue }
            var word = ""
            var previous: Character = " "
            for character in value {
                if character.isLetter || character.isNumber {
                    if character.isUppercase && previous.isLowercase {
                        words.append(word.lowercased())
                        word = ""
                    }
                    word.append(character)
                } else if !word.isEmpty {
                    words.append(word.lowercased())
                    word = ""
                }
                previous = character
            }
            if !word.isEmpty { words.append(word.lowercased()) }
        }
        return words
    }

    /// -1 for a boilerplate hint, +1 for an article hint, 0 for neither; `strong` for blocks that are never the article.
    static func hint(of node: HTMLNode) -> (weight: Int, strong: Bool) {
        let words = hintWords(of: node)
        guard !words.isEmpty else { return (0, false) }
        let pairs = zip(words, words.dropFirst()).map { "\($0) \($1)" }
        let strong =
            words.contains(where: strongNegativeWords.contains)
            || pairs.contains(where: negativePairs.contains)
        let weak = words.contains(where: weakNegativeWords.contains)
        let positive = words.contains(where: positiveWords.contains) || node.attribute("itemprop") == "articleBody"
        if strong { return (-1, true) }
        if weak && !positive { return (-1, false) }
        return (positive ? 1 : 0, false)
    }

    private static let hintPrunable: Set<String> = [
        "div", "section", "ul", "ol", "li", "p", "table", "header", "footer", "form", "dl", "span", "center",
    ]
    /// Words of small blocks that are furniture even inside the article ("entry-meta", "post-byline").
    private static let furnitureWords: Set<String> = [
        "byline", "author", "authors", "meta", "tags", "tag", "topics", "date", "dateline", "timestamp", "credit",
        "credits", "caption", "bio",
    ]
    /// Never-content blocks, which may not be kept even when large (comment threads can outgrow the article).
    private static let neverContent: Set<String> = [
        "comment", "comments", "disqus", "cookie", "cookies", "consent", "gdpr", "newsletter", "respond",
    ]

    /// Drops blocks whose class, id or role mark them as boilerplate, and page headers and footers.
    private func pruneByHints() {
        var stack: [HTMLNode] = root.children.reversed()
        while let node = stack.popLast() {
            if node.removed || node.name.isEmpty { continue }
            var remove = false
            if BodyExtractor.wrapperLandmarks.contains(node.name) {
                remove = !wrapsArticle(node)
            } else if BodyExtractor.hintPrunable.contains(node.name) {
                let (weight, _) = BodyExtractor.hint(of: node)
                if weight >= 0, !Set(BodyExtractor.hintWords(of: node)).isDisjoint(with: BodyExtractor.furnitureWords),
                    (paragraphText[ObjectIdentifier(node)] ?? 0) < 300, node.textContent.utf8.count < 300
                {
                    remove = true
                } else if weight < 0 {
                    let words = Set(BodyExtractor.hintWords(of: node))
                    remove = !wrapsArticle(node) || !words.isDisjoint(with: BodyExtractor.neverContent)
                    if node.name == "span" { remove = remove && directText(node).count < 200 }
                }
            }
            if remove {
                node.removed = true
            } else {
                stack.append(contentsOf: node.children.reversed())
            }
        }
    }

    /// Lowercased, whitespace collapsed, curly apostrophes straightened, punctuation trimmed from both ends.
    static func normalizedLine(_ text: String) -> String {
        guard text.utf8.count <= 400 else { return "" }
        let collapsed = HTMLText.collapse(text)
        if collapsed.utf8.allSatisfy({ $0 < 0x80 }) {
            let bytes = collapsed.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
            func keeps(_ byte: UInt8) -> Bool {
                byte == 0x27 || (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte)
            }
            guard let first = bytes.firstIndex(where: keeps), let last = bytes.lastIndex(where: keeps) else {
                return ""
            }
            return String(decoding: bytes[first...last], as: UTF8.self)
        }
        var scalars = Array(collapsed.lowercased().unicodeScalars)
        for index in scalars.indices where scalars[index] == "\u{2019}" { scalars[index] = "'" }
        func keeps(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "'" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
        }
        guard let first = scalars.firstIndex(where: keeps), let last = scalars.lastIndex(where: keeps) else {
            return ""
        }
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[first...last])
        return String(result)
    }

    static func isBoilerplateHeading(_ text: String) -> Bool {
        guard text.utf8.count <= 160 else { return false }
        let line = normalizedLine(text)
        guard !line.isEmpty, line.count <= 60 else { return false }
        if boilerplateHeadings.contains(line) { return true }
        if boilerplateHeadingPrefixes.contains(where: line.hasPrefix) { return true }
        let words = line.split(separator: " ")
        if words.count >= 2, Int(words[0]) != nil,
            ["comments", "comment", "responses", "response", "thoughts", "replies"].contains(String(words[1]))
        {
            return true
        }
        return false
    }

    /// Drops "Similar Posts", "Related", "Comments" headings with the blocks that follow them.
    private func pruneBoilerplateHeadings() {
        let candidates = root.descendants {
            !$0.removed
                && (["h2", "h3", "h4", "h5", "h6", "h1"].contains($0.name)
                    || (["p", "div", "span", "strong", "b"].contains($0.name) && BodyExtractor.hint(of: $0).weight >= 0))
        }
        for heading in candidates where (3...200).contains(textLength(heading)) && !isRemoved(heading) {
            let text = visibleText(heading)
            guard BodyExtractor.isBoilerplateHeading(text) else { continue }
            let isHeading = HTMLTreeBuilder.headings.contains(heading.name)
            // A short paragraph counts only when it stands alone as a label.
            if !isHeading && heading.children.contains(where: { BodyExtractor.blockElements.contains($0.name) }) {
                continue
            }
            // Climb out of wrappers that hold nothing but the heading.
            var anchor = heading
            var level = 0
            while level < 3, let parent = anchor.parent, parent !== root, parent.name != "article",
                parent.name != "main",
                meaningfulChildren(parent).count == 1
            {
                anchor = parent
                level += 1
            }
            anchor.removed = true
            guard let parent = anchor.parent, let start = parent.children.firstIndex(where: { $0 === anchor }) else {
                continue
            }
            for sibling in parent.children[(start + 1)...] {
                if HTMLTreeBuilder.headings.contains(sibling.name)
                    && !(textLength(sibling) <= 200 && BodyExtractor.isBoilerplateHeading(visibleText(sibling)))
                {
                    break
                }
                // After a mere label (not a heading element) only link lists go.
                if !isHeading && !sibling.name.isEmpty && !["ul", "ol"].contains(sibling.name)
                    && linkDensity(sibling) < 0.5
                {
                    break
                }
                sibling.removed = true
            }
        }
    }

    private func meaningfulChildren(_ node: HTMLNode) -> [HTMLNode] {
        node.children.filter { child in
            !child.removed && (!child.name.isEmpty || !child.text.allSatisfy(\.isWhitespace))
        }
    }

    private func isRemoved(_ node: HTMLNode) -> Bool {
        var current: HTMLNode? = node
        while let next = current {
            if next.removed { return true }
            current = next.parent
        }
        return false
    }

    /// Drops "Read more: …" link lines and cookie banners without class hints.
    private func pruneReferencesAndBanners() {
        var stack: [HTMLNode] = root.children.reversed()
        while let node = stack.popLast() {
            if node.removed || node.name.isEmpty { continue }
            if ["p", "div", "li", "section", "dialog", "span", "strong", "em", "b"].contains(node.name),
                (3..<1500).contains(textLength(node))
            {
                let text = visibleText(node)
                let lowered = text.lowercased()
                if text.count < 250, BodyExtractor.referencePrefixes.contains(where: lowered.hasPrefix),
                    !node.descendants(where: { $0.name == "a" }).isEmpty
                {
                    node.removed = true
                    continue
                }
                if text.count < 1000, lowered.contains("cookie"),
                    ["accept", "consent", "agree", "we use", "preferences"].contains(where: lowered.contains),
                    !wrapsArticle(node)
                {
                    node.removed = true
                    continue
                }
            }
            stack.append(contentsOf: node.children.reversed())
        }
    }

    // MARK: - Scoring

    private func directText(_ node: HTMLNode) -> String {
        HTMLText.collapse(
            node.children.map { child in
                child.name.isEmpty
                    ? child.text
                    : (BodyExtractor.blockElements.contains(child.name) || child.removed ? " " : visibleText(child))
            }.joined())
    }

    /// Records the text and linked-text length of every element in one pass.
    private mutating func measure() {
        lengths = [:]
        textChildren = [:]
        measure(root, inLink: false)
    }

    @discardableResult
    private mutating func measure(_ node: HTMLNode, inLink: Bool) -> (text: Int, links: Int) {
        if node.removed { return (0, 0) }
        if node.name.isEmpty && node.parent != nil {
            let length = HTMLText.collapse(node.text, trim: false).utf8.count
            return (length, inLink ? length : 0)
        }
        var total = (text: 0, links: 0)
        let isLink = inLink || node.name == "a"
        var kept: [HTMLNode] = []
        for child in node.children {
            let part = measure(child, inLink: isLink)
            total.text += part.text
            total.links += part.links
            if part.text > 0 { kept.append(child) }
        }
        if node.children.count > 16 && kept.count < node.children.count / 2 {
            textChildren[ObjectIdentifier(node)] = kept
        }
        lengths[ObjectIdentifier(node)] = total
        return total
    }

    /// The collapsed text of a node, skipping removed nodes and subtrees measured as empty.
    private func visibleText(_ node: HTMLNode) -> String {
        guard !lengths.isEmpty else { return node.textContent }
        var parts: [String] = []
        var stack: [HTMLNode] = [node]
        while let next = stack.popLast() {
            if next.removed { continue }
            if next.name.isEmpty && next.parent != nil {
                parts.append(next.text)
                continue
            }
            if let measured = lengths[ObjectIdentifier(next)], measured.text == 0 { continue }
            stack.append(contentsOf: (textChildren[ObjectIdentifier(next)] ?? next.children).reversed())
        }
        return HTMLText.collapse(parts.joined())
    }

    /// The length of an element's text, from the last measurement when there is one.
    private func textLength(_ node: HTMLNode) -> Int {
        lengths[ObjectIdentifier(node)]?.text ?? visibleText(node).utf8.count
    }

    func linkDensity(_ node: HTMLNode) -> Double {
        if let measured = lengths[ObjectIdentifier(node)] {
            return measured.text > 0 ? min(1, Double(measured.links) / Double(measured.text)) : 0
        }
        let total = visibleText(node).count
        guard total > 0 else { return 0 }
        let linked = node.descendants { $0.name == "a" && !$0.removed }
            .filter { link in !ancestors(of: link).contains { $0.name == "a" } }
            .reduce(0) { $0 + $1.textContent.count }
        return min(1, Double(linked) / Double(total))
    }

    private func initialScore(_ node: HTMLNode) -> Double {
        var score: Double
        switch node.name {
        case "article": score = 10
        case "div", "main": score = 5
        case "section": score = 3
        case "pre", "td", "blockquote": score = 3
        case "address", "ol", "ul", "dl", "dd", "dt", "li", "form": score = -3
        case "h1", "h2", "h3", "h4", "h5", "h6", "th": score = -5
        default: score = 0
        }
        let (weight, _) = BodyExtractor.hint(of: node)
        score += Double(weight) * 25
        if node.attribute("itemprop") == "articleBody" { score += 25 }
        return score
    }

    /// Scores blocks by the paragraphs below them and picks the article body (with related siblings).
    private mutating func chooseRoots() -> [HTMLNode] {
        var candidates: [HTMLNode] = []
        let blocks = root.descendants { node in
            guard !node.removed else { return false }
            switch node.name {
            case "p", "pre", "td", "blockquote": return true
            case "div", "section", "article", "main", "li", "dd": return self.directText(node).count >= 25
            default: return false
            }
        }
        for block in blocks where !isRemoved(block) {
            let text = block.name == "p" || block.name == "pre" ? visibleText(block) : directText(block)
            guard text.count >= 25 else { continue }
            var score = 1.0
            score += Double(text.filter { $0 == "," || $0 == "，" }.count)
            score += min(Double(text.count) / 100, 3)
            var ancestor = block.parent
            var level = 0
            if block.name != "p" && block.name != "pre" {
                // A block holding its own text scores for itself as well.
                ancestor = block
            }
            while let node = ancestor, node !== root, level < 3 {
                let key = ObjectIdentifier(node)
                if scores[key] == nil {
                    scores[key] = initialScore(node)
                    candidates.append(node)
                }
                scores[key]! += score / Double(level == 0 ? 1 : level * 2)
                ancestor = node.parent
                level += 1
            }
        }
        guard !candidates.isEmpty else { return [root] }
        var best: HTMLNode?
        var bestScore = -Double.infinity
        var final: [ObjectIdentifier: Double] = [:]
        for candidate in candidates {
            let score = (scores[ObjectIdentifier(candidate)] ?? 0) * (1 - linkDensity(candidate))
            final[ObjectIdentifier(candidate)] = score
            if score > bestScore {
                bestScore = score
                best = candidate
            }
        }
        guard var top = best, bestScore > 0 else { return [root] }
        // Several good candidates under one ancestor: the ancestor is the body.
        let alternatives = candidates.filter { $0 !== top && (final[ObjectIdentifier($0)] ?? 0) >= 0.75 * bestScore }
        if alternatives.count >= 2 {
            var ancestor = top.parent
            while let node = ancestor, node !== root {
                if alternatives.filter({ node.contains($0) }).count >= 2 {
                    top = node
                    break
                }
                ancestor = node.parent
            }
        }
        // Prefer the enclosing <article> or articleBody when it is not a page-wide wrapper.
        let topText = textLength(top)
        if let enclosing = ([top] + ancestors(of: top)).first(where: {
            $0.name == "article" || $0.attribute("itemprop") == "articleBody"
        }), enclosing !== top, textLength(enclosing) <= topText * 3 {
            top = enclosing
        }
        while let parent = top.parent, parent !== root, meaningfulChildren(parent).count == 1 {
            top = parent
        }
        // Siblings that continue the article (paragraphs split by ads, a standfirst).
        guard let parent = top.parent else { return [top] }
        let threshold = max(10, (final[ObjectIdentifier(top)] ?? bestScore) * 0.2)
        let topClass = top.attribute("class")
        var roots: [HTMLNode] = []
        for sibling in parent.children where !sibling.removed && !sibling.name.isEmpty {
            if sibling === top {
                roots.append(sibling)
                continue
            }
            var bonus = 0.0
            if let topClass, !topClass.isEmpty, sibling.attribute("class") == topClass { bonus = bestScore * 0.2 }
            if let score = final[ObjectIdentifier(sibling)], score + bonus >= threshold {
                roots.append(sibling)
            } else if sibling.name == "p" {
                let text = visibleText(sibling)
                let density = linkDensity(sibling)
                if (text.count > 80 && density < 0.25)
                    || (text.count > 0 && density == 0 && (text.hasSuffix(".") || text.hasSuffix(".\u{201D}")))
                {
                    roots.append(sibling)
                }
            }
        }
        return roots
    }

    /// Drops link lists and link-heavy blocks inside the chosen body.
    private func cleanConditionally(_ top: HTMLNode) {
        var stack: [HTMLNode] = top.children.reversed()
        while let node = stack.popLast() {
            if node.removed || node.name.isEmpty { continue }
            var remove = false
            switch node.name {
            case "ul", "ol", "div", "section", "table", "dl":
                let density = linkDensity(node)
                let length = textLength(node)
                remove = density > 0.5 || (density > 0.25 && length < 200 && node.name != "table")
            case "p", "li":
                remove = linkDensity(node) > 0.8 && textLength(node) < 200
            default:
                break
            }
            if !remove, textLength(node) <= 60,
                BodyExtractor.boilerplateLines.contains(BodyExtractor.normalizedLine(visibleText(node)))
            {
                remove = BodyExtractor.blockElements.contains(node.name)
            }
            if remove {
                node.removed = true
            } else {
                stack.append(contentsOf: node.children.reversed())
            }
        }
    }

    /// Drops a body heading that repeats the title, which is metadata.
    private func removeTitleHeading(in roots: [HTMLNode]) {
        guard let title, !title.isEmpty else { return }
        let wanted = BodyExtractor.normalizedLine(title)
        for top in roots {
            let headings = ([top] + top.descendants()).filter { $0.name == "h1" || $0.name == "h2" }
            if let heading = headings.first(where: { !isRemoved($0) }),
                BodyExtractor.normalizedLine(visibleText(heading)) == wanted
            {
                heading.removed = true
                return
            }
        }
    }
}

/// Renders a pruned tree as text: blocks on their own lines, paragraphs separated by a blank line.
struct TextWriter {
    private enum Kind { case paragraph, listItem }
    private var blocks: [(text: String, kind: Kind)] = []
    private var lines: [String] = [""]
    private var inPre = 0
    /// The headline, dropped when it opens the body.
    let title: String?

    init(title: String?) {
        self.title = title
    }

    mutating func render(_ node: HTMLNode) {
        if node.removed { return }
        if node.name.isEmpty {
            if node.parent == nil {
                for child in node.children { render(child) }
            } else if inPre > 0 {
                let parts = node.text.components(separatedBy: "\n")
                lines[lines.count - 1] += parts[0]
                for part in parts.dropFirst() { lines.append(part) }
            } else {
                lines[lines.count - 1] += node.text
            }
            return
        }
        switch node.name {
        case "br":
            // Two breaks in a row (`<br><br>`) end a paragraph.
            if inPre == 0, lines.count > 1, HTMLText.collapse(lines[lines.count - 1]).isEmpty {
                flush(.paragraph)
            } else {
                lines.append("")
            }
            return
        case "td", "th":
            lines[lines.count - 1] += " "
            for child in node.children { render(child) }
            lines[lines.count - 1] += " "
            return
        default:
            break
        }
        let isBlock = BodyExtractor.blockElements.contains(node.name)
        let isItem = node.name == "li" || node.name == "dt" || node.name == "dd"
        if isBlock { flush(.paragraph) }
        if node.name == "pre" { inPre += 1 }
        for child in node.children { render(child) }
        if node.name == "pre" { inPre -= 1 }
        if isBlock { flush(isItem ? .listItem : .paragraph) }
    }

    private mutating func flush(_ kind: Kind) {
        let cleaned = lines.map { inPre > 0 ? $0 : HTMLText.collapse($0) }
            .filter { line in line.unicodeScalars.contains { !$0.properties.isWhitespace } }
        lines = [""]
        guard !cleaned.isEmpty else { return }
        let text = cleaned.joined(separator: "\n")
        if text.utf8.count <= 60, BodyExtractor.boilerplateLines.contains(BodyExtractor.normalizedLine(text)) { return }
        blocks.append((text, kind))
    }

    mutating func finish() -> String {
        flush(.paragraph)
        if let title, let first = blocks.first {
            let wanted = BodyExtractor.normalizedLine(title)
            var lines = first.text.components(separatedBy: "\n")
            if !wanted.isEmpty, BodyExtractor.normalizedLine(lines[0]) == wanted {
                lines.removeFirst()
                if lines.isEmpty { blocks.removeFirst() } else { blocks[0].text = lines.joined(separator: "\n") }
            }
        }
        var output = ""
        for (index, block) in blocks.enumerated() {
            if index > 0 {
                output += block.kind == .listItem && blocks[index - 1].kind == .listItem ? "\n" : "\n\n"
            }
            output += block.text
        }
        return output
    }
}
