import ArgumentParser
import Foundation
import Parley

/// Reads a JSON Lines gold file into dictionaries, naming the file and line of a bad record.
/// - Throws: ``PipelineError``: `.io` when the file cannot be read, `.invalidInput` for a line that is not a
///   JSON object (with its line number, blank lines counted) or a file without records (a score of nothing).
func readGoldRecords(_ path: String) throws -> [[String: Any]] {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw PipelineError(.io, "cannot read the file", file: path)
    }
    var records: [[String: Any]] = []
    for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
        if line.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
            throw PipelineError(.invalidInput, "not a JSON object", file: path, line: number + 1)
        }
        records.append(object)
    }
    guard !records.isEmpty else { throw PipelineError(.invalidInput, "no records to score", file: path) }
    return records
}

/// Prints a table with a title and aligned columns.
func printTable(_ title: String, header: [String], rows: [[String]]) {
    var widths = header.map(\.count)
    for row in rows {
        for (index, cell) in row.enumerated() where index < widths.count {
            widths[index] = max(widths[index], cell.count)
        }
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == 0
                ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                : String(repeating: " ", count: max(0, widths[index] - cell.count)) + cell
        }.joined(separator: "  ")
    }
    print(title)
    print(line(header))
    print(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
    for row in rows { print(line(row)) }
    print("")
}

/// Codes texts with the standard pipeline, or classifies by words only when asked.
struct TextCoding {
    let pipeline: Pipeline?

    init(wordsOnly: Bool, lexicon: LexiconOptions, allowMissingSource: Bool = false) throws {
        pipeline =
            wordsOnly
            ? nil : try LexiconOptions.pipeline(lexicon: lexicon.lexicon, allowMissingSource: allowMissingSource)
    }

    func code(_ text: String, id: String, date: Day?) -> Document {
        var document = Document(id: id, text: text, metadata: ArticleMetadata(published: date))
        guard let pipeline else { return document }
        do {
            try pipeline.process(&document)
        } catch {
            document.warnings.append(Diagnostic(.error, message: "\(error)"))
        }
        return document
    }
}

/// `parley eval plover FILE`: PLOVER event type and actor codes.
struct EvalPloverCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plover", abstract: "Score PLOVER event types and actor codes on PLOVER gold records.")

    @Argument(help: "PLOVER gold JSONL (plover_gsr_cameo_manual_dev.jsonl).")
    var file: String

    @OptionGroup var lexicon: LexiconOptions

    @Flag(help: "Print each record whose event type is missed, with the coded events.")
    var verbose = false

    func run() throws {
        // The event type is scored even when the source actor is not in the lexicon.
        let coding = try TextCoding(wordsOnly: false, lexicon: lexicon, allowMissingSource: true)
        var types = EventScoring.LabelScore()
        var actors = EventScoring.SetScore()
        for record in try readGoldRecords(file) {
            guard let text = record["text"] as? String else { continue }
            let gold = (record["event_current"] as? String) ?? (record["event"] as? String) ?? "none"
            let document = coding.code(
                text, id: record["id"] as? String ?? "record",
                date: (record["date"] as? String).flatMap(Day.init(parsing:)))
            // One event per record: the main clause's act.
            let main = document.mainEvent
            types.add(gold: gold, predicted: main?.plover?.event ?? "none")
            if verbose && gold != (main?.plover?.event ?? "none") {
                print("MISS \(record["id"] as? String ?? "?"): gold \(gold), coded \(main?.plover?.event ?? "none")")
                print("  \(text)")
                for event in document.events {
                    let trigger = document.text(in: event.evidence.trigger)
                    print(
                        (event == main ? "  MAIN " : "  event ")
                            + "\(event.cameo) \(event.plover?.event ?? "-") '\(trigger)' \(event.evidence.pattern)"
                            + " \(event.source.map(\.code)) → \(event.target.map(\.code))"
                            + (event.modality.negated ? " negated" : ""))
                }
            }
            func codes(_ key: String) -> Set<String> {
                Set(
                    ((record[key] as? [[String: Any]]) ?? []).map {
                        (($0["code"] as? String) ?? "") + (($0["sector"] as? String) ?? "")
                    })
            }
            var predicted: Set<String> = []
            if let main {
                for actor in main.source { predicted.insert("actor:" + actor.code) }
                for actor in main.target { predicted.insert("recipient:" + actor.code) }
            }
            let expected = Set(codes("actor").map { "actor:" + $0 } + codes("recipient").map { "recipient:" + $0 })
            actors.add(predicted: predicted, expected: expected)
        }
        printTable(
            "PLOVER (\(file))",
            header: ["records", "event accuracy", "event macro-F1", "actor P", "actor R", "actor F1"],
            rows: [
                [
                    String(types.count), EventScoring.format(types.accuracy), EventScoring.format(types.macroF1),
                    EventScoring.format(actors.precision), EventScoring.format(actors.recall),
                    EventScoring.format(actors.f1),
                ]
            ])
    }
}

