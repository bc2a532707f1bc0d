import ArgumentParser
import Foundation
import Parley
import ParleyStore

/// `parley commitments`: demands, threats, promises, agreements and ceasefires in the store, followed over time.
struct CommitmentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commitments",
        abstract: "Follow demands, threats, promises, agreements and ceasefires across stored documents.",
        discussion: """
            Reads the events the filters select, by date, and marks later events as keeping, meeting, rejecting, \
            carrying out or violating each commitment; every step names its event and rule. Reported or alleged \
            events are claims (status 'alleged' until an established event settles it). --limit and --offset page \
            the commitments.
            """)

    enum Output: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, csv
    }

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var filters: FilterOptions
    @Option(
        help: ArgumentHelp(
            "Statuses to list, comma-separated: \(Commitment.Status.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "status"))
    var status: String?
    @Option(
        help: ArgumentHelp(
            "Kinds to list, comma-separated: \(Commitment.Kind.allCases.map(\.rawValue).joined(separator: ", ")).",
            valueName: "kind"))
    var kind: String?
    @Option(name: .shortAndLong, help: "Output format: table, jsonl, csv.") var output: Output = .table

    func validate() throws {
        _ = try query()
    }

    func query() throws -> CommitmentQuery {
        var query: CommitmentQuery
        do {
            query = try CommitmentQuery(
                parameters: ["status": status ?? "", "kind": kind ?? ""], name: { "--" + $0 })
        } catch let error as StoreError {
            throw ValidationError(error.message)
        }
        query.filter = try filters.query()
        return query
    }

    func run() async throws {
        let query = try query()
        let (commitments, _) = try await storeOptions.withStore { try await $0.commitments(query) }
        switch output {
        case .table:
            if commitments.isEmpty { printError("no commitments") }
            for commitment in commitments {
                FileHandle.standardOutput.write(Data(CommitmentOutput.table(commitment, indent: "").utf8))
            }
        case .jsonl:
            for commitment in commitments { printOut(CommitmentOutput.json(commitment).text) }
        case .csv:
            FileHandle.standardOutput.write(Data(CommitmentOutput.csv(commitments).utf8))
        }
    }
}
