import Foundation
import Parley
import ParleyStore
import PostgresNIO

/// The shared store for teams: PostgreSQL through postgres-nio, running the same SQL as SQLite.
public enum PostgresEventStore {
    /// Opens a store at a `postgres://user:password@host:port/database` address and migrates it.
    ///
    /// The query parameter `schema=NAME` keeps the tables in their own schema (created when missing);
    /// `sslmode=require` asks for TLS.
    /// - Throws: ``StoreError/Code/invalidArgument`` for a malformed address, ``StoreError/Code/unavailable``
    ///   when the server cannot be reached or migrated.
    public static func open(url: String) async throws -> SQLEventStore {
        try await SQLEventStore(backend: PostgresBackend(configuration: PostgresBackend.Settings(url: url)))
    }

    /// Opens a store with explicit settings and migrates it.
    /// - Throws: ``StoreError/Code/unavailable`` when the server cannot be reached or migrated.
    public static func open(settings: PostgresBackend.Settings) async throws -> SQLEventStore {
        try await SQLEventStore(backend: PostgresBackend(configuration: settings))
    }
}

/// Runs the store's SQL on PostgreSQL: `?` placeholders become `$1…`, each write is one transaction.
public final class PostgresBackend: SQLBackend {
    /// Where and how to connect.
    public struct Settings: Sendable, Hashable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String?
        /// Schema holding the tables; `nil` for the server's default (`public`).
        public var schema: String?
        public var requireTLS: Bool
        /// Seconds to wait for the server before giving up.
        public var connectTimeout: Double = 15

        public init(
            host: String, port: Int = 5432, username: String, password: String? = nil, database: String? = nil,
            schema: String? = nil, requireTLS: Bool = false
        ) {
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.schema = schema
            self.requireTLS = requireTLS
        }

        /// Settings from `POSTGRES_HOSTNAME`, `POSTGRES_PORT` (5432), `POSTGRES_USER` (`postgres`),
        /// `POSTGRES_PASSWORD` and `POSTGRES_DB`, the variables CI sets; `nil` when no host is set.
        public static func fromEnvironment(
            _ environment: [String: String] = ProcessInfo.processInfo.environment
        ) -> Settings? {
            guard let host = environment["POSTGRES_HOSTNAME"], !host.isEmpty else { return nil }
            return Settings(
                host: host, port: environment["POSTGRES_PORT"].flatMap(Int.init) ?? 5432,
                username: environment["POSTGRES_USER"] ?? "postgres", password: environment["POSTGRES_PASSWORD"],
                database: environment["POSTGRES_DB"])
        }

