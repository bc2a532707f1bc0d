import Foundation

/// Documents read one at a time, so a large JSON Lines file never has to fit in memory.
///
/// Made by ``DocumentReader/documents(path:)``. For JSON Lines it reads the file in chunks and yields
/// each record as it is parsed (the size limit then applies to each record, not the file); other
/// formats are read whole and yielded from memory.
public struct DocumentStream: Sequence, IteratorProtocol {
    private let source: Source

    fileprivate init(source: Source) {
        self.source = source
    }

    /// The next document or diagnostic, or `nil` at the end of the input.
    public mutating func next() -> DocumentReader.Item? {
        source.next()
    }

    fileprivate class Source {
        func next() -> DocumentReader.Item? { nil }
    }

    fileprivate final class Buffered: Source {
        private var items: [DocumentReader.Item]
        private var index = 0

        init(_ result: DocumentReader.Result) {
            items =
                result.diagnostics.map(DocumentReader.Item.diagnostic)
                + result.documents.map(DocumentReader.Item.document)
        }

        override func next() -> DocumentReader.Item? {
            guard index < items.count else { return nil }
            defer { index += 1 }
            return items[index]
        }
    }

    fileprivate final class Lines: Source {
        private let handle: FileHandle
        private let closesHandle: Bool
        private var parser: JSONLinesParser
        private let maxLineBytes: Int
        private var buffer: Data
        /// Where the unread part of ``buffer`` starts.
        private var start: Data.Index
        private var atEnd = false
        private var lineNumber = 0
        private var pending: [DocumentReader.Item] = []
        private var finished = false

        init(handle: FileHandle, closesHandle: Bool, prefix: Data, parser: JSONLinesParser, maxLineBytes: Int) {
            self.handle = handle
            self.closesHandle = closesHandle
            self.buffer = Data(prefix)
            self.start = self.buffer.startIndex
            self.parser = parser
            self.maxLineBytes = maxLineBytes
        }

        deinit {
            if closesHandle { try? handle.close() }
        }

        override func next() -> DocumentReader.Item? {
            while pending.isEmpty {
                guard !finished else { return nil }
                guard let (number, line, oversized) = nextLine() else {
                    finished = true
                    if closesHandle { try? handle.close() }
                    if parser.records == 0 {
                        return .diagnostic(
                            Diagnostic(.error, file: parser.name, message: "input is empty (no JSON records)"))
                    }
                    return nil
                }
                if let size = oversized {
                    pending = [
                        .diagnostic(
                            Diagnostic(
                                .error, file: parser.name, line: number,
                                message:
                                    "record is \(size) bytes, over the limit of \(maxLineBytes) (raise it with --max-size); line skipped"
                            ))
                    ]
                } else {
                    pending = parser.parse(line: line, number: number)
                }
            }
            return pending.removeFirst()
        }

        /// The next line; for a line over the limit, its size instead of its bytes (which are skipped).
        private func nextLine() -> (Int, Data, Int?)? {
            var skipped: Int?
            while true {
                let offset = start - buffer.startIndex
                let found = buffer.withUnsafeBytes { bytes in bytes[offset...].firstIndex(of: 0x0A) }
                if let found {
                    let newline = buffer.startIndex + found
                    lineNumber += 1
                    var line = buffer[start..<newline]
                    start = newline + 1
                    if let size = skipped { return (lineNumber, Data(), size + line.count) }
                    if line.last == 0x0D { line = line.dropLast() }
                    if line.count > maxLineBytes { return (lineNumber, Data(), line.count) }
                    return (lineNumber, Data(line), nil)
                }
                // Keep only the unfinished line.
                buffer = Data(buffer[start...])
                start = buffer.startIndex
                if buffer.count > maxLineBytes {
                    skipped = (skipped ?? 0) + buffer.count
                    buffer = Data()
                    start = buffer.startIndex
                }
                if atEnd {
                    guard !buffer.isEmpty || skipped != nil else { return nil }
                    lineNumber += 1
                    let line = buffer
                    buffer = Data()
                    start = buffer.startIndex
                    if let size = skipped { return (lineNumber, Data(), size + line.count) }
                    return (lineNumber, line, nil)
                }
                let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
                if let chunk, !chunk.isEmpty {
                    buffer.append(chunk)
                } else {
                    atEnd = true
                }
            }
        }
    }
}

extension DocumentReader {
    /// Reads one path (or `-` for standard input) as a stream of documents.
    ///
    /// A JSON Lines input is parsed record by record as it is read; other formats are read whole.
    /// - Parameter path: a file path, or `-`.
    /// - Throws: ``PipelineError`` naming the file when it is missing, a directory, unreadable, empty or
    ///   binary, or (except for JSON Lines) larger than ``Configuration/maxBytes``.
    public func documents(path: String) throws -> DocumentStream {
        let handle: FileHandle
        if path == "-" {
            handle = FileHandle.standardInput
        } else {
            _ = try checkFile(path)
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            } catch {
                throw PipelineError(.io, "cannot read: \(error.localizedDescription)", file: path, underlying: error)
            }
        }
        let closes = path != "-"
        do {
            var head = Data()
            while head.count < 65_536, let chunk = try handle.read(upToCount: 65_536 - head.count), !chunk.isEmpty {
                head.append(chunk)
            }
            guard !head.isEmpty else { throw PipelineError(.invalidInput, "input is empty", file: path) }
            if let reason = TextDecoding.binaryReason(head) {
                throw PipelineError(.invalidInput, "input is binary, not text: \(reason)", file: path)
            }
            let format =
                configuration.format == .auto ? DocumentReader.sniffFormat(head, name: path) : configuration.format
            if format == .jsonl {
                try DocumentReader.checkJSONLinesShape(head, name: path)
                let parser = JSONLinesParser(configuration: configuration, name: path)
                return DocumentStream(
                    source: DocumentStream.Lines(
                        handle: handle, closesHandle: closes, prefix: head, parser: parser,
                        maxLineBytes: configuration.maxBytes))
            }
            let data = try readLimited(handle, name: path, prefix: head)
            if closes { try? handle.close() }
            return DocumentStream(source: DocumentStream.Buffered(try read(data: data, name: path)))
        } catch let error as PipelineError {
            if closes { try? handle.close() }
            throw error
        } catch {
            if closes { try? handle.close() }
            throw PipelineError(.io, "cannot read: \(error.localizedDescription)", file: path, underlying: error)
        }
    }
}
