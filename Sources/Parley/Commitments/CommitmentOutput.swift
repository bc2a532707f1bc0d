import Foundation

/// How commitments appear in `parley code` and `parley commitments` output: JSON, CSV and a readable table.
public enum CommitmentOutput {
    /// The CSV header: one row per commitment.
    public static let csvColumns = [
        "id", "kind", "status", "date", "document", "cameo", "holder", "counterpart", "mutual", "third_parties",
        "changes",
        "last_event", "last_date", "last_rule", "expects",
    ]

    /// The JSON value of a commitment, with keys in the order of its `Codable` form.
    /// - Parameter commitment: a commitment.
    public static func json(_ commitment: Commitment) -> OrderedJSON {
        .object([
            ("id", .string(commitment.id)), ("kind", .string(commitment.kind.rawValue)),
            ("status", .string(commitment.status.rawValue)),
            ("holder", .array(commitment.holder.map(EventOutput.json))),
            ("counterpart", .array(commitment.counterpart.map(EventOutput.json))), ("mutual", .bool(commitment.mutual)),
            ("third_parties", .array(commitment.thirdParties.map(EventOutput.json))),
            ("date", commitment.date.map { .string($0.description) } ?? .null),
            ("document", .string(commitment.document)), ("cameo", .string(commitment.cameo)),
            ("expects", .string(commitment.expects)),
            ("history", .array(commitment.history.map(json))),
        ])
    }

    /// The JSON value of a step of a commitment's history.
    /// - Parameter change: a step of the history.
    public static func json(_ change: Commitment.Change) -> OrderedJSON {
        .object([
            ("status", .string(change.status.rawValue)), ("event", .string(change.event)),
            ("document", .string(change.document)), ("date", change.date.map { .string($0.description) } ?? .null),
            ("cameo", .string(change.cameo)), ("rule", .string(change.rule)),
            ("explanation", .string(change.explanation)), ("claim", .bool(change.claim)),
            ("claimant", change.claimant.map(EventOutput.json) ?? .null),
        ])
    }

    /// The document-level key of `parley code` JSONL: `commitments`, only when the document makes some, so the
    /// lines of documents without any stay as they were.
    /// - Parameter commitments: the document's commitments.
    public static func jsonFields(_ commitments: [Commitment]) -> [(String, OrderedJSON)] {
        commitments.isEmpty ? [] : [("commitments", .array(commitments.map(json)))]
    }

    /// Readable lines: the commitment, then each step of its history, indented.
    /// - Parameters:
    ///   - commitment: a commitment.
    ///   - indent: spaces before each line.
    public static func table(_ commitment: Commitment, indent: String = "  ") -> String {
        let holder = commitment.holder.map(\.code).joined(separator: "+")
        let counterpart = commitment.counterpart.map(\.code).joined(separator: "+")
        var line =
            "\(indent)\(EventOutput.pad(commitment.kind.rawValue, 10)) \(EventOutput.pad(commitment.status.rawValue, 12))"
        line += " \(commitment.date?.description ?? "----------")  \(holder)"
        if !counterpart.isEmpty {
            line += (commitment.mutual || commitment.kind == .ceasefire ? " <> " : " > ") + counterpart
        }
        line += "  \(commitment.cameo)  [\(commitment.id)]"
        if !commitment.thirdParties.isEmpty {
            line +=
                "  (" + commitment.thirdParties.map { "\($0.role ?? "third party") \($0.code)" }.joined(separator: ", ")
                + ")"
        }
        line += "\n"
        for change in commitment.history {
            line += "\(indent)    \(change.claim ? "claim " : "")\(change.explanation)\n"
        }
        return line
    }

    /// One CSV row per commitment, with its latest step (with a header).
    /// - Parameters:
    ///   - commitments: the commitments.
    ///   - header: whether to write the header line.
    public static func csv(_ commitments: [Commitment], header: Bool = true) -> String {
        var output = header ? EventOutput.csvLine(csvColumns) : ""
        for commitment in commitments {
            let last = commitment.history.last
            output += EventOutput.csvLine([
                commitment.id, commitment.kind.rawValue, commitment.status.rawValue,
                commitment.date?.description ?? "", commitment.document, commitment.cameo,
                commitment.holder.map(\.code).joined(separator: ";"),
                commitment.counterpart.map(\.code).joined(separator: ";"), String(commitment.mutual),
                commitment.thirdParties.map(\.code).joined(separator: ";"), String(commitment.history.count - 1),
                last?.event ?? "", last?.date?.description ?? "", last?.rule ?? "", commitment.expects,
            ])
        }
        return output
    }
}
