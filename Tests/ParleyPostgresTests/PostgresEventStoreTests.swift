import Foundation
import Parley
import ParleyPostgres
import ParleyStore
import ParleyTesting
import Testing

/// Settings from POSTGRES_HOSTNAME, POSTGRES_PORT, POSTGRES_USER, POSTGRES_PASSWORD and POSTGRES_DB.
let postgresSettings: PostgresBackend.Settings? = {
    let environment = ProcessInfo.processInfo.environment
    guard let host = environment["POSTGRES_HOSTNAME"], !host.isEmpty else { return nil }
    return PostgresBackend.Settings(
        host: host, port: environment["POSTGRES_PORT"].flatMap(Int.init) ?? 5432,
        username: environment["POSTGRES_USER"] ?? "postgres", password: environment["POSTGRES_PASSWORD"],
        database: environment["POSTGRES_DB"])
}()

@Suite(.enabled(if: postgresSettings != nil, "POSTGRES_HOSTNAME is not set: no PostgreSQL server to test against"))
struct PostgresEventStoreTests {
    /// A store in a schema of its own, dropped afterwards.
    func withStore(_ body: (SQLEventStore) async throws -> Void) async throws {
        var settings = try #require(postgresSettings)
        settings.schema = "parley_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
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
