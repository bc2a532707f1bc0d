import Foundation

/// A reporting clause: "Asif said", "said the minister", "according to security sources", "told Geo News".
struct ReportingClause: Sendable {
    /// Words of the speaker phrase.
    var speaker: Range<Int>
    /// The reporting verb (or "according to") words.
    var verb: Range<Int>
    /// The outlet or medium, when named ("Geo News", "a post on X").
    var saidTo: String?
    /// Sentence index.
    var sentence: Int
    /// Whether the speaker comes after the verb ("said Asif", "according to Y").
    var inverted: Bool
}

/// Finds reporting clauses and resolves their speakers.
enum Reporting {
    static let verbs: Set<String> = [
        "said", "says", "say", "told", "tells", "tell", "added", "adds", "claimed", "claims", "claim", "stated",
        "states", "warned", "warns", "confirmed", "confirms", "announced", "announces", "alleged", "alleges",
        "reported", "reports", "noted", "notes", "insisted", "insists", "denied", "denies", "explained",
        "stressed", "asserted", "maintained", "remarked", "acknowledged", "admitted", "declared", "wrote",
        "tweeted", "posted", "argued", "suggested", "revealed", "disclosed", "informed", "cautioned", "vowed",
        "pledged", "urged", "accused",
    ]
    /// Verbs that only report when followed by "that" or a clause, not with a plain object ("urged X to").
    static let weakVerbs: Set<String> = ["vowed", "pledged", "urged", "accused", "denied", "denies", "posted", "reported", "reports"]
    static let unnamedHeads: Set<String> = [
        "source", "sources", "official", "officials", "witness", "witnesses", "resident", "residents", "insider",
        "insiders", "diplomat", "diplomats", "aide", "aides", "people", "person", "report", "reports", "media",
        "spokesman", "spokesperson", "spokeswoman",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    static let boundaries: Set<String> = [
        ",", ";", ":", "\"", "\u{201C}", "\u{201D}", "(", ")", "that", "and", "but", "as", "while", "which", "who",
        "when", "after", "before", "because", "if", ".", "—", "–", "-",
    ]
    static let auxiliaries: Set<String> = ["has", "have", "had", "was", "were", "is", "are", "also", "later", "earlier", "further", "reportedly", "on", "again"]

    static func clauses(in text: FactText) -> [ReportingClause] {
        var result: [ReportingClause] = []
        let words = text.words
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            let range = sentence.words
            var index = range.lowerBound
            while index < range.upperBound {
                let lower = words[index].lower
                // "according to X"
                if lower == "according", index + 1 < range.upperBound, words[index + 1].lower == "to" {
                    var end = index + 2
                    while end < range.upperBound, !boundaries.contains(words[end].lower) || words[end].lower == "and" && end == index + 2 {
                        end += 1
                    }
                    if end > index + 2 {
                        result.append(ReportingClause(speaker: index + 2..<end, verb: index..<index + 2, sentence: sentenceIndex, inverted: true))
                    }
                    index = end
                    continue
                }
                // "in a post on X, he said"
                if verbs.contains(lower) {
                    let next = index + 1 < range.upperBound ? words[index + 1].lower : ""
                    if weakVerbs.contains(lower) && next != "that" && next != "," && next != "." && !(index + 1 == range.upperBound) {
                        index += 1
                        continue
                    }
                    // Speaker before the verb (skipping auxiliaries and adverbs).
                    var cursor = index - 1
                    while cursor >= range.lowerBound, auxiliaries.contains(words[cursor].lower) || words[cursor].lower.hasSuffix("ly") && !words[cursor].isCapitalized {
                        cursor -= 1
                    }
                    var speakerEnd = cursor + 1
                    var start = speakerEnd
                    while start - 1 >= range.lowerBound, !boundaries.contains(words[start - 1].lower), speakerEnd - start < 7 {
                        start -= 1
                    }
                    // Drop time words caught in the subject ("sources on Thursday said").
                    if start < speakerEnd, TimeResolver.isTimeWord(words[speakerEnd - 1].lower) { speakerEnd = start }
                    var clause: ReportingClause?
                    if start < speakerEnd {
                        clause = ReportingClause(speaker: start..<speakerEnd, verb: index..<index + 1, sentence: sentenceIndex, inverted: false)
                    } else if index + 1 < range.upperBound {
                        // Inverted: ", said Asif" / ", said the minister".
                        var end = index + 1
                        while end < range.upperBound, !boundaries.contains(words[end].lower), !TimeResolver.isTimeWord(words[end].lower), end - index < 7 {
                            end += 1
                        }
                        if end > index + 1 {
                            clause = ReportingClause(speaker: index + 1..<end, verb: index..<index + 1, sentence: sentenceIndex, inverted: true)
                        }
                    }
                    if var found = clause {
                        found.saidTo = medium(words, verb: index, sentence: range)
                        result.append(found)
                    }
                }
                index += 1
            }
        }
        return result
    }

