import Foundation

/// Reads articles from files or standard input into documents.
///
/// Formats: plain text (a first-line headline becomes the title), HTML pages (article body and
/// metadata extracted), JSON Lines (one article per record, field names configurable) and CoNLL-U
/// (gold tokens kept). With ``Configuration/Format/auto`` the format is taken from the file name
/// (`.html`, `.jsonl`, `.conllu`, `.txt`), else sniffed from the content.
///
/// Bad input never crashes: invalid UTF-8 is repaired with U+FFFD and reported as a warning; empty,
/// binary and oversized input, a missing file and a directory are ``PipelineError``s naming the file;
/// a bad JSONL line is a ``Diagnostic`` with its line number and the other lines go on.
public struct DocumentReader: Sendable {
    /// How to read input.
    public struct Configuration: Sendable {
        /// Input formats.
        public enum Format: String, Sendable, CaseIterable {
            /// Decided per input from the file name, else from the content.
            case auto
            /// Plain UTF-8 text.
            case text
            /// An HTML page (or fragment): the article body is extracted.
            case html
            /// JSON Lines, one article per record.
            case jsonl
            /// CoNLL-U with gold tokens and sentences.
            case conllu
        }

        /// The input format, or `auto` to decide per file.
        public var format: Format = .auto
        /// Largest input accepted, in bytes (for a streamed JSONL file: the largest record).
        public var maxBytes: Int = 20_000_000
        /// Publication date for inputs that carry none.
        public var date: Day?
        /// JSONL field holding the article text (a dotted path such as `article.body` reaches into objects).
        public var textField = "text"
        /// JSONL field holding the document id.
        public var idField = "id"
        /// JSONL field holding the publication date.
        public var dateField = "date"
        /// JSONL field holding the headline.
        public var titleField = "title"
        /// JSONL field holding the article's URL.
        public var urlField = "url"
        /// JSONL field holding the outlet's name.
        public var outletField = "outlet"
        /// Whether a JSONL record whose text is HTML has its article extracted.
        public var extractHTMLInRecords = true

        /// Creates the default configuration.
        public init() {}
    }

    /// What reading one input gave: its documents and the problems met.
    public struct Result: Sendable {
        /// The documents read, in input order.
        public var documents: [Document]
        /// Warnings (repaired UTF-8) and per-record errors (a bad JSONL line) that did not stop the input.
        public var diagnostics: [Diagnostic]

        /// Creates a result.
        public init(documents: [Document] = [], diagnostics: [Diagnostic] = []) {
            self.documents = documents
            self.diagnostics = diagnostics
        }
    }

    /// One item of a document stream: a document, or a problem with one record.
    public enum Item: Sendable {
        /// A document read.
        case document(Document)
        /// A warning, or an error for a record that was skipped.
        case diagnostic(Diagnostic)
    }

    /// The configuration this reader was made with.
    public let configuration: Configuration

