import Foundation

/// Finds casualty and other counts (killed, injured, abducted, arrested, displaced), who they were,
/// who claims them, and the event they belong to.
///
/// Counts are read in digits and words ("23", "two dozen", "over 200", "10-15"); vague amounts
/// ("dozens") keep their qualifier and no count; a singular victim ("a policeman was killed") counts one.
/// The side comes from an actor mention inside the victim phrase, else from a demonym and a role noun
/// ("Pakistani soldiers" → `PAKMIL`). The claimant is the speaker of the sentence's reporting clause.
public struct CasualtyCounter: PipelineStage {
    public let name = "casualties"
    public let requires: Set<Annotation> = []
    public let assigns: Set<Annotation> = [.casualties]

    /// Demonyms and country names to three-letter codes, for victims no actor mention covers.
    public let demonyms: [String: String]

    /// Creates the stage.
    /// - Parameter demonyms: folded demonym or country word → country code; a small South Asian default.
    public init(demonyms: [String: String] = CasualtyCounter.defaultDemonyms) {
        self.demonyms = demonyms
    }

    /// A small default for victims named by nationality.
    public static let defaultDemonyms: [String: String] = [
        "pakistani": "PAK", "pak": "PAK", "pakistan": "PAK", "afghan": "AFG", "afghanistan": "AFG", "indian": "IND",
        "india": "IND", "bangladeshi": "BGD", "nepali": "NPL", "nepalese": "NPL", "sri": "LKA", "iranian": "IRN",
        "chinese": "CHN", "american": "USA", "us": "USA", "u.s": "USA", "turkish": "TUR", "qatari": "QAT",
        "british": "GBR", "nato": "IGO",
    ]

