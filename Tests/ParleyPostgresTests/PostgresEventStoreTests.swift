import Foundation
import Parley
import ParleyPostgres
import ParleyStore
import ParleyTesting
import Testing

/// The PostgreSQL server CI starts, if any (`POSTGRES_HOSTNAME` and the other `POSTGRES_*` variables).
let postgresSettings = PostgresBackend.Settings.fromEnvironment()

@Suite(.enabled(if: postgresSettings != nil, "POSTGRES_HOSTNAME is not set: no PostgreSQL server to test against"))
struct PostgresEventStoreTests {
    /// A store in a schema of its own, dropped afterwards.
    func withStore(_ body: (SQLEventStore) async throws -> Void) async throws {
        var settings = try #require(postgresSettings)
        settings.schema =
            "parley_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let backend = try await PostgresBackend(configuration: settings)
        let store = try await SQLEventStore(backend: backend)
        do {
            try await body(store)
        } catch {
            try? await backend.dropSchema()
            await store.close()
            throw error
        }
        try await backend.dropSchema()
        await store.close()
    }

    @Test(arguments: StoreConformance.names)
    func conformance(_ check: String) async throws {
        try await withStore { store in try await StoreConformance.run(check, on: store) }
    }

    @Test func migratingTwiceIsHarmless() async throws {
        try await withStore { store in
            try await store.backend.migrate(StoreSchema.migrations)
            #expect(try await store.counts().documents == 0)
        }
    }
}

@Suite struct PostgresSettingsTests {
    @Test func readsAnAddress() throws {
        let settings = try PostgresBackend.Settings(url: "postgres://ann:s%40cret@db.example:6543/events?schema=team_a")
        #expect(settings.host == "db.example" && settings.port == 6543 && settings.username == "ann")
        #expect(settings.password == "s@cret" && settings.database == "events" && settings.schema == "team_a")
    }

    @Test func readsTheEnvironmentCISets() throws {
        #expect(PostgresBackend.Settings.fromEnvironment(["POSTGRES_PORT": "5433"]) == nil)
        let settings = try #require(
            PostgresBackend.Settings.fromEnvironment(["POSTGRES_HOSTNAME": "db", "POSTGRES_DB": "parley"]))
        #expect(settings.host == "db" && settings.port == 5432 && settings.username == "postgres")
        #expect(settings.database == "parley" && settings.password == nil)
    }

    @Test(arguments: ["mysql://a@b/c", "postgres:///c", "postgres://host/db", "postgres://u@h/d?schema=x;drop"])
    func rejectsBadAddresses(_ text: String) {
        #expect(throws: StoreError.self) { try PostgresBackend.Settings(url: text) }
    }

    @Test func unreachableServerIsAClearError() async throws {
        var settings = PostgresBackend.Settings(host: "127.0.0.1", port: 1, username: "nobody", schema: "s")
        settings.connectTimeout = 2
        await #expect(throws: StoreError.self) { _ = try await PostgresEventStore.open(settings: settings) }
    }
}
