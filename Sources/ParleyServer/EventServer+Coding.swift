import Foundation
import Hummingbird
import Parley
import ParleyStore

extension EventServer {
    /// Reads a posted body into documents: text, an HTML page or JSON Lines, checked whole before any is used.
    /// - Throws: ``APIError``: 413 over the size limit, 400 for an empty, binary or non-UTF-8 body, a bad
    ///   parameter or a bad JSON line (with its line number); 422 for input the reader refuses.
    func postedDocuments(_ request: Request) async throws -> [Document] {
        let parameters = try QueryParameters(request, allowed: ["date", "format", "name"])
        let limit = configuration.maxBodyBytes
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw APIError(
                .contentTooLarge, "payloadTooLarge", "the body is \(length) bytes, over the limit of \(limit)")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
        } catch let error as any HTTPResponseError where error.status == .contentTooLarge {
            throw APIError(.contentTooLarge, "payloadTooLarge", "the body is over the limit of \(limit) bytes")
        }
        let data = Data(buffer.readableBytesView)
        guard !data.isEmpty else {
            throw APIError(.badRequest, "emptyBody", "the body is empty: post the text, HTML or JSON Lines to code")
        }
        guard String(validating: data, as: UTF8.self) != nil else {
            throw APIError(
                .badRequest, "invalidUTF8",
                "the body is not UTF-8 text (binary data or another encoding); post UTF-8 text, HTML or JSON Lines")
        }
        var reader = DocumentReader.Configuration()
        reader.maxBytes = limit
        let format = try parameters.choice("format", ["auto", "text", "html", "jsonl"], default: "auto")
        reader.format = DocumentReader.Configuration.Format(rawValue: format) ?? .auto
        if reader.format == .auto, let type = request.headers[.contentType]?.lowercased() {
            if type.contains("html") { reader.format = .html }
            if type.contains("ndjson") || type.contains("jsonl") || type.contains("json-seq") { reader.format = .jsonl }
        }
        if let date = parameters["date"] {
            guard let day = Day(parsing: date) else {
                throw APIError(.badRequest, "invalidArgument", "date '\(date)' is not a date (YYYY-MM-DD)")
            }
            reader.date = day
        }
        let name = parameters["name"] ?? "-"
        guard name.count <= 200 else {
            throw APIError(.badRequest, "invalidArgument", "name is at most 200 characters")
        }
        let result = try DocumentReader(configuration: reader).read(data: data, name: name)
        if let problem = result.diagnostics.first(where: { $0.severity == .error }) {
            throw APIError(.badRequest, "invalidInput", problem.description + " (nothing was coded)")
        }
        return result.documents
    }

    /// `POST /api/code`: the JSON line `parley code -o jsonl` prints for each posted document; nothing is stored.
    func code(_ request: Request) async throws -> Response {
        let documents = try await postedDocuments(request)
        var output = ""
        for document in documents { output += EventOutput.jsonLine(try pipeline(document)) + "\n" }
        return Response(
            status: .ok, headers: [.contentType: "application/x-ndjson"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: output)))
    }

    /// `POST /api/ingest`: codes the posted documents and stores each in its own transaction; 403 unless the
    /// server was started with ingesting allowed.
    func ingest(_ request: Request) async throws -> Response {
        struct Stored: Encodable {
            var id: String
            var outcome: StoreOutcome
            var events: Int
        }
        guard configuration.allowIngest else {
            throw APIError(.forbidden, "ingestDisabled", "ingesting is off; start the server with --allow-ingest")
        }
        let documents = try await postedDocuments(request)
        // Every document is coded before the first is stored, so a failure stores none of them.
        let coded = try documents.map { try pipeline($0) }
        var stored: [Stored] = []
        for document in coded {
            let outcome = try await store.store(document, item: "api:" + document.id)
            stored.append(Stored(id: document.id, outcome: outcome, events: document.events.count))
        }
        return JSONBody.response(["documents": stored])
    }
}