    /// Participles and adjectives that state an outcome, with their kind.
    static let outcomes: [String: String] = [
        "killed": "killed", "dead": "killed", "died": "killed", "martyred": "killed", "slain": "killed",
        "lynched": "killed", "beheaded": "killed", "executed": "killed", "massacred": "killed", "perished": "killed",
        "murdered": "killed", "assassinated": "killed", "butchered": "killed", "die": "killed", "dies": "killed",
        "injured": "injured", "wounded": "injured", "hurt": "injured",
        "abducted": "abducted", "kidnapped": "abducted", "kidnaped": "abducted",
        "arrested": "arrested", "detained": "arrested", "apprehended": "arrested", "nabbed": "arrested",
        "displaced": "displaced",
    ]
    /// Active verbs followed by their victims.
    static let actives: [String: String] = [
        "kill": "killed", "kills": "killed", "killed": "killed", "killing": "killed", "martyr": "killed",
        "martyred": "killed", "lynched": "killed", "beheaded": "killed", "executed": "killed", "murdered": "killed",
        "murder": "killed", "murders": "killed", "massacred": "killed", "assassinated": "killed",
        "martyrs": "killed", "martyring": "killed",
        "injure": "injured", "injures": "injured", "injured": "injured", "injuring": "injured", "wound": "injured",
        "wounds": "injured", "wounded": "injured", "wounding": "injured",
        "abduct": "abducted", "abducts": "abducted", "abducted": "abducted", "abducting": "abducted",
        "kidnap": "abducted", "kidnaps": "abducted", "kidnapped": "abducted", "kidnapping": "abducted",
        "arrest": "arrested", "arrests": "arrested", "arrested": "arrested", "arresting": "arrested",
        "detain": "arrested", "detains": "arrested", "detained": "arrested", "detaining": "arrested",
        "displace": "displaced", "displaced": "displaced", "displacing": "displaced",
    ]
    /// Multiword outcomes: "shot dead", "gunned down", "tortured to death", "lost their lives".
    static let phrases: [([String], String)] = [
        (["shot", "dead"], "killed"), (["gunned", "down"], "killed"), (["to", "death"], "killed"),
        (["lost", "their", "lives"], "killed"), (["lost", "his", "life"], "killed"), (["lost", "her", "life"], "killed"),
        (["burnt", "alive"], "killed"), (["burned", "alive"], "killed"), (["taken", "hostage"], "abducted"),
        (["taken", "into", "custody"], "arrested"), (["sustained", "injuries"], "injured"), (["were", "killed"], "killed"),
    ]
    static let auxiliaries: Set<String> = [
        "were", "was", "have", "has", "had", "been", "are", "is", "got", "get", "being", "reportedly", "allegedly",
        "also", "later", "all", "who", "feared", "confirmed", "reported", "believed", "said", "to", "be", "critically",
        "seriously", "severely", "grievously", "badly", "fatally", "mortally", "injured", "and", "brutally",
    ]
    static let stops: Set<String> = [
        "in", "at", "on", "by", "from", "after", "when", "as", "during", "near", "since", "following", "while",
        "for", "that", "which", "where", "the", "but", "because", "than", "to", "into", "over", "under", "amid",
    ]
    /// Role nouns (singular) with a sector, for counting singular victims and guessing their side.
    static let roleNouns: [String: String] = [
        "soldier": "MIL", "troop": "MIL", "trooper": "MIL", "jawan": "MIL", "personnel": "MIL", "serviceman": "MIL",
        "officer": "MIL", "army": "MIL", "paramilitary": "MIL", "commando": "MIL", "sepoy": "MIL", "guard": "MIL",
        "policeman": "COP", "policemen": "COP", "police": "COP", "cop": "COP", "constable": "COP", "policewoman": "COP",
        "militant": "INS", "terrorist": "INS", "insurgent": "INS", "fighter": "INS", "miscreant": "INS", "gunman": "INS",
        "attacker": "INS", "bomber": "INS", "jihadist": "INS", "extremist": "INS", "rebel": "REB", "maoist": "REB",
        "naxal": "REB", "naxalite": "REB", "dacoit": "CRM", "robber": "CRM", "thief": "CRM", "criminal": "CRM",
        "smuggler": "CRM", "suspect": "CRM", "accused": "CRM",
        "civilian": "CVL", "man": "CVL", "woman": "CVL", "men": "CVL", "women": "CVL", "boy": "CVL", "girl": "CVL",
        "child": "CVL", "children": "CVL", "person": "CVL", "people": "CVL", "villager": "CVL", "resident": "CVL",
        "passenger": "CVL", "student": "CVL", "teacher": "CVL", "farmer": "CVL", "worker": "CVL", "labourer": "CVL",
        "laborer": "CVL", "driver": "CVL", "trader": "CVL", "shopkeeper": "CVL", "youth": "CVL", "minor": "CVL",
        "teenager": "CVL", "infant": "CVL", "baby": "CVL", "pilgrim": "CVL", "owner": "CVL", "employee": "CVL",
        "journalist": "MED", "reporter": "MED", "activist": "CVL", "leader": "CVL", "politician": "CVL",
        "member": "CVL", "supporter": "CVL", "candidate": "CVL", "brother": "CVL", "sister": "CVL", "son": "CVL",
        "daughter": "CVL", "father": "CVL", "mother": "CVL", "wife": "CVL", "husband": "CVL", "cleric": "CVL",
        "elder": "CVL", "doctor": "CVL", "engineer": "CVL", "lawyer": "CVL", "judge": "JUD", "businessman": "BUS",
        "contractor": "BUS", "victim": "CVL", "lady": "CVL", "pedestrian": "CVL", "vendor": "CVL", "priest": "CVL",
        "tribesman": "CVL", "tribesmen": "CVL", "official": "GOV", "councillor": "GOV", "councilor": "GOV",
        "commander": "MIL", "family": "CVL", "rioter": "CVL", "protester": "CVL", "protestor": "CVL", "sarpanch": "GOV",
        "agent": "CVL", "cadre": "CVL", "guard's": "CVL", "relative": "CVL", "local": "CVL", "polio": "CVL", "girl's": "CVL",
        "colonel": "MIL", "major": "MIL", "captain": "MIL", "lieutenant": "MIL", "brigadier": "MIL", "sergeant": "MIL",
        "subedar": "MIL", "havildar": "MIL", "naik": "MIL", "inspector": "COP", "sub-inspector": "COP", "kin": "CVL",
        "chief": "CVL", "head": "CVL", "vaccinator": "CVL", "informer": "CVL", "spy": "CVL",
    ]

    /// Whether a folded word is a present participle that can open a clause ("guarding", "riding").
    static func isParticiple(_ word: String) -> Bool {
        word.count > 5 && word.hasSuffix("ing") && actives[word] == nil && !["including", "during", "morning", "evening", "building"].contains(word)
    }

    static func startsPhrase(_ first: String, _ second: String) -> Bool {
        phraseStarts[first]?.contains(second) ?? false
    }

    /// The first two words of each multiword phrase: first word → second words.
    private static let phraseStarts: [String: Set<String>] = {
        var starts: [String: Set<String>] = [:]
        for (words, _) in phrases where words.count >= 2 { starts[words[0], default: []].insert(words[1]) }
        return starts
    }()

