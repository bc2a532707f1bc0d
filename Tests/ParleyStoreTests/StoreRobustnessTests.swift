import Foundation
import Parley
import ParleyStore
import ParleyTesting
import Testing

/// A backend that lets another writer store a document just before its first write, as a second
/// `parley ingest` on the same store would.
final class RacingBackend: SQLBackend, @unchecked Sendable {
    let inner: any SQLBackend
    let name = "racing"
    private let lock = NSLock()
    private var rival: (@Sendable () async throws -> Void)?

    init(_ inner: any SQLBackend, rival: @escaping @Sendable () async throws -> Void) {
        self.inner = inner
        self.rival = rival
    }

    func migrate(_ migrations: [StoreMigration]) async throws { try await inner.migrate(migrations) }
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [[SQLValue]] {
        try await inner.query(sql, arguments)
    }
    func queries(_ statements: [SQLStatement]) async throws -> [[[SQLValue]]] { try await inner.queries(statements) }
    func write(_ statements: [SQLStatement]) async throws {
        let rival = lock.withLock {
            defer { self.rival = nil }
            return self.rival
        }
        try await rival?()
        try await inner.write(statements)
    }
    func integrityProblems() async throws -> [String] { try await inner.integrityProblems() }
    func close() async { await inner.close() }
}

@Suite struct StoreRobustnessTests {
    static let article = StoreConformance.document(
        id: "race", sentences: ["Envoys of both sides met in Doha on Saturday to discuss a ceasefire."])

    /// Two `parley ingest` runs on one store both read that a document is missing, then both insert it:
    /// the second used to fail with SQLite's "UNIQUE constraint failed: documents.key" and stop the run.
    @Test func aDocumentStoredMeanwhileByAnotherWriterIsUnchanged() async throws {
        let inner = try SQLiteBackend(path: nil)
        let other = try await SQLEventStore(backend: inner)
        let racing = try await SQLEventStore(
            backend: RacingBackend(inner) { try await other.store(Self.article, item: nil) })
        let outcome = try await racing.store(Self.article, item: nil)
        #expect(outcome == .unchanged)
        #expect(try await racing.counts().documents == 1)
        #expect(try await racing.check().isEmpty)
        await racing.close()
    }

    /// Closing a file store folds its write-ahead log into the file: a copy of `parley.sqlite` alone
    /// (a backup, a file sent to a colleague) used to hold no documents at all.
    @Test func closingFoldsTheLogIntoTheFile() async throws {
        let directory = try temporaryFolder("parley-close")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("parley.sqlite").path
        let store = try await SQLiteEventStore.open(path: path)
        try await store.store(Self.article, item: nil)
        _ = try await store.events(EventQuery())
        await store.close()
        let copy = directory.appendingPathComponent("copy.sqlite").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        let reopened = try await SQLiteEventStore.open(path: copy)
        #expect(try await reopened.counts().documents == 1)
        await reopened.close()
    }
}
