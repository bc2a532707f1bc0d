import Foundation

/// A value bound to or read from a SQL statement; the same four kinds exist in SQLite and PostgreSQL.
public enum SQLValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    /// The value as text, or `nil`.
    public var text: String? {
        switch self {
        case .text(let value): return value
        case .integer(let value): return String(value)
        case .real(let value): return String(value)
        case .null: return nil
        }
    }

    /// The value as an integer, or `nil`.
    public var integer: Int? {
        switch self {
        case .integer(let value): return Int(value)
        case .real(let value): return Int(value)
        case .text(let value): return Int(value)
        case .null: return nil
        }
    }

    /// The value as a double, or `nil`.
    public var real: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        case .text(let value): return Double(value)
        case .null: return nil
        }
    }

    /// Wraps an optional string.
    public static func from(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }
    /// Wraps an optional integer.
    public static func from(_ value: Int?) -> SQLValue { value.map { .integer(Int64($0)) } ?? .null }
    /// Wraps an optional double.
    public static func from(_ value: Double?) -> SQLValue { value.map { .real($0) } ?? .null }
}

/// One SQL statement with `?` placeholders and its arguments.
public struct SQLStatement: Sendable, Hashable {
    public var sql: String
    public var arguments: [SQLValue]

    /// Creates a statement.
    public init(_ sql: String, _ arguments: [SQLValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }
}

/// The few things a database must do for ``SQLEventStore``: SQL is written once, with `?` placeholders
/// and types both SQLite and PostgreSQL accept (`TEXT`, `BIGINT`, `DOUBLE PRECISION`).
public protocol SQLBackend: Sendable {
    /// A short name for messages (`sqlite`, `postgres`).
    var name: String { get }
    /// Applies the migrations not yet applied, each in its own transaction, in order.
    /// - Throws: ``StoreError`` when a migration fails.
    func migrate(_ migrations: [StoreMigration]) async throws
    /// Runs a query and returns its rows, columns in select order.
    /// - Throws: ``StoreError`` when the query fails.
    func query(_ sql: String, _ arguments: [SQLValue]) async throws -> [[SQLValue]]
    /// Runs several queries, in order, in one read of the database; one result per query.
    /// - Throws: ``StoreError`` when a query fails.
    func queries(_ statements: [SQLStatement]) async throws -> [[[SQLValue]]]
    /// Runs statements in one transaction: all of them take effect, or none.
    /// - Throws: ``StoreError`` when a statement fails, ``StoreError/Code/conflict`` when it breaks a unique
    ///   key (another writer stored the same rows first); nothing is written then.
    func write(_ statements: [SQLStatement]) async throws
    /// Database-level consistency problems (`PRAGMA integrity_check` in SQLite); empty when sound.
    func integrityProblems() async throws -> [String]
    /// Releases connections.
    func close() async
}

/// A named schema change, applied once.
public struct StoreMigration: Sendable {
    public var name: String
    public var statements: [String]
    /// Statements SQLite runs instead, when its better form is not portable (`WITHOUT ROWID`).
    public var sqlite: [String]?

    public init(name: String, statements: [String], sqlite: [String]? = nil) {
        self.name = name
        self.statements = statements
        self.sqlite = sqlite
    }
}

/// The one error type of `ParleyStore` and its backends: callers match on ``code``.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// The store could not be opened or reached.
        public static let unavailable = Code("unavailable")
        /// A statement failed.
        public static let queryFailed = Code("queryFailed")
        /// A stored value could not be decoded.
        public static let corrupt = Code("corrupt")
        /// A requested document or incident does not exist.
        public static let notFound = Code("notFound")
        /// A store address or query argument is malformed.
        public static let invalidArgument = Code("invalidArgument")
        /// Fetching a URL failed.
        public static let fetchFailed = Code("fetchFailed")
        /// A write collided with rows another writer stored meanwhile (a unique key taken); nothing was
        /// written, and reading again and retrying succeeds.
        public static let conflict = Code("conflict")
    }

    public var code: Code
    /// What went wrong and what to do.
    public var message: String
    public var underlying: (any Error)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, underlying: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.underlying = underlying
    }

    public var description: String { message }
}

/// Serializes async critical sections (a read-then-write that must not interleave with another).
actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func lock() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func unlock() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock()
        do {
            let result = try await body()
            unlock()
            return result
        } catch {
            unlock()
            throw error
        }
    }
}

extension SQLBackend {
    /// Runs the queries one at a time.
    /// - Throws: ``StoreError`` when a query fails.
    public func queries(_ statements: [SQLStatement]) async throws -> [[[SQLValue]]] {
        var results: [[[SQLValue]]] = []
        for statement in statements { results.append(try await query(statement.sql, statement.arguments)) }
        return results
    }

    /// Runs a query without arguments.
    /// - Throws: ``StoreError`` when the query fails.
    public func query(_ sql: String) async throws -> [[SQLValue]] {
        try await query(sql, [])
    }
}
