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
    /// For each block and pattern: groups of words of which at least one must occur in a trigger's context
    /// for the pattern to match (a quick test before matching), and the pattern's weight.
    private var requirements: [[[Set<String>]]] = []
    private var weights: [[Int]] = []
    /// For each block: its patterns by one word they need (the smallest group of alternatives), and the
    /// patterns that need no word; so a trigger tries only patterns whose words its context has.
    private var anchored: [[String: [Int]]] = []
    private var unanchored: [[Int]] = []

    init(_ lexicon: VerbLexicon) {
        self.lexicon = lexicon
        requirements = lexicon.blocks.map { block in
            block.patterns.map { pattern in
                (pattern.pre + pattern.post).flatMap { Self.requiredWords($0, sets: lexicon.sets) }
            }
        }
        weights = lexicon.blocks.map { $0.patterns.map(\.weight) }
        for (b, block) in lexicon.blocks.enumerated() {
            var byWord: [String: [Int]] = [:]
            var free: [Int] = []
            for p in block.patterns.indices {
                if block.patterns[p].pre.isEmpty && block.patterns[p].post.isEmpty { continue }
                if let anchor = requirements[b][p].min(by: { $0.count < $1.count }) {
                    for word in anchor { byWord[word, default: []].append(p) }
                } else {
                    free.append(p)
                }
            }
            anchored.append(byWord)
            unanchored.append(free)
        }
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

    /// Groups of words an element needs: each group lists alternatives, one of which must be in the context.
    static func requiredWords(_ element: VerbLexicon.Element, sets: [String: [[VerbLexicon.Element]]]) -> [Set<String>]
    {
        switch element {
        case .word(let word, _):
            return [[word]]
        case .set(let name):
            guard let members = sets[name] else { return [] }
            var alternatives: Set<String> = []
            for member in members {
                guard let first = firstWords(member, sets: sets, depth: 0) else { return [] }
                alternatives.formUnion(first)
            }
            return alternatives.isEmpty ? [] : [alternatives]
        case .phrase(let elements):
            return elements.flatMap { requiredWords($0, sets: sets) }
        case .prepositional(let preposition, let elements):
            return [[preposition]] + elements.flatMap { requiredWords($0, sets: sets) }
        case .source, .target, .compound, .skip:
            return []
        }
    }

    /// The words one of which must begin a sequence of elements; `nil` when anything may.
    static func firstWords(_ elements: [VerbLexicon.Element], sets: [String: [[VerbLexicon.Element]]], depth: Int)
        -> Set<String>?
    {
        guard let first = elements.first, depth < 8 else { return nil }
        switch first {
        case .word(let word, _):
            return [word]
        case .prepositional(let preposition, _):
            return [preposition]
        case .phrase(let inner):
            return firstWords(inner, sets: sets, depth: depth + 1)
        case .set(let name):
            guard let members = sets[name] else { return nil }
            var result: Set<String> = []
            for member in members {
                guard let words = firstWords(member, sets: sets, depth: depth + 1) else { return nil }
                result.formUnion(words)
            }
            return result
        case .source, .target, .compound, .skip:
            return nil
        }
    }

    /// The words a pattern word may be written as to match one of these tokens (``wordMatches``): each
    /// token's form and lemma, and its form less a regular ending.
    static func keys(_ tokens: [Int], graph: SentenceGraph) -> Set<String> {
        var keys: Set<String> = []
        for token in tokens {
            let form = graph.form(token)
            keys.insert(form)
            keys.insert(graph.lemma(token))
            // An ASCII form (one character per byte, no "\r\n" pair) is cut byte by byte.
            if form.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
                let bytes = form.utf8
                for suffix in Self.endings
                where bytes.count > suffix.utf8.count && bytes.suffix(suffix.utf8.count).elementsEqual(suffix.utf8) {
                    keys.insert(String(decoding: bytes.dropLast(suffix.utf8.count), as: UTF8.self))
                }
                continue
            }
            for suffix in Self.endings where form.hasSuffix(suffix) && form.count > suffix.count {
                keys.insert(String(form.dropLast(suffix.count)))
            }
        }
        return keys
    }

    static let endings = ["S", "ES", "ED", "D", "ING", "'S", "N", "EN"]

    /// Trigger candidates for a token: by lemma, by irregular form, then by stripping a regular ending.
    func candidates(lemma: String, form: String) -> [Candidate] {
        if var found = byLemma[lemma] {
            // A word listed by its inflected form under another kind ("sanctions" the noun, "sanction" the
            // verb): the form's blocks of a kind the lemma's lack are candidates too, after the lemma's.
            guard form != lemma else { return found }
            let kinds = Set(found.map { lexicon.blocks[$0.block].kind })
            for extra in (byForm[form] ?? []) + (byLemma[form] ?? [])
            where !kinds.contains(lexicon.blocks[extra.block].kind)
                && !found.contains(where: { $0.block == extra.block && $0.word == extra.word })
            {
                found.append(extra)
            }
            return found
        }
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
        /// ``TriggerIndex/keys(_:graph:)`` of `pre` and `post`.
        let keys: Set<String>
        /// The trigger's token, when words after it must be local to its phrase (see ``isLocal(_:match:)``).
        let trigger: Int?

        init(
            graph: SentenceGraph, pre: [Int], post: [Int], actorAt: [Int: Int], compoundSubject: Bool,
            trigger: Int? = nil
        ) {
            self.trigger = trigger
            self.graph = graph
            self.pre = pre
            self.post = post
            self.actorAt = actorAt
            self.compoundSubject = compoundSubject
            self.keys = TriggerIndex.keys(pre + post, graph: graph)
        }
    }

    /// The best pattern of a block for a trigger, by weight (ties go to the pattern written first).
    func bestPattern(block: Int, context: Context, passive: Bool) -> Match? {
        let requirements = requirements[block]
        let weights = weights[block]
        // The patterns whose words the context may have, heaviest first; ties go to the pattern written first,
        // so the first that matches is the best.
        var candidates = unanchored[block]
        let byWord = anchored[block]
        if !byWord.isEmpty {
            for key in context.keys {
                if let patterns = byWord[key] { candidates += patterns }
            }
        }
        if candidates.isEmpty { return nil }
        candidates.sort { weights[$0] != weights[$1] ? weights[$0] > weights[$1] : $0 < $1 }
        let patterns = lexicon.blocks[block].patterns
        var previous = -1
        for p in candidates where p != previous {
            previous = p
            if requirements[p].contains(where: { $0.isDisjoint(with: context.keys) }) { continue }
            guard var match = self.match(patterns[p], context) else { continue }
            match.pattern = p
            match.weight = weights[p]
            return match
        }
        return nil
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
            guard start < sequence.count, wordMatches(word, exact: exact, token: sequence[start], graph: graph),
                isLocal(sequence[start], context: context, match: match)
            else {
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

    /// Whether a word after the trigger belongs to its verb phrase: at most one prepositional phrase between them
    /// whose preposition the pattern has not matched ("of" phrases are part of their noun phrase). "* area"
    /// matches "took the area" and "moved into the area", not "arrested him near a school in the area";
    /// "* in &refugee" and "(in …)" reach into the phrase they name the preposition of. A word inside a relative
    /// clause is that clause's: "accused the group, who carried out attacks" is no "* of attack".
    func isLocal(_ token: Int, context: Context, match: Match) -> Bool {
        guard let trigger = context.trigger, token > trigger else { return true }
        let graph = context.graph
        var current = token
        var steps = 0
        var phrases = 0
        while current != trigger, steps < 12 {
            steps += 1
            if graph.relation(current) == "acl:relcl" { return false }
            for marker in graph.children(of: current, ["case"])
            where marker != token && !match.tokens.contains(marker) && graph.form(marker) != "OF" {
                phrases += 1
                if phrases > 1 { return false }
                break
            }
            guard let head = graph.head(current) else { return true }
            current = head
        }
        return true
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
        return Self.endings.contains(String(rest))
    }
}
