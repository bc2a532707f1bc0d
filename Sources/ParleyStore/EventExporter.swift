import Foundation
import Parley

/// Writes events or incidents in the formats of the field.
///
/// - `plover-jsonl`: one JSON object per line (pandas `read_json(lines=True)`), PLOVER field names.
/// - `phoenix-tsv`: the Phoenix/OEDA tab-separated columns.
/// - `acled-csv`: ACLED's column names, dates as `12 October 2024`.
/// - `csv`: Parley's own flat columns, one row per event.
public struct EventExporter: Sendable {
    /// Export formats.
    public enum Format: String, Sendable, CaseIterable {
        case ploverJSONL = "plover-jsonl"
        case phoenixTSV = "phoenix-tsv"
        case acledCSV = "acled-csv"
        case csv
    }

    /// One exported row: an event, or an incident standing for its reports.
    public struct Row: Sendable {
        public var id: String
        public var date: Day?
        public var event: Event
        /// Documents reporting it.
        public var documentIDs: [String]
        public var urls: [String]
        public var outlets: [String]
        public var sentence: String
        public var reports: Int

        /// The row of a single event.
        public init(_ stored: StoredEvent) {
            id = stored.documentID + ":" + stored.event.id
            date = stored.event.date ?? stored.published
            event = stored.event
            documentIDs = [stored.documentID]
            urls = stored.url.map { [$0] } ?? []
            outlets = stored.outlet.map { [$0] } ?? []
            sentence = stored.sentenceText
            reports = 1
        }

        /// The row of an incident: its first report's codes, its own date, all its sources.
        public init(_ incident: Incident) {
            id = incident.id
            date = incident.date
            event = incident.event
            documentIDs = incident.documentIDs
            var seenURLs = Set<String>()
            var seenOutlets = Set<String>()
            urls = incident.reports.compactMap { $0.url }.filter { seenURLs.insert($0).inserted }
            outlets = incident.reports.compactMap { $0.outlet }.filter { seenOutlets.insert($0).inserted }
            sentence = incident.reports.first { $0.event == incident.event }?.sentenceText ?? ""
            reports = incident.reports.count
            // Casualty claims of every report, so none is lost when one row stands for many.
            event.casualties = incident.reports.flatMap(\.event.casualties)
        }
    }

    public let format: Format

    public init(format: Format) {
        self.format = format
    }

    /// The header line, or `nil` for JSON lines.
    public var header: String? {
        switch format {
        case .ploverJSONL: return nil
        case .phoenixTSV: return Self.phoenixColumns.joined(separator: "\t")
        case .acledCSV: return Self.acledColumns.joined(separator: ",")
        case .csv: return Self.csvColumns.joined(separator: ",")
        }
    }

    /// The rows to export for a query: one per incident, or one per raw event.
    /// - Parameters:
    ///   - store: the store to read.
    ///   - query: the filters.
    ///   - events: whether to export raw events instead of incidents.
    /// - Throws: ``StoreError``.
    public static func rows(of store: any EventStore, _ query: EventQuery, events: Bool) async throws -> [Row] {
        events ? try await store.events(query).map(Row.init) : try await store.incidents(query).map(Row.init)
    }

    /// All rows as one text, header first, a newline after each line.
    public func write(_ rows: [Row]) -> String {
        var output = header.map { $0 + "\n" } ?? ""
        for row in rows { output += line(row) + "\n" }
        return output
    }

