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
        let directory = try temporaryFolder("parley-store")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("parley.sqlite").path
        let store = try await SQLiteEventStore.open(path: path)
        try await store.store(
            StoreConformance.document(id: "a", sentences: ["One sentence about a meeting in Doha."]), item: nil)
        let mode = try await store.backend.query("PRAGMA journal_mode").first?.first?.text
        #expect(mode == "wal")
        await store.close()
        let reopened = try await SQLiteEventStore.open(path: path)
        #expect(try await reopened.counts().documents == 1)
        #expect(try await reopened.check().isEmpty)
        await reopened.close()
    }

    /// A folder or a path in a missing folder used to give only "SQLite error 14: unable to open database file".
    @Test func aFolderOrAMissingFolderIsNamedAsSuch() async throws {
        let directory = try temporaryFolder("parley-open")
        defer { try? FileManager.default.removeItem(at: directory) }
        await #expect {
            _ = try await SQLiteEventStore.open(path: directory.path)
        } throws: { error in
            (error as? StoreError)?.message.contains("it is a folder") == true
        }
        await #expect {
            _ = try await SQLiteEventStore.open(path: directory.path + "/missing/parley.sqlite")
        } throws: { error in
            (error as? StoreError)?.message.contains("the folder \(directory.path)/missing does not exist") == true
        }
    }

    @Test func unopenableFileIsAClearError() async throws {
        await #expect(throws: StoreError.self) {
            _ = try await SQLiteEventStore.open(path: "/nonexistent-dir/x/parley.sqlite")
        }
    }
}

@Suite struct StoreMigrationTests {
    @Test func documentsStoredBeforeBandRowsAreBackfilled() async throws {
        let directory = try temporaryFolder("parley-migrate")
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("parley.sqlite").path
        // A store as the first schema left it, with one document in its old form.
        let old = StoreConformance.document(
            id: "old",
            sentences: [
                "Pakistani troops clashed with Taliban fighters near the border town of Chaman on Saturday.",
                "Officials said at least three people were killed in the fighting near the crossing.",
                "The border crossing was closed to traffic and trade for the rest of the day.",
            ])
        let fingerprint = Fingerprint(old)
        let backend = try SQLiteBackend(path: path)
        try await backend.migrate([StoreSchema.migrations[0]])
        let body = String(decoding: try JSONEncoder().encode(old), as: UTF8.self)
        try await backend.write([
            SQLStatement(
                """
                INSERT INTO documents (key, id, version, text_hash, shingle_count, word_count, event_count, body, stored_at)
                VALUES (?, 'old', 1, ?, ?, ?, 0, ?, '2024-01-01T00:00:00Z')
                """,
                [
                    .text(fingerprint.key), .text(fingerprint.textHash), .integer(Int64(fingerprint.shingleCount)),
                    .integer(Int64(fingerprint.wordCount)), .text(body),
                ])
        ])
        await backend.close()
        let store = try await SQLiteEventStore.open(path: path)
        #expect(try await store.check().isEmpty)
        #expect(try await store.document("old")?.document == old)
        var copy = old
        copy.id = "copy"
        copy.text = "BREAKING: " + old.text
        try await store.store(copy, item: nil)
        #expect(try await store.document("copy")?.duplicateOf == fingerprint.key)
        await store.close()
    }
}

@Suite struct TokenTableTests {
    @Test func roundTripsEveryField() {
        let text = "Don't\tstop: \\n"
        var first = Token(range: 0..<2, form: "Do")
        first.multiwordStart = 0
        first.lemma = "do"
        first.upos = "AUX"
        first.features = "Mood=Ind|Tense=Pres"
        first.head = 2
        first.relation = "aux"
        var second = Token(range: 2..<5, form: "n't", spaceAfter: false)
        second.multiwordStart = 0
        second.lemma = "not"
        var third = Token(range: 6..<10, form: "stop")
        third.lemma = "stop"
        third.xpos = ""
        var fourth = Token(range: 12..<14, form: "\\n")
        fourth.lemma = "\t\\"
        let tokens = [first, second, third, fourth, Token(range: 10..<11, form: "")]
        let table = TokenTable.encode(tokens, text: text)
        #expect(TokenTable.decode(table, text: text) == tokens)
        #expect(TokenTable.encode([], text: text).isEmpty)
    }

    @Test func malformedTablesAreRejected() {
        #expect(TokenTable.decode("1\t2\tx", text: "abc") == nil)
        #expect(TokenTable.decode("5\t9\t\\s\t1\t\t\t\t\t\t\t", text: "abc") == nil)
    }
}
