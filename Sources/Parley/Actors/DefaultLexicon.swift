import Foundation

/// Parley's bundled lexicon: codes, countries, organisations, groups, persons and agents.
public enum DefaultLexicon {
    /// The folder of the bundled lexicon files.
    public static var directory: URL? {
        let bundle = Bundle.module
        let candidates = [bundle.resourceURL, bundle.bundleURL, bundle.resourceURL?.deletingLastPathComponent()]
            .compactMap { $0 }
            .flatMap { [$0.appendingPathComponent("Resources/Lexicon"), $0.appendingPathComponent("Lexicon")] }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("codes.lex").path) }
    }

    /// The bundled code declarations (`codes.lex`): every lexicon may use them.
    /// - Throws: ``PipelineError`` when the bundled file is missing or invalid.
    public static func codes() throws -> [CodeDeclaration] {
        guard let url = directory?.appendingPathComponent("codes.lex") else {
            throw PipelineError(.invalidModel, "the bundled lexicon is missing (codes.lex)")
        }
        return try LexiconReader().read([url]).codes
    }

    /// The lexicon files of a folder, in name order: every `*.lex` except `codes.lex`.
    /// - Parameter directory: the folder.
    /// - Throws: ``PipelineError`` `.io` when the folder cannot be listed.
    public static func files(in directory: URL) throws -> [URL] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw PipelineError(.io, "cannot list lexicon folder: \(error.localizedDescription)", file: directory.path)
        }
        return names.filter { $0.hasSuffix(".lex") && $0 != "codes.lex" }.sorted()
            .map { directory.appendingPathComponent($0) }
    }

    /// Loads and validates the bundled lexicon, or the `*.lex` files of another folder.
    /// - Parameter directory: a lexicon folder; `nil` for the bundled one.
    /// - Throws: ``PipelineError`` when a file is missing or invalid.
    public static func load(from directory: URL? = nil) throws -> Lexicon {
        let base = try codes()
        guard let folder = directory ?? self.directory else {
            throw PipelineError(.invalidModel, "the bundled lexicon is missing")
        }
        return try LexiconReader(baseCodes: base).read(files(in: folder))
    }

    /// The bundled lexicon compiled for recognition.
    /// - Parameter directory: a lexicon folder; `nil` for the bundled one.
    /// - Throws: ``PipelineError`` when a file is missing or invalid.
    public static func dictionary(from directory: URL? = nil) throws -> ActorDictionary {
        let base = try codes()
        return ActorDictionary(lexicon: try load(from: directory), baseCodes: base)
    }
}
