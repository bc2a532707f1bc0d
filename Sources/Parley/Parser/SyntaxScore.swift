import Foundation

/// Scores of tagging, lemmatization and parsing against gold words (gold tokenization).
///
/// Follows the CoNLL 2018 shared-task definitions for aligned words: every word counts,
/// punctuation included; LAS compares universal relations (subtypes after `:` ignored);
/// lemmas compare exactly.
public struct SyntaxScore: Sendable, CustomStringConvertible {
    public var words = 0
    public var upos = 0
    public var xpos = 0
    public var lemmas = 0
    public var unlabeled = 0
    public var labeled = 0

    /// Creates an empty score.
    public init() {}

    /// Adds the words of a predicted document to the score against its gold version.
    /// - Parameters:
    ///   - predicted: the document after running the stages.
    ///   - gold: the same document with gold annotations (same tokens).
    public mutating func add(predicted: Document, gold: Document) {
        for (p, g) in zip(predicted.tokens, gold.tokens) {
            words += 1
            if p.upos == g.upos { upos += 1 }
            if p.xpos == g.xpos { xpos += 1 }
            if p.lemma == g.lemma { lemmas += 1 }
            if p.head == g.head {
                unlabeled += 1
                if Self.universal(p.relation) == Self.universal(g.relation) { labeled += 1 }
            }
        }
    }

    static func universal(_ relation: String?) -> Substring? {
        relation.map { $0.split(separator: ":", maxSplits: 1).first ?? "" }
    }

    func percent(_ count: Int) -> Double { 100 * Double(count) / Double(max(words, 1)) }
    public var uposAccuracy: Double { percent(upos) }
    public var xposAccuracy: Double { percent(xpos) }
    public var lemmaAccuracy: Double { percent(lemmas) }
    public var uas: Double { percent(unlabeled) }
    public var las: Double { percent(labeled) }

    public var description: String {
        func f(_ value: Double) -> String { String(format: "%.2f", value) }
        return """
            words  \(words)
            UPOS   \(f(uposAccuracy))
            XPOS   \(f(xposAccuracy))
            Lemmas \(f(lemmaAccuracy))
            UAS    \(f(uas))
            LAS    \(f(las))
            """
    }
}

extension Document {
    /// A copy with the tagging, lemma and dependency layers removed, ready to be annotated again.
    public func strippingSyntax() -> Document {
        var copy = self
        for index in copy.tokens.indices {
            copy.tokens[index].upos = nil
            copy.tokens[index].xpos = nil
            copy.tokens[index].features = nil
            copy.tokens[index].lemma = nil
            copy.tokens[index].head = nil
            copy.tokens[index].relation = nil
        }
        copy.annotations.subtract([.partOfSpeech, .lemmas, .dependencies])
        return copy
    }
}
