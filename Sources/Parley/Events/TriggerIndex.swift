/// A verb lexicon indexed for lookup: triggers by lemma and form, patterns matched over a sentence.
struct TriggerIndex: Sendable {
    struct Candidate: Sendable {
        var block: Int
        var word: Int
        /// Extra words of a multiword trigger after the first (`FOR` of `ASK_FOR`).
        var rest: [String]
    }

    let lexicon: VerbLexicon
    private var byLemma: [String: [Candidate]] = [:]
    private var byForm: [String: [Candidate]] = [:]

    init(_ lexicon: VerbLexicon) {
        self.lexicon = lexicon
        for (b, block) in lexicon.blocks.enumerated() {
            for (w, word) in block.words.enumerated() {
                guard let first = word.lemma.first else { continue }
                let clean = first.hasSuffix("_") ? String(first.dropLast()) : first
                byLemma[clean, default: []].append(Candidate(block: b, word: w, rest: Array(word.lemma.dropFirst())))
                for form in word.forms {
                    guard let head = form.first else { continue }
                    let cleanForm = head.hasSuffix("_") ? String(head.dropLast()) : head
                    byForm[cleanForm, default: []].append(Candidate(block: b, word: w, rest: Array(form.dropFirst())))
                }
            }
        }
    }

    /// Trigger candidates for a token: by lemma, by irregular form, then by stripping a regular ending.
    func candidates(lemma: String, form: String) -> [Candidate] {
        if let found = byLemma[lemma] { return found }
        if let found = byForm[form] { return found }
        if let found = byLemma[form] { return found }
        for suffix in ["IES", "ING", "ED", "ES", "S", "D"] where form.hasSuffix(suffix) && form.count > suffix.count + 2
        {
            var stem = String(form.dropLast(suffix.count))
            if suffix == "IES" { stem += "Y" }
            if let found = byLemma[stem] { return found }
            if suffix == "ING" || suffix == "ED", let found = byLemma[stem + "E"] { return found }
            if suffix == "ING" || suffix == "ED", stem.count > 2, stem.last == stem.dropLast().last,
                let found = byLemma[String(stem.dropLast())]
            {
                return found
            }
        }
        return []
    }

    // MARK: Matching

    /// The state of a pattern match.
    struct Match {
        var pattern: Int?
        var tokens: [Int] = []
        var source: Int?
        var target: Int?
        var compound = false
        var weight = 0
    }

    /// Context for matching one trigger.
    struct Context {
        let graph: SentenceGraph
        /// Tokens before the trigger that belong to its clause, in text order.
        let pre: [Int]
        /// Tokens after the trigger in its complements, in text order.
        let post: [Int]
        /// Actor mention index for each token that is part of one.
        let actorAt: [Int: Int]
        /// Whether the subject is coordinated.
        let compoundSubject: Bool
    }

    /// The best pattern of a block for a trigger, by weight (ties go to the pattern written first).
    func bestPattern(block: Int, context: Context, passive: Bool) -> Match? {
        var best: Match?
        for (p, pattern) in lexicon.blocks[block].patterns.enumerated() {
            if pattern.pre.isEmpty && pattern.post.isEmpty { continue }
            guard var match = self.match(pattern, context) else { continue }
            match.pattern = p
            match.weight = pattern.weight
            if best == nil || match.weight > best!.weight { best = match }
        }
        return best
    }

    func match(_ pattern: VerbLexicon.Pattern, _ context: Context) -> Match? {
        var match = Match()
        // Pre elements are matched backwards from the trigger, so the nearest words count.
        var position = context.pre.count
        for element in pattern.pre.reversed() {
            if case .compound = element {
                guard context.compoundSubject else { return nil }
                match.compound = true
                continue
            }
            var found = false
            var start = position - 1
            while start >= 0 {
                if let end = matchElement(element, in: context.pre, at: start, context: context, match: &match),
                    end <= position
                {
                    position = start
                    found = true
                    break
                }
                start -= 1
            }
            if !found { return nil }
        }
        position = 0
        for element in pattern.post {
            if case .compound = element {
                match.compound = true
                continue
            }
            var found = false
            var start = position
            while start < context.post.count {
                if let end = matchElement(element, in: context.post, at: start, context: context, match: &match) {
                    position = end
                    found = true
                    break
                }
                start += 1
            }
            if !found { return nil }
        }
        return match
    }

