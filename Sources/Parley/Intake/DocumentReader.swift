import Foundation

/// Reads articles from files or standard input into documents.
///
/// The format is taken from the file name (`.html`/`.htm`, `.jsonl`/`.ndjson`, else plain text)
/// unless ``Configuration/format`` says otherwise.
public struct DocumentReader: Sendable {
    /// How to read input.
    public struct Configuration: Sendable {
        /// Input formats.
        public enum Format: String, Sendable, CaseIterable {
            case auto, text, html, jsonl, conllu
        }

        public var format: Format = .auto
        /// Largest input accepted, in bytes.
        public var maxBytes: Int = 20_000_000
        /// Publication date for inputs that carry none.
        public var date: Day?
        /// JSONL field names.
        public var textField = "text"
        public var idField = "id"
        public var dateField = "date"
        public var titleField = "title"
        public var urlField = "url"

        public init() {}
    }

    /// What reading one input gave: its documents and the problems met.
    public struct Result: Sendable {
        public var documents: [Document]
        /// Warnings (repaired UTF-8) and per-record errors (a bad JSONL line) that did not stop the input.
        public var diagnostics: [Diagnostic]

        public init(documents: [Document] = [], diagnostics: [Diagnostic] = []) {
            self.documents = documents
            self.diagnostics = diagnostics
        }
    }

    public let configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Reads one path, or standard input when the path is `-`.
    /// - Throws: ``PipelineError`` naming the file when it cannot be read, is empty, binary or too large.
    public func read(path: String) throws -> Result {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            let url = URL(fileURLWithPath: path)
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes?[.size] as? Int, size > configuration.maxBytes {
                throw PipelineError(
                    .invalidInput, "file is \(size) bytes, over the limit of \(configuration.maxBytes) (raise it with --max-size)",
                    file: path)
            }
            do {
                data = try Data(contentsOf: url)
            } catch {
                throw PipelineError(.io, "cannot read: \(error.localizedDescription)", file: path, underlying: error)
            }
        }
        return try read(data: data, name: path)
    }

    /// Reads bytes that came from a file or stream called `name`.
    /// - Throws: ``PipelineError`` naming `name` when the bytes are empty, binary or too large.
    public func read(data: Data, name: String) throws -> Result {
        guard data.count <= configuration.maxBytes else {
            throw PipelineError(
                .invalidInput, "input is \(data.count) bytes, over the limit of \(configuration.maxBytes)", file: name)
        }
        let text = String(decoding: data, as: UTF8.self)
        guard !text.allSatisfy(\.isWhitespace) else {
            throw PipelineError(.invalidInput, "input is empty", file: name)
        }
        let id = (name as NSString).lastPathComponent
        let document = Document(
            id: id == "-" ? "stdin" : id, text: text,
            metadata: ArticleMetadata(published: configuration.date, origin: name))
        return Result(documents: [document])
    }
}
