import Foundation

/// The one error type of the `Parley` module: callers match on ``code``.
///
/// Messages point at the input (`actors.txt:12:4: unknown code 'XXX'`) and leave article text out.
public struct PipelineError: Error, CustomStringConvertible, Sendable {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let name: String
        public init(_ name: String) { self.name = name }
        public var description: String { name }

        /// A stage requires a layer that no earlier stage assigns.
        public static let unmetRequirement = Code("unmetRequirement")
        /// A stage failed on a document.
        public static let stageFailed = Code("stageFailed")
        /// The input is empty, binary, too large or malformed.
        public static let invalidInput = Code("invalidInput")
        /// A file could not be read or written.
        public static let io = Code("io")
        /// A model file is missing, truncated or from another version.
        public static let invalidModel = Code("invalidModel")
        /// A lexicon or dictionary file is malformed.
        public static let invalidLexicon = Code("invalidLexicon")
        /// A date that cannot exist or cannot be read.
        public static let invalidDate = Code("invalidDate")
    }

    public var code: Code
    /// The stage that failed, when a stage failed.
    public var stage: String?
    /// What went wrong, where, and what to do.
    public var message: String
    /// The file the problem is in, when there is one.
    public var file: String?
    /// One-based line and column, when known.
    public var line: Int?
    public var column: Int?
    public var underlying: (any Error)?

    /// Creates an error.
    public init(
        _ code: Code, _ message: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
        stage: String? = nil, underlying: (any Error)? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.stage = stage
        self.underlying = underlying
    }

    public var description: String {
        var location = file ?? ""
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = location.isEmpty ? message : "\(location): \(message)"
        if let stage { text = "[\(stage)] " + text }
        return text
    }
}