    /// Matches one element at `start` of `sequence`; returns the position after it.
    private func matchElement(
        _ element: VerbLexicon.Element, in sequence: [Int], at start: Int, context: Context, match: inout Match
    ) -> Int? {
        let graph = context.graph
        switch element {
        case .word(let word, let exact):
            guard start < sequence.count, wordMatches(word, exact: exact, token: sequence[start], graph: graph) else {
                return nil
            }
            match.tokens.append(sequence[start])
            return start + 1
        case .set(let name):
            guard let members = lexicon.sets[name] else { return nil }
            var best: Int?
            for member in members {
                var trial = match
                if let end = matchAdjacent(member, in: sequence, at: start, context: context, match: &trial),
                    best == nil || end > best!
                {
                    best = end
                    match = trial
                }
            }
            return best
        case .phrase(let elements):
            return matchAdjacent(elements, in: sequence, at: start, context: context, match: &match)
        case .prepositional(let preposition, let elements):
            guard start < sequence.count else { return nil }
            let prep = sequence[start]
            guard graph.form(prep) == preposition || graph.lemma(prep) == preposition else { return nil }
            match.tokens.append(prep)
            if elements.isEmpty { return start + 1 }
            // The rest must lie in the phrase the preposition introduces.
            let scopeRoot = graph.head(prep) ?? prep
            let scope = Set(graph.subtree(scopeRoot))
            let inner = sequence[(start + 1)...].filter { scope.contains($0) }
            var position = 0
            for element in elements {
                var found = false
                var at = position
                while at < inner.count {
                    if let end = matchElement(element, in: Array(inner), at: at, context: context, match: &match) {
                        position = end
                        found = true
                        break
                    }
                    at += 1
                }
                if !found { return nil }
            }
            // Continue after the last token used.
            let last = match.tokens.max() ?? prep
            return (sequence.firstIndex(where: { $0 > last }) ?? sequence.count)
        case .source, .target:
            guard start < sequence.count, let mention = context.actorAt[sequence[start]] else { return nil }
            if case .source = element { match.source = mention } else { match.target = mention }
            var end = start + 1
            while end < sequence.count, context.actorAt[sequence[end]] == mention { end += 1 }
            return end
        case .compound:
            return start
        case .skip:
            return start < sequence.count ? start + 1 : nil
        }
    }

    private func matchAdjacent(
        _ elements: [VerbLexicon.Element], in sequence: [Int], at start: Int, context: Context, match: inout Match
    ) -> Int? {
        var position = start
        var trial = match
        for element in elements {
            // Skip determiners and punctuation inside a phrase.
            while position < sequence.count, ["DET", "PUNCT"].contains(context.graph.upos(sequence[position])),
                !isWord(element, sequence[position], context.graph)
            {
                position += 1
            }
            guard let end = matchElement(element, in: sequence, at: position, context: context, match: &trial) else {
                return nil
            }
            position = end
        }
        match = trial
        return position
    }

    private func isWord(_ element: VerbLexicon.Element, _ token: Int, _ graph: SentenceGraph) -> Bool {
        if case .word(let word, let exact) = element {
            return wordMatches(word, exact: exact, token: token, graph: graph)
        }
        return false
    }

    func wordMatches(_ word: String, exact: Bool, token: Int, graph: SentenceGraph) -> Bool {
        let form = graph.form(token)
        if form == word { return true }
        if exact { return false }
        if graph.lemma(token) == word { return true }
        guard form.hasPrefix(word) else { return false }
        let rest = form.dropFirst(word.count)
        return ["S", "ES", "ED", "D", "ING", "'S", "N", "EN"].contains(String(rest))
    }
}
