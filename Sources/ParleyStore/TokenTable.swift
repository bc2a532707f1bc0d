import Foundation
import Parley

/// A compact text form of a document's tokens, stored beside the document body instead of token JSON.
///
/// One line per token, tab-separated: start, end, form, space after (`1`/`0`), multiword start, UPOS,
/// XPOS, features, lemma, head, relation. An absent value is an empty field; `\s` is a form equal to the
/// text at its range, `\f` a lemma equal to the form, `\e` an empty string; `\\`, `\t` and `\n` escape.
/// Token JSON repeats every key for every word; this keeps the same values in about a third of the bytes.
public enum TokenTable {
    /// The tokens of a document as text.
    public static func encode(_ tokens: [Token], text: String) -> String {
        let utf8 = Array(text.utf8)
        var result = ""
        result.reserveCapacity(tokens.count * 48)
        for token in tokens {
            result += String(token.range.lowerBound)
            result += "\t"
            result += String(token.range.upperBound)
            result += "\t"
            if token.range.lowerBound >= 0, token.range.upperBound <= utf8.count,
                token.form.utf8.elementsEqual(utf8[token.range]), !token.form.isEmpty
            {
                result += "\\s"
            } else {
                result += escape(token.form)
            }
            result += token.spaceAfter ? "\t1\t" : "\t0\t"
            result += token.multiwordStart.map(String.init) ?? ""
            result += "\t" + optional(token.upos) + "\t" + optional(token.xpos) + "\t" + optional(token.features)
            result += "\t"
            if let lemma = token.lemma, lemma == token.form, !lemma.isEmpty {
                result += "\\f"
            } else {
                result += optional(token.lemma)
            }
            result += "\t"
            result += token.head.map(String.init) ?? ""
            result += "\t" + optional(token.relation) + "\n"
        }
        return result
    }

    /// The tokens of a stored table; `nil` when it is malformed.
    public static func decode(_ table: String, text: String) -> [Token]? {
        let utf8 = Array(text.utf8)
        var tokens: [Token] = []
        // Split on scalars: a tab or newline next to a combining mark would hide inside one Character.
        for line in table.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(Substring.init)
            guard fields.count == 11, let start = Int(fields[0]), let end = Int(fields[1]), start <= end else {
                return nil
            }
            let form: String
            if fields[2] == "\\s" {
                guard start >= 0, end <= utf8.count else { return nil }
                form = String(decoding: utf8[start..<end], as: UTF8.self)
            } else {
                guard let value = unescape(fields[2]) else { return nil }
                form = value
            }
            var token = Token(range: start..<end, form: form, spaceAfter: fields[3] != "0")
            token.multiwordStart = Int(fields[4])
            token.upos = unescape(fields[5])
            token.xpos = unescape(fields[6])
            token.features = unescape(fields[7])
            token.lemma = fields[8] == "\\f" ? form : unescape(fields[8])
            token.head = Int(fields[9])
            token.relation = unescape(fields[10])
            tokens.append(token)
        }
        return tokens
    }

    static func optional(_ value: String?) -> String {
        guard let value else { return "" }
        return escape(value)
    }

    static func escape(_ value: String) -> String {
        if value.isEmpty { return "\\e" }
        guard value.unicodeScalars.contains(where: { $0 == "\\" || $0 == "\t" || $0 == "\n" || $0 == "\r" }) else {
            return value
        }
        var result = String.UnicodeScalarView()
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result.append(contentsOf: "\\\\".unicodeScalars)
            case "\t": result.append(contentsOf: "\\t".unicodeScalars)
            case "\n": result.append(contentsOf: "\\n".unicodeScalars)
            case "\r": result.append(contentsOf: "\\r".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// `nil` for an empty field (an absent value).
    static func unescape(_ field: Substring) -> String? {
        if field.isEmpty { return nil }
        if field == "\\e" { return "" }
        guard field.unicodeScalars.contains("\\") else { return String(field) }
        var result = String.UnicodeScalarView()
        var escaped = false
        for scalar in field.unicodeScalars {
            if escaped {
                switch scalar {
                case "t": result.append("\t")
                case "n": result.append("\n")
                case "r": result.append("\r")
                default: result.append(scalar)
                }
                escaped = false
            } else if scalar == "\\" {
                escaped = true
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
