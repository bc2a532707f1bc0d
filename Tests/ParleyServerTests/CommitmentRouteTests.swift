import Foundation
import Parley
import ParleyServer
import ParleyStore
import Testing

/// `GET /api/commitments` over a store holding articles written for this test.
@Suite(.serialized) struct CommitmentRouteTests {
    static let articles = [
        #"{"id": "truce", "date": "2025-10-19", "text": "Pakistan and Afghanistan agreed to an immediate ceasefire on Sunday. Pakistan demanded that Afghanistan hand over militants."}"#,
        #"{"id": "reply", "date": "2025-10-26", "text": "Afghanistan rejected Pakistan's demand on Saturday."}"#,
    ].joined(separator: "\n")

    struct CommitmentsPage: Decodable {
        var total: Int
        var limit: Int
        var offset: Int
        var commitments: [Commitment]
    }

    func withServer(_ body: (RunningServer) async throws -> Void) async throws {
        let server = try await RunningServer.start(filled: false)
        do {
            let documents = try DocumentReader().read(data: Data(Self.articles.utf8), name: "commitments.jsonl")
                .documents
            for document in documents {
                try await server.store.store(try server.pipeline(document), item: "commitments.jsonl")
            }
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func listsCommitmentsWithTheirHistory() async throws {
        try await withServer { server in
            let reply = try await server.get("/api/commitments")
            #expect(reply.status == 200)
            #expect(reply.contentType.hasPrefix("application/json"))
            let page = try reply.decode(CommitmentsPage.self)
            #expect(page.total == page.commitments.count)
            #expect(Set(page.commitments.map(\.kind)) == [.ceasefire, .demand])
            let demand = try #require(page.commitments.first { $0.kind == .demand })
            #expect(demand.status == .rejected)
            #expect(demand.history.map(\.rule).contains("demand-rejected"))
            #expect(reply.text.contains(#""third_parties""#))
        }
    }

    @Test func filtersLikeTheCommandLine() async throws {
        try await withServer { server in
            let rejected = try await server.get("/api/commitments?status=rejected").decode(CommitmentsPage.self)
            #expect(rejected.commitments.map(\.kind) == [.demand])
            let ceasefires = try await server.get("/api/commitments?kind=ceasefire&actor=AFG").decode(
                CommitmentsPage.self)
            #expect(ceasefires.commitments.map(\.status) == [.open])
            let paged = try await server.get("/api/commitments?limit=1").decode(CommitmentsPage.self)
            #expect(paged.commitments.count == 1 && paged.total == 2 && paged.limit == 1)
            let early = try await server.get("/api/commitments?to=2025-10-20").decode(CommitmentsPage.self)
            #expect(early.commitments.allSatisfy { $0.status == .open })
        }
    }

    @Test(arguments: [
        ("/api/commitments?status=broken", "invalidArgument"),
        ("/api/commitments?kind=pledge", "invalidArgument"),
        ("/api/commitments?from=yesterday", "invalidArgument"),
        ("/api/commitments?colour=red", "unknownParameter"),
    ])
    func badParametersAreRejected(_ path: String, _ code: String) async throws {
        let server = try await RunningServer.shared.value
        let reply = try await server.get(path)
        #expect(reply.status == 400)
        #expect(try reply.errorCode() == code)
    }
}

extension CommitmentRouteTests {
    @Test func theDashboardHasACommitmentsPanel() async throws {
        let server = try await RunningServer.shared.value
        #expect(try await server.get("/").text.contains(#"data-tab="commitments""#))
        #expect(try await server.get("/app.js").text.contains("/api/commitments?"))
    }
}