    /// Plurals that do not end in a plain "s".
    private static let irregularPlurals = [
        "men": "man", "women": "woman", "children": "child", "people": "person", "policemen": "policeman",
        "tribesmen": "tribesman", "gunmen": "gunman", "servicemen": "serviceman", "personnel": "personnel", "police": "police",
        "troops": "troop", "businessmen": "businessman", "policewomen": "policewoman",
    ]

    /// The singular of a folded noun and whether it was plural.
    static func singular(_ word: String) -> (String, Bool) {
        if let base = irregularPlurals[word] { return (base, true) }
        if word.hasSuffix("ies"), word.count > 4 { return (String(word.dropLast(3)) + "y", true) }
        if word.hasSuffix("ves"), word.count > 4 { return (String(word.dropLast(3)) + "fe", true) }
        if word.hasSuffix("s"), !word.hasSuffix("ss"), word.count > 3 { return (String(word.dropLast()), true) }
        return (word, false)
    }

    public func process(_ document: inout Document) throws {
        let text = FactText(document)
        var resolver = SpeakerResolver(document: document, text: text)
        let clauses = Reporting.clauses(in: text)
        var claimants: [Int: ActorReference] = [:]
        for clause in clauses where claimants[clause.sentence] == nil {
            let speaker = resolver.resolve(clause.speaker)
            claimants[clause.sentence] =
                speaker.actor ?? ActorReference(code: "---", text: speaker.text, role: speaker.unnamed ? "unnamed source" : "speaker")
        }
        var claims: [CasualtyClaim] = []
        for (sentenceIndex, sentence) in text.sentences.enumerated() {
            var found = counts(in: text, sentence: sentence.words, document: document)
            for index in found.indices { found[index].claimedBy = claimants[sentenceIndex] }
            claims += found
        }
        document.casualties = claims
        link(&document, text: text)
    }

    // MARK: - Reading counts

    /// A victim phrase: its count and the words naming the victims.
    private struct Victims {
        var count: CountPhrase?
        var singulars = 0
        var plural = false
        var words: Range<Int>
    }

    /// Reads a victim noun phrase list from `index` ("23 Pakistani soldiers", "a policeman and his brother").
    /// A word without its "'s".
    static func droppingPossessive(_ word: String) -> String {
        word.utf8.contains(UInt8(ascii: "'")) ? word.replacingOccurrences(of: "'s", with: "") : word
    }

    /// Verbs of dying that end a victims phrase.
    static let deathVerbs: Set<String> = ["die", "dies", "died", "perish", "perished"]
    /// Words and punctuation that end a victims noun phrase.
    static let phraseEnds: Set<String> = [
        ",", "and", ".", ";", ":", "(", ")", "\"", "\u{201C}", "\u{201D}", "-", "—", "or", "were", "was", "have", "has",
        "had", "are", "is", "who",
    ]

    /// What the victims scan asks of a word, looked up once per sentence rather than at every scan.
    struct VictimWord: OptionSet {
        let rawValue: UInt8
        static let outcome = VictimWord(rawValue: 1 << 0)
        static let deathVerb = VictimWord(rawValue: 1 << 1)
        static let stop = VictimWord(rawValue: 1 << 2)
        static let phraseEnd = VictimWord(rawValue: 1 << 3)
        static let auxiliary = VictimWord(rawValue: 1 << 4)
        static let active = VictimWord(rawValue: 1 << 5)
        static let participle = VictimWord(rawValue: 1 << 6)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(_ word: FactWord) {
            let lower = word.lower
            var kinds = (VictimWord.byLower[lower] ?? []).union(VictimWord.byForm[word.form] ?? [])
            // As ``CasualtyCounter/isParticiple(_:)``, with the lookup in `actives` already made.
            if lower.hasSuffix("ing"), lower.count > 5, !kinds.contains(.active),
                !["including", "during", "morning", "evening", "building"].contains(lower)
            {
                kinds.insert(.participle)
            }
            self = kinds
        }

        /// The kinds a lower-cased word has by the word lists (`outcomes`, `deathVerbs`, `stops`, `actives`):
        /// one lookup instead of four.
        static let byLower: [String: VictimWord] = {
            var kinds: [String: VictimWord] = [:]
            for word in CasualtyCounter.outcomes.keys { kinds[word, default: []].insert(.outcome) }
            for word in CasualtyCounter.deathVerbs { kinds[word, default: []].insert(.deathVerb) }
            for word in CasualtyCounter.stops { kinds[word, default: []].insert(.stop) }
            for word in CasualtyCounter.actives.keys { kinds[word, default: []].insert(.active) }
            return kinds
        }()

