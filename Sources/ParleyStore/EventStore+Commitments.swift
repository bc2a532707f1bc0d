import Foundation
import Parley

/// Which commitments to list: the events to follow, and the statuses and kinds to keep.
public struct CommitmentQuery: Sendable, Hashable {
    /// The events read from the store; its `limit` and `offset` page the commitments, not the events.
    public var filter = EventQuery()
    /// Statuses to keep; empty keeps all.
    public var statuses: Set<Commitment.Status> = []
    /// Kinds to keep; empty keeps all.
    public var kinds: Set<Commitment.Kind> = []

    /// Creates a query that keeps every commitment.
    public init() {}

    /// The names of the parameters ``init(parameters:name:)`` reads: the event filters, `status` and `kind`.
    public static let parameterNames = EventQuery.parameterNames.union(["status", "kind"])

    /// Reads the event filters (see ``EventQuery/init(parameters:name:)``) and `status` and `kind`, each one or
    /// more comma-separated words (`status=violated,alleged`).
    /// - Parameters:
    ///   - parameters: values by parameter name; an empty value is no filter.
    ///   - name: how a parameter is called in messages (`--status` on the command line).
    /// - Throws: ``StoreError/Code/invalidArgument`` naming the parameter and the value that is wrong.
    public init(parameters: [String: String], name: (String) -> String = { $0 }) throws {
        filter = try EventQuery(parameters: parameters, name: name)
        statuses = try Self.words(parameters["status"], name: name("status"), Commitment.Status.self)
        kinds = try Self.words(parameters["kind"], name: name("kind"), Commitment.Kind.self)
    }

    static func words<T: RawRepresentable & CaseIterable & Hashable>(_ text: String?, name: String, _: T.Type)
        throws -> Set<T> where T.RawValue == String
    {
        var result = Set<T>()
        for word in (text ?? "").split(separator: ",") {
            let word = word.trimmingCharacters(in: .whitespaces).lowercased()
            guard !word.isEmpty else { continue }
            guard let value = T(rawValue: word) ?? T(rawValue: word.replacingOccurrences(of: "-", with: "_")) else {
                throw StoreError(
                    .invalidArgument,
                    "\(name) '\(word)' is one of \(T.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            result.insert(value)
        }
        return result
    }
}

extension EventStore {
    /// Commitments found among the stored events the query selects, followed across documents in date order.
    ///
    /// The event filters choose what is followed: a commitment made before `from`, or a violation by an actor
    /// `actor` leaves out, is not seen. The statuses, kinds, `limit` and `offset` then select among the
    /// commitments found.
    /// - Parameters:
    ///   - query: the events to follow and the commitments to keep.
    ///   - tracker: the tracker to follow them with.
    /// - Returns: the commitments in the order they were made, and how many there are before paging.
    /// - Throws: ``StoreError`` when the store cannot be read.
    public func commitments(_ query: CommitmentQuery, tracker: CommitmentTracker = CommitmentTracker()) async throws
        -> (commitments: [Commitment], total: Int)
    {
        var filter = query.filter
        filter.limit = nil
        filter.offset = nil
        let events = try await events(filter)
        let inputs = events.map { stored in
            CommitmentTracker.Input(
                stored.event, document: stored.documentID, published: stored.published, sentence: stored.sentenceText)
        }
        let kept = tracker.track(inputs).filter { commitment in
            (query.statuses.isEmpty || query.statuses.contains(commitment.status))
                && (query.kinds.isEmpty || query.kinds.contains(commitment.kind))
        }
        let start = min(kept.count, query.filter.offset ?? 0)
        let end = query.filter.limit.map { min(kept.count, start + $0) } ?? kept.count
        return (Array(kept[start..<end]), kept.count)
    }
}