    /// One row as a line.
    public func line(_ row: Row) -> String {
        let event = row.event
        let source = event.source.first
        let target = event.target.first
        let root = IncidentMatcher.root(of: event.cameo)
        let killed = event.casualties.filter { $0.kind == "killed" }.compactMap { $0.count ?? $0.low }.max()
        switch format {
        case .ploverJSONL:
            var object: [String: Any] = [
                "id": row.id, "event_date": row.date?.description ?? NSNull(), "event_type": event.plover?.event ?? NSNull(),
                "mode": event.plover?.mode ?? NSNull(), "context": event.plover?.context ?? [],
                "actor": source?.text ?? NSNull(), "actor_code": source?.code ?? NSNull(),
                "actor_country": source?.country ?? NSNull(), "recipient": target?.text ?? NSNull(),
                "recipient_code": target?.code ?? NSNull(), "recipient_country": target?.country ?? NSNull(),
                "cameo": event.cameo, "quad_class": event.quadClass ?? NSNull(), "goldstein": event.goldstein ?? NSNull(),
                "negated": event.modality.negated, "hypothetical": event.modality.hypothetical,
                "location": event.location?.name ?? NSNull(), "country": event.location?.country ?? NSNull(),
                "latitude": event.location?.latitude ?? NSNull(), "longitude": event.location?.longitude ?? NSNull(),
                "fatalities": killed ?? NSNull(), "reports": row.reports, "document_ids": row.documentIDs,
                "urls": row.urls, "text": row.sentence,
            ]
            if let acled = event.acled {
                object["acled_event_type"] = acled.eventType
                object["acled_sub_event_type"] = acled.subEventType
            }
            let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
            return String(decoding: data, as: UTF8.self)
        case .phoenixTSV:
            let date = row.date
            let fields: [String] = [
                row.id, date.map { String(format: "%04d%02d%02d", $0.year, $0.month, $0.day) } ?? "",
                date.map { String($0.year) } ?? "", date.map { String($0.month) } ?? "", date.map { String($0.day) } ?? "",
                source?.code ?? "", source?.country ?? "", source?.sector ?? "", "",
                target?.code ?? "", target?.country ?? "", target?.sector ?? "", "",
                event.cameo, root, event.quadClass.map(String.init) ?? "", event.goldstein.map { String($0) } ?? "", "",
                event.location?.latitude.map { String($0) } ?? "", event.location?.longitude.map { String($0) } ?? "",
                event.location?.name ?? "", event.location?.admin1 ?? "", event.location?.country ?? "",
                row.id, row.urls.joined(separator: ";"), row.outlets.joined(separator: ";"),
            ]
            return fields.map { $0.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
                .joined(separator: "\t")
        case .acledCSV:
            let months = [
                "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December",
            ]
            let fields: [String] = [
                row.id, row.date.map { "\(String(format: "%02d", $0.day)) \(months[$0.month - 1]) \($0.year)" } ?? "",
                row.date.map { String($0.year) } ?? "", event.datePrecision == "day" || event.datePrecision == nil ? "1" : "2",
                event.acled?.eventType ?? "", event.acled?.subEventType ?? "", source?.text ?? "", target?.text ?? "",
                event.location?.country ?? "", event.location?.admin1 ?? "", event.location?.name ?? "",
                event.location?.latitude.map { String($0) } ?? "", event.location?.longitude.map { String($0) } ?? "",
                event.location.map { String($0.precision) } ?? "", row.outlets.joined(separator: "; "), row.sentence,
                killed.map(String.init) ?? "0",
            ]
            return fields.map(Self.csvField).joined(separator: ",")
        case .csv:
            let fields: [String] = [
                row.id, row.date?.description ?? "", source?.code ?? "", source?.text ?? "", target?.code ?? "",
                target?.text ?? "", event.cameo, root, event.plover?.event ?? "", event.quadClass.map(String.init) ?? "",
                event.goldstein.map { String($0) } ?? "", IncidentMatcher.modality(of: event.modality),
                event.location?.name ?? "", event.location?.latitude.map { String($0) } ?? "",
                event.location?.longitude.map { String($0) } ?? "", killed.map(String.init) ?? "", String(row.reports),
                row.documentIDs.joined(separator: ";"), row.sentence,
            ]
            return fields.map(Self.csvField).joined(separator: ",")
        }
    }

    /// A CSV field, quoted when it holds a comma, quote or line break (RFC 4180).
    public static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let phoenixColumns = [
        "EventID", "Date", "Year", "Month", "Day", "SourceActorFull", "SourceActorEntity", "SourceActorRole",
        "SourceActorAttribute", "TargetActorFull", "TargetActorEntity", "TargetActorRole", "TargetActorAttribute",
        "EventCode", "EventRootCode", "QuadClass", "GoldsteinScore", "Issues", "Lat", "Lon", "LocationName",
        "StateName", "CountryCode", "SentenceID", "URLs", "NewsSources",
    ]
    static let acledColumns = [
        "event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
        "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes", "fatalities",
    ]
    static let csvColumns = [
        "id", "date", "source_code", "source", "target_code", "target", "cameo", "cameo_root", "plover", "quad_class",
        "goldstein", "modality", "location", "latitude", "longitude", "killed", "reports", "documents", "sentence",
    ]
}
