import Foundation

/// Picks the source and target noun phrases of a sentence's main event from its dependency parse.
///
/// The main predicate is the root, or the clause a trailing "…, officials said" reports. The source is its
/// subject (each conjunct of "Mexico and Canada"), or the "by" agent of a passive; a passive without one
/// takes the subject of its "when/after" clause or the place it happened ("was arrested in X"). The target
/// is the first party among: the object when it names a party (a person, group or place, a proper name
/// or an actor mention) unless a "to" recipient is named; a party in a prepositional phrase of the object
/// or predicate ("an assault on X", "aid to X"); the subject or target of a complement clause ("said that
/// X must …", "agreed to lift a ban on X"); and last, any object. Spans are whole noun phrases: determiners,
/// modifiers, "of"/"in" phrases and appositions, but not relative clauses or trailing adverbials.
/// A noun counts as a party when it names a person, group or place, or has such a compound modifier ("police
/// headquarters"). Needs part-of-speech tags, lemmas and dependencies; actor mentions, when present, count as parties.
public struct ParticipantFinder: Sendable {
    /// The participants of a sentence's main event.
    public struct Participants: Hashable, Sendable {
        /// Who acts: one span per conjunct.
        public var sources: [Span]
        /// Who or what is acted on: one span per conjunct.
        public var targets: [Span]
        /// How they were found, for explanations.
        public var rule: String

        /// Creates participants.
        public init(sources: [Span] = [], targets: [Span] = [], rule: String = "") {
            self.sources = sources
            self.targets = targets
            self.rule = rule
        }
    }

    /// Classes of common nouns, to tell parties from themes.
    public let nouns: NounClasses

    /// Creates a finder.
    /// - Parameter nouns: noun classes, usually ``NounClasses/bundled()``.
    public init(nouns: NounClasses) {
        self.nouns = nouns
    }

    static let speechVerbs: Set<String> = [
        "say", "tell", "announce", "claim", "report", "state", "add", "declare", "confirm", "insist", "note",
        "reveal", "write", "explain", "stress", "argue", "assert", "allege", "suggest", "indicate", "acknowledge",
        "admit", "believe", "think", "know", "hope", "fear", "predict", "quote",
    ]
    /// Prepositions that introduce a target, most telling first.
    static let targetPrepositions = [
        "to", "against", "on", "upon", "with", "into", "at", "from", "for", "toward", "towards", "over", "about",
        "of", "in", "by",
    ]
    static let possessivePronouns: Set<String> = ["its", "their", "his", "her", "it", "they", "he", "she"]
    static let personalPronouns: Set<String> = [
        "he", "she", "they", "him", "them", "we", "us", "it", "you", "i", "me", "her",
    ]
    static let unmarkedRelations: Set<String> = ["obl:tmod", "nmod:tmod", "obl:unmarked", "nmod:unmarked"]

    /// The source and target spans of a sentence's main event.
    /// - Parameters:
    ///   - document: a parsed document (tags, lemmas, dependencies; actor mentions optional).
    ///   - sentence: the sentence's index in ``Document/sentences``.
    /// - Returns: the participants; empty when the sentence has no parse.
    public func participants(in document: Document, sentence: Int) -> Participants {
        guard document.sentences.indices.contains(sentence) else { return Participants() }
        let graph = Graph(document: document, range: document.sentences[sentence].tokens, nouns: nouns)
        guard let root = graph.root else { return Participants() }
        return graph.participants(root: root)
    }

    /// The token of a sentence's main predicate: its root, or the clause a trailing "…, officials said" reports.
    /// - Parameters:
    ///   - document: a parsed document.
    ///   - sentence: the sentence's index in ``Document/sentences``.
    /// - Returns: the predicate's token index; `nil` when the sentence has no parse.
    public func mainPredicate(in document: Document, sentence: Int) -> Int? {
        guard document.sentences.indices.contains(sentence) else { return nil }
        let graph = Graph(
            document: document, range: document.sentences[sentence].tokens, nouns: nouns, actorTokens: [])
        return graph.root.map(graph.predicate(root:))
    }

