import ArgumentParser
import Foundation
import Parley
import ParleyServer

/// `parley serve`: the HTTP API and web dashboard over the store.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the store's events as a JSON API under /api and a web dashboard at /.",
        discussion: "Stops gracefully on SIGINT or SIGTERM. POST /api/ingest stores documents only with --allow-ingest."
    )

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: "Host name or address to listen on.") var host = "127.0.0.1"
    @Option(help: "Port to listen on (0: any free port).") var port = 8080
    @Flag(help: "Let POST /api/ingest code and store posted documents.") var allowIngest = false
    @Option(help: "Largest request body accepted, in bytes.") var maxBody = 5_000_000

    func validate() throws {
        if !(0...65_535).contains(port) { throw ValidationError("--port is between 0 and 65535") }
        if maxBody <= 0 { throw ValidationError("--max-body must be positive") }
        if host.isEmpty { throw ValidationError("--host is empty") }
    }

    func run() async throws {
        var configuration = EventServer.Configuration()
        configuration.host = host
        configuration.port = port
        configuration.allowIngest = allowIngest
        configuration.maxBodyBytes = maxBody
        let pipeline = try StandardPipeline.make(upTo: .events)
        let host = self.host
        try await storeOptions.withStore(create: allowIngest) { store in
            let server = try EventServer(store: store, pipeline: pipeline, configuration: configuration)
            try await server.run { port in
                printError("parley: serving \(storeOptions.address) at http://\(host):\(port)/ (Ctrl-C stops)")
            }
        }
    }
}
