import Foundation

/// What Parley knows about each CAMEO event code: Goldstein score, QuadClass, PLOVER and ACLED codings.
///
/// Loaded from `Resources/Events/codes.tsv`, built by `scripts/convert-event-codes` from the CAMEO and
/// PLOVER tables with Parley's corrections. Codes that are not CAMEO (an imported dictionary's `174K`)
/// get none of these.
public struct EventCodebook: Hashable, Sendable {
    /// One code's row.
    public struct Entry: Hashable, Sendable {
        public var code: String
        public var goldstein: Double?
        public var quadClass: Int?
        public var plover: PloverCoding?
        public var acled: AcledCoding?
        public var description: String
    }

    public private(set) var entries: [String: Entry]

    /// Creates a codebook from its entries.
    public init(entries: [Entry]) {
        self.entries = Dictionary(entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The codebook shipped with Parley.
    /// - Throws: ``PipelineError`` when the bundled table is missing or malformed.
    public static func bundled() throws -> EventCodebook {
        guard let url = Bundle.module.url(forResource: "codes", withExtension: "tsv", subdirectory: "Resources/Events"),
            let data = try? Data(contentsOf: url), let text = String(data: data, encoding: .utf8)
        else {
            throw PipelineError(.invalidModel, "the bundled event-code table Resources/Events/codes.tsv is missing")
        }
        return try parse(text, file: "codes.tsv")
    }

    /// Parses the tab-separated code table.
    /// - Throws: ``PipelineError/Code/invalidModel`` naming the line of a malformed row.
    public static func parse(_ text: String, file: String) throws -> EventCodebook {
        var entries: [Entry] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("code\t") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 9, !columns[0].isEmpty else {
                throw PipelineError(.invalidModel, "expected 9 tab-separated columns", file: file, line: lineNumber)
            }
            let plover =
                columns[3].isEmpty
                ? nil
                : PloverCoding(
                    event: columns[3], mode: columns[4].isEmpty ? nil : columns[4],
                    context: columns[5].split(separator: ";").map(String.init))
            let acled = columns[6].isEmpty ? nil : AcledCoding(eventType: columns[6], subEventType: columns[7])
            entries.append(
                Entry(
                    code: columns[0], goldstein: Double(columns[1]), quadClass: Int(columns[2]), plover: plover,
                    acled: acled, description: columns[8]))
        }
        return EventCodebook(entries: entries)
    }

    /// Whether a code is a CAMEO code (one of the table's codes).
    public func isCAMEO(_ code: String) -> Bool {
        entries[code] != nil
    }

    /// The entry of a code, falling back to shorter prefixes (`0871` → `087` → `08`) for scores and
    /// to the root's `x0` code for PLOVER; `nil` for codes that are not CAMEO.
    public func lookup(_ code: String) -> Entry? {
        guard isCAMEO(code) else { return nil }
        var entry = entries[code] ?? Entry(code: code, description: "")
        var prefix = code
        while prefix.count > 2 && (entry.goldstein == nil || entry.plover == nil) {
            prefix.removeLast()
            if let parent = entries[prefix] {
                if entry.goldstein == nil { entry.goldstein = parent.goldstein }
                if entry.quadClass == nil { entry.quadClass = parent.quadClass }
                if entry.plover == nil { entry.plover = parent.plover }
            }
        }
        if entry.plover == nil, code.count == 2, let rootDefault = entries[code + "0"] {
            entry.plover = rootDefault.plover
            if entry.acled == nil { entry.acled = rootDefault.acled }
        }
        if entry.quadClass == nil, let root = Int(code.prefix(2)) {
            entry.quadClass = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4
        }
        return entry
    }

    /// The two-digit CAMEO root of a code, or `nil` when it is not CAMEO.
    public func root(of code: String) -> String? {
        isCAMEO(code) ? String(code.prefix(2)) : nil
    }
}
