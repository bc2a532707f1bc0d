import Foundation

/// Finds direct quotes and reported speech, resolves their speakers and attributes events to them.
///
/// Direct quotes are read by ``QuotedSpans``, as the event coder reads them. A quote's speaker comes from the reporting
/// clause of its sentence ("…,” Asif said"), else from the previous quote of the same or previous
/// paragraph. Indirect speech ("X said that …", "…, sources said", "according to Y") becomes a quote
/// that is not direct. Unnamed sources stay unnamed. Events inside a quote or reported clause get an
/// ``Attribution``.
public struct QuoteFinder: PipelineStage {
    public let name = "quotes"
    public let requires: Set<Annotation> = []
    public let assigns: Set<Annotation> = [.quotes]

    /// Creates the stage.
    public init() {}

    public func process(_ document: inout Document) throws {
        let text = FactText(document)
        let spans = QuotedSpans.find(in: text.bytes)
        let clauses = Reporting.clauses(in: text)
        var resolver = SpeakerResolver(document: document, text: text)
        var quotes: [Quote] = []
        var quotedSentences: [Int: [Int]] = [:]  // sentence → quote indices
        // Resolve speakers in text order, so coreference sees earlier names first.
        var speakers: [Int: Speaker] = [:]  // clause index → speaker
        for (index, clause) in clauses.enumerated() { speakers[index] = resolver.resolve(clause.speaker) }
        func clauseOutside(_ span: Range<Int>, sentences: ClosedRange<Int>) -> Int? {
            // A reporting clause in the quote's sentences whose words are not inside any quote.
            let candidates = clauses.indices.filter { index in
                let clause = clauses[index]
                guard sentences.contains(clause.sentence) else { return false }
                let verb = text.words[clause.verb.lowerBound].range
                return !spans.contains { $0.contains(verb.lowerBound) }
            }
            // Nearest to the quote.
            return candidates.min { a, b in
                gap(text.words[clauses[a].verb.lowerBound].range, span) < gap(text.words[clauses[b].verb.lowerBound].range, span)
            }
        }
        var usedClauses: Set<Int> = []
        for span in spans {
            guard let first = text.sentence(containing: span.lowerBound) else { continue }
            let last = text.sentence(containing: max(span.lowerBound, span.upperBound - 1)) ?? first
            var quote = Quote(range: span, direct: true, sentence: first)
            let endSentence = text.sentence(containing: min(span.upperBound + 2, text.bytes.count - 1)) ?? last
            if let clause = clauseOutside(span, sentences: first...max(last, endSentence)) {
                usedClauses.insert(clause)
                quote.speaker = speakers[clause]
                quote.saidTo = clauses[clause].saidTo
                let clauseSentence = clauses[clause].sentence
                if quote.saidTo == nil, clauseSentence > 0,
                    let told = clauses.firstIndex(where: { $0.sentence == clauseSentence - 1 && $0.saidTo != nil }),
                    let speaker = speakers[told], speaker.text == quote.speaker?.text,
                    text.sentences[clauseSentence - 1].paragraph == text.sentences[clauseSentence].paragraph
                {
                    // "Asif told Geo News that … . “…,” Asif said."
                    if !quotes.contains(where: { $0.saidTo == clauses[told].saidTo }) { quote.saidTo = clauses[told].saidTo }
                }
                quote.date = reportDate(document, clause: clauses[clause], text: text)
            } else if let previous = quotes.last(where: { $0.direct && $0.speaker != nil }),
                let previousParagraph = text.sentences[safe: previous.sentence]?.paragraph,
                text.sentences[first].paragraph - previousParagraph <= 1
            {
                quote.speaker = previous.speaker
            }
            quotedSentences[first, default: []].append(quotes.count)
            quotes.append(quote)
        }
        // Indirect speech: reporting clauses not used by a direct quote.
        for (index, clause) in clauses.enumerated() where !usedClauses.contains(index) {
            let sentence = text.sentences[clause.sentence]
            let verbEnd = text.words[clause.verb.upperBound - 1].range.upperBound
            let speakerRange = text.words[clause.speaker.lowerBound].range.lowerBound..<text.words[clause.speaker.upperBound - 1].range.upperBound
            var content: Range<Int>
            let clauseStart = min(speakerRange.lowerBound, text.words[clause.verb.lowerBound].range.lowerBound)
            let clauseEnd = max(speakerRange.upperBound, verbEnd)
            if clauseStart - sentence.range.lowerBound > sentence.range.upperBound - clauseEnd {
                // "…, sources said." / "…, according to Y."
                content = sentence.range.lowerBound..<clauseStart
            } else {
                var start = clauseEnd
                if let that = text.words[clause.verb.upperBound..<sentence.words.upperBound].first(where: { $0.lower == "that" }),
                    that.range.lowerBound - verbEnd < 40
                {
                    start = that.range.upperBound
                }
                content = start..<sentence.range.upperBound
            }
            let trimmed = trim(content, text: text)
            guard trimmed.count > 3 else { continue }
            var quote = Quote(range: trimmed, direct: false, speaker: speakers[index], saidTo: clause.saidTo, sentence: clause.sentence)
            quote.date = reportDate(document, clause: clause, text: text)
            quotes.append(quote)
        }
        quotes.sort { $0.range.lowerBound < $1.range.lowerBound }
        // Attribute events.
        for eventIndex in document.events.indices {
            let trigger = document.events[eventIndex].evidence.trigger
            let containing = quotes.indices.filter { quotes[$0].range.contains(trigger.lowerBound) }
            guard let quoteIndex = containing.min(by: { quotes[$0].range.count < quotes[$1].range.count }) else { continue }
            quotes[quoteIndex].events.append(document.events[eventIndex].id)
            let quote = quotes[quoteIndex]
            var speaker = quote.speaker?.actor
            if speaker == nil, let named = quote.speaker {
                speaker = ActorReference(code: "---", text: named.text, role: named.unnamed ? "unnamed source" : "speaker")
            }
            document.events[eventIndex].attribution = Attribution(speaker: speaker, reportedBy: quote.saidTo, quote: quoteIndex)
        }
        document.quotes = quotes
    }

    private func gap(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
        if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
        return 0
    }

    private func trim(_ range: Range<Int>, text: FactText) -> Range<Int> {
        var lower = range.lowerBound
        var upper = range.upperBound
        let skip: Set<UInt8> = [32, 9, 10, 13, UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: ":"), UInt8(ascii: ";")]
        while lower < upper, skip.contains(text.bytes[lower]) { lower += 1 }
        while upper > lower, skip.contains(text.bytes[upper - 1]) { upper -= 1 }
        return lower..<upper
    }

    /// The date of a time expression right after (or just before) the reporting verb.
    private func reportDate(_ document: Document, clause: ReportingClause, text: FactText) -> Day? {
        let verb = text.words[clause.verb.lowerBound].range
        return document.dates.first { expression in
            expression.sentence == clause.sentence && expression.precision == .day
                && (expression.range.lowerBound >= verb.upperBound && expression.range.lowerBound - verb.upperBound <= 2
                    || verb.lowerBound >= expression.range.upperBound && verb.lowerBound - expression.range.upperBound <= 2)
        }?.start
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
