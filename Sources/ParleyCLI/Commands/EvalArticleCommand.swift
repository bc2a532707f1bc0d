import ArgumentParser
import Foundation
import Parley

/// `parley eval article TEXT GOLD`: the hand-coded events of one article.
struct EvalArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract:
            "Check a coded article against its hand-coded gold events (source, target, CAMEO root; forbidden codings).",
        discussion: """
            GOLD is a JSON file with "published" and "events": [{"n", "level" (must/should), "text", "source", \
            "target", "cameo", "accept_cameo", "accept_target", "forbidden"}]. An event is found when a coded event \
            of the sentence holding its text has an accepted CAMEO root and the gold source and target; codes \
            match when they are equal, or when one is a bare country code and the other starts with it.
            """
    )

    @Argument(help: "The article text.")
    var text: String

    @Argument(help: "The gold JSON.")
    var gold: String

    @OptionGroup var lexicon: LexiconOptions

    @Flag(help: "Print each gold event and the coded events of its sentence.")
    var verbose = false

    static func codes(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        return (value as? [String]) ?? []
    }

    /// Whether a coded actor code stands for a gold one.
    static func matches(_ coded: String, _ gold: String) -> Bool {
        if coded == gold { return true }
        let bare = { (code: String) in code.count == 3 }
        return (bare(gold) && coded.hasPrefix(gold)) || (bare(coded) && gold.hasPrefix(coded))
    }

    func run() throws {
        guard let data = FileManager.default.contents(atPath: gold),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let events = object["events"] as? [[String: Any]]
        else { throw ValidationError("cannot read gold events from '\(gold)'") }
        guard let textData = FileManager.default.contents(atPath: text) else {
            throw ValidationError("cannot read '\(text)'")
        }
        let published = (object["published"] as? String).flatMap(Day.init(parsing:))
        var document = Document(
            id: (text as NSString).lastPathComponent, text: String(decoding: textData, as: UTF8.self),
            metadata: ArticleMetadata(published: published))
        try lexicon.pipeline().process(&document)
        var rows: [[String]] = []
        var found: [String: (Int, Int)] = [:]
        var forbiddenViolations = 0
        for gold in events {
            let level = gold["level"] as? String ?? "should"
            let goldText = gold["text"] as? String ?? ""
            // Gold texts quote the article without its quotation marks ("could obliterate the regime" for
            // could “obliterate the regime”): drop them on both sides.
            func normalized(_ text: some StringProtocol) -> String {
                text.replacingOccurrences(of: "\u{2019}", with: "'").replacingOccurrences(of: "\u{201C}", with: "")
                    .replacingOccurrences(of: "\u{201D}", with: "").replacingOccurrences(of: "\"", with: "")
                    .replacingOccurrences(of: "\n", with: " ")
            }
            let probe = normalized(goldText.prefix(40))
            let sentences = document.sentences.indices.filter {
                normalized(document.text(in: document.sentences[$0].range)).contains(probe)
            }
            let coded = document.events.filter { sentences.contains($0.sentence) }
            let roots = Set(
                ([gold["cameo"] as? String] + Self.codes(gold["accept_cameo"]).map(Optional.some)).compactMap {
                    $0?.prefix(2)
                }.map(String.init))
            let sources = Self.codes(gold["source"])
            let targets = Self.codes(gold["target"]) + Self.codes(gold["accept_target"])
            let hit = coded.first { event in
                roots.contains(String(event.cameo.prefix(2)))
                    && sources.allSatisfy { source in event.source.contains { Self.matches($0.code, source) } }
                    && (targets.isEmpty || event.target.contains { t in targets.contains { Self.matches(t.code, $0) } })
            }
            if gold["forbidden"] != nil {
                let bad = coded.filter { ["18", "19", "20"].contains(String($0.cameo.prefix(2))) }
                forbiddenViolations += bad.count
            }
            var counts = found[level] ?? (0, 0)
            counts.1 += 1
            if hit != nil { counts.0 += 1 }
            found[level] = counts
            rows.append([
                String(gold["n"] as? Int ?? 0), level, hit == nil ? "missed" : "found",
                "\(sources.joined(separator: "+"))→\(Self.codes(gold["target"]).joined(separator: "+")) \(gold["cameo"] as? String ?? "")",
                coded.map {
                    "\($0.source.map(\.code).joined(separator: "+"))→\($0.target.map(\.code).joined(separator: "+")) \($0.cameo)"
                }
                .joined(separator: "; "),
            ])
        }
        if verbose {
            printTable("gold events", header: ["n", "level", "result", "gold", "coded in its sentence"], rows: rows)
        }
        let summary =
            ["must", "should"].map { level -> [String] in
                let (hit, total) = found[level] ?? (0, 0)
                return [level, "\(hit)/\(total)"]
            } + [["forbidden codings", String(forbiddenViolations)]]
        printTable("Article \(text)", header: ["events", "found"], rows: summary)
    }
}