/// `parley eval acled FILE` and `parley eval case FILE`: ACLED sub-event types.
struct EvalAcledCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acled",
        abstract: "Score ACLED event and sub-event types on ACLED notes or CASE 2021 records.",
        aliases: ["case"])

    @Argument(help: "Gold JSONL (acled_notes_southasia_dev.jsonl or case2021_task2_acled_subtypes_dev.jsonl).")
    var file: String

    @OptionGroup var lexicon: LexiconOptions

    @Flag(help: "Classify from the words alone, without parsing and coding events.")
    var wordsOnly = false

    @Option(help: "Score at most this many records (0: all).")
    var limit = 0

    @Flag(help: "Print the per-class table.")
    var perClass = false

    @Flag(help: "Print the most frequent confusions (gold → predicted).")
    var confusions = false

    @Flag(help: "Print each record whose sub-event type is missed.")
    var verbose = false

    func run() throws {
        let coding = try TextCoding(wordsOnly: wordsOnly, lexicon: lexicon)
        let classifier = AcledClassifier()
        var subTypes = EventScoring.LabelScore()
        var eventTypes = EventScoring.LabelScore()
        var records = try readGoldRecords(file)
        if limit > 0 { records = Array(records.prefix(limit)) }
        for record in records {
            guard let text = record["text"] as? String, let gold = record["gold"] as? [String: Any] else { continue }
            let goldSub = (gold["sub_event_type"] as? String) ?? (gold["acled_sub_event_type"] as? String) ?? "none"
            let goldType = (gold["event_type"] as? String) ?? (gold["acled_event_type"] as? String) ?? "none"
            let document = coding.code(text, id: record["id"] as? String ?? "record", date: nil)
            let predicted = classifier.classify(document)
            subTypes.add(gold: goldSub, predicted: predicted?.subEventType ?? "none")
            if verbose && goldSub != (predicted?.subEventType ?? "none") {
                print(
                    "MISS \(record["id"] as? String ?? "?"): gold \(goldSub), coded \(predicted?.subEventType ?? "none")"
                )
                print("  \(text.prefix(300))")
            }
            eventTypes.add(gold: goldType, predicted: predicted?.eventType ?? "none")
        }
        printTable(
            "ACLED types (\(file))" + (wordsOnly ? " — words only" : ""),
            header: ["records", "sub-event accuracy", "sub-event macro-F1", "event_type accuracy"],
            rows: [
                [
                    String(subTypes.count), EventScoring.format(subTypes.accuracy),
                    EventScoring.format(subTypes.macroF1),
                    EventScoring.format(eventTypes.accuracy),
                ]
            ])
        if confusions {
            var counts: [String: Int] = [:]
            for pair in subTypes.pairs where pair.gold != pair.predicted {
                counts["\(pair.gold) → \(pair.predicted)", default: 0] += 1
            }
            printTable(
                "confusions", header: ["gold → predicted", "count"],
                rows: counts.sorted { $0.value > $1.value }.prefix(15).map { [$0.key, String($0.value)] })
        }
        if perClass {
            printTable(
                "per sub-event type", header: ["sub_event_type", "P", "R", "F1", "support"],
                rows: subTypes.perClass.map {
                    [
                        $0.label, EventScoring.format($0.precision), EventScoring.format($0.recall),
                        EventScoring.format($0.f1), String($0.support),
                    ]
                })
        }
    }
}