    /// The source and target spans of one predicate of a sentence: a verb, or an event noun ("strikes on X").
    /// - Parameters:
    ///   - document: a parsed document (tags, lemmas, dependencies; actor mentions optional).
    ///   - sentence: the sentence's index in ``Document/sentences``.
    ///   - predicate: the predicate's token index; it must lie in the sentence.
    /// - Returns: the participants; empty when the predicate is outside the sentence.
    public func participants(in document: Document, sentence: Int, predicate: Int) -> Participants {
        guard document.sentences.indices.contains(sentence),
            document.sentences[sentence].tokens.contains(predicate)
        else { return Participants() }
        let graph = Graph(document: document, range: document.sentences[sentence].tokens, nouns: nouns)
        return graph.participants(of: predicate)
    }

    /// A sentence's parse prepared once for questions about several of its predicates.
    /// - Parameters:
    ///   - document: a parsed document.
    ///   - sentence: the sentence's index in ``Document/sentences``.
    ///   - actorTokens: tokens of coded actor mentions, which count as parties.
    func graph(in document: Document, sentence: Int, actorTokens: Set<Int>) -> Graph {
        Graph(document: document, range: document.sentences[sentence].tokens, nouns: nouns, actorTokens: actorTokens)
    }

    /// The parse of one sentence with the questions the finder asks of it.
    struct Graph {
        let document: Document
        let range: Range<Int>
        let nouns: NounClasses
        /// Children of each token of the sentence, index `token - range.lowerBound`.
        private var childLists: [[Int]]
        var actorTokens = Set<Int>()
        var root: Int?

        init(document: Document, range: Range<Int>, nouns: NounClasses, actorTokens: Set<Int>? = nil) {
            self.document = document
            self.range = range
            self.nouns = nouns
            if let actorTokens { self.actorTokens = actorTokens }
            childLists = Array(repeating: [], count: range.count)
            for index in range {
                let token = document.tokens[index]
                if let head = token.head, range.contains(head) {
                    childLists[head - range.lowerBound].append(index)
                } else if token.relation == "root" || (token.head == nil && token.relation != nil) {
                    if root == nil { root = index }
                }
            }
            guard actorTokens == nil else { return }
            for mention in document.actors where mention.code != nil && mention.span.tokens.overlaps(range) {
                self.actorTokens.formUnion(mention.span.tokens)
            }
        }

        /// The children of a token of the sentence, in text order; none for a token outside it.
        func children(of token: Int) -> [Int] { range.contains(token) ? childLists[token - range.lowerBound] : [] }

        func relation(_ token: Int) -> String { document.tokens[token].relation ?? "" }
        func base(_ relation: String) -> Substring { relation.split(separator: ":").first ?? "" }
        func upos(_ token: Int) -> String { document.tokens[token].upos ?? "" }
        func lemma(_ token: Int) -> String {
            (document.tokens[token].lemma ?? document.tokens[token].form).lowercased()
        }

        /// Dependents of a token whose relation, or its base ("obl" for "obl:agent"), is listed.
        func dependents(_ token: Int, _ relations: some Collection<String>) -> [Int] {
            children(of: token).filter {
                let relation = relation($0)
                if relations.contains(relation) { return true }
                return relation.utf8.contains(UInt8(ascii: ":")) && relations.contains(String(base(relation)))
            }
        }

        func preposition(_ token: Int) -> String? {
            dependents(token, ["case"]).first.map(lemma)
        }

        func nounClass(_ token: Int) -> NounClasses.NounClass? {
            nouns[lemma(token)] ?? nouns[document.tokens[token].form]
        }

