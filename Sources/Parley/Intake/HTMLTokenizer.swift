/// An attribute of an HTML start tag.
public struct HTMLAttribute: Hashable, Sendable {
    /// The name, lowercased.
    public var name: String
    /// The value with character references decoded; empty for a bare attribute.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// One lexical unit of an HTML page.
public enum HTMLToken: Hashable, Sendable {
    /// `<name attr=value …>`; `selfClosing` for `<name … />`.
    case startTag(name: String, attributes: [HTMLAttribute], selfClosing: Bool)
    /// `</name>`.
    case endTag(name: String)
    /// Character data with references decoded (raw for `<script>` and `<style>`).
    case text(String)
    /// `<!-- … -->`, or a bogus comment such as `<? … >`.
    case comment(String)
    /// `<!DOCTYPE …>`.
    case doctype(String)
}

/// A tolerant HTML tokenizer, after the HTML standard's tokenization rules, simplified.
///
/// It never fails: unquoted and bare attributes, stray `<`, unterminated comments and tags, CDATA
/// sections, and the raw text of `<script>`, `<style>`, `<textarea>` and `<title>` are all handled the
/// way browsers handle them, closely enough for extracting article text.
public struct HTMLTokenizer: Sequence, IteratorProtocol {
    private let bytes: [UInt8]
    private var position = 0
    /// Set after the start tag of a raw-text element: its name and whether references are decoded.
    private var rawText: (name: [UInt8], decodes: Bool)?

    /// Creates a tokenizer over a page.
    public init(_ html: String) {
        self.bytes = Array(html.utf8)
    }

    private static let rawTextElements: Set<String> = [
        "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext",
    ]
    private static let escapableRawTextElements: Set<String> = ["textarea", "title"]