    /// The outlet after "told" ("told Geo News"), or a medium phrase in the clause ("in a post on X").
    static func medium(_ words: [FactWord], verb: Int, sentence: Range<Int>) -> String? {
        if ["told", "tells", "tell", "informed"].contains(words[verb].lower) {
            var end = verb + 1
            while end < sentence.upperBound, words[end].isCapitalized || (end > verb + 1 && ["-", "of"].contains(words[end].lower)) {
                end += 1
            }
            if end > verb + 1 {
                return words[verb + 1..<end].map(\.form).joined(separator: " ")
            }
        }
        // "in a post on X", "in an interview with Geo News", "on X", "in a statement"
        for index in sentence where words[index].lower == "in" && index + 2 < sentence.upperBound {
            let noun = words[index + 2].lower
            guard ["a", "an", "his", "her", "their", "its"].contains(words[index + 1].lower),
                ["post", "interview", "statement", "tweet", "message", "video", "speech", "broadcast", "press"].contains(noun)
            else { continue }
            var end = index + 3
            if end < sentence.upperBound, ["on", "with", "to"].contains(words[end].lower) {
                end += 1
                while end < sentence.upperBound, words[end].isCapitalized { end += 1 }
            } else if noun == "press", end < sentence.upperBound {
                end += 1
            }
            return words[index + 1..<end].map(\.form).joined(separator: " ")
        }
        return nil
    }
}

/// Resolves speaker phrases to actors through mentions, their antecedents and earlier speakers.
struct SpeakerResolver {
    let document: Document
    let text: FactText
    /// Named speakers met so far, most recent last.
    var named: [Speaker] = []

    init(document: Document, text: FactText) {
        self.document = document
        self.text = text
    }

    func reference(for mentionIndex: Int) -> ActorReference? {
        var index = mentionIndex
        var seen: Set<Int> = []
        while seen.insert(index).inserted {
            let mention = document.actors[index]
            if mention.code != nil, mention.antecedent == nil || !Reporting.pronouns.contains(TextFolding.lowercase(mention.text)) {
                return ActorReference(mention: mention, index: index)
            }
            guard let next = mention.antecedent, next < document.actors.count else {
                return mention.code.map { _ in ActorReference(mention: mention, index: index) }
            }
            index = next
        }
        return nil
    }

    /// Titles stripped from the front of a speaker's name ("Defence Minister Khawaja Muhammad Asif").
    static let titleWords: Set<String> = [
        "minister", "president", "prime", "defence", "defense", "foreign", "information", "interior", "spokesman",
        "spokesperson", "general", "chief", "secretary", "senator", "governor", "the", "a", "federal", "army",
        "police", "inspector", "deputy", "adviser", "advisor", "ambassador", "envoy", "commander", "mr", "mrs", "ms",
        "dr",
    ]

    mutating func resolve(_ words: Range<Int>) -> Speaker {
        let range = text.words[words.lowerBound].range.lowerBound..<text.words[words.upperBound - 1].range.upperBound
        var phrase = text.text(range)
        var lowers = text.words[words].map(\.lower)
        // "the defence minister's office" → keep as written, the head decides.
        if let last = lowers.last, last.hasSuffix("'s") { lowers[lowers.count - 1] = String(last.dropLast(2)) }
        let head = lowers.last ?? ""
        let hasName = text.words[words].dropFirst().contains { $0.isCapitalized }
        if Reporting.unnamedHeads.contains(head) && !hasName && !(text.words[words.lowerBound].isCapitalized && lowers.count == 1 && head != "sources") {
            return Speaker(text: phrase, range: range, unnamed: true)
        }
        // An actor mention inside the phrase.
        let mention = document.actors.indices.last { index in
            let span = document.actors[index].range
            return span.lowerBound < range.upperBound && range.lowerBound < span.upperBound
        }
        if let mention, let actor = reference(for: mention) {
            var speaker = Speaker(text: phrase, range: range, actor: actor)
            if Reporting.pronouns.contains(head) || lowers.first == "the", let previous = named.last(where: { $0.actor?.code == actor.code }) {
                speaker.text = previous.text
            }
            if !Reporting.pronouns.contains(head) && lowers.first != "the" { named.append(speaker) }
            return speaker
        }
        // Coreference without mentions: pronouns and definite descriptions take the most recent named speaker,
        // a surname the speaker whose name ends with it.
        if Reporting.pronouns.contains(head) || lowers.first == "the" || lowers.first == "this" {
            // "the minister" prefers the last speaker introduced with that title; a pronoun takes the last one.
            let titled = lowers.first == "the" || lowers.first == "this"
                ? named.last(where: { previous in
                    guard let range = previous.range else { return false }
                    let words = Set(TextFolding.lowercase(text.text(range)).split(separator: " ").map(String.init))
                    return lowers.dropFirst().allSatisfy { words.contains($0) }
                }) : nil
            if let previous = titled ?? named.last(where: { !$0.unnamed }) {
                return Speaker(text: previous.text, range: range, actor: previous.actor, unnamed: false)
            }
            return Speaker(text: phrase, range: range)
        }
        if lowers.count == 1, let previous = named.last(where: { TextFolding.lowercase($0.text).hasSuffix(" " + head) }) {
            return Speaker(text: previous.text, range: range, actor: previous.actor)
        }
        // Strip leading titles for the name ("Defence Minister Khawaja Muhammad Asif").
        let titleWords = Self.titleWords
        let firstName = text.words[words].firstIndex { !titleWords.contains($0.lower) } ?? words.lowerBound
        if firstName > words.lowerBound, firstName < words.upperBound, text.words[firstName..<words.upperBound].allSatisfy(\.isCapitalized) {
            phrase = text.text(words: firstName, words.upperBound - 1)
        }
        let speaker = Speaker(text: phrase, range: range)
        if text.words[words].contains(where: \.isCapitalized) { named.append(speaker) }
        return speaker
    }
}

extension ActorReference {
    /// A reference to an actor mention.
    init(mention: ActorMention, index: Int) {
        let code = mention.code ?? "---"
        let country = code.count >= 3 ? String(code.prefix(3)) : nil
        let sector = code.count >= 6 ? String(code.dropFirst(3).prefix(3)) : nil
        self.init(code: code, text: mention.text, country: country, sector: sector, mention: index)
    }
}
