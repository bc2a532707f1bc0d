import Foundation
import Parley
import ParleyServer
import ParleyStore
import Testing

@Suite(.serialized) struct EventServerTests {
    func server() async throws -> RunningServer { try await RunningServer.shared.value }

    @Test func healthReportsTheStore() async throws {
        let server = try await server()
        let reply = try await server.get("/api/health")
        #expect(reply.status == 200)
        #expect(reply.contentType.hasPrefix("application/json"))
        let json = try reply.json()
        let counts = try #require(json["counts"] as? [String: Any])
        #expect(counts["documents"] as? Int == 4)
        #expect(json["backend"] as? String == "sqlite")
        #expect(json["ingest"] as? Bool == false)
    }

    @Test func eventsAreFilteredLikeTheStore() async throws {
        let server = try await server()
        let all = try await server.get("/api/events?limit=200").decode(EventsPage.self)
        #expect(all.total == all.events.count)
        #expect(all.total == (try await server.store.events(EventQuery()).count))
        #expect(all.events.contains { $0.event.quadClass == 4 })
        for (parameters, keep) in [
            ("quad=4", { (stored: StoredEvent) in stored.event.quadClass == 4 }),
            (
                "actor=AFG",
                {
                    $0.event.source.contains { $0.code.hasPrefix("AFG") }
                        || $0.event.target.contains { $0.code.hasPrefix("AFG") }
                }
            ),
            ("from=2024-04-01&to=2024-04-30", { ($0.event.date ?? $0.published).map { $0.month == 4 } ?? false }),
            ("modality=negated", { $0.event.modality.negated }),
        ] as [(String, (StoredEvent) -> Bool)] {
            let page = try await server.get("/api/events?limit=200&" + parameters).decode(EventsPage.self)
            #expect(page.events.allSatisfy(keep), "\(parameters)")
            #expect(page.total == page.events.count, "\(parameters)")
            #expect(page.total > 0 && page.total < all.total, "\(parameters) should keep some events, not all")
        }
        let root = try #require(all.events.first?.event.cameo)
        let byRoot = try await server.get("/api/events?limit=200&cameo=\(root)").decode(EventsPage.self)
        #expect(byRoot.events.allSatisfy { $0.event.cameo.prefix(2) == root.prefix(2) })
        #expect(byRoot.total >= 1)
    }

    @Test func pagesAreDisjointAndKeepTheTotal() async throws {
        let server = try await server()
        let first = try await server.get("/api/events?limit=3").decode(EventsPage.self)
        let second = try await server.get("/api/events?limit=3&offset=3").decode(EventsPage.self)
        #expect(first.events.count == 3 && first.limit == 3 && first.offset == 0)
        #expect(second.offset == 3 && first.total == second.total)
        #expect(Set(first.events.map(\.event.id)).isDisjoint(with: second.events.map(\.event.id)))
        let all = try await server.get("/api/events?limit=200").decode(EventsPage.self)
        #expect(all.events.prefix(6).map(\.event.id) == (first.events + second.events).map(\.event.id))
    }

    @Test(arguments: [
        ("/api/events?from=2024-02-30", "invalidArgument"),
        ("/api/events?from=2024-05-01&to=2024-04-01", "invalidArgument"),
        ("/api/events?limit=-5", "invalidArgument"),
        ("/api/events?limit=ten", "invalidArgument"),
        ("/api/events?limit=100000", "invalidArgument"),
        ("/api/events?offset=-1", "invalidArgument"),
        ("/api/events?quad=7", "invalidArgument"),
        ("/api/events?modality=maybe", "invalidArgument"),
        ("/api/events?near=91,0,5", "invalidArgument"),
        ("/api/events?colour=red", "unknownParameter"),
        ("/api/timeline?bucket=year", "invalidArgument"),
        ("/api/export?format=xlsx", "invalidArgument"),
        ("/api/stories?min_similarity=2", "invalidArgument"),
        ("/api/similar", "invalidArgument"),
    ])
    func malformedParametersAreBadRequests(path: String, code: String) async throws {
        let reply = try await server().get(path)
        #expect(reply.status == 400, "\(path)")
        #expect(try reply.errorCode() == code, "\(path): \(reply.text)")
    }

