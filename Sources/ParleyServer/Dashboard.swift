import Foundation
import Hummingbird
import Parley

/// The dashboard's files, read once from the target's resources and served from memory.
struct Dashboard: Sendable {
    struct Asset: Sendable {
        var contentType: String
        var bytes: Data
    }

    /// Assets by URL path (`/`, `/app.js`, `/app.css`).
    var assets: [String: Asset]

    static let files: [(path: String, name: String, ext: String, type: String)] = [
        ("/", "index", "html", "text/html; charset=utf-8"),
        ("/app.js", "app", "js", "text/javascript; charset=utf-8"),
        ("/app.css", "app", "css", "text/css; charset=utf-8"),
    ]

    /// The dashboard bundled with the server.
    /// - Throws: ``PipelineError`` when a file is missing from the bundle.
    static func bundled() throws -> Dashboard {
        var assets: [String: Asset] = [:]
        for file in files {
            guard
                let url = Bundle.module.url(
                    forResource: file.name, withExtension: file.ext, subdirectory: "Resources/dashboard"),
                let bytes = try? Data(contentsOf: url)
            else {
                throw PipelineError(
                    .io, "the dashboard's \(file.name).\(file.ext) is missing from the ParleyServer bundle")
            }
            assets[file.path] = Asset(contentType: file.type, bytes: bytes)
        }
        return Dashboard(assets: assets)
    }

    /// The response for a dashboard path, or `nil`.
    func response(for path: String) -> Response? {
        guard let asset = assets[path] else { return nil }
        return Response(
            status: .ok,
            headers: [.contentType: asset.contentType, .cacheControl: "no-cache"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