        /// Whether a noun names a party to an event: a person, group or place, a proper name, a personal
        /// pronoun or an actor mention; never a time, a number, or a thing the subject owns ("its troops").
        func isParty(_ token: Int) -> Bool {
            let tag = upos(token)
            if tag == "NUM" || ParticipantFinder.unmarkedRelations.contains(relation(token)) { return false }
            if nouns[document.tokens[token].form] == .time || nounClass(token) == .time { return false }
            if tag == "NOUN",
                dependents(token, ["nmod:poss"]).contains(where: {
                    ParticipantFinder.possessivePronouns.contains(lemma($0))
                })
            {
                return false
            }
            if actorTokens.contains(token) || tag == "PROPN" { return true }
            // "a government entity", "police headquarters", "Islamic State positions": owned by a party.
            if tag == "NOUN",
                dependents(token, ["compound"]).contains(where: {
                    upos($0) == "PROPN" || actorTokens.contains($0) || [.person, .group].contains(nounClass($0))
                })
            {
                return true
            }
            if tag == "PRON" { return ParticipantFinder.personalPronouns.contains(lemma(token)) }
            if tag == "NOUN" || tag == "ADJ" {
                if let nounClass = nounClass(token) { return nounClass != .time }
            }
            return false
        }

        /// The noun phrase a head word stands for: its subtree without conjuncts, relative clauses, trailing
        /// adverbials and the punctuation, prepositions and conjunctions at its edges.
        func phrase(_ head: Int) -> Span {
            var members: Set<Int> = [head]
            var stack = [head]
            while let current = stack.popLast() {
                for child in children(of: current) where !members.contains(child) {
                    if current == head {
                        let name = relation(child)
                        if ["conj", "cc", "parataxis", "punct"].contains(String(base(name))) || name == "acl:relcl" {
                            continue
                        }
                        // Trailing adverbials and dates ("Obama on Sunday") are not part of the phrase.
                        if child > head,
                            ["obl", "obl:tmod", "nmod:tmod", "advmod", "obl:unmarked"].contains(name)
                                || nounClass(child) == .time
                        {
                            continue
                        }
                    }
                    members.insert(child)
                    stack.append(child)
                }
            }
            var lower = members.min() ?? head
            var upper = (members.max() ?? head) + 1
            while lower < head, ["PUNCT", "ADP", "CCONJ"].contains(upos(lower)) { lower += 1 }
            while upper - 1 > head, ["PUNCT", "CCONJ", "ADP"].contains(upos(upper - 1)) { upper -= 1 }
            return Span(tokens: lower..<upper, label: "participant")
        }

        /// A head and its nominal conjuncts ("Jordan and Britain").
        func conjuncts(_ head: Int) -> [Int] {
            var result = [head]
            for child in dependents(head, ["conj"])
            where ["NOUN", "PROPN", "PRON", "NUM", "ADJ"].contains(upos(child)) {
                result += conjuncts(child)
            }
            return result
        }

        func phrases(_ head: Int) -> [Span] { conjuncts(head).map(phrase) }

        /// Parties in prepositional phrases under a token, with the rank of their preposition.
        func prepositionalParties(_ token: Int, _ relations: some Collection<String>) -> [(rank: Int, token: Int)] {
            dependents(token, relations).compactMap { child in
                guard let word = preposition(child),
                    let rank = ParticipantFinder.targetPrepositions.firstIndex(of: word),
                    isParty(child)
                else { return nil }
                return (rank, child)
            }
        }

        /// The main predicate: the root, or the clause before a trailing speech verb ("X did Y, officials said").
        func predicate(root: Int) -> Int {
            guard ParticipantFinder.speechVerbs.contains(lemma(root)) else { return root }
            return dependents(root, ["ccomp", "parataxis"]).first { $0 < root } ?? root
        }

        func participants(root: Int) -> Participants {
            participants(of: predicate(root: root))
        }

        /// The participants of a verb, or of an event noun: its possessor, compound or "by" party acts, its
        /// prepositional party ("strikes on X") is acted on; what it lacks comes from the verb it is the
        /// object of ("launched strikes on X") or, for a subject, that verb's target ("strikes hit X").
        func participants(of predicate: Int) -> Participants {
            if ["NOUN", "PROPN"].contains(upos(predicate)) { return nominalParticipants(predicate) }
            return verbParticipants(predicate)
        }