    @Test(arguments: ["/api/events/no-such-event", "/api/nothing-here", "/api/similar?document=nope", "/favicon.ico"])
    func unknownThingsAreNotFound(path: String) async throws {
        let reply = try await server().get(path)
        #expect(reply.status == 404, "\(path)")
        #expect(try reply.errorCode() == "notFound", "\(path): \(reply.text)")
    }

    @Test func eventDetailCarriesItsEvidence() async throws {
        let server = try await server()
        let all = try await server.get("/api/events?limit=200").decode(EventsPage.self)
        let stored = try #require(all.events.first { !$0.event.source.isEmpty && !$0.event.target.isEmpty })
        for id in [stored.event.id, stored.documentKey + "#" + stored.event.id] {
            let path = "/api/events/" + (id.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? id)
            let reply = try await server.get(path)
            #expect(reply.status == 200, "\(id): \(reply.text)")
            let json = try reply.json()
            let event = try #require((json["event"] as? [String: Any])?["event"] as? [String: Any])
            #expect(event["id"] as? String == stored.event.id)
            let evidence = try #require(event["evidence"] as? [String: Any])
            #expect(evidence["pattern"] as? String == stored.event.evidence.pattern)
            let highlights = try #require(json["highlights"] as? [[String: Any]])
            #expect(
                highlights.map { $0["text"] as? String ?? "" }.joined()
                    == stored.sentenceText.replacingOccurrences(of: "\n", with: " "))
            let roles = Set(highlights.compactMap { $0["role"] as? String })
            #expect(roles.isSuperset(of: ["trigger", "source", "target"]), "\(roles)")
            let explanation = try #require(json["explanation"] as? String)
            #expect(explanation.contains("pattern \(stored.event.evidence.pattern)"))
            #expect((json["document"] as? [String: Any])?["key"] as? String == stored.documentKey)
        }
    }

    @Test func incidentsMergeTheWireCopyAndStoriesLinkIt() async throws {
        let server = try await server()
        let incidents = try await server.get("/api/incidents?limit=200").json()
        let list = try #require(incidents["incidents"] as? [[String: Any]])
        #expect(incidents["total"] as? Int == list.count)
        #expect(list.count == (try await server.store.incidents(EventQuery()).count))
        // The clash and its wire copy report the same incidents.
        #expect(list.contains { (($0["reports"] as? [[String: Any]])?.count ?? 0) >= 2 })
        let stories = try await server.get("/api/stories").json()
        let story = try #require((stories["stories"] as? [[String: Any]])?.first)
        let members = try #require(story["documents"] as? [[String: Any]])
        #expect(Set(members.compactMap { $0["documentID"] as? String }).isSuperset(of: ["clash", "clash-copy"]))
        let similar = try await server.get("/api/similar?document=clash").json()
        let first = try #require((similar["documents"] as? [[String: Any]])?.first)
        #expect(first["documentID"] as? String == "clash-copy")
        #expect(first["duplicate"] as? Bool == true)
    }

    @Test(arguments: ["day", "week", "month"])
    func timelineCountsEveryDatedIncident(bucket: String) async throws {
        let server = try await server()
        var query = TimelineQuery()
        query.bucket = TimelineQuery.Bucket(rawValue: bucket) ?? .day
        let expected = try await server.store.timeline(query)
        let json = try await server.get("/api/timeline?bucket=\(bucket)").json()
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == expected.count)
        #expect(rows.compactMap { $0["count"] as? Int } == expected.map(\.count))
        #expect(rows.compactMap { $0["period"] as? String } == expected.map(\.period.description))
        let byRoot = try #require(
            try await server.get("/api/timeline?bucket=\(bucket)&group=root").json()["rows"] as? [[String: Any]])
        #expect(byRoot.compactMap { $0["count"] as? Int }.reduce(0, +) == expected.map(\.count).reduce(0, +))
        #expect(byRoot.allSatisfy { ($0["root"] as? String)?.count == 2 })
        if bucket == "month" {
            #expect(
                Set(rows.compactMap { $0["period"] as? String }).isSubset(of: [
                    "2024-03-01", "2024-04-01", "2024-05-01",
                ]))
        }
    }

    @Test func actorsCountBothSides() async throws {
        let server = try await server()
        let json = try await server.get("/api/actors").json()
        let actors = try #require(json["actors"] as? [[String: Any]])
        let events = try await server.store.events(EventQuery())
        for actor in actors {
            let code = try #require(actor["code"] as? String)
            #expect(actor["as_source"] as? Int == events.filter { ($0.event.source.first?.code ?? "") == code }.count)
            #expect(actor["as_target"] as? Int == events.filter { ($0.event.target.first?.code ?? "") == code }.count)
        }
        #expect(actors.contains { $0["code"] as? String == "PAKMIL" || $0["code"] as? String == "PAKGOV" })
    }

    @Test(arguments: [
        ("csv", EventExporter.Format.csv, false), ("jsonl", .ploverJSONL, false), ("acled-csv", .acledCSV, false),
        ("csv", .csv, true), ("acled-csv", .acledCSV, true), ("phoenix-tsv", .phoenixTSV, true),
    ])
    func exportsAreTheExportersBytes(name: String, format: EventExporter.Format, events: Bool) async throws {
        let server = try await server()
        let rows = try await EventExporter.rows(of: server.store, EventQuery(), events: events)
        #expect(!rows.isEmpty)
        let expected = EventExporter(format: format).write(rows)
        let reply = try await server.get("/api/export?format=\(name)&events=\(events)")
        #expect(reply.status == 200)
        #expect(reply.body == Array(expected.utf8))
        var filtered = EventQuery()
        filtered.quadClass = 4
        let some = EventExporter(format: format).write(
            try await EventExporter.rows(of: server.store, filtered, events: events))
        #expect(try await server.get("/api/export?format=\(name)&events=\(events)&quad=4").body == Array(some.utf8))
    }

    @Test func codeReturnsWhatParleyCodePrints() async throws {
        let server = try await server()
        let text = "Police arrested twelve protesters in Peshawar on Monday. India condemned the bombing."
        let reply = try await server.post("/api/code?date=2024-05-21", Array(text.utf8))
        #expect(reply.status == 200)
        var configuration = DocumentReader.Configuration()
        configuration.date = Day(parsing: "2024-05-21")
        let document = try #require(
            try DocumentReader(configuration: configuration).read(data: Data(text.utf8), name: "-").documents.first)
        #expect(reply.text == EventOutput.jsonLine(try server.pipeline(document)) + "\n")
        #expect(reply.text.contains("\"published\": \"2024-05-21\""))
        let counts = try await server.store.counts()
        #expect(counts.documents == 4, "coding stores nothing")

        let lines = Articles.jsonl.split(separator: "\n").prefix(2).joined(separator: "\n")
        let jsonl = try await server.post("/api/code", Array(lines.utf8), contentType: "application/x-ndjson")
        #expect(jsonl.status == 200)
        #expect(jsonl.text.split(separator: "\n").count == 2)
        let html =
            "<html><head><title>Clash</title></head><body><article><p>\(Articles.clash)</p></article></body></html>"
        let page = try await server.post("/api/code?format=html", Array(html.utf8))
        #expect(page.status == 200)
        #expect(page.text.contains("\"events\": [{"))
    }

    @Test(arguments: [
        ([UInt8](), 400, "emptyBody"),
        ([0x50, 0x6F, 0xFF, 0xFE, 0x6C, 0x69], 400, "invalidUTF8"),
        ([0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00], 422, "invalidInput"),
        (Array(repeating: UInt8(ascii: "a"), count: 70_000), 413, "payloadTooLarge"),
        (Array("{\"id\": \"a\", \"text\": \"Troops fired.\"}\n{not json\n".utf8), 400, "invalidInput"),
    ])
    func badBodiesAreRefused(body: [UInt8], status: Int, code: String) async throws {
        let reply = try await server().post(
            "/api/code?format=\(code == "invalidInput" && status == 400 ? "jsonl" : "auto")", body)
        #expect(reply.status == status, "\(reply.text)")
        #expect(try reply.errorCode() == code)
    }

    @Test func codeRejectsABadDate() async throws {
        let reply = try await server().post("/api/code?date=2024-13-40", Array("Troops fired on protesters.".utf8))
        #expect(reply.status == 400)
        #expect(try reply.errorCode() == "invalidArgument")
    }

    @Test func ingestIsForbiddenUnlessAllowed() async throws {
        let server = try await server()
        let reply = try await server.post("/api/ingest", Array("Troops fired on protesters on Monday.".utf8))
        #expect(reply.status == 403)
        #expect(try reply.errorCode() == "ingestDisabled")
        #expect(try await server.store.counts().documents == 4)
    }

    @Test func dashboardAndItsAssetsAreServed() async throws {
        let server = try await server()
        let page = try await server.get("/")
        #expect(page.status == 200)
        #expect(page.contentType.hasPrefix("text/html"))
        #expect(page.text.contains("<svg id=\"timeline\""))
        #expect(page.text.contains("src=\"/app.js\""))
        #expect(!page.text.contains("http://") && !page.text.contains("https://"), "no CDN: the page works offline")
        let script = try await server.get("/app.js")
        #expect(script.status == 200 && script.contentType.hasPrefix("text/javascript"))
        #expect(script.text.contains("/api/events"))
        let style = try await server.get("/app.css")
        #expect(style.status == 200 && style.contentType.hasPrefix("text/css"))
    }
}