        /// The kinds a word has by its form (`phraseEnds`, `auxiliaries`).
        static let byForm: [String: VictimWord] = {
            var kinds: [String: VictimWord] = [:]
            for word in CasualtyCounter.phraseEnds { kinds[word, default: []].insert(.phraseEnd) }
            for word in CasualtyCounter.auxiliaries { kinds[word, default: []].insert(.auxiliary) }
            return kinds
        }()
    }

    /// - Parameter kinds: ``VictimWord`` of each word of the sentence, from `sentence.lowerBound`.
    private func victims(
        _ words: [FactWord], from index: Int, limit: Int, forward: Bool, kinds: [VictimWord], sentenceStart: Int
    ) -> (Victims, Int)? {
        var cursor = index
        var total = Victims(count: nil, words: index..<index)
        var segments = 0
        var sum = 0
        var anyNumber = false
        var vague: CountPhrase?
        var qualifier: String?
        var low: Int? = 0
        var high: Int? = 0
        while cursor < limit && segments < 4 {
            var segment = cursor
            var phrase = CountPhrase.read(words, at: segment, limit: limit)
            if phrase == nil, ["a", "an"].contains(words[segment].lower), segment + 1 < limit, words[segment + 1].lower != "number" {
                // "a policeman", "a former Sarpanch": one.
                phrase = CountPhrase(count: 1, qualifier: nil, low: 1, high: 1, first: segment, end: segment + 1)
            }
            if let phrase { segment = phrase.end }
            // Noun phrase words: adjectives, names, nouns, possessives.
            var nounEnd = segment
            var head: String?
            var ofHead: String?
            while nounEnd < limit, nounEnd - segment < 6 {
                let lower = words[nounEnd].lower
                let kind = kinds[nounEnd - sentenceStart]
                let afterOf = nounEnd > segment && words[nounEnd - 1].lower == "of"
                // Inside a hyphenated word the tokenizer split ("Al-Qa'idah"), keep going.
                if nounEnd > segment, nounEnd + 1 < limit, ["-", "'"].contains(words[nounEnd].form),
                    words[nounEnd].range.lowerBound == words[nounEnd - 1].range.upperBound,
                    words[nounEnd + 1].range.lowerBound == words[nounEnd].range.upperBound
                {
                    nounEnd += 2
                    continue
                }
                if kind.contains(.outcome) && (nounEnd > segment || phrase != nil)
                    || kind.contains(.deathVerb)
                    || nounEnd > segment && nounEnd + 1 < limit && CasualtyCounter.startsPhrase(lower, words[nounEnd + 1].lower)
                    || nounEnd > segment && nounEnd + 2 < limit && words[nounEnd + 1].lower == "to" && words[nounEnd + 2].lower == "death"
                    || kind.contains(.stop) && !(lower == "the" && (nounEnd == segment || afterOf))
                    || kind.contains(.phraseEnd)
                    || kind.contains(.auxiliary) && nounEnd > segment
                {
                    break
                }
                if kind.contains(.active) && !(lower.hasSuffix("ed") && nounEnd == segment) { break }
                // "a policeman guarding the bank": a participle after a person noun starts a clause about the victim.
                if kind.contains(.participle), nounEnd > segment, let current = head,
                    CasualtyCounter.roleNouns[CasualtyCounter.singular(current).0] != nil || CasualtyCounter.roleNouns[current] != nil
                {
                    break
                }
                if words[nounEnd].isNumber && nounEnd > segment { break }
                // "Chief of the peace committee", "member of a militia": the person noun before "of" is the head.
                if lower == "of", let current = head, ofHead == nil,
                    CasualtyCounter.roleNouns[CasualtyCounter.singular(current).0] != nil || CasualtyCounter.roleNouns[current] != nil
                {
                    ofHead = current
                }
                head = lower
                nounEnd += 1
            }
            if let ofHead { head = ofHead }
            guard phrase != nil || head != nil else { break }
            // "a drone strike killed …": an indefinite subject is a victim only with a passive ("a man was killed")
            // or a person noun.
            if !forward, phrase?.count == 1, ["a", "an"].contains(words[phrase!.first].lower),
                !(nounEnd < limit && ["was", "is", "has", "had"].contains(words[nounEnd].lower)),
                CasualtyCounter.roleNouns[CasualtyCounter.singular(head ?? "").0] == nil
            {
                break
            }
            let (base, plural) = head.map { CasualtyCounter.singular(CasualtyCounter.droppingPossessive($0)) } ?? ("", false)
            if let phrase {
                if let count = phrase.count {
                    sum += count
                    anyNumber = true
                    if phrase.qualifier != nil { qualifier = phrase.qualifier }
                    low = low.flatMap { l in phrase.low.map { l + $0 } }
                    high = high.flatMap { h in phrase.high.map { h + $0 } }
                } else if phrase.low != nil && phrase.high != nil {
                    low = low.map { $0 + phrase.low! }
                    high = high.map { $0 + phrase.high! }
                    anyNumber = true
                    vague = phrase
                } else {
                    vague = phrase
                }
            } else if let head, CasualtyCounter.roleNouns[base] != nil || CasualtyCounter.roleNouns[head] != nil {
                if plural || head == "police" || head == "personnel" {
                    total.plural = true
                } else {
                    sum += 1
                    low = low.map { $0 + 1 }
                    high = high.map { $0 + 1 }
                    total.singulars += 1
                    anyNumber = true
                }
            } else if phrase == nil {
                break
            }
            total.words = index..<nounEnd
            segments += 1
            cursor = nounEnd
            // ", including a woman," is part of the same group.
            if cursor + 1 < limit, words[cursor].lower == ",", words[cursor + 1].lower == "including" {
                var close = cursor + 2
                while close < limit, words[close].lower != ",", close - cursor < 8 { close += 1 }
                if close < limit, words[close].lower == "," {
                    total.words = index..<close + 1
                    cursor = close + 1
                    break
                }
            }
            // A list continues after "," or "and" with another counted or role-noun phrase.
            if cursor + 1 < limit, [",", "and"].contains(words[cursor].lower) {
                var next = cursor + 1
                if next < limit, words[next].lower == "and" { next += 1 }
                let nextLower = words[next].lower
                let continues = CountPhrase.read(words, at: next, limit: limit) != nil
                    || ["his", "her", "their", "a", "an", "one"].contains(nextLower)
                    || CasualtyCounter.roleNouns[CasualtyCounter.singular(nextLower).0] != nil
                    || (next + 1 < limit && CasualtyCounter.roleNouns[CasualtyCounter.singular(words[next + 1].lower).0] != nil && !words[next].isNumber)
                if continues && !(CasualtyCounter.outcomes[nextLower] != nil) {
                    cursor = next
                    continue
                }
            }
            break
        }
        guard segments > 0 else { return nil }
        let finalEnd = max(cursor, total.words.upperBound)
        if anyNumber {
            let first = index
            total.count = CountPhrase(count: vague == nil || sum > 0 ? sum : nil, qualifier: qualifier ?? (sum == 0 ? vague?.qualifier : nil),
                low: low, high: high, first: first, end: total.words.upperBound)
            if sum == 0, let vague { total.count = vague }
        } else if let vague {
            total.count = vague
        }
        _ = forward
        if finalEnd > total.words.upperBound { total.words = index..<finalEnd }
        return (total, finalEnd)
    }

