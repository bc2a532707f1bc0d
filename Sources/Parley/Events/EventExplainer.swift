import Foundation

/// Renders a coded document with each event's evidence highlighted in its sentence.
///
/// With ANSI colours the trigger is bold red, the source green, the target blue and third parties
/// yellow; in plain text they are marked `[[trigger]]`, `{{source}}`, `<<target>>` and `((third party))`.
public struct EventExplainer: Sendable {
    /// Whether to use ANSI escape codes.
    public var ansi: Bool

    public init(ansi: Bool) {
        self.ansi = ansi
    }

    enum Role: Int, Comparable {
        case third = 0
        case target, source, trigger
        static func < (lhs: Role, rhs: Role) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    func marks(_ role: Role) -> (String, String) {
        if ansi {
            switch role {
            case .trigger: return ("\u{1B}[1;31m", "\u{1B}[0m")
            case .source: return ("\u{1B}[32m", "\u{1B}[0m")
            case .target: return ("\u{1B}[34m", "\u{1B}[0m")
            case .third: return ("\u{1B}[33m", "\u{1B}[0m")
            }
        }
        switch role {
        case .trigger: return ("[[", "]]")
        case .source: return ("{{", "}}")
        case .target: return ("<<", ">>")
        case .third: return ("((", "))")
        }
    }

    /// The sentence text with the given byte ranges marked (ranges may not overlap; inner ones win).
    func highlight(_ document: Document, sentence: Sentence, spans: [(Range<Int>, Role)]) -> String {
        var output = ""
        for (piece, role) in pieces(document, sentence: sentence, spans: spans) {
            if let role {
                let (open, close) = marks(role)
                output += open + piece + close
            } else {
                output += piece
            }
        }
        return output
    }

    /// The sentence cut where the role of its bytes changes.
    func pieces(_ document: Document, sentence: Sentence, spans: [(Range<Int>, Role)]) -> [(String, Role?)] {
        let bytes = Array(document.text.utf8)
        let start = sentence.range.lowerBound
        let end = min(sentence.range.upperBound, bytes.count)
        var role = [Role?](repeating: nil, count: max(0, end - start))
        for (range, kind) in spans.sorted(by: { $0.1 < $1.1 }) {
            // A span outside the sentence (an actor named in an earlier sentence) marks nothing here.
            let lower = max(range.lowerBound, start)
            let upper = min(range.upperBound, end)
            guard lower < upper else { continue }
            for offset in lower..<upper { role[offset - start] = kind }
        }
        var output: [(String, Role?)] = []
        var index = start
        while index < end {
            var next = index + 1
            let current = role[index - start]
            while next < end && role[next - start] == current { next += 1 }
            // Keep UTF-8 sequences whole.
            while next < end && (bytes[next] & 0xC0) == 0x80 { next += 1 }
            let piece = String(decoding: bytes[index..<next], as: UTF8.self).replacingOccurrences(of: "\n", with: " ")
            output.append((piece, current))
            index = next
        }
        return output
    }

    /// The trigger, source, target and third-party spans of an event.
    func spans(of event: Event, in document: Document) -> [(Range<Int>, Role)] {
        var spans: [(Range<Int>, Role)] = [(event.evidence.trigger, .trigger)]
        for (actors, role) in [(event.source, Role.source), (event.target, .target), (event.thirdParties, .third)] {
            for actor in actors {
                if let mention = actor.mention, mention < document.actors.count {
                    spans.append((document.actors[mention].range, role))
                }
            }
        }
        return spans
    }

    /// A piece of an event's sentence and the part it plays in the event.
    public struct Highlight: Hashable, Codable, Sendable {
        /// The words.
        public var text: String
        /// `trigger`, `source`, `target` or `third`; `nil` for the words around them.
        public var role: String?
    }

    /// An event's sentence cut into pieces, each marked with its part in the event (what ``explain(_:)`` marks).
    /// - Parameters:
    ///   - event: an event of the document.
    ///   - document: the coded document (its sentences and actor mentions).
    /// - Returns: the pieces in order, or none when the event's sentence is not in the document.
    public static func highlights(of event: Event, in document: Document) -> [Highlight] {
        guard event.sentence < document.sentences.count else { return [] }
        let explainer = EventExplainer(ansi: false)
        return explainer.pieces(
            document, sentence: document.sentences[event.sentence], spans: explainer.spans(of: event, in: document)
        ).map { piece, role in
            let name: String? =
                switch role {
                case .trigger: "trigger"
                case .source: "source"
                case .target: "target"
                case .third: "third"
                case nil: nil
                }
            return Highlight(text: piece, role: name)
        }
    }

    /// The explanation of every event in a document.
    public func explain(_ document: Document) -> String {
        var output = "\(document.id)" + (document.metadata.published.map { " — published \($0)" } ?? "") + "\n"
        if !ansi { output += "marks: [[trigger]] {{source}} <<target>> ((third party))\n" }
        if document.events.isEmpty { return output + "no events coded\n" + FactsOutput.explanation(of: document) }
        for event in document.events {
            guard event.sentence < document.sentences.count else { continue }
            let sentence = document.sentences[event.sentence]
            let spans = spans(of: event, in: document)
            output += "\n\(event.id)  sentence \(event.sentence + 1)\n  "
            output += highlight(document, sentence: sentence, spans: spans) + "\n"
            let source = event.source.map { "\($0.code) «\($0.text)»" }.joined(separator: ", ")
            let target = event.target.map { "\($0.code) «\($0.text)»" }.joined(separator: ", ")
            output += "  who:    \(source.isEmpty ? "-" : source)\n"
            output += "  whom:   \(target.isEmpty ? "-" : target)\n"
            for third in event.thirdParties {
                output += "  \(third.role ?? "third party"): \(third.code) «\(third.text)»\n"
            }
            var what = "  what:   CAMEO \(event.cameo)"
            if let plover = event.plover {
                what += ", PLOVER \(plover.event)" + (plover.mode.map { "/\($0)" } ?? "")
                if !plover.context.isEmpty { what += " (\(plover.context.joined(separator: ", ")))" }
            }
            if let acled = event.acled { what += ", ACLED \(acled.eventType) / \(acled.subEventType)" }
            if let goldstein = event.goldstein { what += ", Goldstein \(goldstein)" }
            if let quad = event.quadClass { what += ", QuadClass \(quad)" }
            output += what + "\n"
            output += "  why:    pattern \(event.evidence.pattern)\n"
            for entry in event.evidence.entries { output += "          \(entry)\n" }
            for (flag, rule) in event.modality.rules.sorted(by: { $0.key < $1.key }) {
                output += "  \(flag): \(rule)\n"
            }
            if let speaker = event.modality.speaker { output += "  speaker: \(speaker.code) «\(speaker.text)»\n" }
            if let date = event.date {
                output += "  when:   \(date)" + (event.datePrecision.map { " (\($0))" } ?? "") + "\n"
            }
            if let location = event.location { output += "  where:  \(location.name)\n" }
            output += FactsOutput.explanation(of: event, in: document)
        }
        return output + FactsOutput.explanation(of: document)
    }
}
