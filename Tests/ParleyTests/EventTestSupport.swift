import Foundation
import Parley

/// Builds a parsed document by hand for coder tests.
///
/// Each word is `form/lemma/UPOS/head/relation` (head 1-based, 0 for the root), words separated by
/// spaces, sentences separated by ` || `; `actors` maps a phrase to its code (a phrase listed twice marks
/// its first two occurrences).
func parsedDocument(
    _ words: String, actors: [(String, String)] = [], published: Day? = Day(year: 2025, month: 10, day: 30),
    id: String = "test"
) throws -> Document {
    var lines: [String] = []
    for sentenceWords in words.components(separatedBy: " || ") {
        if !lines.isEmpty { lines.append("") }
        for (index, word) in sentenceWords.split(separator: " ").enumerated() {
            let parts = word.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            precondition(parts.count == 5, "bad word '\(word)'")
            let xpos: String
            switch parts[2] {
            case "VBN": xpos = "VBN"
            default: xpos = "_"
            }
            let upos = parts[2] == "VBN" ? "VERB" : parts[2]
            lines.append(
                [String(index + 1), parts[0], parts[1], upos, xpos, "_", parts[3], parts[4], "_", "_"].joined(
                    separator: "\t"))
        }
    }
    let sentences = try CoNLLU.parse(lines.joined(separator: "\n") + "\n\n")
    var document = CoNLLU.documents(from: sentences, id: id)[0]
    document.metadata.published = published
    var taken = Set<Int>()
    for (phrase, code) in actors {
        let phraseWords = phrase.split(separator: " ").map(String.init)
        let forms = document.tokens.map(\.form)
        var found = false
        for start in 0..<forms.count where start + phraseWords.count <= forms.count && !taken.contains(start) {
            if Array(forms[start..<(start + phraseWords.count)]) == phraseWords {
                taken.insert(start)
                let sentence = document.sentences.firstIndex { $0.tokens.contains(start) } ?? 0
                let range = start..<(start + phraseWords.count)
                let bytes =
                    document.tokens[range.lowerBound].range
                    .lowerBound..<document.tokens[range.upperBound - 1].range.upperBound
                document.actors.append(
                    ActorMention(
                        span: Span(tokens: range), range: bytes, text: phrase, code: code, sentence: sentence,
                        entry: "test: \(phrase)"))
                found = true
                break
            }
        }
        precondition(found, "no '\(phrase)' in the sentence")
    }
    document.annotations.insert(.actors)
    return document
}

/// A small lexicon in Parley's format for coder tests.
let testLexiconText = """
    set &talks = talks | negotiations
    set &truce = ceasefire | truce
    verb arrest => 173
      word arrest
    verb attack => 190
      word attack
      word strike (strikes struck striking)
      word target
    verb agree => 030
      word agree
      pattern agree.truce: * &truce => 0356
    verb resume => -
      word resume
      pattern resume.talks: * &talks => 046
    verb refuse => 120
      word refuse
    verb provide => 070
      word provide
    verb say => 010
      word say
    verb warn => 130
      word warn
    verb ask => 020
      word ask
      pattern ask.chance: * give &talks => 026
    verb meet => 040
      word meet
      pattern meet.talks: * (for &talks) => 046
    verb mediate => 045
      word mediate
    verb conduct => 060
      word conduct
    verb accept => -
      word accept
      pattern accept.truce: * (for &truce) => 0871
    noun airstrike => 195
      word airstrikes
      word airstrike
    noun talks => 046
      word talks
    noun clashes => 190
      word clashes
      word firing => 193
    noun demand => 100
      word demand
    noun request => 020
      word request
      pattern request.truce: * (for &truce) => 0256
    """

/// The test coder with more verb entries appended to the test lexicon.
func testCoder(adding verbs: String) throws -> EventCoder {
    EventCoder(
        lexicon: try VerbLexicon.parse(testLexiconText + "\n" + verbs, file: "test-verbs.txt"),
        codebook: try EventCodebook.bundled())
}

func testCoder(requireDyad: Bool = false) throws -> EventCoder {
    EventCoder(
        lexicon: try VerbLexicon.parse(testLexiconText, file: "test-verbs.txt"), codebook: try EventCodebook.bundled(),
        configuration: EventCoder.Configuration(requireDyad: requireDyad))
}

/// A suite that codes hand-parsed sentences with one coder.
protocol CodingSuite {
    var coder: EventCoder { get }
}

extension CodingSuite {
    /// Codes a hand-parsed sentence (see ``parsedDocument(_:actors:published:id:)``) with the suite's coder.
    func code(_ words: String, _ actors: [(String, String)]) throws -> Document {
        var document = try parsedDocument(words, actors: actors)
        try coder.process(&document)
        return document
    }
}

struct CodedTriple: Hashable, CustomStringConvertible {
    var source: [String]
    var target: [String]
    var code: String
    var description: String { "\(source.joined(separator: "+"))→\(target.joined(separator: "+")) \(code)" }
}

func triples(_ document: Document) -> [CodedTriple] {
    document.events.map { CodedTriple(source: $0.source.map(\.code), target: $0.target.map(\.code), code: $0.cameo) }
}
