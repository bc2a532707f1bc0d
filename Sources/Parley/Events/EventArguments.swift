import Foundation

// Argument selection: the source and target an event gets when its clause's actor mentions leave one open.
//
// The coder first takes arguments from actor mentions (subject, object, agent, prepositional objects). Where
// that finds no source or no target, the participant finder's reading of the parse decides: its phrase for
// the role is searched for an actor mention (so a party the mention-based rules missed is still coded), and
// failing that the phrase itself is kept as an uncoded participant, words and span but no code. A target
// the parse names is preferred to PETRARCH's "first actor after the trigger".

extension SentenceCoder {
    /// Fills each open source and target from the parse (see the file comment).
    /// - Parameter triggers: the sentence's triggers after coding and combination.
    mutating func chooseArguments(_ triggers: inout [Trigger]) {
        guard let finder = coder.participants else {
            for index in triggers.indices
            where !triggers[index].suppressed && triggers[index].target.isEmpty && !triggers[index].source.isEmpty {
                fallbackTarget(&triggers[index], all: triggers)
                if triggers[index].target.isEmpty { answerTarget(&triggers[index], all: triggers) }
            }
            return
        }
        // Built once, and only for a sentence with an argument to choose: most triggers have both.
        var built: ParticipantFinder.Graph?
        for index in triggers.indices where !triggers[index].suppressed && triggers[index].code != nil {
            var trigger = triggers[index]
            // "withdrew its troops from X": what the actor owns is no target; the parse's party is.
            if !trigger.target.isEmpty,
                trigger.target.allSatisfy({ isOwnedByAPronoun(mentionHead($0)) })
            {
                trigger.target = []
                trigger.targetSpan = []
                trigger.entries.append("rule target: not the actor's own ('its …')")
            }
            let toRecipient =
                !trigger.target.isEmpty && trigger.kind == .verb
                && graph.children(of: trigger.token).contains { graph.caseMarker($0) == "TO" }
            guard toRecipient || trigger.source.isEmpty || trigger.target.isEmpty else { continue }
            let parse = built ?? finder.graph(in: document, sentence: number, actorTokens: Set(actorAt.keys))
            built = parse
            let found = parse.participants(of: trigger.token)
            // "sent troops to X", "provided intelligence to X": the recipient, not a mention in the theme.
            if toRecipient, found.rule.hasSuffix("; recipient") {
                let recipients = mentions(in: found.targets, excluding: trigger.source, trigger: trigger)
                if !recipients.isEmpty, Set(recipients).isDisjoint(with: trigger.target) {
                    trigger.target = recipients
                    trigger.targetSpan = found.targets.flatMap { Array($0.tokens) }
                    trigger.entries.append("rule target: the recipient, not the theme")
                }
            }
            guard trigger.source.isEmpty || trigger.target.isEmpty else {
                triggers[index] = trigger
                continue
            }
            if trigger.source.isEmpty {
                var phrases = phrases(trigger.sourceSpan, parse: parse) ?? found.sources
                // "X insists it is enforcing …": a pronoun subject of an embedded clause is the outer subject.
                if phrases.count == 1, isPronoun(phrases[0]), let outer = outerSubject(of: trigger.token) {
                    phrases = parse.phrases(outer)
                }
                // The place of an agentless passive ("was arrested in X") says where, not who: never coded.
                let mentions =
                    found.rule == "passive" && trigger.sourceSpan.isEmpty
                    ? [] : mentions(in: phrases, excluding: trigger.target, trigger: trigger)
                if !mentions.isEmpty {
                    trigger.source = mentions
                    trigger.entries.append("rule source: parse (\(found.rule))")
                } else {
                    trigger.uncodedSource = usable(phrases, trigger: trigger, taken: [])
                    if let first = trigger.uncodedSource.first, trigger.sourceSpan.isEmpty {
                        trigger.sourceSpan = Array(first.tokens)
                    }
                }
            }
            if trigger.target.isEmpty {
                let phrases = phrases(trigger.targetSpan, parse: parse) ?? found.targets
                let mentions = mentions(in: phrases, excluding: trigger.source, trigger: trigger)
                if !mentions.isEmpty {
                    trigger.target = mentions
                    trigger.entries.append("rule target: parse (\(found.rule))")
                } else {
                    if !trigger.source.isEmpty {
                        var fallback = trigger
                        fallbackTarget(&fallback, all: triggers)
                        if !fallback.target.allSatisfy({ isOwnedByAPronoun(mentionHead($0)) }) { trigger = fallback }
                        if trigger.target.isEmpty { answerTarget(&trigger, all: triggers) }
                    }
                    // A reciprocal event ("X and Y agreed") has its targets; a target is a party, not a theme.
                    if trigger.target.isEmpty && !(trigger.compound && trigger.source.count > 1) {
                        let taken = trigger.uncodedSource + trigger.source.map { document.actors[$0].span }
                        trigger.uncodedTarget = usable(phrases, trigger: trigger, taken: taken).filter {
                            names(parse, $0)
                        }
                        if let first = trigger.uncodedTarget.first, trigger.targetSpan.isEmpty {
                            trigger.targetSpan = Array(first.tokens)
                        }
                    }
                }
            }
            triggers[index] = trigger
        }
    }