/// `parley eval satp FILE`: SATP attack types.
struct EvalSatpCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "satp",
        abstract: "Score attack types (armed assault, bombing, kidnapping, other) on SATP incident summaries.")

    @Argument(help: "SATP gold JSONL (satp_incident_attack_types_dev.jsonl).")
    var file: String

    @OptionGroup var lexicon: LexiconOptions

    @Flag(help: "Classify from the words alone, without parsing and coding events.")
    var wordsOnly = false

    static let labels = ["armed_assault", "bombing_explosion", "kidnapping_abduction", "other"]

    func run() throws {
        let coding = try TextCoding(wordsOnly: wordsOnly, lexicon: lexicon)
        let classifier = AcledClassifier()
        var perLabel: [String: (tp: Int, fp: Int, fn: Int)] = [:]
        var exact = 0
        var count = 0
        for record in try readGoldRecords(file) {
            guard let text = record["text"] as? String, let gold = record["gold"] as? [String: Any],
                let labels = gold["labels"] as? [String: Any]
            else { continue }
            let expected = Set(Self.labels.filter { (labels[$0] as? Int ?? 0) == 1 })
            let document = coding.code(text, id: record["id"] as? String ?? "record", date: nil)
            let predicted = classifier.attackTypes(document)
            count += 1
            if predicted == expected { exact += 1 }
            for label in Self.labels {
                var counts = perLabel[label] ?? (0, 0, 0)
                switch (predicted.contains(label), expected.contains(label)) {
                case (true, true): counts.tp += 1
                case (true, false): counts.fp += 1
                case (false, true): counts.fn += 1
                default: break
                }
                perLabel[label] = counts
            }
        }
        var rows: [[String]] = []
        var f1s: [Double] = []
        var micro = (tp: 0, fp: 0, fn: 0)
        for label in Self.labels {
            let c = perLabel[label] ?? (0, 0, 0)
            micro.tp += c.tp
            micro.fp += c.fp
            micro.fn += c.fn
            let p = c.tp + c.fp == 0 ? 0 : Double(c.tp) / Double(c.tp + c.fp)
            let r = c.tp + c.fn == 0 ? 0 : Double(c.tp) / Double(c.tp + c.fn)
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            f1s.append(f)
            rows.append([
                label, EventScoring.format(p), EventScoring.format(r), EventScoring.format(f), String(c.tp + c.fn),
            ])
        }
        let mp = micro.tp + micro.fp == 0 ? 0 : Double(micro.tp) / Double(micro.tp + micro.fp)
        let mr = micro.tp + micro.fn == 0 ? 0 : Double(micro.tp) / Double(micro.tp + micro.fn)
        let mf = mp + mr == 0 ? 0 : 2 * mp * mr / (mp + mr)
        rows.append(["micro", EventScoring.format(mp), EventScoring.format(mr), EventScoring.format(mf), ""])
        rows.append(["macro F1", "", "", EventScoring.format(f1s.reduce(0, +) / Double(f1s.count)), ""])
        rows.append([
            "exact match", "", "", EventScoring.format(count == 0 ? 0 : Double(exact) / Double(count)), String(count),
        ])
        printTable(
            "SATP attack types (\(file))" + (wordsOnly ? " — words only" : ""),
            header: ["attack type", "P", "R", "F1", "support"],
            rows: rows)
    }
}
