import ArgumentParser
import Foundation
import Parley

/// `parley eval petrarch FILE`: PETRARCH validation records with their own dictionaries.
struct EvalPetrarchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "petrarch",
        abstract:
            "Score PETRARCH validation records: pass rate and micro P/R/F1 over (source, target, code) triples per suite.",
        discussion: """
            Each record is coded with the dictionaries it names (PETR.Validate.* or Phoenix.* + CAMEO.2.0.txt), \
            imported on the fly from --dictionaries. Records with a UDPipe parse use it; the others are parsed \
            by Parley's pipeline.
            """
    )

    @Argument(help: "PETRARCH gold JSONL (petrarch_dev.jsonl).")
    var file: String

    @Option(help: "Folder of the PETRARCH-2 dictionaries.")
    var dictionaries: String

    @Flag(
        name: [.long, .customLong("failures")],
        help:
            "Print each failing record: expected and coded triples, actors, and each coded event's pattern and entries."
    )
    var verbose = false

    @Option(help: "Only records of this suite.")
    var suite: String?

    @Option(help: "Verb dictionary for the PETR.Validate records (the expected codes follow PETR.Validate.verbs.txt).")
    var validateVerbs = "PETR.Validate.verbs.txt"

    struct Coders {
        let actors: ActorRecognizer
        let events: EventCoder
    }

    func coders(for set: String, requireDyad: Bool) throws -> Coders {
        let folder = URL(fileURLWithPath: dictionaries)
        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
        let actors: [URL]
        let agents: [URL]
        let discards: [URL]
        let verbs: [URL]
        if set == "PETR.Validate" {
            actors = [url("PETR.Validate.actors.txt")]
            agents = [url("PETR.Validate.agents.txt")]
            discards = [url("PETR.Validate.discards.txt")]
            verbs = [url(validateVerbs)]
        } else {
            actors = [
                "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt",
            ]
            .map(url)
            agents = [url("Phoenix.agents.txt")]
            discards = [url("Phoenix.discards.txt")]
            verbs = [url("CAMEO.2.0.txt")]
        }
        let base = try DefaultLexicon.codes()
        let imported = try PetrarchImporter(baseCodes: base).importFiles(
            actors: actors, agents: agents, discards: discards)
        var configuration = ActorRecognizer.Configuration()
        configuration.assumeHomeCountry = false
        let recognizer = ActorRecognizer(
            dictionary: ActorDictionary(lexicon: imported.lexicon, baseCodes: base), configuration: configuration)
        let lexicon = try PetrarchVerbImporter.importVerbs(contentsOf: verbs)
        var options = EventCoder.Configuration(requireDyad: requireDyad)
        options.reportingVerbs = true
        options.intentFromModality = false
        options.transformsByCode = true
        for discard in imported.lexicon.discards {
            let words = discard.phrase.uppercased().split { $0 == " " || $0 == "_" }.map(String.init)
            if discard.isStory { options.storyDiscards.append(words) } else { options.sentenceDiscards.append(words) }
        }
        let coder = EventCoder(lexicon: lexicon, codebook: try EventCodebook.bundled(), configuration: options)
        return Coders(actors: recognizer, events: coder)
    }

    func run() throws {
        var coderSets: [String: Coders] = [:]
        var scores: [String: EventScoring.SetScore] = [:]
        var parsed: [String: Int] = [:]
        let textPipeline = try? StandardPipeline.make(upTo: .syntax)
        for record in try readGoldRecords(file) {
            guard let text = record["text"] as? String, let id = record["id"] as? String else { continue }
            let suiteName = record["suite"] as? String ?? "?"
            if let suite, suite != suiteName { continue }
            let set = record["dictionaries"] as? String ?? "Phoenix"
            // A record may turn PETRARCH's `require_dyad` off: events with no target are coded too.
            let requireDyad = (record["config"] as? [String: Any])?["require_dyad"] as? Bool ?? true
            let key = "\(set) \(requireDyad)"
            if coderSets[key] == nil { coderSets[key] = try coders(for: set, requireDyad: requireDyad) }
            let coders = coderSets[key]!
            let date = (record["date"] as? String).flatMap(Day.init(parsing:))
            var expected: Set<[String]> = []
            for triple in (record["expected"] as? [[String: Any]]) ?? [] {
                expected.insert([
                    triple["source"] as? String ?? "", triple["target"] as? String ?? "",
                    triple["code"] as? String ?? "",
                ])
            }
            if record["expect_error"] != nil { expected = [] }
            var document: Document?
            // A record whose given constituency parse is unbalanced is bad input: it is reported, not coded.
            if let parse = record["parse"] as? String, !parse.isEmpty,
                parse.filter({ $0 == "(" }).count != parse.filter({ $0 == ")" }).count
            {
                if verbose { print("SKIP \(id): unbalanced parse in the input") }
                scores[suiteName, default: EventScoring.SetScore()].add(predicted: Set<[String]>(), expected: expected)
                continue
            }
            if let conllu = record["ud_parse"] as? String, !conllu.isEmpty,
                let sentences = try? CoNLLU.parse(conllu + "\n\n", file: id)
            {
                document = CoNLLU.documents(from: sentences, id: id, splitDocuments: false).first
                parsed[suiteName, default: 0] += 1
            } else if let textPipeline, !textPipeline.stages.isEmpty {
                var candidate = Document(id: id, text: text)
                if (try? textPipeline.process(&candidate)) != nil { document = candidate }
            }
            var predicted: Set<[String]> = []
            if var document {
                document.metadata.published = date
                do {
                    try coders.actors.process(&document)
                    document.annotations.insert(.actors)
                    try coders.events.process(&document)
                    predicted = EventScoring.triples(document)
                } catch {
                    printError("\(id): \(error)")
                }
                if verbose && predicted != expected {
                    print("FAIL \(id) [\(record["category"] as? String ?? "")]: \(text)")
                    print("  expected \(expected.map { $0.joined(separator: " ") }.sorted())")
                    print("  coded    \(predicted.map { $0.joined(separator: " ") }.sorted())")
                    print("  actors   \(document.actors.map { "\($0.text)=\($0.code ?? "?")" })")
                    for event in document.events {
                        let triple = "\(event.source.map(\.code)) \(event.target.map(\.code)) \(event.cameo)"
                        print(
                            "  event    \(triple) \(event.evidence.pattern): \(event.evidence.entries.joined(separator: "; "))"
                        )
                    }
                }
            }
            scores[suiteName, default: EventScoring.SetScore()].add(predicted: predicted, expected: expected)
        }
        var rows: [[String]] = []
        for name in scores.keys.sorted() {
            let s = scores[name]!
            rows.append([
                name, String(s.records), String(parsed[name] ?? 0), EventScoring.format(s.passRate),
                EventScoring.format(s.precision), EventScoring.format(s.recall), EventScoring.format(s.f1),
            ])
        }
        printTable(
            "PETRARCH validation records (\(file))",
            header: ["suite", "records", "with parse", "pass", "P", "R", "F1"],
            rows: rows)
    }
}