        func nominalParticipants(_ noun: Int) -> Participants {
            var sources: [Span] = []
            var targets: [Span] = []
            for child in children(of: noun) where isParty(child) {
                let name = relation(child)
                if name == "nmod:poss" || name == "compound" || (base(name) == "nmod" && preposition(child) == "by") {
                    if sources.isEmpty { sources = phrases(child) }
                }
            }
            let parties = prepositionalParties(noun, ["nmod"]).filter { lemma($0.token) != "by" && $0.rank < 6 }
            if let best = parties.min(by: { ($0.rank, $0.token) < ($1.rank, $1.token) }) {
                targets = phrases(best.token)
            }
            var rule = "nominal"
            if let head = document.tokens[noun].head, range.contains(head), upos(head) == "VERB" {
                let outer = verbParticipants(head)
                let name = String(base(relation(noun)))
                if ["obj", "obl", "xcomp"].contains(name) {
                    if sources.isEmpty { sources = outer.sources.filter { !$0.tokens.contains(noun) } }
                    if targets.isEmpty { targets = outer.targets.filter { !$0.tokens.contains(noun) } }
                    rule = "nominal; verb " + outer.rule
                } else if name == "nsubj", targets.isEmpty {
                    targets = outer.targets.filter { !$0.tokens.contains(noun) }
                    rule = "nominal subject; verb " + outer.rule
                }
            }
            return Participants(sources: sources, targets: targets, rule: rule)
        }

        /// Who does the act of a clause with no subject: for an open complement the governing verb's
        /// object (or indirect object) when it names a party ("urged Y to …", "asked us to …"), else its subject ("X agreed to …"); for an
        /// adverbial clause after "of", "with" or "for" the governing verb's object ("accused Y of …"),
        /// else its subject ("X left before meeting …").
        func controller(of predicate: Int, depth: Int) -> Int? {
            guard depth < 4, let up = document.tokens[predicate].head, range.contains(up) else { return nil }
            let kind = base(relation(predicate))
            guard kind == "xcomp" || kind == "advcl" else { return nil }
            let marker = dependents(predicate, ["mark", "case"]).map(lemma)
            if kind == "xcomp" || marker.contains(where: { ["of", "with", "for"].contains($0) }),
                let object = dependents(up, ["obj", "iobj"]).first(where: isParty)
            {
                // "asked us to give …" parsed with "us" as the indirect object controls as well.
                return object
            }
            if let subject = dependents(up, ["nsubj"]).first { return subject }
            return controller(of: up, depth: depth + 1)
        }

        /// The party standing in for a missing subject: for a main clause the sentence's first party
        /// before the predicate, for an embedded clause the nearest one.
        func nearestParty(before predicate: Int) -> Int? {
            let candidates = (range.lowerBound..<predicate).filter { isParty($0) && upos($0) != "PRON" }
            return isMainClause(predicate) ? candidates.first : candidates.last
        }

        /// Whether a predicate heads the sentence, or a clause coordinated with its head.
        func isMainClause(_ predicate: Int) -> Bool {
            var token = predicate
            for _ in 0..<range.count {
                guard let up = document.tokens[token].head, range.contains(up) else { return true }
                guard base(relation(token)) == "conj" else { return false }
                token = up
            }
            return false
        }

