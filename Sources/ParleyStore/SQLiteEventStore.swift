import Foundation
import GRDB

/// The default store: one SQLite file (`parley.sqlite`) in WAL mode, through GRDB.
public enum SQLiteEventStore {
    /// Opens (creating when missing) a store file and migrates it.
    /// - Parameter path: the database file, `parley.sqlite` in the working directory by default.
    /// - Throws: ``StoreError/Code/unavailable`` when the file cannot be opened or migrated.
    public static func open(path: String = "parley.sqlite") async throws -> SQLEventStore {
        try await SQLEventStore(backend: SQLiteBackend(path: path))
    }

    /// A private in-memory store, for tests and one-off runs.
    /// - Throws: ``StoreError`` when SQLite cannot start.
    public static func inMemory() async throws -> SQLEventStore {
        try await SQLEventStore(backend: SQLiteBackend(path: nil))
    }
}

/// Runs the store's SQL on SQLite through GRDB.
public struct SQLiteBackend: SQLBackend {
    public let name = "sqlite"
    let writer: any DatabaseWriter
    /// The database file, or `nil` in memory.
    public let path: String?

    /// Opens a database file (WAL mode, `synchronous = NORMAL`), or an in-memory database when `path` is `nil`.
    /// - Throws: ``StoreError/Code/unavailable`` when the file cannot be opened.
    public init(path: String?) throws {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            // Incident and band lookups touch pages all over the file: keep them in memory, not in read calls.
            try db.execute(sql: "PRAGMA cache_size = -65536")
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
            try db.execute(sql: "PRAGMA temp_store = MEMORY")
            // Fewer, larger checkpoints (each one syncs the file); the WAL still folds in on close.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 4000")
        }
        do {
            if let path {
                writer = try DatabasePool(path: path, configuration: configuration)
            } else {
                writer = try DatabaseQueue(configuration: configuration)
            }
        } catch {
            throw StoreError(
                .unavailable, "\(path ?? ":memory:"): cannot open the SQLite store: \(Self.explain(error, path: path))",
                underlying: error)
        }
    }

    /// What an opening failure means for the user: a folder given as the store, a missing folder, a read-only file.
    static func explain(_ error: any Error, path: String?) -> String {
        guard let path else { return "\(error)" }
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
        if exists && isFolder.boolValue { return "it is a folder; give a file such as \(path)/parley.sqlite" }
        let folder = (path as NSString).deletingLastPathComponent
        if !exists, !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) {
            return "the folder \(folder) does not exist"
        }
        if let error = error as? DatabaseError, error.resultCode == .SQLITE_READONLY {
            return "it is read-only (SQLite also writes \(path)-wal and -shm beside it): \(error.message ?? "\(error)")"
        }
        return "\(error)"
    }

    public func migrate(_ migrations: [StoreMigration]) async throws {
        var migrator = DatabaseMigrator()
        for migration in migrations {
            let statements = migration.sqlite ?? migration.statements
            migrator.registerMigration(migration.name) { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        }
        do {
            try migrator.migrate(writer)
        } catch {
            throw StoreError(
                .unavailable, "\(path ?? ":memory:"): cannot migrate the store: \(error)", underlying: error)
        }
    }

    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(
            values.map { value -> (any DatabaseValueConvertible)? in
                switch value {
                case .null: return nil
                case .integer(let number): return number
                case .real(let number): return number
                case .text(let text): return text
                }
            })
    }

    static func value(_ value: DatabaseValue) -> SQLValue {
        switch value.storage {
        case .null: return .null
        case .int64(let number): return .integer(number)
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .blob(let data): return .text(String(decoding: data, as: UTF8.self))
        }
    }

    public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [[SQLValue]] {
        do {
            return try await writer.read { db in
                try Row.fetchAll(db.cachedStatement(sql: sql), arguments: Self.arguments(arguments)).map { row in
                    row.map { Self.value($0.1) }
                }
            }
        } catch {
            throw StoreError(.queryFailed, "sqlite: \(error)", underlying: error)
        }
    }

    public func queries(_ statements: [SQLStatement]) async throws -> [[[SQLValue]]] {
        do {
            return try await writer.read { db in
                try statements.map { statement in
                    try Row.fetchAll(
                        db.cachedStatement(sql: statement.sql), arguments: Self.arguments(statement.arguments)
                    )
                    .map { row in row.map { Self.value($0.1) } }
                }
            }
        } catch {
            throw StoreError(.queryFailed, "sqlite: \(error)", underlying: error)
        }
    }

    public func write(_ statements: [SQLStatement]) async throws {
        do {
            try await writer.write { db in
                for statement in statements {
                    try db.cachedStatement(sql: statement.sql).execute(arguments: Self.arguments(statement.arguments))
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError(.conflict, "sqlite: \(error.message ?? "\(error)")", underlying: error)
        } catch {
            throw StoreError(.queryFailed, "sqlite: \(error)", underlying: error)
        }
    }

    public func integrityProblems() async throws -> [String] {
        do {
            let rows = try await writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            return rows == ["ok"] ? [] : rows.map { "sqlite integrity_check: \($0)" }
        } catch {
            throw StoreError(.queryFailed, "sqlite: \(error)", underlying: error)
        }
    }

    public func close() async {
        // GRDB closes the writer before the read-only readers, so no connection folds the write-ahead log
        // back into the file: do it here, or the `.sqlite` file alone (a copy, a backup) holds nothing.
        if let pool = writer as? DatabasePool {
            _ = try? await pool.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
        try? (writer as? DatabasePool)?.close()
        try? (writer as? DatabaseQueue)?.close()
    }
}