    /// The next token, or `nil` at the end of the input.
    public mutating func next() -> HTMLToken? {
        guard position < bytes.count else { return nil }
        if let raw = rawText {
            rawText = nil
            let start = position
            let end = findRawTextEnd(raw.name)
            position = end
            if end > start {
                let slice = bytes[start..<end]
                return .text(
                    raw.decodes
                        ? HTMLEntities.decode(slice, inAttribute: false) : String(decoding: slice, as: UTF8.self))
            }
        }
        guard position < bytes.count else { return nil }
        if bytes[position] == UInt8(ascii: "<"), let token = markup() { return token }
        // Character data up to the next `<` that could start markup.
        let start = position
        position += 1
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "<"), position + 1 < bytes.count {
                let next = bytes[position + 1]
                if isLetter(next) || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?")
                {
                    break
                }
            }
            position += 1
        }
        return .text(HTMLEntities.decode(bytes[start..<position], inAttribute: false))
    }

    /// Tries to read markup at a `<`; returns `nil` (leaving the position) when the `<` is plain text.
    private mutating func markup() -> HTMLToken? {
        let start = position
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        if next == UInt8(ascii: "!") {
            if matches("<!--", at: start) {
                let bodyStart = start + 4
                if let end = find(Array("-->".utf8), from: bodyStart) {
                    position = end + 3
                    return .comment(String(decoding: bytes[bodyStart..<end], as: UTF8.self))
                }
                position = bytes.count
                return .comment(String(decoding: bytes[Swift.min(bodyStart, bytes.count)...], as: UTF8.self))
            }
            if matches("<![CDATA[", at: start, caseSensitive: true) {
                let bodyStart = start + 9
                let end = find(Array("]]>".utf8), from: bodyStart) ?? bytes.count
                position = Swift.min(end + 3, bytes.count)
                return .text(String(decoding: bytes[bodyStart..<end], as: UTF8.self))
            }
            let end = find([UInt8(ascii: ">")], from: start + 2) ?? bytes.count
            position = Swift.min(end + 1, bytes.count)
            let body = String(decoding: bytes[(start + 2)..<end], as: UTF8.self)
            return body.lowercased().hasPrefix("doctype") ? .doctype(body) : .comment(body)
        }
        if next == UInt8(ascii: "?") {
            let end = find([UInt8(ascii: ">")], from: start + 2) ?? bytes.count
            position = Swift.min(end + 1, bytes.count)
            return .comment(String(decoding: bytes[(start + 2)..<end], as: UTF8.self))
        }
        if next == UInt8(ascii: "/") {
            guard start + 2 < bytes.count else { return nil }
            if bytes[start + 2] == UInt8(ascii: ">") {
                position = start + 3
                return .comment("")
            }
            guard isLetter(bytes[start + 2]) else {
                let end = find([UInt8(ascii: ">")], from: start + 2) ?? bytes.count
                position = Swift.min(end + 1, bytes.count)
                return .comment(String(decoding: bytes[(start + 2)..<end], as: UTF8.self))
            }
            position = start + 2
            let name = readName()
            // Attributes on end tags are ignored, but quoted values may hide a `>`.
            _ = readAttributes()
            return .endTag(name: name)
        }
        guard isLetter(next) else { return nil }
        position = start + 1
        let name = readName()
        let (attributes, selfClosing) = readAttributes()
        if !selfClosing {
            if Self.rawTextElements.contains(name) {
                rawText = (Array(name.utf8), false)
            } else if Self.escapableRawTextElements.contains(name) {
                rawText = (Array(name.utf8), true)
            }
        }
        return .startTag(name: name, attributes: attributes, selfClosing: selfClosing)
    }

    private mutating func readName() -> String {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") { break }
            position += 1
        }
        return lowercase(bytes[start..<position])
    }

    /// Reads attributes up to and including the closing `>`.
    private mutating func readAttributes() -> ([HTMLAttribute], Bool) {
        var attributes: [HTMLAttribute] = []
        var names: Set<String> = []
        var selfClosing = false
        while position < bytes.count {
            let byte = bytes[position]
            if isSpace(byte) {
                position += 1
                continue
            }
            if byte == UInt8(ascii: ">") {
                position += 1
                return (attributes, selfClosing)
            }
            if byte == UInt8(ascii: "/") {
                position += 1
                selfClosing = position < bytes.count && bytes[position] == UInt8(ascii: ">")
                continue
            }
            selfClosing = false
            let nameStart = position
            position += 1  // The first character may be `=`.
            while position < bytes.count {
                let byte = bytes[position]
                if isSpace(byte) || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
                {
                    break
                }
                position += 1
            }
            let name = lowercase(bytes[nameStart..<position])
            var value = ""
            var lookahead = position
            while lookahead < bytes.count, isSpace(bytes[lookahead]) { lookahead += 1 }
            if lookahead < bytes.count, bytes[lookahead] == UInt8(ascii: "=") {
                position = lookahead + 1
                while position < bytes.count, isSpace(bytes[position]) { position += 1 }
                if position < bytes.count, bytes[position] == UInt8(ascii: "\"") || bytes[position] == UInt8(ascii: "'")
                {
                    let quote = bytes[position]
                    let valueStart = position + 1
                    let end = bytes[valueStart...].firstIndex(of: quote) ?? bytes.count
                    value = HTMLEntities.decode(bytes[valueStart..<end], inAttribute: true)
                    position = Swift.min(end + 1, bytes.count)
                } else {
                    let valueStart = position
                    while position < bytes.count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">") {
                        position += 1
                    }
                    value = HTMLEntities.decode(bytes[valueStart..<position], inAttribute: true)
                }
            }
            if names.insert(name).inserted { attributes.append(HTMLAttribute(name: name, value: value)) }
        }
        return (attributes, selfClosing)
    }

    /// The offset of the `</name` that ends a raw-text element, or the end of the input.
    private func findRawTextEnd(_ name: [UInt8]) -> Int {
        if name == Array("plaintext".utf8) { return bytes.count }
        var index = position
        while let lt = find([UInt8(ascii: "<"), UInt8(ascii: "/")], from: index) {
            let nameStart = lt + 2
            let nameEnd = nameStart + name.count
            if nameEnd <= bytes.count, zip(bytes[nameStart..<nameEnd], name).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) {
                if nameEnd == bytes.count || isSpace(bytes[nameEnd]) || bytes[nameEnd] == UInt8(ascii: ">")
                    || bytes[nameEnd] == UInt8(ascii: "/")
                {
                    return lt
                }
            }
            index = lt + 2
        }
        return bytes.count
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start < bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            guard let hit = bytes[index...].firstIndex(of: first) else { return nil }
            if hit + needle.count > bytes.count { return nil }
            if needle.count == 1 || bytes[hit..<(hit + needle.count)].elementsEqual(needle) { return hit }
            index = hit + 1
        }
        return nil
    }

    private func matches(_ text: String, at offset: Int, caseSensitive: Bool = false) -> Bool {
        let needle = Array(text.utf8)
        guard offset + needle.count <= bytes.count else { return false }
        return zip(bytes[offset..<(offset + needle.count)], needle).allSatisfy {
            caseSensitive ? $0 == $1 : lowerByte($0) == lowerByte($1)
        }
    }

    private func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
    private func lowerByte(_ byte: UInt8) -> UInt8 { (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
    private func lowercase(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map(lowerByte), as: UTF8.self)
    }
}