    private func counts(in text: FactText, sentence: Range<Int>, document: Document) -> [CasualtyClaim] {
        let words = text.words
        var claims: [CasualtyClaim] = []
        let kinds = words[sentence].map(VictimWord.init)
        var used: Set<Int> = []  // word indices already part of a claim's count, or of a date
        for index in sentence where document.dates.contains(where: { $0.range.contains(words[index].range.lowerBound) }) {
            used.insert(index)
        }
        var index = sentence.lowerBound
        while index < sentence.upperBound {
            let lower = words[index].lower
            // Nominal: "death toll rose to 12", "claimed 12 lives", "left 12 people dead", "12 deaths"
            if lower == "toll" {
                var cursor = index + 1
                while cursor < min(sentence.upperBound, index + 6), CountPhrase.read(words, at: cursor, limit: sentence.upperBound)?.count == nil {
                    cursor += 1
                }
                if cursor < sentence.upperBound, let phrase = CountPhrase.read(words, at: cursor, limit: sentence.upperBound), phrase.count != nil {
                    claims.append(claim("killed", phrase, victims: nil, text: text, document: document, range: index..<phrase.end))
                    used.formUnion(phrase.first..<phrase.end)
                    index = phrase.end
                    continue
                }
            }
            if ["claimed", "claiming"].contains(lower), index + 1 < sentence.upperBound,
                let phrase = CountPhrase.read(words, at: index + 1, limit: sentence.upperBound), phrase.end < sentence.upperBound,
                ["lives", "life"].contains(words[phrase.end].lower)
            {
                claims.append(claim("killed", phrase, victims: nil, text: text, document: document, range: index..<phrase.end + 1))
                used.formUnion(phrase.first..<phrase.end)
                index = phrase.end + 1
                continue
            }
            // "the death(s) of two civilians", "the killing of 3 people"
            if ["death", "deaths", "killing", "killings", "murder", "murders"].contains(lower), index + 2 < sentence.upperBound,
                words[index + 1].lower == "of", !used.contains(index + 2),
                let explicit = CountPhrase.read(words, at: index + 2, limit: sentence.upperBound), explicit.count ?? 0 > 1,
                let (found, end) = victims(words, from: index + 2, limit: sentence.upperBound, forward: true, kinds: kinds, sentenceStart: sentence.lowerBound), found.count?.count != nil
            {
                claims.append(claim("killed", found.count, victims: found.words, text: text, document: document, range: index..<end))
                used.formUnion(index + 2..<end)
                index = end
                continue
            }
            // Active verb + victims: "kills 12 militants", "killing at least 12 people", "left 5 people dead".
            var kind = CasualtyCounter.actives[lower]
            var objectStart = index + 1
            if lower == "left" || lower == "leaving" { kind = "left" }
            if ["shot", "shoot", "shoots", "gunned", "gun", "guns", "mow", "mowed", "cut"].contains(lower), index + 1 < sentence.upperBound,
                ["dead", "down"].contains(words[index + 1].lower)
            {
                kind = "killed"
                objectStart = index + 2
            }
            if lower == "tortured" || lower == "beat" || lower == "beaten" || lower == "hacked" || lower == "stabbed" || lower == "burnt" || lower == "burned",
                index + 2 < sentence.upperBound, words[index + 1].lower == "to", words[index + 2].lower == "death"
            {
                kind = "killed"
                objectStart = index + 3
            }
            let previous = index > sentence.lowerBound ? words[index - 1].lower : ""
            let passive = ["was", "were", "been", "being", "is", "are", "be", "got"].contains(previous)
            if var kind, !passive, objectStart < sentence.upperBound, !used.contains(objectStart),
                let (found, end) = victims(words, from: objectStart, limit: sentence.upperBound, forward: true, kinds: kinds, sentenceStart: sentence.lowerBound),
                found.count != nil || found.plural
            {
                if kind == "left" {
                    // "left 5 people dead/injured"
                    guard end < sentence.upperBound, let outcome = CasualtyCounter.outcomes[words[end].lower] else {
                        index += 1
                        continue
                    }
                    kind = outcome
                }
                let nameWords = found.words
                claims.append(claim(kind, found.count, victims: nameWords, text: text, document: document, range: index..<end))
                used.formUnion(objectStart..<end)
                index = end
                continue
            }
            // Victims + outcome: "23 Pakistani soldiers were killed", "a policeman was shot dead", "16 dead".
            // "No one was killed" counts no one.
            let negated = index > sentence.lowerBound && ["no", "not"].contains(words[index - 1].lower)
            if !used.contains(index), !negated, index == sentence.lowerBound || !words[index - 1].isNumber,
                let (found, end) = victims(words, from: index, limit: sentence.upperBound, forward: false, kinds: kinds, sentenceStart: sentence.lowerBound),
                found.count != nil || found.singulars > 0
            {
                var cursor = end
                // Past a clause about the victims to their outcome: "a policeman guarding the bank was shot dead".
                if cursor < sentence.upperBound, CasualtyCounter.isParticiple(words[cursor].lower) {
                    var ahead = cursor + 1
                    while ahead < min(sentence.upperBound, cursor + 8), !words[ahead].isPunctuation,
                        !["and", "who", "which", "that", "but"].contains(words[ahead].lower)
                    {
                        let next = ahead + 1 < sentence.upperBound ? words[ahead + 1].lower : ""
                        if ["was", "were", "is", "are"].contains(words[ahead].lower) || CasualtyCounter.outcomes[words[ahead].lower] != nil
                            || CasualtyCounter.startsPhrase(words[ahead].lower, next)
                        {
                            cursor = ahead
                            break
                        }
                        ahead += 1
                    }
                }
                while cursor < sentence.upperBound, CasualtyCounter.auxiliaries.contains(words[cursor].lower) || used.contains(cursor) && cursor > end - 1,
                    CasualtyCounter.outcomes[words[cursor].lower] == nil || words[cursor].lower == "injured" && cursor + 1 < sentence.upperBound && words[cursor + 1].lower == "and"
                {
                    cursor += 1
                }
                var kind: String?
                var outcomeEnd = cursor + 1
                if cursor < sentence.upperBound {
                    kind = CasualtyCounter.outcomes[words[cursor].lower]
                    if words[cursor].lower == "died" || words[cursor].lower == "dead" { kind = "killed" }
                    for (phrase, phraseKind) in CasualtyCounter.phrases where cursor + phrase.count <= sentence.upperBound {
                        if zip(phrase, words[cursor..<cursor + phrase.count]).allSatisfy({ $0 == $1.lower }) {
                            kind = phraseKind
                            outcomeEnd = cursor + phrase.count
                        }
                    }
                    if ["tortured", "beaten", "hacked", "stabbed", "burnt", "burned", "shot", "crushed", "bludgeoned", "strangled"].contains(words[cursor].lower),
                        cursor + 2 < sentence.upperBound, words[cursor + 1].lower == "to", words[cursor + 2].lower == "death"
                    {
                        kind = "killed"
                        outcomeEnd = cursor + 3
                    }
                    if ["deaths", "fatalities", "dead", "bodies", "casualties"].contains(words[cursor].lower), cursor == end, found.count?.count != nil {
                        kind = words[cursor].lower == "casualties" ? "casualties" : "killed"
                    }
                }
                // "the two were killed" needs a count; a bare role noun needs a singular.
                if let kind, found.count != nil || found.singulars > 0 {
                    claims.append(claim(kind, found.count, victims: found.words, text: text, document: document, range: index..<outcomeEnd))
                    used.formUnion(index..<end)
                    index = outcomeEnd
                    continue
                }
            }
            index += 1
        }
        // "Satnam Singh, the village head, was shot dead", "a journalist was fatally shot": a singular passive death
        // whose subject no phrase above read (a name, an appositive) is one victim.
        if !claims.contains(where: { $0.kind == "killed" }), let (start, end) = singularDeath(words, in: sentence) {
            claims.append(claim("killed", CountPhrase(count: 1, qualifier: nil, low: 1, high: 1, first: start, end: end),
                victims: nil, text: text, document: document, range: start..<end))
        }
        return claims
    }

