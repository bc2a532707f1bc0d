import Foundation
import Parley
import ParleyPostgres
import ParleyServer
import ParleyStore
import Testing

/// The PostgreSQL server CI starts, if any (`POSTGRES_HOSTNAME` and the other `POSTGRES_*` variables).
let serverPostgresSettings = PostgresBackend.Settings.fromEnvironment()

@Suite(
    .enabled(if: serverPostgresSettings != nil, "POSTGRES_HOSTNAME is not set: no PostgreSQL server to test against"))
struct PostgresServerTests {
    @Test func servesAPostgresStoreLikeSQLite() async throws {
        var settings = try #require(serverPostgresSettings)
        // The store's own Postgres tests may hold every connection the server allows for a while.
        settings.connectTimeout = 120
        settings.schema =
            "parley_server_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let backend = try await PostgresBackend(configuration: settings)
        let store = try await SQLEventStore(backend: backend)
        let server = try await RunningServer.start(store: store)
        do {
            let health = try await server.get("/api/health").json()
            #expect(health["backend"] as? String == "postgres")
            let page = try await server.get("/api/events?limit=3&offset=1").decode(EventsPage.self)
            #expect(page.total == (try await store.events(EventQuery()).count))
            #expect(page.events.count == 3)
            let sqlite = try await RunningServer.shared.value
            // The same articles give the same rows on both backends.
            for path in [
                "/api/export?format=csv&events=true", "/api/export?format=acled-csv", "/api/timeline?bucket=month",
            ] {
                let (fromPostgres, fromSQLite) = (try await server.get(path), try await sqlite.get(path))
                #expect(fromPostgres.status == 200)
                #expect(fromPostgres.text == fromSQLite.text, "\(path)")
            }
            #expect(try await server.get("/api/actors").text == (try await sqlite.get("/api/actors")).text)
            #expect(try await server.get("/api/events?quad=9").status == 400)
        } catch {
            await server.stop()
            try? await backend.dropSchema()
            await store.close()
            throw error
        }
        await server.stop()
        try await backend.dropSchema()
        await store.close()
    }
}
