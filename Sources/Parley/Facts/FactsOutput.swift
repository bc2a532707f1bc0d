import Foundation

/// How quotes, dates, places and casualties appear in `parley code` JSONL and `parley explain`.
public enum FactsOutput {
    /// The document-level keys of the JSONL line: `quotes`, `dates`, `places`, `casualties`.
    /// - Parameter document: a processed document.
    public static func jsonFields(_ document: Document) -> [(String, OrderedJSON)] {
        func range(_ range: Range<Int>?) -> OrderedJSON {
            guard let range else { return .null }
            return .array([.int(range.lowerBound), .int(range.upperBound)])
        }
        func string(_ value: String?) -> OrderedJSON { value.map(OrderedJSON.string) ?? .null }
        func actor(_ reference: ActorReference?) -> OrderedJSON {
            guard let reference else { return .null }
            var pairs: [(String, OrderedJSON)] = [
                ("code", .string(reference.code)), ("text", .string(reference.text)),
                ("country", string(reference.country)), ("sector", string(reference.sector)),
            ]
            if let role = reference.role { pairs.append(("role", .string(role))) }
            return .object(pairs)
        }
        let quotes: OrderedJSON = .array(
            document.quotes.map { quote in
                let speaker: OrderedJSON = quote.speaker.map { speaker in
                    .object([
                        ("text", .string(speaker.text)), ("range", range(speaker.range)), ("actor", actor(speaker.actor)),
                        ("unnamed", .bool(speaker.unnamed)),
                    ])
                } ?? .null
                return .object([
                    ("speaker", speaker), ("said_to", string(quote.saidTo)), ("text", range(quote.range)),
                    ("direct", .bool(quote.direct)), ("sentence", .int(quote.sentence)),
                    ("events", .array(quote.events.map(OrderedJSON.string))), ("date", string(quote.date?.description)),
                ])
            })
        let dates: OrderedJSON = .array(
            document.dates.map { expression in
                .object([
                    ("text", .string(expression.text)), ("range", range(expression.range)), ("sentence", .int(expression.sentence)),
                    ("value", string(expression.value)), ("precision", .string(expression.precision.rawValue)),
                    ("anchor", .string(expression.anchor)),
                ])
            })
        let places: OrderedJSON = .array(
            document.places.map { place in
                let location: OrderedJSON = place.location.map { location in
                    .object([
                        ("name", .string(location.name)), ("country", string(location.country)), ("admin1", string(location.admin1)),
                        ("latitude", location.latitude.map(OrderedJSON.double) ?? .null),
                        ("longitude", location.longitude.map(OrderedJSON.double) ?? .null), ("precision", .int(location.precision)),
                    ])
                } ?? .null
                return .object([
                    ("text", .string(place.text)), ("range", range(place.range)), ("sentence", .int(place.sentence)),
                    ("kind", string(place.kind)), ("location", location), ("reason", string(place.reason)),
                ])
            })
        let casualties: OrderedJSON = .array(
            document.casualties.map { claim in
                .object([
                    ("kind", .string(claim.kind)), ("count", claim.count.map(OrderedJSON.int) ?? .null),
                    ("qualifier", string(claim.qualifier)), ("low", claim.low.map(OrderedJSON.int) ?? .null),
                    ("high", claim.high.map(OrderedJSON.int) ?? .null), ("who", actor(claim.who)),
                    ("claimed_by", actor(claim.claimedBy)), ("range", range(claim.range)),
                ])
            })
        return [("quotes", quotes), ("dates", dates), ("places", places), ("casualties", casualties)]
    }

    /// Lines for one event in `parley explain`: precision of the place, casualties, attribution.
    public static func explanation(of event: Event, in document: Document) -> String {
        var output = ""
        if let location = event.location {
            output += "  place:  \(location.name)" + (location.admin1.map { ", \($0)" } ?? "") + (location.country.map { " (\($0))" } ?? "")
                + ", precision \(location.precision)\n"
        }
        for claim in event.casualties {
            var count = claim.count.map(String.init) ?? "?"
            if let qualifier = claim.qualifier { count = claim.count == nil ? qualifier : "\(qualifier) \(count)" }
            if claim.count == nil, let low = claim.low, let high = claim.high { count = "\(low)–\(high)" }
            output += "  toll:   \(claim.kind) \(count)" + (claim.who.map { " \($0.code) «\($0.text)»" } ?? "")
                + (claim.claimedBy.map { ", claimed by «\($0.text)»" } ?? "") + "\n"
        }
        if let attribution = event.attribution {
            output += "  said:   " + (attribution.speaker.map { "\($0.code) «\($0.text)»" } ?? "-")
                + (attribution.reportedBy.map { " to \($0)" } ?? "") + (attribution.quote.map { ", quote \($0 + 1)" } ?? "") + "\n"
        }
        return output
    }

    /// The document's quotes, dates, places and counts for `parley explain`.
    public static func explanation(of document: Document) -> String {
        var output = ""
        if !document.quotes.isEmpty {
            output += "\nquotes\n"
            for (index, quote) in document.quotes.enumerated() {
                let text = document.text(in: quote.range)
                let shown = text.count > 80 ? text.prefix(77) + "…" : text
                let speaker = quote.speaker.map { $0.unnamed ? "\($0.text) (unnamed)" : ($0.actor.map { "\($0.code) «\($0.text)»" } ?? $0.text) } ?? "?"
                output += "  \(index + 1). \(speaker)" + (quote.saidTo.map { " to \($0)" } ?? "") + (quote.direct ? ": “\(shown)”" : ": \(shown)")
                    + (quote.events.isEmpty ? "" : " [\(quote.events.joined(separator: ", "))]") + "\n"
            }
        }
        if !document.dates.isEmpty {
            output += "\ndates\n"
            for expression in document.dates {
                output += "  «\(expression.text)» = \(expression.value ?? "?") (\(expression.precision.rawValue), from \(expression.anchor))\n"
            }
        }
        if !document.places.isEmpty {
            output += "\nplaces\n"
            for place in document.places {
                let where_ = place.location.map { "\($0.name)" + ($0.admin1.map { ", \($0)" } ?? "") + ($0.country.map { " (\($0))" } ?? "") } ?? "unresolved"
                output += "  «\(place.text)» = \(where_)" + (place.reason.map { " — \($0)" } ?? "") + "\n"
            }
        }
        if !document.casualties.isEmpty {
            output += "\ncounts\n"
            for claim in document.casualties {
                let count = claim.count.map(String.init) ?? (claim.low != nil && claim.high != nil ? "\(claim.low!)–\(claim.high!)" : "?")
                output += "  \(claim.kind) \((claim.qualifier.map { "\($0) " } ?? ""))\(count)" + (claim.who.map { " \($0.code)" } ?? "")
                    + (claim.claimedBy.map { ", claimed by «\($0.text)»" } ?? "") + "\n"
            }
        }
        return output
    }
}