    /// Words before a "was killed" that make the death the cause of what the sentence reports.
    private static let deathCauses: Set<String> = [
        "after", "following", "funeral", "burial", "against", "over", "protest", "protesting", "condemning", "demanding",
        "relatives", "family", "since", "because",
    ]

    /// The words of the first "was killed", "was shot dead", "was fatally shot", "was hacked to death" of a sentence
    /// whose subject is not negated ("no one was killed") and that is not the cause of what the sentence reports
    /// ("protested after a man was killed", "the funeral of X, who was killed").
    private func singularDeath(_ words: [FactWord], in sentence: Range<Int>) -> (Int, Int)? {
        let causes = Self.deathCauses
        for index in sentence where words[index].lower == "was" {
            let before = words[max(sentence.lowerBound, index - 3)..<index].map(\.lower)
            if before.contains(where: { ["no", "nobody", "none", "neither", "nor", "one's"].contains($0) }) { continue }
            if words[sentence.lowerBound..<index].contains(where: { causes.contains($0.lower) }) { return nil }
            var cursor = index + 1
            while cursor < sentence.upperBound, ["reportedly", "allegedly", "later", "also", "brutally", "then", "subsequently", "found"].contains(words[cursor].lower) {
                cursor += 1
            }
            guard cursor < sentence.upperBound else { return nil }
            let word = words[cursor].lower
            let next = cursor + 1 < sentence.upperBound ? words[cursor + 1].lower : ""
            let third = cursor + 2 < sentence.upperBound ? words[cursor + 2].lower : ""
            if word == "fatally", ["shot", "stabbed", "wounded", "injured", "attacked", "hit"].contains(next) { return (index, cursor + 2) }
            if ["shot", "gunned"].contains(word), ["dead", "down"].contains(next) { return (index, cursor + 2) }
            if next == "to", third == "death", !["sentenced", "condemned", "close", "near", "threatened", "electrocuted"].contains(word) { return (index, cursor + 3) }
            let found = words[cursor - 1].lower == "found"
            if CasualtyCounter.outcomes[word] == "killed", !["die", "dies", "died"].contains(word), word != "dead" || found {
                return (index, cursor + 1)
            }
        }
        return nil
    }

