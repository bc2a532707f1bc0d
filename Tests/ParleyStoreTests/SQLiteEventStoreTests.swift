import Foundation
import Parley
import ParleyStore
import ParleyTesting
import Testing

@Suite struct SQLiteEventStoreTests {
    @Test(arguments: StoreConformance.names)
    func conformance(_ check: String) async throws {
        let store = try await SQLiteEventStore.inMemory()
        try await StoreConformance.run(check, on: store)
        await store.close()
    }

    @Test func fileStoreUsesWALAndReopens() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("parley.sqlite").path
        let store = try await SQLiteEventStore.open(path: path)
        try await store.store(StoreConformance.document(id: "a", sentences: ["One sentence about a meeting in Doha."]), item: nil)
        let mode = try await store.backend.query("PRAGMA journal_mode").first?.first?.text
        #expect(mode == "wal")
        await store.close()
        let reopened = try await SQLiteEventStore.open(path: path)
        #expect(try await reopened.counts().documents == 1)
        #expect(try await reopened.check().isEmpty)
        await reopened.close()
    }

    @Test func unopenableFileIsAClearError() async throws {
        await #expect(throws: StoreError.self) {
            _ = try await SQLiteEventStore.open(path: "/nonexistent-dir/x/parley.sqlite")
        }
    }
}