    /// Creates a reader.
    /// - Parameter configuration: formats, size limit, default date and JSONL field names.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Reads one path, or standard input when the path is `-`.
    /// - Parameter path: a file path, or `-`.
    /// - Throws: ``PipelineError`` naming the file when it is missing, a directory, unreadable, empty,
    ///   binary or larger than ``Configuration/maxBytes``.
    public func read(path: String) throws -> Result {
        let data: Data
        if path == "-" {
            data = try readLimited(FileHandle.standardInput, name: path)
        } else {
            let size = try checkFile(path)
            if size > configuration.maxBytes { throw tooLarge(size, name: path) }
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw PipelineError(.io, "cannot read: \(error.localizedDescription)", file: path, underlying: error)
            }
        }
        return try read(data: data, name: path)
    }

    /// Reads bytes that came from a file or stream called `name`.
    /// - Parameters:
    ///   - data: the input's bytes.
    ///   - name: the file name (or `-`), used in messages and for document ids.
    /// - Throws: ``PipelineError`` naming `name` when the bytes are empty, binary, too large or not in the format.
    public func read(data: Data, name: String) throws -> Result {
        guard data.count <= configuration.maxBytes else { throw tooLarge(data.count, name: name) }
        guard !data.isEmpty else { throw PipelineError(.invalidInput, "input is empty", file: name) }
        if let reason = TextDecoding.binaryReason(data) {
            throw PipelineError(.invalidInput, "input is binary, not text: \(reason)", file: name)
        }
        let format =
            configuration.format == .auto
            ? DocumentReader.sniffFormat(data.prefix(65_536), name: name) : configuration.format
        switch format {
        case .jsonl:
            try DocumentReader.checkJSONLinesShape(data, name: name)
            var parser = JSONLinesParser(configuration: configuration, name: name)
            var result = Result()
            var lines = LineSplitter(data: data)
            while let (number, line) = lines.next() {
                for item in parser.parse(line: line, number: number) {
                    switch item {
                    case .document(let document): result.documents.append(document)
                    case .diagnostic(let diagnostic): result.diagnostics.append(diagnostic)
                    }
                }
            }
            if parser.records == 0 {
                throw PipelineError(.invalidInput, "input is empty (no JSON records)", file: name)
            }
            return result
        case .html:
            let decoded = DocumentReader.decodeHTML(data)
            try checkNotBlank(decoded.text, name: name)
            let article = HTMLArticleExtractor().extract(decoded.text)
            guard !article.text.isEmpty else {
                throw PipelineError(.invalidInput, "no article text found in the page", file: name)
            }
            var metadata = ArticleMetadata(
                title: article.title, url: article.url, outlet: article.outlet, language: article.language ?? "en",
                published: article.published, publishedSource: article.publishedSource, origin: name)
            applyDefaultDate(&metadata)
            return finish(
                Document(id: DocumentReader.baseName(name), text: article.text, metadata: metadata), decoded, name)
        case .conllu:
            let decoded = TextDecoding.decode(data)
            try checkNotBlank(decoded.text, name: name)
            let sentences = try CoNLLU.parse(decoded.text, file: name)
            var documents = CoNLLU.documents(from: sentences, id: DocumentReader.baseName(name))
            guard !documents.isEmpty else {
                throw PipelineError(.invalidInput, "no sentences in the CoNLL-U input", file: name)
            }
            var result = Result()
            for index in documents.indices {
                documents[index].metadata.origin = name
                applyDefaultDate(&documents[index].metadata)
            }
            if let warning = decoded.warning(file: name) {
                result.diagnostics.append(warning)
                for index in documents.indices { documents[index].warnings.append(warning) }
            }
            result.documents = documents
            return result
        case .text, .auto:
            let decoded = TextDecoding.decode(data)
            try checkNotBlank(decoded.text, name: name)
            var metadata = ArticleMetadata(title: PlainText.headline(in: decoded.text), origin: name)
            applyDefaultDate(&metadata)
            return finish(
                Document(id: DocumentReader.baseName(name), text: decoded.text, metadata: metadata), decoded, name)
        }
    }

    private func finish(_ document: Document, _ decoded: TextDecoding.Decoded, _ name: String) -> Result {
        var document = document
        var result = Result()
        if let warning = decoded.warning(file: name) {
            document.warnings.append(warning)
            result.diagnostics.append(warning)
        }
        result.documents = [document]
        return result
    }

    func applyDefaultDate(_ metadata: inout ArticleMetadata) {
        if metadata.published == nil, let date = configuration.date {
            metadata.published = date
            metadata.publishedSource = .given
        }
    }

    private func checkNotBlank(_ text: String, name: String) throws {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw PipelineError(.invalidInput, "input is empty (only whitespace)", file: name)
        }
    }

    func tooLarge(_ size: Int, name: String) -> PipelineError {
        PipelineError(
            .invalidInput,
            "input is \(size) bytes, over the limit of \(configuration.maxBytes) (raise it with --max-size)",
            file: name)
    }

    /// Checks that a path names a readable regular file and returns its size.
    func checkFile(_ path: String) throws -> Int {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw PipelineError(.io, "no such file", file: path)
        }
        if isDirectory.boolValue {
            throw PipelineError(
                .invalidInput, "is a directory; give the files in it (for example dir/*.html)", file: path)
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw PipelineError(.io, "cannot read: permission denied", file: path)
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Reads a stream to its end, failing as soon as it passes the size limit.
    func readLimited(_ handle: FileHandle, name: String, prefix: Data = Data()) throws -> Data {
        var data = prefix
        while true {
            let chunk: Data
            do {
                chunk = try handle.read(upToCount: 1 << 20) ?? Data()
            } catch {
                throw PipelineError(.io, "cannot read: \(error.localizedDescription)", file: name, underlying: error)
            }
            if chunk.isEmpty { return data }
            data.append(chunk)
            if data.count > configuration.maxBytes { throw tooLarge(data.count, name: name) }
        }
    }

    /// The file name of a path, `stdin` for `-`: the base of document ids.
    static func baseName(_ name: String) -> String {
        name == "-" ? "stdin" : (name as NSString).lastPathComponent
    }

    /// Decodes an HTML page, honouring a declared Latin-1 or Windows-1252 charset when the bytes are not UTF-8.
    static func decodeHTML(_ data: Data) -> TextDecoding.Decoded {
        var decoded = TextDecoding.decode(data)
        guard decoded.repairedBytes > 0 else { return decoded }
        let head = String(decoding: data.prefix(4096), as: UTF8.self).lowercased()
        if let range = head.range(of: "charset=") {
            let name = head[range.upperBound...].drop { $0 == "\"" || $0 == "'" || $0 == " " }
                .prefix { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
            if ["windows-1252", "cp1252", "iso-8859-1", "latin1", "latin-1", "iso-8859-15", "us-ascii", "ascii"]
                .contains(String(name)), let text = String(data: data, encoding: .windowsCP1252)
            {
                decoded = TextDecoding.Decoded(text: text)
            }
        }
        return decoded
    }
}