    private func claim(
        _ kind: String, _ phrase: CountPhrase?, victims: Range<Int>?, text: FactText, document: Document, range: Range<Int>
    ) -> CasualtyClaim {
        let words = text.words
        let bytes = words[range.lowerBound].range.lowerBound..<words[range.upperBound - 1].range.upperBound
        var claim = CasualtyClaim(kind: kind, count: phrase?.count, qualifier: phrase?.qualifier, low: phrase?.low, high: phrase?.high, range: bytes)
        if phrase == nil { claim.count = nil }
        if let victims, !victims.isEmpty {
            claim.who = who(victims, text: text, document: document)
        }
        return claim
    }

    /// The side of the victims: an actor mention inside the phrase, else demonym + role noun.
    private func who(_ victims: Range<Int>, text: FactText, document: Document) -> ActorReference? {
        let words = text.words
        let bytes = words[victims.lowerBound].range.lowerBound..<words[victims.upperBound - 1].range.upperBound
        if let mention = document.actors.indices.first(where: { bytes.overlaps(document.actors[$0].range) && document.actors[$0].code != nil }) {
            return ActorReference(mention: document.actors[mention], index: mention)
        }
        var country: String?
        var sector: String?
        for word in words[victims] {
            let lower = CasualtyCounter.droppingPossessive(word.lower)
            if country == nil, let code = demonyms[lower] { country = code }
            let base = CasualtyCounter.singular(lower).0
            if let role = CasualtyCounter.roleNouns[base] ?? CasualtyCounter.roleNouns[lower] { sector = role }
        }
        guard country != nil || sector != nil else { return nil }
        let code = (country ?? "---") + (sector ?? "")
        return ActorReference(code: code, text: text.text(bytes), country: country, sector: sector)
    }

