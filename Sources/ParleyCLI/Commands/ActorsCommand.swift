import ArgumentParser
import Foundation
import Parley

/// `parley actors FILE...`: prints the actor mentions of articles, resolved to dated codes.
struct ActorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract: "Find actor mentions and resolve them to the codes valid on each article's date."
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output: table or jsonl.")
    var output: String = "table"

    @Option(help: "A lexicon folder (*.lex, e.g. from 'lexicon import-petrarch') instead of the bundled one.")
    var lexicon: String?

    func validate() throws {
        if !["table", "jsonl"].contains(output) { throw ValidationError("--output must be table or jsonl") }
    }

    func run() async throws {
        let dictionary = try DefaultLexicon.dictionary(from: lexicon.map { URL(fileURLWithPath: $0) })
        let pipeline = try ActorPipeline.make(dictionary: dictionary)
        try processEach(input, with: pipeline) { document, _, _, out in
            out.write((output == "jsonl" ? try ActorOutput.jsonLine(document) : ActorOutput.table(document)) + "\n")
        }
    }
}

/// Builds the standard pipeline up to actors, with a given actor dictionary.
enum ActorPipeline {
    static func make(dictionary: ActorDictionary) throws -> Pipeline {
        var configuration = ActorRecognizer.Configuration()
        configuration.gazetteer = try? Gazetteer.bundled()
        let recognizer = ActorRecognizer(dictionary: dictionary, configuration: configuration)
        return try Pipeline(StandardPipeline.make(upTo: .syntax).stages + [recognizer])
    }
}

/// Renders actor mentions.
enum ActorOutput {
    static func jsonLine(_ document: Document) throws -> String {
        struct Line: Encodable {
            var id: String
            var published: Day?
            var actors: [Mention]
        }
        struct Mention: Encodable {
            var text: String
            var start: Int
            var end: Int
            var sentence: Int
            var code: String?
            var country: String?
            var role: String?
            var confidence: Double
            var entry: String?
            var antecedent: Int?
            var person: Bool
        }
        let mentions = document.actors.map { mention in
            Mention(
                text: mention.text, start: mention.range.lowerBound, end: mention.range.upperBound,
                sentence: mention.sentence, code: mention.code,
                country: mention.code.flatMap { $0.count >= 3 ? String($0.prefix(3)) : nil },
                role: mention.code.flatMap { $0.count > 3 ? String($0.dropFirst(3)) : nil },
                confidence: (mention.confidence * 100).rounded() / 100, entry: mention.entry,
                antecedent: mention.antecedent, person: mention.isPerson)
        }
        return try jsonText(Line(id: document.id, published: document.metadata.published, actors: mentions))
    }

    static func table(_ document: Document) -> String {
        var lines = ["# \(document.id) (\(document.metadata.published?.description ?? "no date"))"]
        for (index, mention) in document.actors.enumerated() {
            let text = mention.text.replacingOccurrences(of: "\n", with: " ")
            let code = mention.code ?? "-"
            var line = "\(index)\t\(mention.range.lowerBound)-\(mention.range.upperBound)\t\(code)\t"
            line += String(format: "%.2f", mention.confidence) + "\t\(text)"
            if let antecedent = mention.antecedent { line += "\t→ #\(antecedent)" }
            if let entry = mention.entry { line += "\t[\(entry)]" }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
