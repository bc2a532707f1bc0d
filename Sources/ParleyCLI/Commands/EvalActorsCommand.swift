import ArgumentParser
import Foundation
import Parley

/// `parley eval actors DATA_DIR`: scores actor recognition on the reference article, ConfliBERT spans and ACLED notes.
struct EvalActorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actors",
        abstract:
            "Score actor recognition: reference article codes, ConfliBERT source/target span F1, ACLED actor countries."
    )

    @Argument(help: "The shared data folder (../shared/data).")
    var data: String

    @Option(help: "A lexicon folder instead of the bundled lexicon.")
    var lexicon: String?

    @Flag(help: "Print the ACLED rows whose countries are wrong.")
    var verbose = false

    func run() async throws {
        let dictionary = try DefaultLexicon.dictionary(from: lexicon.map { URL(fileURLWithPath: $0) })
        var configuration = ActorRecognizer.Configuration()
        configuration.gazetteer = try? Gazetteer.bundled()
        let recognizer = ActorRecognizer(dictionary: dictionary, configuration: configuration)
        let pipeline = try ActorPipeline.make(dictionary: dictionary)
        let root = URL(fileURLWithPath: data)
        try reference(root, pipeline: pipeline)
        try conflibert(root, recognizer: recognizer)
        try acled(root, pipeline: pipeline, dictionary: dictionary, recognizer: recognizer)
        try petrarchImport(root)
    }

    /// Imports the real PETRARCH-2 dictionaries, checks the lexicon text reads back to the same entries,
    /// and recognizes the reference article with the imported Phoenix set.
    func petrarchImport(_ root: URL) throws {
        let folder = root.appendingPathComponent("petrarch_dictionaries")
        func url(_ name: String) -> URL { folder.appendingPathComponent(name) }
        let base = try DefaultLexicon.codes()
        let sets: [(String, [URL], [URL], [URL])] = [
            (
                "Phoenix",
                [
                    "Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                    "Phoenix.MilNonState.actors.txt",
                ].map(url), [url("Phoenix.agents.txt")],
                [url("Phoenix.discards.txt")]
            ),
            (
                "PETR.Validate", [url("PETR.Validate.actors.txt")], [url("PETR.Validate.agents.txt")],
                [url("PETR.Validate.discards.txt")]
            ),
        ]
        var phoenix: Lexicon?
        for (name, actors, agents, discards) in sets {
            let result = try PetrarchImporter(baseCodes: base).importFiles(
                actors: actors, agents: agents, discards: discards)
            let lexicon = result.lexicon
            let again = try LexiconReader(baseCodes: base).read(
                Data(LexiconWriter.text(of: lexicon).utf8), file: "\(name).lex")
            let same =
                again.actors.map(\.aliases) == lexicon.actors.map(\.aliases)
                && again.actors.map(\.roles) == lexicon.actors.map(\.roles)
                && again.agents.map(\.phrase) == lexicon.agents.map(\.phrase)
                && again.agents.map(\.plurals) == lexicon.agents.map(\.plurals)
                && again.discards.map(\.phrase) == lexicon.discards.map(\.phrase)
            let names = lexicon.actors.reduce(0) { $0 + $1.aliases.count }
            let codes = lexicon.actors.reduce(0) { $0 + $1.roles.count }
            print(
                "petrarch import \(name): \(lexicon.actors.count) actors (\(names) names, \(codes) codes), "
                    + "\(lexicon.agents.count) agents, \(lexicon.discards.count) discards, "
                    + "\(result.warnings.count) warnings; read back \(same ? "identical" : "DIFFERENT")")
            if name == "Phoenix" { phoenix = again }
        }
        guard let phoenix else { return }
        let recognizer = ActorRecognizer(dictionary: ActorDictionary(lexicon: phoenix, baseCodes: base))
        let examples = root.appendingPathComponent("examples")
        guard
            let text = try? String(
                contentsOf: examples.appendingPathComponent("pak_afghan_istanbul_talks.txt"), encoding: .utf8)
        else { return }
        var document = Document(
            id: "reference", text: text, metadata: ArticleMetadata(published: Day(year: 2025, month: 10, day: 30)))
        try Tokenizer().process(&document)
        try SentenceSegmenter().process(&document)
        try recognizer.process(&document)
        let taliban = Set(document.actors.filter { $0.text.contains("Taliban") }.compactMap(\.code)).sorted()
        print(
            "reference article with the imported Phoenix lexicon: \(document.actors.count) mentions; "
                + "'Taliban …' coded \(taliban.joined(separator: ", ")) (Phoenix is stale; Parley's lexicon says AFGGOV)"
        )
    }

    func jsonLines(_ url: URL) throws -> [[String: Any]] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw PipelineError(.io, "cannot read evaluation set", file: url.path)
        }
        return text.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
    }

    /// Every name in the gold `actors` list must be found with one of its accepted codes.
    func reference(_ root: URL, pipeline: Pipeline) throws {
        let folder = root.appendingPathComponent("examples")
        let goldURL = folder.appendingPathComponent("pak_afghan_istanbul_talks.gold.json")
        guard let goldData = try? Data(contentsOf: goldURL),
            let gold = try JSONSerialization.jsonObject(with: goldData) as? [String: Any],
            let text = try? String(
                contentsOf: folder.appendingPathComponent("pak_afghan_istanbul_talks.txt"), encoding: .utf8)
        else { throw PipelineError(.io, "cannot read the reference article", file: goldURL.path) }
        let published = (gold["published"] as? String).flatMap { Day(parsing: $0) }
        let document = try pipeline(
            Document(id: "reference", text: text, metadata: ArticleMetadata(published: published)))
        var total = 0
        var found = 0
        var correct = 0
        var misses: [String] = []
        for actor in gold["actors"] as? [[String: Any]] ?? [] {
            let code = actor["code"] as? String ?? ""
            if code.contains("(") { continue }  // unnamed sources are not actors
            let accepted = Set(
                code.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
                    + (actor["accept"] as? [String] ?? []))
            for name in actor["text"] as? [String] ?? [] {
                total += 1
                func words(_ text: String) -> [String] {
                    let pieces = TextFolding.pieces(text)
                    return pieces.first == "the" ? Array(pieces.dropFirst()) : pieces
                }
                let wanted = words(name)
                let hits = document.actors.filter { mention in
                    let words = words(mention.text)
                    return words == wanted || (words.count > wanted.count && words.suffix(wanted.count) == wanted[...])
                        || (words.count > wanted.count && words.prefix(wanted.count) == wanted[...])
                }
                if hits.isEmpty {
                    misses.append("\(name): not found")
                    continue
                }
                found += 1
                if hits.contains(where: { accepted.contains($0.code ?? "") }) {
                    correct += 1
                } else {
                    misses.append("\(name): \(Set(hits.compactMap(\.code)).sorted().joined(separator: ","))")
                }
            }
        }
        print("reference article: \(correct)/\(total) gold names resolved to an accepted code (\(found) found)")
        for miss in misses { print("  miss: \(miss)") }
    }

    /// Span F1 of source and target as the event coder emits them, on the set's own tokens: the main event of
    /// each sentence (the coded event whose trigger is highest in the parse) gives its sources and targets,
    /// coded mentions and uncoded participants alike; a predicted span counts when it overlaps a gold span of
    /// its role. Scored with events that have no coded source kept (as `eval plover` codes) and with the
    /// `parley code` default that drops them, and, for comparison, for the participant finder alone.
    func conflibert(_ root: URL, recognizer: ActorRecognizer) throws {
        let given: Set<Annotation> = [.tokens, .sentences]
        let pipeline = try Pipeline(
            StandardPipeline.make(upTo: .syntax, given: given).stages + [recognizer], given: given)
        let finder = ParticipantFinder(nouns: try NounClasses.bundled())
        let coders = [
            ("coder", try EventCoder.bundled(configuration: EventCoder.Configuration(allowMissingSource: true))),
            ("coder, `parley code` default", try EventCoder.bundled()),
        ]
        var scores = Array(repeating: SpanScore(), count: coders.count + 1)
        for record in try jsonLines(root.appendingPathComponent("eval/conflibert_cameo_src_tgt_dev.jsonl")) {
            guard let gold = record["gold"] as? [String: Any], let words = gold["tokens"] as? [String],
                let tags = gold["bio_tags"] as? [String], words.count == tags.count, !words.isEmpty
            else { continue }
            var document = Document(id: record["id"] as? String ?? "", text: "")
            var text = ""
            for (index, word) in words.enumerated() {
                if index > 0 { text += " " }
                let start = text.utf8.count
                text += word
                document.tokens.append(Token(range: start..<text.utf8.count, form: word))
            }
            document.text = text
            document.sentences = [Sentence(tokens: 0..<words.count, range: 0..<text.utf8.count)]
            document.annotations = given
            try pipeline.process(&document)
            let expected = (sources: Self.spans(tags, "S"), targets: Self.spans(tags, "T"))
            for (slot, (_, coder)) in coders.enumerated() {
                var coded = document
                try coder.process(&coded)
                let spans = Self.mainEventSpans(coded, predicate: finder.mainPredicate(in: coded, sentence: 0))
                scores[slot].add(
                    sources: spans.sources, targets: spans.targets, gold: expected, rule: "coder", words: words,
                    verbose: verbose && slot == 0)
            }
            let participants = finder.participants(in: document, sentence: 0)
            scores[coders.count].add(
                sources: participants.sources.map(\.tokens), targets: participants.targets.map(\.tokens),
                gold: expected,
                rule: participants.rule, words: words, verbose: false)
        }
        for (slot, name) in (coders.map { $0.0 } + ["participant finder alone"]).enumerated() {
            let score = scores[slot]
            print(
                "conflibert source/target spans, \(name): "
                    + String(
                        format: "P %.3f R %.3f F1 %.3f (%d gold, %d predicted)", score.precision, score.recall,
                        score.f1, score.gold, score.predicted))
            if slot == 0 {
                // Records with no gold span at all are unannotated rather than actor-free; scored without them too.
                print(
                    "conflibert, \(name), \(score.unannotated) records without gold spans left out: "
                        + String(
                            format: "P %.3f R %.3f F1 %.3f", score.annotatedPrecision, score.recall, score.annotatedF1))
            }
        }
    }

    /// Gold spans of a role ("S", "T") from BIO tags.
    static func spans(_ tags: [String], _ role: String) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start: Int?
        for (index, tag) in (tags + ["O"]).enumerated() {
            if tag == "B-\(role)" || (tag == "I-\(role)" && start == nil) {
                if let s = start { result.append(s..<index) }
                start = index
            } else if tag != "I-\(role)", let s = start {
                result.append(s..<index)
                start = nil
            }
        }
        return result
    }

    /// The token spans of the sources and targets of a one-sentence document's main event: the event triggered
    /// by the sentence's main predicate, else the event whose trigger is closest to the root of the parse (the
    /// first such); coded mentions and uncoded participants.
    static func mainEventSpans(_ document: Document, predicate: Int?) -> (sources: [Range<Int>], targets: [Range<Int>])
    {
        func depth(_ token: Int) -> Int {
            var depth = 0
            var current = token
            while let head = document.tokens[current].head, depth < document.tokens.count {
                depth += 1
                current = head
            }
            return depth
        }
        func dominated(_ token: Int) -> Bool {
            guard let predicate else { return false }
            var current = token
            var steps = 0
            while current != predicate, let head = document.tokens[current].head, steps < document.tokens.count {
                current = head
                steps += 1
            }
            return current == predicate
        }
        let all = document.events.filter { !$0.evidence.triggerTokens.isEmpty }
        // Events of the main predicate's clause first: "X began withdrawing …, Y said" is X's withdrawal.
        let inClause = all.filter { dominated($0.evidence.triggerTokens.lowerBound) }
        let events = inClause.isEmpty ? all : inClause
        guard
            let main = events.min(by: {
                (depth($0.evidence.triggerTokens.lowerBound), $0.evidence.triggerTokens.lowerBound)
                    < (depth($1.evidence.triggerTokens.lowerBound), $1.evidence.triggerTokens.lowerBound)
            })
        else { return ([], []) }
        func spans(_ actors: [ActorReference], _ uncoded: [UncodedParticipant]?) -> [Range<Int>] {
            var result: [Range<Int>] = []
            for actor in actors {
                guard let mention = actor.mention, document.actors.indices.contains(mention) else { continue }
                let span = document.actors[mention].span.tokens
                if !result.contains(span) { result.append(span) }
            }
            return result + (uncoded ?? []).map(\.tokens).filter { !result.contains($0) }
        }
        return (spans(main.source, main.uncodedSource), spans(main.target, main.uncodedTarget))
    }

    /// Overlap precision and recall of predicted source and target spans.
    struct SpanScore {
        var truePositives = 0
        var predicted = 0
        var gold = 0
        var unannotated = 0
        var predictedInUnannotated = 0

        var precision: Double { predicted == 0 ? 0 : Double(truePositives) / Double(predicted) }
        var recall: Double { gold == 0 ? 0 : Double(truePositives) / Double(gold) }
        var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        var annotatedPrecision: Double {
            Double(truePositives) / Double(max(1, predicted - predictedInUnannotated))
        }
        var annotatedF1: Double {
            annotatedPrecision + recall == 0 ? 0 : 2 * annotatedPrecision * recall / (annotatedPrecision + recall)
        }

        mutating func add(
            sources: [Range<Int>], targets: [Range<Int>], gold: (sources: [Range<Int>], targets: [Range<Int>]),
            rule: String, words: [String], verbose: Bool
        ) {
            if gold.sources.isEmpty && gold.targets.isEmpty { unannotated += 1 }
            self.gold += gold.sources.count + gold.targets.count
            for (role, spans, wanted) in [("source", sources, gold.sources), ("target", targets, gold.targets)] {
                for span in spans {
                    predicted += 1
                    if gold.sources.isEmpty && gold.targets.isEmpty { predictedInUnannotated += 1 }
                    if wanted.contains(where: { $0.overlaps(span) }) {
                        truePositives += 1
                    } else if verbose {
                        let want = wanted.map { words[$0].joined(separator: " ") }.joined(separator: " | ")
                        print(
                            "  \(role) got '\(words[span].joined(separator: " "))' want '\(want)' (\(rule)): "
                                + words.joined(separator: " ").prefix(120))
                    }
                }
                if verbose && spans.isEmpty && !wanted.isEmpty {
                    let want = wanted.map { words[$0].joined(separator: " ") }.joined(separator: " | ")
                    print("  \(role) got nothing, want '\(want)': " + words.joined(separator: " ").prefix(120))
                }
            }
        }
    }

    /// Country of ACLED actor1/actor2 on Pakistan and Afghanistan rows.
    func acled(_ root: URL, pipeline: Pipeline, dictionary: ActorDictionary, recognizer: ActorRecognizer) throws {
        let countryNames = [
            "Pakistan": "PAK", "Afghanistan": "AFG", "India": "IND", "Iran": "IRN", "Bangladesh": "BGD",
        ]
        var cache: [String: String?] = [:]
        func goldCountry(_ actor: String) throws -> String? {
            if let cached = cache[actor] { return cached }
            var result: String?
            if let open = actor.lastIndex(of: "("), let close = actor.lastIndex(of: ")"), open < close {
                result = countryNames[String(actor[actor.index(after: open)..<close])]
            }
            if result == nil {
                let document = try pipeline(Document(id: "actor", text: actor))
                result = document.actors.compactMap { $0.code.flatMap(dictionary.country(of:)) }.first
            }
            cache[actor] = result
            return result
        }
        var scored = [0, 0]
        var right = [0, 0]
        var rightFromMentions = 0
        for record in try jsonLines(root.appendingPathComponent("eval/acled_notes_southasia_dev.jsonl")) {
            guard let gold = record["gold"] as? [String: Any], let text = record["text"] as? String,
                let country = gold["country"] as? String, country == "Pakistan" || country == "Afghanistan"
            else { continue }
            let date = (gold["event_date"] as? String).flatMap(parseACLEDDate)
            let document = try pipeline(
                Document(id: record["id"] as? String ?? "", text: text, metadata: ArticleMetadata(published: date)))
            var countries = document.actors.compactMap { $0.code.flatMap(dictionary.country(of:)) }
            let fromMentions = countries
            // With no actor mention, the coder falls back on the country where the article happens.
            if countries.isEmpty, let home = recognizer.homeCountry(of: document, mentions: document.actors) {
                countries = [home]
            }
            for (slot, key) in ["actor1", "actor2"].enumerated() {
                guard let actor = gold[key] as? String, let wanted = try goldCountry(actor) else { continue }
                scored[slot] += 1
                let guess = slot < countries.count ? countries[slot] : countries.first
                let strictGuess = slot < fromMentions.count ? fromMentions[slot] : fromMentions.first
                if strictGuess == wanted { rightFromMentions += 1 }
                if guess == wanted {
                    right[slot] += 1
                } else if verbose {
                    let found = document.actors.map { "\($0.text)=\($0.code ?? "-")" }.joined(separator: ", ")
                    print("  \(key) \(actor) [\(wanted)] got \(guess ?? "none"): \(text.prefix(140)) || \(found)")
                }
            }
        }
        let accuracy = Double(right[0] + right[1]) / Double(max(1, scored[0] + scored[1]))
        print(
            String(
                format: "acled PAK/AFG actor countries: actor1 %d/%d, actor2 %d/%d, accuracy %.3f", right[0], scored[0],
                right[1], scored[1], accuracy))
        print(
            String(
                format: "acled PAK/AFG actor countries from mentions only (no fallback to the article's country): %.3f",
                Double(rightFromMentions) / Double(max(1, scored[0] + scored[1]))))
    }

    func parseACLEDDate(_ text: String) -> Day? {
        let months = [
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december",
        ]
        let parts = text.split(separator: " ")
        guard parts.count == 3, let day = Int(parts[0]), let month = months.firstIndex(of: parts[1].lowercased()),
            let year = Int(parts[2])
        else { return nil }
        return Day(year: year, month: month + 1, day: day)
    }
}
