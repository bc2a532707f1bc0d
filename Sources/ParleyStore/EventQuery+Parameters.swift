import Foundation
import Parley

extension EventQuery {
    /// The names of the filters ``init(parameters:name:)`` reads.
    public static let parameterNames: Set<String> = [
        "from", "to", "actor", "cameo", "plover", "near", "modality", "quad", "text", "document", "limit", "offset",
    ]

    /// The modalities an event can be filtered by.
    public static let modalities = ["asserted", "negated", "hypothetical", "future"]

    /// Reads filters given as text, as the command line and the HTTP API take them.
    ///
    /// `from`, `to` (YYYY-MM-DD, `from` not after `to`), `actor`, `cameo` (root or code), `plover`,
    /// `near` (LAT,LON,KM), `modality`, `quad` (1–4), `text`, `document`, `limit` (positive), `offset` (0 or more).
    /// - Parameters:
    ///   - parameters: values by filter name; an empty value is no filter.
    ///   - name: how a filter is called in messages (`--from` on the command line).
    /// - Throws: ``StoreError/Code/invalidArgument`` naming the filter and the value that is wrong.
    public init(parameters: [String: String], name: (String) -> String = { $0 }) throws {
        self.init()
        func value(_ key: String) -> String? {
            guard let text = parameters[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func day(_ key: String) throws -> Day? {
            guard let text = value(key) else { return nil }
            guard let day = Day(parsing: text) else {
                throw StoreError(.invalidArgument, "\(name(key)) '\(text)' is not a date (YYYY-MM-DD)")
            }
            return day
        }
        func integer(_ key: String, minimum: Int) throws -> Int? {
            guard let text = value(key) else { return nil }
            guard let number = Int(text), number >= minimum else {
                let wanted = minimum > 0 ? "a positive whole number" : "a whole number, 0 or more"
                throw StoreError(.invalidArgument, "\(name(key)) '\(text)' must be \(wanted)")
            }
            return number
        }
        from = try day("from")
        to = try day("to")
        if let first = from, let last = to, first > last {
            throw StoreError(
                .invalidArgument, "\(name("from")) \(first) is after \(name("to")) \(last): no day lies between them")
        }
        actor = value("actor")
        cameoRoot = value("cameo")
        plover = value("plover")
        if let near = value("near") {
            let parts = near.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 3, let latitude = parts[0], let longitude = parts[1], let kilometres = parts[2],
                (-90...90).contains(latitude), (-180...180).contains(longitude), kilometres > 0
            else { throw StoreError(.invalidArgument, "\(name("near")) wants LAT,LON,KM, e.g. 34.5,69.2,50") }
            self.near = (latitude, longitude, kilometres)
        }
        if let modality = value("modality") {
            guard Self.modalities.contains(modality.lowercased()) else {
                throw StoreError(
                    .invalidArgument, "\(name("modality")) is one of \(Self.modalities.joined(separator: ", "))")
            }
            self.modality = modality
        }
        if let quad = value("quad") {
            guard let number = Int(quad), (1...4).contains(number) else {
                throw StoreError(.invalidArgument, "\(name("quad")) '\(quad)' is a QuadClass, 1 to 4")
            }
            quadClass = number
        }
        text = value("text")
        document = value("document")
        limit = try integer("limit", minimum: 1)
        offset = try integer("offset", minimum: 0)
    }
}