@Suite struct EventServerIngestTests {
    @Test func ingestStoresWholeDocumentsAndRefusesBadBatches() async throws {
        let server = try await RunningServer.start(allowIngest: true, filled: false)
        do {
            let bad = Articles.jsonl.split(separator: "\n").prefix(1).joined() + "\n{broken\n"
            let refused = try await server.post("/api/ingest?format=jsonl", Array(bad.utf8))
            #expect(refused.status == 400)
            #expect(try await server.store.counts().documents == 0, "a refused batch stores nothing")

            let reply = try await server.post("/api/ingest?format=jsonl", Array(Articles.jsonl.utf8))
            #expect(reply.status == 200, "\(reply.text)")
            let documents = try #require(try reply.json()["documents"] as? [[String: Any]])
            #expect(
                documents.compactMap { $0["outcome"] as? String } == ["inserted", "inserted", "inserted", "inserted"])
            let again = try await server.post("/api/ingest?format=jsonl", Array(Articles.jsonl.utf8))
            #expect(
                (try again.json()["documents"] as? [[String: Any]])?.compactMap { $0["outcome"] as? String }.allSatisfy
                { $0 == "unchanged" } == true)
            #expect(try await server.store.counts().documents == 4)
            #expect(try await server.store.check().isEmpty)
            let events = try await server.get("/api/events").decode(EventsPage.self)
            #expect(events.total > 0)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func stoppingTheServerClosesItsPort() async throws {
        let server = try await RunningServer.start(filled: false)
        #expect(try await server.get("/api/health").status == 200)
        await server.stop()
        // The client retries a refused connection until its deadline, so a short one.
        await #expect(throws: (any Error).self) { _ = try await server.get("/api/health", timeout: 2) }
    }
}
