import Foundation

// First-person pronouns in quotes and reported speech stand for the speaker's side.
//
// In "“Qatar and Turkey asked us to give the talks another chance,” Asif said" the "us" is Asif's side, and in
// "Asif said we would respond" so is "we". Before a sentence is coded, each first-person pronoun ("I", "me",
// "my", "we", "us", "our", …) that is no actor mention of its own is given the speaker's code:
//
// 1. reported speech, read from the parse: the pronoun lies in the complement or parataxis of a speech verb
//    ("said", "told", "added", …), or in a clause that has such a verb as its parataxis ("…, Asif said"),
//    and that verb's subject is a coded actor;
// 2. else a direct quote, read from the quotation marks (so a misparse does not lose it): the speech verb
//    outside the quote in the same sentence whose subject is a coded actor; a quote with no reporting clause
//    of its own continues the last quote of the same or the previous paragraph.
//
// The pronoun becomes an actor mention local to the sentence's coding, with the speaker's code, the speaker's
// mention as its antecedent, and an entry naming the rule, which each event it takes part in lists in its
// evidence. A pronoun outside any quote or report (the writer's "we") is left alone.

extension SentenceCoder {
    /// The speaker of the last direct quote of the sentences coded so far, for a quote that continues it.
    struct QuoteState {
        /// The actor mention that spoke the last direct quote, and the paragraph it ended in.
        var speaker: Int?
        var paragraph = 0
    }

    static let firstPersonPronouns: Set<String> = [
        "I", "ME", "MY", "MINE", "MYSELF", "WE", "US", "OUR", "OURS", "OURSELVES",
    ]

    /// Gives each first-person pronoun of the sentence inside a quote or reported speech the speaker's code (see
    /// the file comment), and updates ``quote`` for the next sentence.
    mutating func resolveFirstPerson() {
        // One cheap pass first: most sentences have neither a quote nor a first-person pronoun.
        var pronouns: [Int] = []
        for token in graph.tokens {
            let upos = graph.upos(token)
            if upos == "PRON" || upos == "DET" || upos.isEmpty, actorAt[token] == nil,
                Self.firstPersonPronouns.contains(graph.form(token))
            {
                pronouns.append(token)
            }
        }
        let inside = quotedTokens()
        let quoteSpeaker = inside.contains(true) ? directQuoteSpeaker(inside) : nil
        guard !pronouns.isEmpty else { return }
        var speakerCache: [Int: Int?] = [:]
        for token in pronouns {
            let form = graph.form(token)
            // "US" written in capitals is the country, not the pronoun.
            if form == "US", document.tokens[token].form == "US" { continue }
            var found: (mention: Int, how: String)?
            if let (verb, mention) = reportingSpeaker(of: token, cache: &speakerCache) {
                found = (mention, "in what '\(graph.form(verb).lowercased())' reports")
            } else if !inside.isEmpty, inside[token - graph.tokens.lowerBound], let quoteSpeaker {
                found = (quoteSpeaker.mention, quoteSpeaker.how)
            }
            guard let found else { continue }
            let speaker = document.actors[found.mention]
            let code = composed[found.mention] ?? speaker.code ?? ""
            guard !code.isEmpty else { continue }
            let word = document.tokens[token].form
            let mention = ActorMention(
                span: Span(tokens: token..<(token + 1), label: "actor"), range: document.tokens[token].range,
                text: word, code: code, sentence: number, confidence: speaker.confidence,
                entry: "rule first-person: '\(word.lowercased())' \(found.how) of \(speaker.text) → \(code)",
                antecedent: speaker.antecedent ?? found.mention, isPerson: speaker.isPerson)
            actorAt[token] = document.actors.count
            document.actors.append(mention)
        }
    }

    /// Whether each token of the sentence lies inside a direct quote (see ``QuotedSpans``); empty when none does.
    func quotedTokens() -> [Bool] {
        let range = sentence.range
        // The document's quotes are in text order: find the first that ends after the sentence starts.
        var first = quotes.firstIndex { $0.upperBound > range.lowerBound } ?? quotes.count
        guard first < quotes.count, quotes[first].lowerBound < range.upperBound else { return [] }
        var result = Array(repeating: false, count: graph.tokens.count)
        for token in graph.tokens {
            let start = document.tokens[token].range.lowerBound
            while first < quotes.count, quotes[first].upperBound <= start { first += 1 }
            guard first < quotes.count else { break }
            result[token - graph.tokens.lowerBound] = quotes[first].contains(start)
        }
        return result
    }

    /// The speaker of the sentence's direct quote: the subject of a speech verb outside the quote, nearest the
    /// quote; else the speaker of the last quote of the same or the previous paragraph.
    mutating func directQuoteSpeaker(_ inside: [Bool]) -> (mention: Int, how: String)? {
        let lower = graph.tokens.lowerBound
        let paragraph = document.sentences[number].paragraph
        var best: (distance: Int, mention: Int, verb: Int)?
        for verb in graph.tokens where !inside[verb - lower] && EventWords.speech.contains(graph.lemma(verb)) {
            guard graph.upos(verb) == "VERB" || graph.upos(verb).isEmpty, let subject = subject(of: verb),
                !inside[subject - lower], let mention = actors(of: subject).first
            else { continue }
            let distance = (graph.tokens).filter { inside[$0 - lower] }.map { abs($0 - verb) }.min() ?? Int.max
            if best == nil || distance < best!.distance { best = (distance, mention, verb) }
        }
        if let best {
            quote.speaker = best.mention
            quote.paragraph = paragraph
            return (best.mention, "in the quote '\(graph.form(best.verb).lowercased())' attributes")
        }
        if let speaker = quote.speaker, paragraph - quote.paragraph <= 1 {
            quote.paragraph = paragraph
            return (speaker, "in a quote continuing the last one")
        }
        return nil
    }

    /// The speech verb whose report holds a token, and the coded actor mention of its subject.
    func reportingSpeaker(of token: Int, cache: inout [Int: Int?]) -> (verb: Int, mention: Int)? {
        var current = token
        var steps = 0
        while let head = graph.head(current), steps < 12 {
            steps += 1
            let relation = graph.baseRelation(current)
            // "X said we would …": the pronoun is in what the verb reports, not its subject or object.
            if ["ccomp", "parataxis"].contains(relation), EventWords.speech.contains(graph.lemma(head)),
                let mention = speakerMention(head, cache: &cache)
            {
                return (head, mention)
            }
            // "“… us …,” Asif said" parsed with "said" hanging off the quote's verb.
            for child in graph.children(of: head, ["parataxis", "ccomp"])
            where child != current && child > current && EventWords.speech.contains(graph.lemma(child))
                && !graph.dominates(child, token)
            {
                if let mention = speakerMention(child, cache: &cache) { return (child, mention) }
            }
            current = head
        }
        // The pronoun's own clause is the root with a trailing "…, Asif said" under it.
        for child in graph.children(of: current, ["parataxis", "ccomp"])
        where child > token && EventWords.speech.contains(graph.lemma(child)) && !graph.dominates(child, token) {
            if let mention = speakerMention(child, cache: &cache) { return (child, mention) }
        }
        return nil
    }

    /// The coded actor mention of a speech verb's subject, if it has one that is not itself first-person.
    func speakerMention(_ verb: Int, cache: inout [Int: Int?]) -> Int? {
        if let known = cache[verb] { return known }
        var result: Int?
        if let subject = subject(of: verb) {
            result = actors(of: subject).first
        }
        cache[verb] = result
        return result
    }
}
