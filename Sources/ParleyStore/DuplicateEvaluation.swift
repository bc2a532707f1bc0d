import Foundation
import Parley

/// Builds a near-duplicate test set from articles and scores the store's duplicate grouping on it.
///
/// Each original gets programmatic near-copies — re-headlined, re-paragraphed, truncated, and
/// re-headlined and truncated together — and the remaining articles are distinct stories. Scores are
/// over pairs: a predicted pair is two documents in one duplicate group; a gold pair is two copies of
/// one original.
public struct DuplicateEvaluation: Sendable {
    /// The scores.
    public struct Score: Sendable, Hashable, Codable {
        public var documents: Int
        public var originals: Int
        public var goldPairs: Int
        public var predictedPairs: Int
        public var correctPairs: Int
        public var precision: Double { predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs) }
        public var recall: Double { goldPairs == 0 ? 1 : Double(correctPairs) / Double(goldPairs) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        /// Recall per kind of copy.
        public var recallByKind: [String: Double]
    }

    /// One document of the set, with the original it copies (itself for originals and distinct stories).
    public struct Item: Sendable {
        public var document: Document
        public var family: String
        public var kind: String
    }

    public var seed: UInt64
    /// Share of the articles used as originals; the rest are distinct stories.
    public var originalShare: Double

    public init(seed: UInt64 = 42, originalShare: Double = 0.4) {
        self.seed = seed
        self.originalShare = originalShare
    }

    /// The test set built from article texts (at least 40 words each are used).
    public func build(_ texts: [(id: String, text: String)]) -> [Item] {
        var generator = SplitMix(seed: seed)
        // Articles whose words are the same are one article for this test: keep the first.
        var seen = Set<String>()
        let usable = texts.filter { article in
            let words = Fingerprint.words(of: article.text)
            return words.count >= 40 && seen.insert(words.joined(separator: " ")).inserted
        }
        var items: [Item] = []
        let headlines = ["Breaking news", "Latest: officials respond", "In brief", "Update from the region", "Wire report"]
        for (index, article) in usable.enumerated() {
            let family = article.id
            items.append(Item(document: Document(id: family, text: article.text), family: family, kind: "original"))
            guard Double(generator.next() % 1000) / 1000 < originalShare else { continue }
            let headline = headlines[Int(generator.next() % UInt64(headlines.count))] + " \(index)"
            let sentences = Self.sentences(article.text)
            // Re-headlined: a new headline line on top.
            items.append(
                Item(document: Document(id: family + "~headline", text: headline + "\n\n" + article.text), family: family, kind: "reheadlined"))
            // Re-paragraphed: sentences regrouped into new paragraphs, spacing changed.
            var regrouped = ""
            for (number, sentence) in sentences.enumerated() {
                regrouped += sentence + (number % 2 == 1 ? "\n\n" : "  ")
            }
            items.append(Item(document: Document(id: family + "~paragraphs", text: regrouped), family: family, kind: "reparagraphed"))
            // Truncated: the first 50–80% of the words, cut at a sentence end when there is one.
            let words = article.text.split(whereSeparator: { $0.isWhitespace })
            let keep = max(20, words.count * Int(50 + generator.next() % 31) / 100)
            let truncated = words.prefix(keep).joined(separator: " ")
            items.append(Item(document: Document(id: family + "~truncated", text: truncated), family: family, kind: "truncated"))
            // Re-headlined and truncated, as a short wire re-post.
            items.append(
                Item(
                    document: Document(id: family + "~repost", text: headline + ". " + words.prefix(max(20, words.count * 2 / 3)).joined(separator: " ")),
                    family: family, kind: "repost"))
        }
        return items
    }

    /// Stores the set in a store and scores the duplicate groups it formed.
    /// - Throws: ``StoreError`` from the store.
    public func score(_ items: [Item], store: any EventStore) async throws -> Score {
        var group: [String: String] = [:]
        for item in items {
            try await store.store(item.document, item: nil)
        }
        for item in items {
            guard let stored = try await store.document(Fingerprint(item.document).key) else { continue }
            group[item.document.id] = stored.duplicateOf ?? stored.key
        }
        var byGroup: [String: [Item]] = [:]
        for item in items { byGroup[group[item.document.id] ?? item.document.id, default: []].append(item) }
        var predicted = 0
        var correct = 0
        var foundByKind: [String: Int] = [:]
        if ProcessInfo.processInfo.environment["PARLEY_DEBUG_DUPLICATES"] != nil {
            for members in byGroup.values where Set(members.map(\.family)).count > 1 {
                print("mixed group:", members.map { "\($0.kind) \($0.document.text.prefix(90))" }.joined(separator: "\n    "))
            }
        }
        for members in byGroup.values where members.count > 1 {
            for i in 0..<members.count {
                for j in (i + 1)..<members.count {
                    predicted += 1
                    if members[i].family == members[j].family {
                        correct += 1
                        for member in [members[i], members[j]] where member.kind != "original" {
                            if members[i].kind == "original" || members[j].kind == "original" {
                                foundByKind[member.kind, default: 0] += 1
                            }
                        }
                    }
                }
            }
        }
        var families: [String: Int] = [:]
        var kinds: [String: Int] = [:]
        for item in items {
            families[item.family, default: 0] += 1
            if item.kind != "original" { kinds[item.kind, default: 0] += 1 }
        }
        let gold = families.values.map { $0 * ($0 - 1) / 2 }.reduce(0, +)
        var recallByKind: [String: Double] = [:]
        for (kind, total) in kinds { recallByKind[kind] = Double(foundByKind[kind] ?? 0) / Double(total) }
        return Score(
            documents: items.count, originals: families.values.filter { $0 > 1 }.count, goldPairs: gold,
            predictedPairs: predicted, correctPairs: correct, recallByKind: recallByKind)
    }

    static func sentences(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "." || character == "!" || character == "?" {
                let trimmed = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !trimmed.isEmpty { result.append(trimmed) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { result.append(rest) }
        return result
    }
}

/// A small seeded random number generator, so evaluation sets are the same on every machine.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        return Fingerprint.mix(state)
    }
}
