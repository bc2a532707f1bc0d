import Foundation

extension Document {
    /// The event a one-event coding of the document would keep: of the factual (not negated) events with a
    /// PLOVER type, the one whose trigger stands highest in its sentence's dependency tree — the main clause's
    /// act rather than one inside a modifier ("activist *leading* …", "the faction that *controls* …") — and
    /// of equally high ones, the first.
    ///
    /// Reporting verbs ("…, officials said") carry no PLOVER type, so the act they report is the main event.
    public var mainEvent: Event? {
        var best: (depth: Int, index: Int)?
        for (index, event) in events.enumerated() where event.plover != nil && !event.modality.negated {
            let depth = triggerDepth(event)
            if best == nil || depth < best!.depth { best = (depth, index) }
        }
        return best.map { events[$0.index] }
    }

    /// How many heads lie above an event's trigger (0 at the root); a trigger of several words counts its
    /// highest word. Tokens without a head count as roots; cycles are cut at the sentence's length.
    func triggerDepth(_ event: Event) -> Int {
        var depth = Int.max
        for token in event.evidence.triggerTokens where token < tokens.count {
            var steps = 0
            var current = token
            while let head = tokens[current].head, head != current, head >= 0, head < tokens.count,
                steps <= tokens.count
            {
                steps += 1
                current = head
            }
            depth = min(depth, steps)
        }
        return depth
    }
}