        /// Reads `postgres://user:password@host:port/database?schema=NAME&sslmode=require`.
        /// - Throws: ``StoreError/Code/invalidArgument`` naming what is wrong.
        public init(url text: String) throws {
            guard let components = URLComponents(string: text), let scheme = components.scheme,
                scheme == "postgres" || scheme == "postgresql"
            else {
                throw StoreError(.invalidArgument, "'\(Self.redacted(text))' is not a postgres:// address")
            }
            guard let host = components.host, !host.isEmpty else {
                throw StoreError(.invalidArgument, "'\(Self.redacted(text))' names no host")
            }
            guard let user = components.user, !user.isEmpty else {
                throw StoreError(.invalidArgument, "'\(Self.redacted(text))' names no user (postgres://USER@HOST/DB)")
            }
            let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
            let items = components.queryItems ?? []
            let schema = items.first { $0.name == "schema" }?.value
            if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) {
                throw StoreError(.invalidArgument, "schema '\(schema)' must be letters, digits and '_'")
            }
            self.init(
                host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
                password: components.password?.removingPercentEncoding, database: database.isEmpty ? nil : database,
                schema: schema, requireTLS: items.contains { $0.name == "sslmode" && $0.value == "require" })
        }

        /// The address with its password hidden, for messages.
        static func redacted(_ text: String) -> String {
            guard var components = URLComponents(string: text), components.password != nil else { return text }
            components.password = "***"
            return components.string ?? text
        }

        var label: String { "postgres://\(username)@\(host):\(port)/\(database ?? "")" }
    }

    public let name = "postgres"
    public let settings: Settings
    let client: PostgresClient
    let runner: Task<Void, Never>
    let logger: Logger

    /// Connects (lazily: the first query opens a connection) and creates the schema when one is named.
    /// - Throws: ``StoreError/Code/unavailable`` when the server cannot be reached.
    public init(configuration settings: Settings) async throws {
        self.settings = settings
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username, password: settings.password,
            database: settings.database, tls: settings.requireTLS ? .require(.makeClientConfiguration()) : .disable)
        configuration.options.maximumConnections = 8
        configuration.options.connectTimeout = .seconds(10)
        if let schema = settings.schema {
            configuration.options.additionalStartupParameters = [("options", "-c search_path=\(schema)")]
        }
        var logger = Logger(label: "parley.postgres")
        logger.logLevel = .critical
        self.logger = logger
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        self.client = client
        runner = Task { await client.run() }
        let quietLogger = logger
        let probe = settings.schema.map { "CREATE SCHEMA IF NOT EXISTS \($0)" } ?? "SELECT 1"
        do {
            try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask {
                    try await client.query(PostgresQuery(unsafeSQL: probe), logger: quietLogger)
                    return true
                }
                group.addTask {
                    try await Task.sleep(for: .seconds(settings.connectTimeout))
                    return false
                }
                let answered = try await group.next() ?? false
                group.cancelAll()
                if !answered {
                    throw StoreError(
                        .unavailable, "\(settings.label): no answer within \(Int(settings.connectTimeout)) s")
                }
            }
        } catch let error as StoreError {
            runner.cancel()
            throw error
        } catch {
            runner.cancel()
            throw StoreError(
                .unavailable, "\(settings.label): cannot connect: \(Self.message(error))", underlying: error)
        }
    }

    deinit {
        runner.cancel()
    }

    /// The SQLSTATE the server answered with (`23505`: unique violation), also inside a transaction error.
    static func sqlState(_ error: any Error) -> String? {
        if let error = error as? PostgresTransactionError {
            return (error.closureError ?? error.beginError ?? error.commitError).flatMap(sqlState)
        }
        return (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func message(_ error: any Error) -> String {
        if let error = error as? PostgresTransactionError {
            if let inner = error.closureError ?? error.beginError ?? error.commitError { return message(inner) }
        }
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// Rewrites `?` placeholders to `$n` and binds the values.
    static func postgresQuery(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var text = ""
        text.reserveCapacity(sql.count + arguments.count * 2)
        var number = 0
        var inString = false
        for character in sql {
            if character == "'" { inString.toggle() }
            if character == "?" && !inString {
                number += 1
                text += "$\(number)"
            } else {
                text.append(character)
            }
        }
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .null: bindings.appendNull()
            case .integer(let value): bindings.append(value)
            case .real(let value): bindings.append(value)
            case .text(let value): bindings.append(value)
            }
        }
        return PostgresQuery(unsafeSQL: text, binds: bindings)
    }

    static func value(_ cell: PostgresCell) throws -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return .integer(try cell.decode(Int64.self))
        case .float4, .float8: return .real(try cell.decode(Double.self))
        case .bool: return .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .numeric:
            let text = try cell.decode(String.self)
            return Double(text).map { .real($0) } ?? .text(text)
        default: return .text(try cell.decode(String.self))
        }
    }

    static func rows(_ sequence: PostgresRowSequence) async throws -> [[SQLValue]] {
        var result: [[SQLValue]] = []
        for try await row in sequence {
            result.append(try row.map(value))
        }
        return result
    }

    public func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [[SQLValue]] {
        do {
            return try await Self.rows(client.query(Self.postgresQuery(sql, arguments), logger: logger))
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.queryFailed, "postgres: \(Self.message(error))", underlying: error)
        }
    }

    public func write(_ statements: [SQLStatement]) async throws {
        do {
            try await client.withTransaction(logger: logger) { connection in
                for statement in statements {
                    try await connection.query(Self.postgresQuery(statement.sql, statement.arguments), logger: logger)
                }
            }
        } catch {
            let code: StoreError.Code = Self.sqlState(error) == "23505" ? .conflict : .queryFailed
            throw StoreError(code, "postgres: \(Self.message(error))", underlying: error)
        }
    }

    public func migrate(_ migrations: [StoreMigration]) async throws {
        do {
            try await client.query(
                "CREATE TABLE IF NOT EXISTS parley_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)",
                logger: logger)
            for migration in migrations {
                try await client.withTransaction(logger: logger) { connection in
                    // One migrator at a time, across processes.
                    try await connection.query("SELECT pg_advisory_xact_lock(72657318)", logger: logger)
                    let done = try await Self.rows(
                        connection.query(
                            Self.postgresQuery(
                                "SELECT name FROM parley_migrations WHERE name = ?", [.text(migration.name)]),
                            logger: logger))
                    guard done.isEmpty else { return }
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await connection.query(
                        Self.postgresQuery(
                            "INSERT INTO parley_migrations (name, applied_at) VALUES (?, ?)",
                            [.text(migration.name), .text(ISO8601DateFormatter().string(from: Date()))]),
                        logger: logger)
                }
            }
        } catch {
            throw StoreError(
                .unavailable, "\(settings.label): cannot migrate: \(Self.message(error))", underlying: error)
        }
    }

    public func integrityProblems() async throws -> [String] {
        // PostgreSQL checks its own pages; the store's cross-table checks run in SQLEventStore.
        []
    }

    public func close() async {
        runner.cancel()
    }

    /// Drops the schema this backend works in, with everything in it (for tests).
    /// - Throws: ``StoreError`` when the drop fails.
    public func dropSchema() async throws {
        guard let schema = settings.schema else { return }
        _ = try await query("DROP SCHEMA IF EXISTS \(schema) CASCADE")
    }
}
