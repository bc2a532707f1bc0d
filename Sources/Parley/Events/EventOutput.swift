import Foundation

/// A JSON value whose objects keep their key order, for outputs meant to be read.
public indirect enum OrderedJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([OrderedJSON])
    case object([(String, OrderedJSON)])

    public static func == (lhs: OrderedJSON, rhs: OrderedJSON) -> Bool { lhs.text == rhs.text }

    /// Compact JSON text on one line.
    public var text: String {
        var output: [UInt8] = []
        output.reserveCapacity(4096)  // a document's JSON line is a few kilobytes
        write(to: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Appends the compact JSON text as UTF-8 (bytes append faster than strings).
    func write(to output: inout [UInt8]) {
        switch self {
        case .null: OrderedJSON.append("null", to: &output)
        case .bool(let value): OrderedJSON.append(value ? "true" : "false", to: &output)
        case .int(let value): output += String(value).utf8
        case .double(let value):
            if value.isFinite {
                if value == value.rounded() && abs(value) < 1e15 {
                    // What "%.1f" prints for a whole number, without going through Foundation's formatter.
                    let whole = Int64(value)
                    if whole == 0 && value.sign == .minus { output.append(UInt8(ascii: "-")) }
                    output += String(whole).utf8
                    OrderedJSON.append(".0", to: &output)
                } else {
                    output += String(value).utf8
                }
            } else {
                OrderedJSON.append("null", to: &output)
            }
        case .string(let value): OrderedJSON.escape(value, into: &output)
        case .array(let values):
            output.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { OrderedJSON.append(", ", to: &output) }
                value.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let pairs):
            output.append(UInt8(ascii: "{"))
            for (index, pair) in pairs.enumerated() {
                if index > 0 { OrderedJSON.append(", ", to: &output) }
                OrderedJSON.escape(pair.0, into: &output)
                OrderedJSON.append(": ", to: &output)
                pair.1.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends the bytes of a fixed piece of JSON text (copied straight from the literal).
    @inline(__always)
    static func append(_ literal: StaticString, to output: inout [UInt8]) {
        literal.withUTF8Buffer { output.append(contentsOf: $0) }
    }

    /// Appends a JSON string literal: quotes, backslashes, control characters, U+2028 and U+2029 escaped.
    static func escape(_ text: String, into output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                // Copy the run of bytes that need no escape at once.
                var end = index
                while end < bytes.count {
                    let byte = bytes[end]
                    if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte == 0xE2 { break }
                    end += 1
                }
                if end > index {
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                    index = end
                    if index == bytes.count { break }
                }
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): output += "\\\"".utf8
                case UInt8(ascii: "\\"): output += "\\\\".utf8
                case UInt8(ascii: "\n"): output += "\\n".utf8
                case UInt8(ascii: "\r"): output += "\\r".utf8
                case UInt8(ascii: "\t"): output += "\\t".utf8
                case 0..<0x20: output += OrderedJSON.unicodeEscape(UInt32(byte)).utf8
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    // U+2028 and U+2029 (E2 80 A8 and E2 80 A9 in UTF-8).
                    output += OrderedJSON.unicodeEscape(bytes[index + 2] == 0xA8 ? 0x2028 : 0x2029).utf8
                    index += 2
                default: output.append(byte)
                }
                index += 1
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    /// `\u` and four lower-case hex digits.
    static func unicodeEscape(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}

/// Renders coded documents: JSONL (one line per document), Phoenix-order CSV, ACLED CSV and a readable table.
public enum EventOutput {
    /// The Phoenix/ICEWS-style CSV header: one CAMEO dyad per row.
    public static let phoenixColumns = [
        "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
        "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
        "EventCode", "EventRootCode", "PentaClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
        "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
    ]

    /// ACLED's export columns.
    public static let acledColumns = [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1",
        "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "region", "country", "admin1",
        "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
        "fatalities",
    ]

    // MARK: JSONL

    /// One JSON line for a document, in the shape of Parley's JSONL output.
    public static func jsonLine(_ document: Document) -> String {
        json(document).text
    }

    /// The JSON value of a document.
    /// The JSON value of a document; `commitments` (see ``CommitmentTracker``) follows `events` when the document
    /// makes some.
    public static func json(_ document: Document) -> OrderedJSON {
        .object(
            [
                ("id", .string(document.id)),
                ("title", document.metadata.title.map(OrderedJSON.string) ?? .null),
                ("published", document.metadata.published.map { .string($0.description) } ?? .null),
                ("events", .array(document.events.map { json($0, in: document) })),
            ] + CommitmentOutput.jsonFields(CommitmentTracker().commitments(in: document)) + [
                ("actors", .array(document.actors.enumerated().map { json(mention: $0.element, index: $0.offset) }))
            ] + FactsOutput.jsonFields(document) + [
                ("warnings", .array(document.warnings.map { .string($0.description) }))
            ])
    }

    static func json(_ actor: ActorReference) -> OrderedJSON {
        var pairs: [(String, OrderedJSON)] = [
            ("code", .string(actor.code)), ("text", .string(actor.text)),
            ("country", actor.country.map(OrderedJSON.string) ?? .null),
            ("sector", actor.sector.map(OrderedJSON.string) ?? .null),
        ]
        if let role = actor.role { pairs.append(("role", .string(role))) }
        return .object(pairs)
    }

    static func json(_ participant: UncodedParticipant) -> OrderedJSON {
        .object([("text", .string(participant.text)), ("range", range(participant.range))])
    }

    static func json(mention: ActorMention, index: Int) -> OrderedJSON {
        .object([
            ("id", .int(index)), ("text", .string(mention.text)),
            ("code", mention.code.map(OrderedJSON.string) ?? .null),
            ("sentence", .int(mention.sentence)),
            ("range", .array([.int(mention.range.lowerBound), .int(mention.range.upperBound)])),
            ("entry", mention.entry.map(OrderedJSON.string) ?? .null),
        ])
    }

    static func range(_ range: Range<Int>?) -> OrderedJSON {
        guard let range else { return .null }
        return .array([.int(range.lowerBound), .int(range.upperBound)])
    }

    /// The JSON value of one event.
    public static func json(_ event: Event, in document: Document) -> OrderedJSON {
        let sentenceText: String = {
            guard event.sentence < document.sentences.count else { return "" }
            return String(document.text(in: document.sentences[event.sentence].range))
        }()
        let plover: OrderedJSON =
            event.plover.map {
                .object([
                    ("event", .string($0.event)), ("mode", $0.mode.map(OrderedJSON.string) ?? .null),
                    ("context", .array($0.context.map(OrderedJSON.string))),
                ])
            } ?? .null
        let acled: OrderedJSON =
            event.acled.map {
                .object([("event_type", .string($0.eventType)), ("sub_event_type", .string($0.subEventType))])
            } ?? .null
        let m = event.modality
        let modality: OrderedJSON = .object([
            ("negated", .bool(m.negated)), ("hypothetical", .bool(m.hypothetical)), ("future", .bool(m.future)),
            ("historical", .bool(m.historical)), ("reported", .bool(m.reported)),
            ("speaker", m.speaker.map(json) ?? .null),
            ("rules", .object(m.rules.keys.sorted().map { ($0, .string(m.rules[$0]!)) })),
        ])
        let location: OrderedJSON =
            event.location.map { place in
                .object([
                    ("name", .string(place.name)), ("country", place.country.map(OrderedJSON.string) ?? .null),
                    ("admin1", place.admin1.map(OrderedJSON.string) ?? .null),
                    ("latitude", place.latitude.map(OrderedJSON.double) ?? .null),
                    ("longitude", place.longitude.map(OrderedJSON.double) ?? .null),
                    ("precision", .int(place.precision)),
                ])
            } ?? .null
        let casualties: OrderedJSON = .array(
            event.casualties.map { claim in
                .object([
                    ("kind", .string(claim.kind)), ("count", claim.count.map(OrderedJSON.int) ?? .null),
                    ("qualifier", claim.qualifier.map(OrderedJSON.string) ?? .null),
                    ("low", claim.low.map(OrderedJSON.int) ?? .null),
                    ("high", claim.high.map(OrderedJSON.int) ?? .null),
                    ("who", claim.who.map(json) ?? .null), ("claimed_by", claim.claimedBy.map(json) ?? .null),
                ])
            })
        let attribution: OrderedJSON =
            event.attribution.map { a in
                .object([
                    ("speaker", a.speaker.map(json) ?? .null),
                    ("reported_by", a.reportedBy.map(OrderedJSON.string) ?? .null),
                    ("quote", a.quote.map(OrderedJSON.int) ?? .null),
                ])
            } ?? .null
        let evidence: OrderedJSON = .object([
            ("trigger", range(event.evidence.trigger)), ("source", range(event.evidence.source)),
            ("target", range(event.evidence.target)), ("pattern", .string(event.evidence.pattern)),
            ("entries", .array(event.evidence.entries.map(OrderedJSON.string))),
        ])
        return .object([
            ("id", .string(event.id)), ("sentence", .int(event.sentence)), ("text", .string(sentenceText)),
            ("source", .array(event.source.map(json))), ("target", .array(event.target.map(json))),
            ("uncoded_source", .array((event.uncodedSource ?? []).map(json))),
            ("uncoded_target", .array((event.uncodedTarget ?? []).map(json))),
            ("third_parties", .array(event.thirdParties.map(json))), ("cameo", .string(event.cameo)),
            ("plover", plover), ("acled", acled), ("goldstein", event.goldstein.map(OrderedJSON.double) ?? .null),
            ("quad_class", event.quadClass.map(OrderedJSON.int) ?? .null), ("modality", modality),
            ("date", event.date.map { .string($0.description) } ?? .null),
            ("date_precision", event.datePrecision.map(OrderedJSON.string) ?? .null), ("location", location),
            ("casualties", casualties), ("attribution", attribution), ("evidence", evidence),
        ])
    }

    // MARK: CSV

    static func csvField(_ text: String) -> String {
        if text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return text
    }

    static func csvLine(_ fields: [String]) -> String {
        fields.map(csvField).joined(separator: ",") + "\n"
    }

    /// Phoenix's PentaClass: 0 neutral (01–02), 1 verbal cooperation (03–05), 2 material cooperation (06–08),
    /// 3 verbal conflict (09–13, 16), 4 material conflict (14, 15, 17–20).
    public static func pentaClass(_ code: String) -> Int? {
        guard code.count >= 2, let root = Int(code.prefix(2)), code.allSatisfy(\.isNumber) else { return nil }
        switch root {
        case 1...2: return 0
        case 3...5: return 1
        case 6...8: return 2
        case 9...13, 16: return 3
        case 14, 15, 17...20: return 4
        default: return nil
        }
    }

    /// Phoenix-order CSV rows for documents, one per source–target pair of each event (with a header).
    public static func phoenixCSV(_ documents: [Document], header: Bool = true) -> String {
        var output = header ? csvLine(phoenixColumns) : ""
        for document in documents {
            for event in document.events {
                let sources = event.source.isEmpty ? [nil] : event.source.map(Optional.some)
                let targets = event.target.isEmpty ? [nil] : event.target.map(Optional.some)
                var row = 0
                for source in sources {
                    for target in targets where source == nil || target == nil || source!.code != target!.code {
                        row += 1
                        let date = event.date ?? document.metadata.published
                        func parts(_ actor: ActorReference?) -> [String] {
                            guard let actor else { return ["", "", "", ""] }
                            let code = actor.code
                            let entity = actor.country ?? (code.count >= 3 ? String(code.prefix(3)) : code)
                            let role = actor.sector ?? ""
                            let attribute = code.count > 6 ? String(code.dropFirst(6)) : ""
                            return [code, entity, role, attribute]
                        }
                        let fields: [String] =
                            [
                                "\(event.id)" + (sources.count * targets.count > 1 ? "-\(row)" : ""),
                                date.map { String(format: "%04d%02d%02d", $0.year, $0.month, $0.day) } ?? "",
                                date.map { String($0.year) } ?? "", date.map { String($0.month) } ?? "",
                                date.map { String($0.day) } ?? "",
                            ] + parts(source) + parts(target) + [
                                event.cameo, String(event.cameo.prefix(2)),
                                pentaClass(event.cameo).map(String.init) ?? "",
                                event.goldstein.map { String($0) } ?? "", "",
                                event.location?.latitude.map { String($0) } ?? "",
                                event.location?.longitude.map { String($0) } ?? "", event.location?.name ?? "",
                                event.location?.admin1 ?? "", event.location?.country ?? "",
                                "\(document.id)-\(event.sentence + 1)", document.metadata.url ?? "",
                                document.metadata.outlet ?? "",
                            ]
                        output += csvLine(fields)
                    }
                }
            }
        }
        return output
    }

    /// ACLED-style CSV rows: one per event that has an ACLED type (with a header).
    public static func acledCSV(_ documents: [Document], header: Bool = true) -> String {
        var output = header ? csvLine(acledColumns) : ""
        let months = [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November",
            "December",
        ]
        for document in documents {
            for event in document.events {
                guard let acled = event.acled, !event.modality.negated, !event.modality.hypothetical else { continue }
                let date = event.date ?? document.metadata.published
                let dateText = date.map { String(format: "%02d", $0.day) + " \(months[$0.month - 1]) \($0.year)" } ?? ""
                let precision: String = {
                    switch event.datePrecision {
                    case "day": return "1"
                    case "week", "month": return "2"
                    case "year": return "3"
                    default: return date == nil ? "" : "1"
                    }
                }()
                let killed = event.casualties.filter { $0.kind == "killed" }.compactMap(\.count).reduce(0, +)
                let sentence =
                    event.sentence < document.sentences.count
                    ? String(document.text(in: document.sentences[event.sentence].range)) : ""
                let fields: [String] = [
                    event.id, dateText, date.map { String($0.year) } ?? "", precision, acled.eventType,
                    acled.subEventType,
                    event.source.first?.code ?? "", event.source.dropFirst().map(\.code).joined(separator: "; "), "",
                    event.target.first?.code ?? "", event.target.dropFirst().map(\.code).joined(separator: "; "), "",
                    "",
                    "", event.location?.country ?? "", event.location?.admin1 ?? "", "", "", event.location?.name ?? "",
                    event.location?.latitude.map { String($0) } ?? "",
                    event.location?.longitude.map { String($0) } ?? "",
                    event.location.map { String($0.precision) } ?? "", document.metadata.outlet ?? "", "", sentence,
                    String(killed),
                ]
                output += csvLine(fields)
            }
        }
        return output
    }

    // MARK: Table

    /// A readable table of a document's events.
    public static func table(_ document: Document) -> String {
        var output = "\(document.id)" + (document.metadata.published.map { "  (\($0))" } ?? "") + "\n"
        if document.events.isEmpty { return output + "  no events\n" }
        for event in document.events {
            let source = event.source.map(\.code).joined(separator: "+")
            let target = event.target.map(\.code).joined(separator: "+")
            var flags: [String] = []
            let m = event.modality
            if m.negated { flags.append("negated") }
            if m.hypothetical { flags.append("hypothetical") }
            if m.future { flags.append("future") }
            if m.historical { flags.append("historical") }
            if m.reported { flags.append("reported" + (m.speaker.map { " by \($0.code)" } ?? "")) }
            let third = event.thirdParties.map { "\($0.role ?? "third party") \($0.code)" }
            let trigger = document.text(in: event.evidence.trigger)
            var line = "  s\(event.sentence + 1)  \(pad(source, 14)) \(pad(event.cameo, 5)) \(pad(target, 14)) "
            line += pad(event.plover.map { $0.event + ($0.mode.map { "/" + $0 } ?? "") } ?? "-", 20)
            line += " «\(trigger)»"
            if !flags.isEmpty { line += "  [" + flags.joined(separator: ", ") + "]" }
            if !third.isEmpty { line += "  (" + third.joined(separator: ", ") + ")" }
            output += line + "\n"
        }
        let commitments = CommitmentTracker().commitments(in: document)
        if !commitments.isEmpty {
            output += "  commitments:\n" + commitments.map { CommitmentOutput.table($0, indent: "    ") }.joined()
        }
        return output
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