        func verbParticipants(_ predicate: Int) -> Participants {
            let passiveSubject = children(of: predicate).first { relation($0) == "nsubj:pass" }
            let agent = dependents(predicate, ["obl"]).first { preposition($0) == "by" }
            if let passiveSubject {
                if let agent {
                    return Participants(
                        sources: phrases(agent), targets: phrases(passiveSubject), rule: "passive agent")
                }
                // "X was killed when Y attacked": Y; "X was arrested in Z": the place's authorities.
                for clause in dependents(predicate, ["advcl"]) {
                    if let subject = dependents(clause, ["nsubj"]).first, isParty(subject) {
                        return Participants(
                            sources: phrases(subject), targets: phrases(passiveSubject), rule: "passive, clause subject"
                        )
                    }
                }
                let place = dependents(predicate, ["obl"]).first {
                    ["in", "at"].contains(preposition($0) ?? "") && isParty($0)
                }
                return Participants(
                    sources: place.map(phrases) ?? [], targets: phrases(passiveSubject), rule: "passive")
            }
            var sources: [Span] = []
            var rule = "subject"
            if let subject = dependents(predicate, ["nsubj"]).first {
                sources = phrases(subject)
            } else if let controller = controller(of: predicate, depth: 0) {
                // "X agreed to resume talks", "urged Y to protect", "accused Y of sheltering", "before leaving".
                sources = phrases(controller)
                rule = "controller"
            } else if let first = nearestParty(before: predicate) {
                // No subject in the parse: the first party before the predicate, with the words it modifies
                // (in an embedded clause the nearest one: in "X accused Y of sheltering Z" Y shelters).
                var head = first
                while ["compound", "flat", "amod"].contains(String(base(relation(head)))),
                    let up = document.tokens[head].head, range.contains(up), up < predicate
                {
                    head = up
                }
                sources = [phrase(head)]
                rule = "first party"
            }
            // A phrase that holds the predicate itself ("the army of shelling villages") ends before it.
            sources = sources.compactMap { span in
                guard span.tokens.contains(predicate) else { return span }
                var end = predicate
                while end > span.tokens.lowerBound, ["ADP", "SCONJ", "CCONJ", "PUNCT", "DET"].contains(upos(end - 1)) {
                    end -= 1
                }
                return end > span.tokens.lowerBound ? Span(tokens: span.tokens.lowerBound..<end, label: span.label) : nil
            }
            let (targets, targetRule) = targets(of: predicate, depth: 0)
            return Participants(sources: sources, targets: targets, rule: "\(rule); \(targetRule)")
        }

        func targets(of predicate: Int, depth: Int) -> ([Span], String) {
            let objects = dependents(predicate, ["obj", "iobj"])
            let recipients = prepositionalParties(predicate, ["obl"]).filter { $0.rank == 0 }
            for object in objects where isParty(object) {
                // "sent troops to X": the recipient rather than a common-noun theme.
                if let recipient = recipients.first, upos(object) != "PROPN" {
                    return (phrases(recipient.token), "recipient")
                }
                return (phrases(object), "object")
            }
            if let recipient = recipients.first { return (phrases(recipient.token), "recipient") }
            var candidates = objects.flatMap { prepositionalParties($0, ["nmod"]) }
            candidates += prepositionalParties(predicate, ["obl"])
            if let best = candidates.min(by: { ($0.rank, $0.token) < ($1.rank, $1.token) }) {
                return (phrases(best.token), "prepositional party")
            }
            for clause in dependents(predicate, ["xcomp", "ccomp"]) {
                if relation(clause) == "ccomp",
                    let subject = dependents(clause, ["nsubj"]).first, isParty(subject), upos(subject) != "PRON"
                {
                    return (phrases(subject), "complement subject")
                }
                let (found, rule) = targets(of: clause, depth: depth + 1)
                if !found.isEmpty { return (found, "complement " + rule) }
            }
            var nested: [(rank: Int, token: Int)] = []
            for head in objects + dependents(predicate, ["obl"]) {
                for inner in dependents(head, ["nmod", "obl"]) { nested += prepositionalParties(inner, ["nmod"]) }
            }
            if let best = nested.min(by: { ($0.rank, $0.token) < ($1.rank, $1.token) }) {
                return (phrases(best.token), "nested party")
            }
            if depth == 0, let object = objects.first { return ([phrase(object)], "object") }
            return ([], "none")
        }
    }
}
