import ArgumentParser
import Foundation
import Parley

/// `parley lexicon check FILE...`: validates lexicon files.
struct LexiconCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate lexicon files (or the bundled lexicon when none is given) and print their size."
    )

    @Argument(help: "Lexicon files (*.lex) or folders.")
    var files: [String] = []

    func run() async throws {
        let base = try DefaultLexicon.codes()
        var urls: [URL] = []
        for file in files {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
                urls += try DefaultLexicon.files(in: URL(fileURLWithPath: file))
            } else {
                urls.append(URL(fileURLWithPath: file))
            }
        }
        let lexicon = urls.isEmpty ? try DefaultLexicon.load() : try LexiconReader(baseCodes: base).read(urls)
        let aliases = lexicon.actors.reduce(0) { $0 + $1.aliases.count }
        print(
            "ok: \(lexicon.actors.count) actors (\(aliases) names), \(lexicon.agents.count) agents, "
                + "\(lexicon.places.count) place names, \(lexicon.discards.count) discards, \(lexicon.codes.count) codes"
        )
    }
}

/// `parley lexicon import-petrarch`: converts PETRARCH-2 dictionaries to Parley's format.
struct ImportPetrarchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-petrarch",
        abstract: "Convert PETRARCH-2 actor, agent and discard dictionaries into a Parley lexicon folder."
    )

    @Option(name: .customLong("actors"), help: "An actor dictionary (repeatable).")
    var actorFiles: [String] = []

    @Option(name: .customLong("agents"), help: "An agent dictionary (repeatable).")
    var agentFiles: [String] = []

    @Option(name: .customLong("discards"), help: "A discard dictionary (repeatable).")
    var discardFiles: [String] = []

    @Option(name: .customLong("verbs"), help: "A PETRARCH-2 verb dictionary (repeatable): written as verbs.txt.")
    var verbFiles: [String] = []

    @Option(
        name: .shortAndLong, help: "The folder to write actors.lex, agents.lex and discards.lex (and verbs.txt) into.")
    var output: String

    @Flag(help: "Print every warning (otherwise the first 20 and a count).")
    var allWarnings = false

    func validate() throws {
        if actorFiles.isEmpty && agentFiles.isEmpty && discardFiles.isEmpty && verbFiles.isEmpty {
            throw ValidationError("give at least one of --actors, --agents, --discards, --verbs")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: output, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError("--output \(output) is a file; give a folder to write the lexicon into")
        }
    }

    func run() async throws {
        if !verbFiles.isEmpty {
            try ImportVerbsCommand.importVerbs(verbFiles, into: output)
            if actorFiles.isEmpty && agentFiles.isEmpty && discardFiles.isEmpty { return }
        }
        let base = try DefaultLexicon.codes()
        let importer = PetrarchImporter(baseCodes: base)
        let result = try importer.importFiles(
            actors: actorFiles.map(URL.init(fileURLWithPath:)), agents: agentFiles.map(URL.init(fileURLWithPath:)),
            discards: discardFiles.map(URL.init(fileURLWithPath:)))
        for (index, warning) in result.warnings.enumerated() where allWarnings || index < 20 {
            printError(warning.description)
        }
        if !allWarnings && result.warnings.count > 20 {
            printError("… \(result.warnings.count - 20) more warnings (--all-warnings shows them)")
        }
        let folder = URL(fileURLWithPath: output)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sources = (actorFiles + agentFiles + discardFiles).map { URL(fileURLWithPath: $0).lastPathComponent }
        let header = ["Imported by 'parley lexicon import-petrarch' from: " + sources.joined(separator: ", ")]
        var parts: [(String, Lexicon)] = []
        var actors = Lexicon()
        actors.petrarchCompatible = true
        actors.actors = result.lexicon.actors
        actors.codes = result.lexicon.codes
        parts.append(("actors.lex", actors))
        var agents = Lexicon()
        agents.petrarchCompatible = true
        agents.agents = result.lexicon.agents
        agents.substitutionSets = result.lexicon.substitutionSets
        parts.append(("agents.lex", agents))
        var discards = Lexicon()
        discards.petrarchCompatible = true
        discards.discards = result.lexicon.discards
        parts.append(("discards.lex", discards))
        // Write to temporary names, check the whole folder reads back, then move into place.
        var written: [URL] = []
        for (name, part) in parts {
            let url = folder.appendingPathComponent(name + ".tmp")
            try Data(LexiconWriter.text(of: part, header: header).utf8).write(to: url)
            written.append(url)
        }
        do {
            _ = try LexiconReader(baseCodes: base).read(written)
        } catch var error as PipelineError {
            for url in written { try? FileManager.default.removeItem(at: url) }
            // Name the file as it would have been written, and say that the converter, not the input, is at fault.
            error.file = error.file.map { $0.hasSuffix(".tmp") ? String($0.dropLast(4)) : $0 }
            error.message = "the converted lexicon does not read back (nothing written): " + error.message
            throw error
        } catch {
            for url in written { try? FileManager.default.removeItem(at: url) }
            throw error
        }
        for url in written {
            let final = url.deletingPathExtension()
            try? FileManager.default.removeItem(at: final)
            try FileManager.default.moveItem(at: url, to: final)
        }
        let lexicon = result.lexicon
        print(
            "imported \(lexicon.actors.count) actors (\(lexicon.actors.reduce(0) { $0 + $1.aliases.count }) names, "
                + "\(lexicon.actors.reduce(0) { $0 + $1.roles.count }) codes), \(lexicon.agents.count) agents, "
                + "\(lexicon.discards.count) discards; \(result.warnings.count) warnings → \(folder.path)")
    }
}

/// `parley lexicon build-gazetteer DATA_DIR`: converts the GeoNames-derived tables into `gazetteer.bin`.
struct BuildGazetteerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-gazetteer",
        abstract:
            "Build the compact gazetteer (gazetteer.bin) from ../shared/data/gazetteer and the lexicon's place names."
    )

    @Argument(help: "The gazetteer data folder (…/shared/data/gazetteer).")
    var directory: String

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String = "Sources/Parley/Resources/Lexicon/gazetteer.bin"

    func run() async throws {
        let lexicon = try DefaultLexicon.load()
        let (data, warnings) = try GazetteerBuilder().build(
            from: URL(fileURLWithPath: directory), aliases: lexicon.places)
        for warning in warnings { printError(warning.description) }
        let url = URL(fileURLWithPath: output)
        do {
            try data.write(to: url, options: .atomic)
        } catch {
            throw PipelineError(.io, "cannot write gazetteer: \(error.localizedDescription)", file: output)
        }
        let gazetteer = try Gazetteer(data: data)
        print("wrote \(output): \(gazetteer.count) places, \(data.count) bytes")
    }
}

/// `parley lexicon build-nouns WORDNET_DICT`: writes the noun classes the participant finder uses.
struct BuildNounsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build-nouns",
        abstract: "Build the noun classes (nouns.tsv: person, group, location, time) from WordNet 3.0's dict folder."
    )

    @Argument(help: "WordNet's dict folder (…/shared/data/wordnet/dict).")
    var directory: String

    @Option(name: .shortAndLong, help: "The file to write.")
    var output: String = "Sources/Parley/Resources/Lexicon/nouns.tsv"

    func run() throws {
        let classes = try NounClasses.build(fromWordNet: URL(fileURLWithPath: directory))
        do {
            try Data(classes.text().utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            throw PipelineError(.io, "cannot write: \(error.localizedDescription)", file: output)
        }
        print("\(classes.count) nouns → \(output)")
    }
}
