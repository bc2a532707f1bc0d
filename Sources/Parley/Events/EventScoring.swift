import Foundation

/// Counts for scoring coded events against gold sets.
public enum EventScoring {
    /// Micro-averaged precision, recall and F1 over items, and the share of records whose sets match.
    public struct SetScore: Sendable {
        public var records = 0
        public var passed = 0
        public var truePositives = 0
        public var falsePositives = 0
        public var falseNegatives = 0

        public init() {}

        /// Adds one record's predicted and expected sets.
        public mutating func add<T: Hashable>(predicted: Set<T>, expected: Set<T>) {
            records += 1
            if predicted == expected { passed += 1 }
            truePositives += predicted.intersection(expected).count
            falsePositives += predicted.subtracting(expected).count
            falseNegatives += expected.subtracting(predicted).count
        }

        public var passRate: Double { records == 0 ? 0 : Double(passed) / Double(records) }
        public var precision: Double {
            truePositives + falsePositives == 0 ? 0 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 0 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// Single-label classification: accuracy and macro-F1 over the gold classes.
    public struct LabelScore: Sendable {
        public private(set) var pairs: [(gold: String, predicted: String)] = []

        public init() {}

        public mutating func add(gold: String, predicted: String) {
            pairs.append((gold, predicted))
        }

        public var count: Int { pairs.count }
        public var accuracy: Double {
            pairs.isEmpty ? 0 : Double(pairs.filter { $0.gold == $0.predicted }.count) / Double(pairs.count)
        }

        /// Per-class precision, recall, F1 and support, for classes present in gold.
        public var perClass: [(label: String, precision: Double, recall: Double, f1: Double, support: Int)] {
            let labels = Set(pairs.map(\.gold)).sorted()
            return labels.map { label in
                let tp = pairs.filter { $0.gold == label && $0.predicted == label }.count
                let predicted = pairs.filter { $0.predicted == label }.count
                let support = pairs.filter { $0.gold == label }.count
                let p = predicted == 0 ? 0 : Double(tp) / Double(predicted)
                let r = support == 0 ? 0 : Double(tp) / Double(support)
                return (label, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r), support)
            }
        }

        /// Macro-F1 over the gold classes.
        public var macroF1: Double {
            let classes = perClass
            return classes.isEmpty ? 0 : classes.map(\.f1).reduce(0, +) / Double(classes.count)
        }
    }

    /// Source–target–code triples of a document's events, one per dyad (PETRARCH's output unit).
    /// Reciprocal events (the same actors on both sides) give each ordered pair of different actors. An event with
    /// no target (coded only when a dyad is not required) has PETRARCH's unknown target `---`.
    public static func triples(_ document: Document) -> Set<[String]> {
        var result: Set<[String]> = []
        for event in document.events {
            for source in event.source {
                if event.target.isEmpty {
                    result.insert([source.code, "---", event.cameo])
                    continue
                }
                for target in event.target where target.code != source.code {
                    result.insert([source.code, target.code, event.cameo])
                }
            }
        }
        return result
    }

    /// Formats a score as `0.853`.
    public static func format(_ value: Double) -> String {
        String(format: "%.3f", value)
    }
}