    /// The finder's phrases for the head of a span the coder already chose (its subject or agent), one per
    /// conjunct; `nil` when the coder chose none.
    func phrases(_ span: [Int], parse: ParticipantFinder.Graph) -> [Span]? {
        guard !span.isEmpty else { return nil }
        let members = Set(span)
        guard let head = span.first(where: { graph.head($0).map { !members.contains($0) } ?? true }) else {
            return nil
        }
        return parse.phrases(head)
    }

    /// Coded actor mentions whose head lies in the phrases, in text order, leaving out the other role's
    /// mentions, those of the same actor, and mentions that are words of the trigger.
    func mentions(in phrases: [Span], excluding others: [Int], trigger: Trigger) -> [Int] {
        var result: [Int] = []
        let otherCodes = Set(others.map { reference($0).code })
        for phrase in phrases {
            // A noun the trigger's clause modifies ("a hearing into abuses against X"): the clause's own words
            // are not the noun's.
            let modified = phrase.tokens.contains(trigger.token)
            for token in phrase.tokens {
                if modified && graph.dominates(trigger.token, token) { continue }
                guard let mention = actorAt[token], !result.contains(mention), !others.contains(mention),
                    !trigger.tokens.contains(token), !trigger.thirdParties.contains(where: { $0.mention == mention }),
                    phrase.tokens.contains(mentionHead(mention)), !otherCodes.contains(reference(mention).code)
                else { continue }
                result.append(mention)
                break
            }
        }
        return result
    }

    /// Phrases that can stand as uncoded participants: not the trigger itself and not overlapping a phrase or
    /// mention already taken.
    func usable(_ phrases: [Span], trigger: Trigger, taken: [Span]) -> [Span] {
        phrases.filter { phrase in
            !phrase.tokens.isEmpty && !trigger.tokens.contains(where: phrase.tokens.contains)
                && !taken.contains(where: { $0.tokens.overlaps(phrase.tokens) })
        }
    }

    /// Whether a phrase's head names a party (a person, group or place, a proper name, a pronoun).
    func names(_ parse: ParticipantFinder.Graph, _ phrase: Span) -> Bool {
        guard let head = phrase.tokens.first(where: { graph.head($0).map { !phrase.tokens.contains($0) } ?? true })
        else { return false }
        return parse.isParty(head)
    }

    /// Whether a noun has a possessive pronoun ("its troops", "their fighters").
    func isOwnedByAPronoun(_ token: Int) -> Bool {
        graph.children(of: token).contains {
            graph.relation($0) == "nmod:poss"
                && ParticipantFinder.possessivePronouns.contains(document.tokens[$0].form.lowercased())
        }
    }

    /// Whether a phrase is a lone personal pronoun ("it", "they").
    func isPronoun(_ phrase: Span) -> Bool {
        phrase.tokens.count == 1 && graph.upos(phrase.tokens.lowerBound) == "PRON"
            && ParticipantFinder.personalPronouns.contains(document.tokens[phrase.tokens.lowerBound].form.lowercased())
    }

    /// The nearest subject, not itself a pronoun, of a clause the token is embedded in.
    func outerSubject(of token: Int) -> Int? {
        var current = token
        var steps = 0
        while let head = graph.head(current), steps < 6 {
            steps += 1
            if let subject = graph.children(of: head, ["nsubj"]).first(where: { $0 != current }),
                graph.upos(subject) != "PRON"
            {
                return subject
            }
            current = head
        }
        return nil
    }

    /// Spans as uncoded participants of an event; `nil` when there are none.
    func uncoded(_ spans: [Span]) -> [UncodedParticipant]? {
        let result = spans.compactMap { span -> UncodedParticipant? in
            guard let range = byteRange(Array(span.tokens)) else { return nil }
            return UncodedParticipant(text: String(document.text(in: range)), tokens: span.tokens, range: range)
        }
        return result.isEmpty ? nil : result
    }
}