    // MARK: - Linking to events

    /// Attaches each claim to the event in its sentence whose trigger is nearest (violent events first).
    func link(_ document: inout Document, text: FactText) {
        for index in document.events.indices { document.events[index].casualties = [] }
        // Each event's sentence, found once: a long report has thousands of claims and events.
        var eventsBySentence: [Int: [Int]] = [:]
        for (index, event) in document.events.enumerated() {
            eventsBySentence[text.sentence(containing: event.evidence.trigger.lowerBound) ?? event.sentence, default: []]
                .append(index)
        }
        for claim in document.casualties {
            guard let range = claim.range, let sentence = text.sentence(containing: range.lowerBound) else { continue }
            let candidates = eventsBySentence[sentence] ?? []
            func violent(_ event: Event) -> Bool {
                event.acled != nil || ["18", "19", "20"].contains(String(event.cameo.prefix(2))) || (claim.kind == "arrested" && event.cameo.hasPrefix("17"))
            }
            func distance(_ event: Event) -> Int {
                let trigger = event.evidence.trigger
                if trigger.overlaps(range) { return 0 }
                return trigger.upperBound <= range.lowerBound ? range.lowerBound - trigger.upperBound : trigger.lowerBound - range.upperBound
            }
            let best = candidates.min { a, b in
                let (ea, eb) = (document.events[a], document.events[b])
                if violent(ea) != violent(eb) { return violent(ea) }
                return distance(ea) < distance(eb)
            }
            if let best { document.events[best].casualties.append(claim) }
        }
    }
}

extension Document {
    /// The number of people a report says were affected in one way (`killed`, `injured`, …):
    /// the counts of each sentence summed, the largest sentence total kept (so a later sentence
    /// restating the toll does not double it). Vague amounts count their implied minimum only when
    /// `includeVague` is set.
    public func casualtyTotal(_ kind: String, includeVague: Bool = false) -> Int {
        var perSentence: [Int: Int] = [:]
        let text = FactText(self)
        for claim in casualties where claim.kind == kind {
            guard let range = claim.range else { continue }
            let sentence = text.sentence(containing: range.lowerBound) ?? -1
            let value = claim.count ?? (includeVague ? claim.low ?? 0 : 0)
            perSentence[sentence, default: 0] += value
        }
        return perSentence.values.max() ?? 0
    }
}
