import Foundation

/// Codes events — who did what to whom — over parsed sentences with actor mentions.
///
/// For each verb or noun trigger of the ``VerbLexicon`` the coder finds its clause's source and target
/// through the dependency tree (voice, coordination, control, relative clauses, nominal arguments),
/// refines the code with the block's best pattern, folds verb + verb combinations ("threatened to
/// strike" is a threat), codes what reported speech reports with its speaker, sets PLOVER modes
/// (negated, hypothetical, future, historical, reported) with the rule behind each, and derives
/// PLOVER, ACLED, Goldstein and QuadClass from the ``EventCodebook`` where the code is CAMEO.
public struct EventCoder: PipelineStage {
    /// Options for coding.
    public struct Configuration: Sendable {
        /// Code only events with both a source and a target (PETRARCH's `require_dyad`).
        public var requireDyad = false
        /// Code events with no source actor (e.g. nominal events with only a target).
        public var allowMissingSource = false
        /// Keep events whose code is not CAMEO (imported dictionaries with their own codes).
        public var keepNonCAMEO = true
        /// Recode an act announced for the future or on a condition as an intent or threat ("will provide aid"
        /// is 033, "would strike if …" 138), as CAMEO and PLOVER code announcements. Off for imported
        /// dictionaries, whose codes are emitted as written (PETRARCH codes "will supply arms" 072).
        public var intentFromModality = true
        /// Match a transformation's inner verb by its code as well as by its name, as PETRARCH-2 reads its
        /// dictionaries ("(b . ATTACK) SAY" also reports "killed", whose code is ATTACK's).
        public var transformsByCode = false
        /// Code a reporting verb ("…, officials said") as an event of its own besides the act it reports, as
        /// PETRARCH-2 codes every verb; off by default, where the report is the reported act's modality.
        public var reportingVerbs = false

        /// Phrases (uppercased words) whose presence in a sentence means it is not coded ("baseball").
        public var sentenceDiscards: [[String]] = []
        /// Phrases whose presence anywhere means the whole story is not coded.
        public var storyDiscards: [[String]] = []

        public init(requireDyad: Bool = false, allowMissingSource: Bool = false) {
            self.requireDyad = requireDyad
            self.allowMissingSource = allowMissingSource
        }
    }

    public let name = "events"
    public let requires: Set<Annotation> = [.tokens, .sentences, .dependencies, .actors]
    public let assigns: Set<Annotation> = [.events]
    public let lexicon: VerbLexicon
    public let codebook: EventCodebook
    public let configuration: Configuration
    /// Finds sources and targets in the parse where no actor mention does (see `EventArguments.swift`).
    public let participants: ParticipantFinder?
    let index: TriggerIndex

    /// Creates a coder.
    /// - Parameters:
    ///   - lexicon: the verb-pattern lexicon.
    ///   - codebook: code scores and crosswalks.
    ///   - configuration: coding options.
    ///   - participants: the parse-based participant finder; without it, only actor mentions are arguments.
    public init(
        lexicon: VerbLexicon, codebook: EventCodebook, configuration: Configuration = Configuration(),
        participants: ParticipantFinder? = nil
    ) {
        self.lexicon = lexicon
        self.codebook = codebook
        self.configuration = configuration
        self.participants = participants
        self.index = TriggerIndex(lexicon)
    }

    /// The coder with Parley's bundled lexicon and codebook.
    /// - Throws: ``PipelineError`` when a bundled resource is missing or malformed.
    public static func bundled(configuration: Configuration = Configuration()) throws -> EventCoder {
        EventCoder(
            lexicon: try VerbLexicon.bundled(), codebook: try EventCodebook.bundled(), configuration: configuration,
            participants: ParticipantFinder(nouns: try NounClasses.bundled()))
    }

    public func process(_ document: inout Document) throws {
        var events: [Event] = []
        var quote = SentenceCoder.QuoteState()
        let quotes =
            document.text.utf8.withContiguousStorageIfAvailable { QuotedSpans.find(in: $0) }
            ?? QuotedSpans.find(in: Array(document.text.utf8))
        let discards = !configuration.storyDiscards.isEmpty || !configuration.sentenceDiscards.isEmpty
        let forms = discards ? document.tokens.map { $0.form.uppercased() } : []
        if let phrase = configuration.storyDiscards.first(where: { Self.find($0, in: forms[...]) }) {
            document.events = []
            document.warnings.append(
                Diagnostic(message: "story discarded: it mentions '\(phrase.joined(separator: " ").lowercased())'"))
            return
        }
        for (number, sentence) in document.sentences.enumerated() {
            guard !sentence.tokens.isEmpty, sentence.tokens.upperBound <= document.tokens.count else { continue }
            if discards, configuration.sentenceDiscards.contains(where: { Self.find($0, in: forms[sentence.tokens]) }) {
                continue
            }
            var coder = SentenceCoder(coder: self, document: document, sentence: sentence, number: number)
            coder.previous = events
            coder.quote = quote
            coder.quotes = quotes
            events += coder.code()
            quote = coder.quote
        }
        for index in events.indices { events[index].id = "\(document.id)-e\(index + 1)" }
        document.events = events
        AcledClassifier().refine(&document)
    }

    /// Whether the words occur in a row among the forms (a word also matches its plural).
    static func find(_ phrase: [String], in forms: ArraySlice<String>) -> Bool {
        guard let first = phrase.first, !first.isEmpty else { return false }
        var index = forms.startIndex
        while index < forms.endIndex {
            if forms[index] == first || forms[index] == first + "S" {
                var ok = true
                for (offset, word) in phrase.enumerated().dropFirst() {
                    let position = index + offset
                    if position >= forms.endIndex || (forms[position] != word && forms[position] != word + "S") {
                        ok = false
                        break
                    }
                }
                if ok { return true }
            }
            index += 1
        }
        return false
    }
}

// MARK: - Word lists

enum EventWords {
    static let speech: Set<String> = [
        "SAY", "TELL", "ADD", "STATE", "CLAIM", "ALLEGE", "REPORT", "ANNOUNCE", "INSIST", "ASSERT", "REITERATE",
        "CONFIRM", "WARN", "NOTE", "STRESS", "DECLARE", "EXPLAIN", "BELIEVE", "ACKNOWLEDGE", "ADMIT", "CAUTION",
        "WRITE", "TWEET", "POST", "SUGGEST", "INDICATE", "ARGUE", "MAINTAIN", "REVEAL", "DISCLOSE", "CHARGE",
        "EMPHASIZE", "EMPHASISE", "UNDERLINE", "PREDICT", "CONCLUDE", "THINK", "FEAR",
    ]
    /// Speech verbs whose report of material conflict is a threat (`warn that X would strike`).
    static let threatSpeech: Set<String> = [
        "WARN", "THREATEN", "CAUTION", "VOW", "PLEDGE", "PROMISE", "SWEAR", "WARNING", "THREAT", "ULTIMATUM",
    ]
    /// Nouns whose content clause reports what someone said ("a warning that Pakistan would strike").
    static let speechNouns: Set<String> = [
        "WARNING", "THREAT", "ULTIMATUM", "CLAIM", "STATEMENT", "ANNOUNCEMENT", "ALLEGATION", "ACCUSATION", "PLEDGE",
        "VOW", "PROMISE", "ASSURANCE", "WORD", "MESSAGE",
    ]
    static let allegation: Set<String> = ["CLAIM", "ALLEGE", "CHARGE", "ACCUSE"]
    /// Nouns of an act addressed to someone whose `of` phrase names its author ("the request of Turkiye").
    static let addressedNouns: Set<String> = [
        "REQUEST", "DEMAND", "INVITATION", "APPEAL", "CALL", "BEHEST", "URGING", "OFFER", "PROPOSAL", "PLEA",
    ]
    /// Verbs that deny an accusation when their object names one ("denied the allegations").
    static let denial: Set<String> = ["DENY", "REJECT", "DISMISS", "REFUTE", "REBUT"]
    static let accusationNouns: Set<String> = [
        "ALLEGATION", "ACCUSATION", "CHARGE", "CLAIM", "CLAIMS", "ALLEGATIONS", "ACCUSATIONS", "CHARGES",
    ]
    /// People whose use of force is a violent protest (CAMEO 145).
    static let protesters: Set<String> = [
        "PROTESTER", "PROTESTOR", "DEMONSTRATOR", "RIOTER", "PROTESTERS", "PROTESTORS", "DEMONSTRATORS", "RIOTERS",
    ]
    /// Outer verbs whose infinitival complement is future or intended.
    static let intent: Set<String> = [
        "PLAN", "INTEND", "EXPECT", "AIM", "PREPARE", "SEEK", "HOPE", "WANT", "WISH", "SCHEDULE", "DECIDE",
        "RESOLVE", "MEAN", "SET", "GO", "ARRANGE", "PLOT",
    ]
    /// Outer verbs whose complement did not happen.
    static let failure: Set<String> = ["FAIL", "NEGLECT", "AVOID", "CEASE", "STOP", "ABANDON"]
    /// Outer verbs that say nothing of their complement's happening; it is coded as if alone.
    static let neutral: Set<String> = [
        "BEGIN", "START", "CONTINUE", "RESUME", "TRY", "ATTEMPT", "MANAGE", "KEEP", "HELP", "DARE", "APPEAR", "SEEM",
        "COME", "GET", "USE", "MOVE", "STEP", "RUSH",
    ]
    /// Verbs whose object, not subject, controls an infinitival complement ("urged X to resume").
    static let objectControl: Set<String> = [
        "URGE", "ASK", "PERSUADE", "FORCE", "ORDER", "CALL", "PRESS", "COMPEL", "ENCOURAGE", "INVITE", "TELL", "ALLOW",
        "EXHORT", "PUSH", "REQUIRE", "PRESSURE", "ENABLE",
    ]
    /// Subordinating conjunctions a parser may take for prepositions ("as the leader prepared").
    static let clauseConjunctions: Set<String> = ["AS", "WHILE", "WHEN", "AFTER", "BEFORE", "SINCE", "UNTIL", "ONCE"]
    static let modalsFuture: Set<String> = ["WILL", "SHALL", "'LL", "WO"]
    static let modalsHypothetical: Set<String> = ["WOULD", "COULD", "MIGHT", "MAY", "SHOULD", "'D", "CAN"]
    static let conditional: Set<String> = ["IF", "UNLESS", "SHOULD", "PROVIDED", "WHETHER"]
    static let historicalAdverbs: Set<String> = [
        "EARLIER", "PREVIOUSLY", "AGO", "FORMERLY", "ONCE", "BEFORE", "LAST", "YESTERDAY",
    ]
    /// Nouns for places and facilities, whose country is given by where they are.
    static let places: Set<String> = [
        "HIDEOUT", "CAMP", "BASE", "POSITION", "POST", "AREA", "VILLAGE", "TOWN", "CITY", "TERRITORY", "HOME", "HOUSE",
        "TARGET", "FACILITY", "SANCTUARY", "SAFEHOUSE", "COMPOUND", "STRONGHOLD", "DISTRICT", "REGION", "BORDER",
    ]
    static let reportedAdverbs: Set<String> = ["REPORTEDLY", "ALLEGEDLY", "PURPORTEDLY", "SUPPOSEDLY", "APPARENTLY"]
    static let mediation: Set<String> = ["MEDIATE", "MEDIATION", "MEDIATOR", "BROKER", "FACILITATE", "FACILITATION"]
    static let hosting: Set<String> = ["HOST", "HOSTED"]
    static let months: [String: Int] = [
        "JANUARY": 1, "JAN": 1, "FEBRUARY": 2, "FEB": 2, "MARCH": 3, "MAR": 3, "APRIL": 4, "APR": 4, "MAY": 5,
        "JUNE": 6, "JUN": 6, "JULY": 7, "JUL": 7, "AUGUST": 8, "AUG": 8, "SEPTEMBER": 9, "SEP": 9, "SEPT": 9,
        "OCTOBER": 10, "OCT": 10, "NOVEMBER": 11, "NOV": 11, "DECEMBER": 12, "DEC": 12,
    ]
}

// MARK: - One sentence

struct SentenceCoder {
    let coder: EventCoder
    /// The document; the coding of the sentence may add first-person mentions (see `FirstPerson.swift`).
    var document: Document
    /// How many actor mentions the document has; later ones are local to this sentence's coding.
    let actorCount: Int
    /// Who spoke the last direct quote of the earlier sentences.
    var quote = QuoteState()
    /// The document's direct quotes, as byte ranges in text order (``QuotedSpans``).
    var quotes: [Range<Int>] = []
    let sentence: Sentence
    let number: Int
    let graph: SentenceGraph
    /// Actor mention index for each token of a mention with a code.
    var actorAt: [Int: Int] = [:]

    /// Events coded in earlier sentences of the document.
    var previous: [Event] = []
    /// Codes composed in the tree: an agent without a country takes the country of an actor that modifies
    /// it ("ministers from the Georgian government" → GEOGOV, "soldiers from Gondor" → GONMIL).
    var composed: [Int: String] = [:]

    init(coder: EventCoder, document: Document, sentence: Sentence, number: Int) {
        self.coder = coder
        self.document = document
        self.actorCount = document.actors.count
        self.sentence = sentence
        self.number = number
        self.graph = SentenceGraph(document: document, sentence: sentence)
        var mentions: [Int] = []
        for (index, mention) in document.actors.enumerated() where mention.code != nil {
            var inSentence = false
            for token in mention.span.tokens where sentence.tokens.contains(token) {
                if actorAt[token] == nil { actorAt[token] = index }
                inSentence = true
            }
            if inSentence { mentions.append(index) }
        }
        for mention in mentions {
            guard let code = document.actors[mention].code, code.count == 3, Self.agentOnly(code) == nil else {
                continue
            }
            let head = mentionHead(mention)
            // The mention it is coordinated with, either way round.
            var partners: [Int] = []
            if graph.baseRelation(head) == "conj", let first = graph.head(head) { partners.append(first) }
            partners += graph.children(of: head, ["conj"])
            for partner in partners {
                guard let other = actorAt[partner], other != mention, let otherCode = document.actors[other].code,
                    otherCode.count > 3, Self.agentOnly(otherCode) == nil, document.actors[other].span.tokens.count > 1
                else { continue }
                composed[mention] = code + otherCode.dropFirst(3)
                break
            }
        }
        for mention in mentions {
            guard let code = document.actors[mention].code, let agent = Self.agentOnly(code) else { continue }
            let head = mentionHead(mention)
            let span = document.actors[mention].span.tokens
            search: for child in graph.children(of: head)
            where ["nmod", "amod", "compound", "nmod:poss", "flat", "appos"].contains(graph.relation(child))
                || graph.baseRelation(child) == "nmod"
            {
                for token in graph.subtree(child, excluding: ["acl", "acl:relcl", "conj"]) where !span.contains(token) {
                    guard let other = actorAt[token], other != mention, let otherCode = document.actors[other].code,
                        Self.agentOnly(otherCode) == nil, otherCode.count >= 3
                    else { continue }
                    composed[mention] = String(otherCode.prefix(3)) + agent
                    break search
                }
            }
            // "ministers from the Georgian government" with the phrase attached to the verb.
            let next = span.upperBound
            if composed[mention] == nil, next < sentence.tokens.upperBound,
                ["FROM", "OF", "IN"].contains(graph.form(next)),
                let nominal = graph.head(next), nominal > next
            {
                for token in graph.subtree(nominal, excluding: ["acl", "acl:relcl", "conj"]) {
                    guard let other = actorAt[token], other != mention, let otherCode = document.actors[other].code,
                        Self.agentOnly(otherCode) == nil, otherCode.count >= 3
                    else { continue }
                    composed[mention] = String(otherCode.prefix(3)) + agent
                    break
                }
            }
        }
        composeTitles(mentions)
    }

    /// A named actor with a title before its name takes the title's agent, as PETRARCH mixes a noun phrase's
    /// codes: the first country in the phrase, then the agent ("Bree Prime Minister Romendacil" → BREGOV,
    /// "Ithilen's minister Calimehtar" → ITHGOV).
    mutating func composeTitles(_ mentions: [Int]) {
        for mention in mentions where composed[mention] == nil {
            guard let code = document.actors[mention].code, code.count == 3, Self.agentOnly(code) == nil,
                code.allSatisfy({ $0.isUppercase })
            else { continue }
            let head = mentionHead(mention)
            let span = document.actors[mention].span.tokens
            var country: String?
            var agent: String?
            var seen: Set<Int> = []
            let modifiers = graph.subtree(
                head, excluding: ["acl", "acl:relcl", "conj", "cc", "appos", "punct", "case"])
            for token in modifiers.sorted() where token < span.lowerBound {
                guard let other = actorAt[token], other != mention, seen.insert(other).inserted else { continue }
                let otherCode = composed[other] ?? document.actors[other].code ?? ""
                if let role = Self.agentOnly(otherCode) {
                    if agent == nil { agent = role }
                    continue
                }
                guard otherCode.count >= 3 else { continue }
                if country == nil { country = String(otherCode.prefix(3)) }
                let rest = String(otherCode.dropFirst(3))
                if agent == nil, rest.count >= 3, Self.agentRoles.contains(String(rest.prefix(3))) { agent = rest }
            }
            guard let agent else { continue }
            composed[mention] = (country ?? code) + agent
        }
    }

    /// Role codes that name an agent without a country (`GOV`, `---MIL`); `nil` for codes with a country
    /// or an organisation.
    static func agentOnly(_ code: String) -> String? {
        var rest = Substring(code)
        while rest.hasPrefix("-") { rest = rest.dropFirst() }
        guard rest.count >= 3, code.hasPrefix("-") || agentRoles.contains(String(rest.prefix(3))) else { return nil }
        return String(rest)
    }

    static let agentRoles: Set<String> = [
        "GOV", "MIL", "REB", "OPP", "PTY", "COP", "JUD", "SPY", "MED", "EDU", "BUS", "CRM", "CVL", "HLH", "HRI",
        "INS", "LAB", "LEG", "REF", "SET", "UAF", "AGR", "ELI", "ENV", "PPL", "RAD", "MOD", "REL", "DEV", "ATH",
    ]

    /// A trigger found in the sentence and what the coder made of it.
    struct Trigger {
        var token: Int
        var tokens: [Int]
        var block: Int
        var word: Int
        var kind: VerbLexicon.TriggerKind
        var passive = false
        var code: String?
        var pattern: String
        var patternTokens: [Int] = []
        var plover: PloverCoding?
        var source: [Int] = []
        var target: [Int] = []
        var sourceSpan: [Int] = []
        var targetSpan: [Int] = []
        /// Participants from the parse that no actor mention codes.
        var uncodedSource: [Span] = []
        var uncodedTarget: [Span] = []
        var thirdParties: [(mention: Int, role: String)] = []
        var compound = false
        var modality = Modality()
        var suppressed = false
        var entries: [String] = []
        /// The code of the paired target → source event (`[043:042]`).
        var reverseCode: String?
        /// Every block the trigger word belongs to: patterns are pooled, the first code wins.
        var candidates: [(block: Int, word: Int)] = []
    }

    mutating func code() -> [Event] {
        resolveFirstPerson()
        var triggers: [Trigger] = []
        for token in graph.tokens {
            if let trigger = findTrigger(token) { triggers.append(trigger) }
        }
        if triggers.isEmpty { return [] }
        // Arguments and codes, inner clauses first: a coded verb heading a complement is an event of its own,
        // not a word for the outer verb's patterns ("wants to help" is WANT + HELP, not WANT's "* help").
        var coded: Set<Int> = []
        for index in deepestFirst(triggers) {
            resolve(&triggers[index], codedComplements: coded)
            if triggers[index].code != nil && triggers[index].kind == .verb { coded.insert(triggers[index].token) }
        }
        // Verb + verb, reported speech, nominal events inside coded clauses.
        combine(&triggers)
        continueNegotiations(&triggers)
        chooseArguments(&triggers)
        for index in triggers.indices where !triggers[index].suppressed {
            setModality(&triggers[index], all: triggers)
            if coder.configuration.intentFromModality { announceIntent(&triggers[index]) }
        }
        return triggers.flatMap(makeEvents)
    }

    /// Trigger indices ordered from the deepest in the tree to the shallowest (stable for equal depths).
    func deepestFirst(_ triggers: [Trigger]) -> [Int] {
        let depths = triggers.map { trigger in
            var depth = 0
            var current = trigger.token
            while let head = graph.head(current), depth <= graph.tokens.count {
                depth += 1
                current = head
            }
            return depth
        }
        return triggers.indices.sorted { depths[$0] > depths[$1] }
    }

    // MARK: Triggers

    func findTrigger(_ token: Int) -> Trigger? {
        // A word of a name is not an event: "United" in "the United Nations".
        if let mention = actorAt[token], document.actors[mention].span.tokens.count > 1 { return nil }
        // Nor a word of a preposition: "according to".
        if ["case", "fixed"].contains(graph.relation(token)) || !graph.children(of: token, ["fixed"]).isEmpty {
            return nil
        }
        let upos = graph.upos(token)
        let candidates = coder.index.candidates(lemma: graph.lemma(token), form: graph.form(token))
        guard !candidates.isEmpty else { return nil }
        var found: Trigger?
        for candidate in candidates {
            let block = coder.lexicon.blocks[candidate.block]
            switch block.kind {
            case .verb:
                guard upos.isEmpty || upos == "VERB" || (upos == "ADJ" && graph.xpos(token) == "VBN") else { continue }
            case .noun:
                guard upos.isEmpty || upos == "NOUN" || upos == "PROPN" else { continue }
            }
            var tokens = [token]
            if !candidate.rest.isEmpty {
                // A particle or preposition after the verb: "ask for", "carry out".
                var position = token + 1
                var ok = true
                for word in candidate.rest {
                    var matched = false
                    while position < graph.tokens.upperBound && position <= token + 4 {
                        if coder.index.wordMatches(word, exact: false, token: position, graph: graph) {
                            tokens.append(position)
                            matched = true
                            position += 1
                            break
                        }
                        position += 1
                    }
                    if !matched {
                        ok = false
                        break
                    }
                }
                if !ok { continue }
            }
            if var trigger = found {
                // A longer (multiword) trigger replaces a shorter one; same-length candidates are pooled.
                if tokens.count > trigger.tokens.count {
                    found = nil
                } else {
                    if tokens.count == trigger.tokens.count, block.kind == trigger.kind {
                        trigger.candidates.append((candidate.block, candidate.word))
                        found = trigger
                    }
                    continue
                }
            }
            found = Trigger(
                token: token, tokens: tokens, block: candidate.block, word: candidate.word, kind: block.kind,
                pattern: "\(block.name.lowercased())", candidates: [(candidate.block, candidate.word)])
        }
        return found
    }

    // MARK: Arguments

    static let subjectRelations: Set<String> = ["nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:xsubj"]
    static let clauseBoundaries: Set<String> = [
        "nsubj", "nsubj:pass", "csubj", "csubj:pass", "punct", "conj", "cc", "parataxis", "advcl", "ccomp",
        "discourse", "vocative", "list", "dep",
    ]

    /// Whether a verb trigger is passive.
    func isPassive(_ token: Int) -> Bool {
        let children = graph.children(of: token)
        if children.contains(where: { graph.relation($0) == "nsubj:pass" || graph.relation($0) == "aux:pass" }) {
            return true
        }
        // Reduced relative or participle: "talks mediated by Qatar", "hosted by Turkiye".
        if graph.xpos(token) == "VBN", ["acl", "amod"].contains(graph.relation(token)),
            !children.contains(where: { graph.relation($0) == "aux" })
        {
            return true
        }
        return false
    }

    /// The subject of a verb, through control, coordination and relative clauses.
    func subject(of token: Int, depth: Int = 0) -> Int? {
        if depth > 6 { return nil }
        // Of several subjects (a misparsed dateline, fronted name or apposition), the one nearest before the verb
        // that names an actor, else the nearest.
        let subjects = graph.children(of: token, Self.subjectRelations)
        if subjects.count > 1, let named = subjects.last(where: { $0 < token && !actors(of: $0).isEmpty }) {
            return named
        }
        if let subject = subjects.last(where: { $0 < token }) ?? subjects.first { return subject }
        guard let head = graph.head(token) else { return nil }
        let relation = graph.relation(token)
        switch graph.baseRelation(token) {
        case "xcomp":
            if EventWords.objectControl.contains(graph.lemma(head)),
                let object = graph.children(of: head, ["obj", "iobj"]).first
            {
                return object
            }
            return subject(of: head, depth: depth + 1)
        case "conj":
            let upos = graph.upos(head)
            guard upos == "VERB" || upos == "AUX" else { return nil }
            // "fighters who it says carried out attacks" misparsed with "carried" a conjunct of "says": a verb
            // right after a speech verb, with no conjunction or comma between them, is what the speech verb
            // reports, not a second act of its speaker. Its subject is the relative pronoun the speech verb took,
            // which stands for the actor named right before it ("the TTP, who").
            if EventWords.speech.contains(graph.lemma(head)), isAsyndetic(token, head) {
                guard
                    let relative = graph.children(of: head).first(where: {
                        $0 < head && Self.relatives.contains(graph.lemma($0))
                    })
                else { return nil }
                var before = relative - 1
                while graph.upos(before) == "PUNCT" { before -= 1 }
                return actorAt[before] != nil ? before : relative
            }
            return subject(of: head, depth: depth + 1)
        case "acl":
            // "the Taliban regime refused to …" is a subject; "talks mediated by Qatar": the noun is the
            // logical object, handled by passive.
            if relation == "acl:relcl" {
                return graph.children(of: token, ["nsubj"]).first ?? head
            }
            return isPassive(token) ? nil : head
        case "advcl":
            // "The stopover came as the US leader prepared to attend …" parsed with "as the US leader" a phrase of
            // the main verb: a conjunction's noun right before the clause's verb is its subject.
            if let noun = graph.children(of: head, ["obl"]).last(where: { $0 < token }),
                graph.subtree(noun).max() == token - 1,
                EventWords.clauseConjunctions.contains(graph.caseMarker(noun) ?? ""), !actors(of: noun).isEmpty
            {
                return noun
            }
            // Participial adjuncts share the main clause's subject: "…, giving peace another chance".
            guard graph.children(of: token, ["mark"]).isEmpty else { return nil }
            // "X agreed to a ceasefire, the ministry said, ending the fighting": an adjunct hung on a reporting
            // clause belongs to the clause reported.
            if graph.baseRelation(head) == "parataxis", EventWords.speech.contains(graph.lemma(head)),
                let reported = graph.head(head)
            {
                return subject(of: reported, depth: depth + 1)
            }
            return subject(of: head, depth: depth + 1)
        default:
            return nil
        }
    }

    static let relatives: Set<String> = ["WHO", "WHOM", "WHICH"]

    /// Whether a conjunct follows its head with no coordinating conjunction and no punctuation between them.
    func isAsyndetic(_ conjunct: Int, _ head: Int) -> Bool {
        guard head < conjunct, graph.children(of: conjunct, ["cc"]).isEmpty else { return false }
        return (head + 1..<conjunct).allSatisfy { graph.upos($0) != "PUNCT" && graph.upos($0) != "CCONJ" }
    }

    /// The nominal a passive participle modifies ("talks mediated by Qatar" → talks).
    func passiveHeadNoun(_ token: Int) -> Int? {
        guard ["acl", "amod"].contains(graph.relation(token)) else { return nil }
        return graph.head(token)
    }

    /// The agent of a passive verb ("by X").
    func agent(of token: Int) -> Int? {
        for child in graph.children(of: token) {
            let relation = graph.relation(child)
            if relation == "obl:agent" { return child }
            if graph.baseRelation(child) == "obl" || graph.baseRelation(child) == "nmod",
                graph.caseMarker(child) == "BY"
            {
                return child
            }
        }
        return nil
    }

    /// Actor mentions that a nominal refers to: the mention at its head, else mentions inside the noun
    /// phrase (possessors, compounds, appositions), plus coordinated nominals.
    func actors(of head: Int, depth: Int = 0) -> [Int] {
        if depth > 5 { return [] }
        var result: [Int] = []
        if let mention = actorAt[head] {
            result.append(mention)
        } else if EventWords.places.contains(graph.lemma(head)), let located = location(of: head) {
            // "terrorist hideouts inside Afghanistan": a place is its country's, not its occupants'.
            result.append(actorAt[located]!)
        } else {
            let phrase = graph.subtree(
                head, excluding: ["acl", "acl:relcl", "conj", "cc", "punct", "case", "advcl", "ccomp", "parataxis"])
            // Prefer the nearest modifier: possessor, compound, amod, nmod, appos.
            for token in phrase where token != head {
                if let mention = actorAt[token], !result.contains(mention) {
                    result.append(mention)
                    // "ties between Eriador and Osgiliath", "Eriadori and Calenardhon leaders": a modifier's
                    // conjuncts are parties too.
                    let modifier = mentionHead(mention)
                    let modifies = ["nmod", "obl", "compound", "amod"].contains(String(graph.baseRelation(modifier)))
                    for conj in graph.children(of: modifier, ["conj"]) where modifies && graph.upos(conj) != "VERB" {
                        for other in actors(of: conj, depth: depth + 1) where !result.contains(other) {
                            result.append(other)
                        }
                    }
                    break
                }
            }
        }
        if result.isEmpty, let pair = bothSides(head) { result = pair }
        // "US and British activists": a country coordinated with the modifier of an agent shares the agent.
        for child in graph.children(of: head, ["compound", "amod"]) {
            if let other = actorAt[child], composed[other] != nil, !result.contains(other) { result.append(other) }
        }
        if let mention = actorAt[head] {
            for token in document.actors[mention].span.tokens where token != head && graph.tokens.contains(token) {
                for conj in graph.children(of: token, ["conj"]) {
                    guard let other = actorAt[conj], other != mention, !result.contains(other) else { continue }
                    result.append(other)
                }
            }
        }
        for conj in graph.children(of: head, ["conj"]) where graph.upos(conj) != "VERB" {
            for mention in actors(of: conj, depth: depth + 1) where !result.contains(mention) { result.append(mention) }
        }
        return result
    }

    /// The coded country or place a place noun lies in: "hideouts inside Afghanistan", also when the parse hangs
    /// the phrase on the verb whose object the place is ("targeted hideouts | inside Afghanistan"), if it follows
    /// the object directly.
    func location(of place: Int) -> Int? {
        func locates(_ token: Int) -> Bool {
            ["IN", "INSIDE", "ACROSS", "NEAR", "WITHIN"].contains(graph.caseMarker(token) ?? "")
                && actorAt[token] != nil
        }
        if let child = graph.children(of: place).first(where: locates) { return child }
        guard graph.baseRelation(place) == "obj", let verb = graph.head(place), let end = graph.subtree(place).max()
        else { return nil }
        return graph.children(of: verb, ["obl"]).first {
            $0 > place && locates($0) && graph.subtree($0).min() == end + 1
        }
    }

    /// "The two sides", "both countries": the two parties most recently coded or mentioned in the article.
    func bothSides(_ head: Int) -> [Int]? {
        guard
            ["SIDE", "COUNTRY", "NATION", "NEIGHBOUR", "NEIGHBOR", "GOVERNMENT", "PARTY", "DELEGATION"]
                .contains(graph.lemma(head))
        else { return nil }
        let marked = graph.children(of: head).contains { ["TWO", "BOTH"].contains(graph.form($0)) }
        guard marked else { return nil }
        var picked: [Int] = []
        // Mediators and hosts named so far are not sides.
        var countries = Set(previous.flatMap { $0.thirdParties.map { String($0.code.prefix(3)) } })
        for event in previous.reversed() {
            for actor in event.source + event.target {
                guard let mention = actor.mention, actor.code.count >= 3, !actor.code.hasPrefix("-") else { continue }
                if countries.insert(String(actor.code.prefix(3))).inserted { picked.append(mention) }
                if picked.count == 2 { return picked }
            }
        }
        for (index, mention) in document.actors.enumerated().reversed() where mention.sentence < number {
            guard let code = mention.code, code.count >= 3, !code.hasPrefix("-"), Self.agentOnly(code) == nil else {
                continue
            }
            if countries.insert(String(code.prefix(3))).inserted { picked.append(index) }
            if picked.count == 2 { return picked }
        }
        return nil
    }

    /// The pre and post regions for pattern matching.
    func regions(of trigger: Trigger) -> (pre: [Int], post: [Int]) {
        let token = trigger.token
        var post: [Int] = []
        var pre: [Int] = []
        let excluded: Set<String> =
            trigger.kind == .verb
            ? ["punct", "conj", "cc", "parataxis", "advcl", "discourse", "vocative"]
            : ["punct", "conj", "cc", "acl:relcl"]
        for child in graph.children(of: token) {
            let relation = graph.relation(child)
            if excluded.contains(relation) || excluded.contains(String(graph.baseRelation(child))) { continue }
            let tokens = graph.subtree(child, excluding: ["punct"])
            if child > token {
                if !Self.subjectRelations.contains(relation) { post += tokens }
            } else {
                pre += tokens
            }
        }
        // A noun trigger's head context ("launched airstrikes": the verb is before the noun), and the verb a
        // clause is the complement of ("indicated it would act", "noted that X regretted"): PETRARCH reads the
        // words before a verb in its sentence, not only in its clause.
        if trigger.kind == .noun || graph.baseRelation(token) == "ccomp", let head = graph.head(token), head < token {
            pre.append(head)
        }
        let triggerSet = Set(trigger.tokens)
        return (pre.filter { !triggerSet.contains($0) }.sorted(), post.filter { !triggerSet.contains($0) }.sorted())
    }

    mutating func resolve(_ trigger: inout Trigger, codedComplements: Set<Int> = []) {
        // The default code: the first block (or word) with one.
        for candidate in trigger.candidates {
            let block = coder.lexicon.blocks[candidate.block]
            if !(block.words[candidate.word].code ?? block.code).isEmpty {
                trigger.block = candidate.block
                trigger.word = candidate.word
                break
            }
        }
        var block = coder.lexicon.blocks[trigger.block]
        let token = trigger.token
        let entryName = block.words[trigger.word].lemma.joined(separator: "_").lowercased()
        trigger.entries = ["\(block.origin) \(block.kind.rawValue) \(block.name.lowercased()): \(entryName)"]
        trigger.pattern = block.name.lowercased()
        var subjectToken: Int?
        if trigger.kind == .verb {
            trigger.passive = isPassive(token)
            subjectToken = subject(of: token)
            if trigger.passive {
                if let agent = agent(of: token) {
                    trigger.source = actors(of: agent)
                    trigger.sourceSpan = span(agent)
                }
                if let subject = subjectToken {
                    trigger.target = actors(of: subject)
                    trigger.targetSpan = span(subject)
                } else if let noun = passiveHeadNoun(token) {
                    trigger.target = actors(of: noun)
                }
            } else {
                if let subject = subjectToken {
                    trigger.source = actors(of: subject)
                    trigger.sourceSpan = span(subject)
                    // "Mordor, Rohan, Fornost and Bree welcomed" parsed with two named subjects: a coordination.
                    for other in graph.children(of: token, ["nsubj"])
                    where other != subject && other < token && actorAt[subject] != nil && actorAt[other] != nil {
                        for mention in actors(of: other) where !trigger.source.contains(mention) {
                            trigger.source.append(mention)
                        }
                    }
                }
                // "Ethiopia indicated it deplored Libya": a third-person pronoun subject of a reported clause is the
                // reporting clause's subject.
                if trigger.source.isEmpty, let subject = subjectToken,
                    ["IT", "THEY", "HE", "SHE"].contains(graph.form(subject)), actorAt[subject] == nil,
                    graph.baseRelation(token) == "ccomp", let outer = outerSource(of: token, excluding: -1)
                {
                    trigger.source = outer
                    trigger.entries.append(
                        "rule source: '\(graph.form(subject).lowercased())' is the subject of the clause it is reported in"
                    )
                }
                // A gerund with its agent: "firing by Taliban forces".
                if trigger.source.isEmpty, graph.baseRelation(token) == "acl", let agent = agent(of: token) {
                    trigger.source = actors(of: agent)
                    trigger.sourceSpan = span(agent)
                }
                findTarget(&trigger)
            }
        } else {
            resolveNominal(&trigger)
        }
        // Pattern.
        var (pre, post) = regions(of: trigger)
        // A coded complement is matched by its own patterns, with everything under it ("refused to provide
        // guarantees … for attacks" is not REFUSE's "* attack").
        var innerClauses: Set<Int> = []
        for child in post
        where codedComplements.contains(child) && ["xcomp", "ccomp"].contains(String(graph.baseRelation(child))) {
            innerClauses.formUnion(graph.subtree(child))
        }
        if !innerClauses.isEmpty { post.removeAll { innerClauses.contains($0) } }
        let compoundSubject = subjectToken.map { !graph.children(of: $0, ["conj"]).isEmpty } ?? false
        let context = TriggerIndex.Context(
            graph: graph, pre: pre, post: post, actorAt: actorAt, compoundSubject: compoundSubject, trigger: token)
        var code = block.words[trigger.word].code ?? block.code
        var best: (match: TriggerIndex.Match, block: Int)?
        for candidate in trigger.candidates {
            if let match = coder.index.bestPattern(block: candidate.block, context: context, passive: trigger.passive),
                best == nil || match.weight > best!.match.weight
            {
                best = (match, candidate.block)
            }
        }
        if let best, let p = best.match.pattern {
            let match = best.match
            block = coder.lexicon.blocks[best.block]
            let pattern = block.patterns[p]
            code = pattern.code
            trigger.pattern = pattern.id
            trigger.patternTokens = match.tokens
            trigger.plover = pattern.plover
            trigger.entries.append("\(pattern.origin) pattern \(pattern.id)")
            // A pattern's actor that is one of several conjuncts keeps them all ("X and Y agreed to a ceasefire").
            if let source = match.source, !trigger.source.contains(source) { trigger.source = [source] }
            if let target = match.target, !trigger.target.contains(target) {
                trigger.target = [target]
                // "noted + *": the pattern makes the clause's own subject the target; the one who acts is the
                // subject of the verb the clause is the complement of.
                if trigger.source.contains(target), let outer = outerSource(of: token, excluding: target) {
                    trigger.source = outer
                    trigger.entries.append(
                        "rule source: the pattern's target is the clause's subject; the outer subject acts")
                }
            }
            if match.compound { trigger.compound = true }
        }
        trigger.code = code.forward
        trigger.reverseCode = code.reverse
        // "warned that its forces would respond if Pakistan attacked": a threat with no target of its own
        // threatens the actor of the condition it sets.
        if trigger.kind == .verb, trigger.target.isEmpty, let forward = trigger.code,
            coder.codebook.root(of: forward) == "13"
        {
            for clause in [token] + graph.children(of: token, ["ccomp", "xcomp"]) {
                let found = conditionActors(of: clause).filter { !trigger.source.contains($0) }
                if !found.isEmpty {
                    trigger.target = found
                    trigger.entries.append("rule target: actor of the threat's condition")
                    break
                }
            }
        }
        // "demolished by a protester", "rioters torched …": force used by protesters is a violent protest.
        if trigger.kind == .verb, let actor = trigger.passive ? agent(of: token) : subjectToken,
            EventWords.protesters.contains(graph.lemma(actor)), let forward = trigger.code,
            let root = coder.codebook.root(of: forward), ["17", "18"].contains(root) || forward == "190"
        {
            // Only unspecified force, not weapons of war ("demonstrators launched missiles" stays 194).
            trigger.entries.append("rule riot: \(forward) by \(graph.lemma(actor).lowercased()) → 145")
            trigger.code = "145"
            trigger.reverseCode = nil
        }
        // "Pakistan's retaliatory strikes": a country's military force is its military's.
        if trigger.kind == .noun, let code = trigger.code, let root = coder.codebook.root(of: code),
            ["15", "19", "20"].contains(root)
        {
            for mention in trigger.source where composed[mention] == nil {
                let actorCode = document.actors[mention].code ?? ""
                if actorCode.count == 3, Self.agentOnly(actorCode) == nil, actorCode.allSatisfy(\.isUppercase) {
                    composed[mention] = actorCode + "MIL"
                    trigger.entries.append("rule military: \(actorCode)'s use of force → \(actorCode)MIL")
                }
            }
        }
        // Reciprocal: "X and Y agreed" with no target: each is the other's target.
        if trigger.target.isEmpty && trigger.source.count > 1 { trigger.compound = true }
        // Third parties anywhere in the clause: "mediated by Qatar", "mediator Turkiye", "under Turkish mediation".
        trigger.thirdParties += thirdParties(in: graph.subtree(token, excluding: ["conj", "parataxis", "ccomp"]))
        let participants = Set(trigger.source + trigger.target)
        trigger.thirdParties.removeAll { participants.contains($0.mention) }
    }

    /// The actors of the nearest subject of a verb a clause is the complement of, leaving one mention out.
    func outerSource(of token: Int, excluding mention: Int) -> [Int]? {
        var current = token
        var steps = 0
        while let head = graph.head(current), ["ccomp", "xcomp", "conj"].contains(String(graph.baseRelation(current))),
            steps < 4
        {
            steps += 1
            if let subject = subject(of: head) {
                let found = actors(of: subject).filter { $0 != mention }
                if !found.isEmpty { return found }
            }
            current = head
        }
        return nil
    }

    func span(_ head: Int) -> [Int] {
        graph.subtree(head, excluding: ["acl", "acl:relcl", "punct", "advcl", "ccomp", "parataxis"])
    }

    /// Target of an active verb: its object; else the object or prepositional object of its infinitival
    /// complement ("agreed to resume talks with X"); else its own prepositional objects; else the first actor
    /// inside its object.
    mutating func findTarget(_ trigger: inout Trigger) {
        let token = trigger.token
        for object in graph.children(of: token, ["obj", "iobj"]) {
            let found = actors(of: object)
            if !found.isEmpty {
                trigger.target = found
                trigger.targetSpan = span(object)
                return
            }
        }
        for complement in graph.children(of: token, ["xcomp"]) {
            if let (head, found) = prepositionalTarget(of: complement, objects: true) {
                trigger.target = found
                trigger.targetSpan = span(head)
                return
            }
        }
        if let (head, found) = prepositionalTarget(of: token, objects: false) {
            trigger.target = found
            trigger.targetSpan = span(head)
            return
        }
        // Inside the object: "provide guarantees to X".
        for child in graph.children(of: token, ["obj"]) {
            for inner in graph.subtree(child, excluding: ["ccomp", "advcl", "acl", "acl:relcl"]) where inner != child {
                if let mention = actorAt[inner], graph.baseRelation(inner) != "nsubj" {
                    let head = mentionHead(mention)
                    trigger.target = actors(of: head)
                    trigger.targetSpan = span(head)
                    return
                }
            }
        }
    }

    /// The best prepositional object (or, with `objects`, direct object first) of a verb that names an actor.
    func prepositionalTarget(of verb: Int, objects: Bool) -> (Int, [Int])? {
        if objects {
            for object in graph.children(of: verb, ["obj", "iobj"]) {
                let found = actors(of: object)
                if !found.isEmpty { return (object, found) }
            }
        }
        let preferred: [String] = [
            "WITH", "AGAINST", "ON", "TO", "AT", "TOWARD", "TOWARDS", "INTO", "FROM", "OVER", "FOR", "IN",
        ]
        var best: (rank: Int, token: Int, mentions: [Int])?
        for child in graph.children(of: verb) where ["obl", "nmod", "iobj"].contains(String(graph.baseRelation(child)))
        {
            let marker = graph.caseMarker(child) ?? ""
            if marker == "BY" || marker == "ACCORDING TO" || marker == "ACCORDING" { continue }
            // "at the request of mediator Turkiye", "under Turkish mediation": not the target.
            let lemma = graph.lemma(child)
            if EventWords.mediation.contains(lemma)
                || ["REQUEST", "INVITATION", "URGING", "BEHEST", "INITIATIVE"].contains(lemma)
            {
                continue
            }
            let found = actors(of: child)
            guard !found.isEmpty else { continue }
            let rank = preferred.firstIndex(of: marker) ?? preferred.count
            if best == nil || rank < best!.rank { best = (rank, child, found) }
        }
        return best.map { ($0.token, $0.mentions) }
    }

    /// The token of a mention whose head lies outside the mention (its syntactic head).
    func mentionHead(_ mention: Int) -> Int {
        let span = document.actors[mention].span.tokens
        for token in span {
            guard let head = graph.head(token) else { return token }
            if !span.contains(head) { return token }
        }
        return span.lowerBound
    }

    /// Source and target of a nominal trigger: possessor, `by` agent, adjectival or compound actor;
    /// `against`/`on`/`with`/`between` objects; else the arguments of the verb it belongs to.
    mutating func resolveNominal(_ trigger: inout Trigger) {
        let token = trigger.token
        var sources: [Int] = []
        var targets: [Int] = []
        for child in graph.children(of: token) {
            let relation = graph.relation(child)
            let marker = graph.caseMarker(child)
            if relation == "nmod:poss" || (relation == "nmod" && marker == "'S") {
                sources += actors(of: child)
            } else if marker == "BY" {
                sources += actors(of: child)
            } else if marker == "OF", EventWords.addressedNouns.contains(graph.lemma(token)) {
                // "at the request of mediator Turkiye", "the demands of the protesters": the asker.
                sources += actors(of: child)
            } else if relation == "compound" || relation == "amod" || relation == "flat" {
                if let mention = actorAt[child] { sources.append(mention) }
            } else if let marker,
                ["AGAINST", "ON", "WITH", "TO", "AT", "TARGETING", "INTO", "TOWARD", "TOWARDS", "OVER"]
                    .contains(marker)
            {
                targets += actors(of: child)
            } else if marker == "BETWEEN" || marker == "AMONG" {
                let both = actors(of: child)
                if both.count >= 2 {
                    sources.append(both[0])
                    targets += both.dropFirst()
                } else {
                    targets += both
                }
            } else if relation == "acl" || relation == "acl:relcl" || relation == "ccomp" {
                // "the demand that Afghanistan take action": the one asked is the clause's subject;
                // "strikes targeting X": the participle's object.
                if relation == "acl" || relation == "ccomp" || isContentClause(child),
                    let subject = graph.children(of: child, ["nsubj"]).first,
                    !actors(of: subject).isEmpty
                {
                    targets += actors(of: subject)
                } else if !isPassive(child), let object = graph.children(of: child, ["obj"]).first {
                    targets += actors(of: object)
                }
            }
        }
        // "at the request of X", "to the demands of X": addressed to the one who acts, not to that act's target.
        let answersRequest =
            !sources.isEmpty && graph.baseRelation(token) == "obl"
            && ["AT", "TO", "ON", "UPON"].contains(graph.caseMarker(token) ?? "")
            && EventWords.addressedNouns.contains(graph.lemma(token))
        // The nominal as subject of a verb: "retaliatory strikes targeted hideouts inside Afghanistan".
        if let head = graph.head(token), !answersRequest {
            let relation = graph.baseRelation(token)
            if relation == "nsubj" {
                if targets.isEmpty {
                    var verbTrigger = Trigger(
                        token: head, tokens: [head], block: trigger.block, word: trigger.word, kind: .verb,
                        pattern: trigger.pattern)
                    findTarget(&verbTrigger)
                    targets = verbTrigger.target
                }
            } else if ["obj", "obl", "nmod", "xcomp"].contains(String(relation)), graph.upos(head) == "VERB" {
                // Light verbs: "launched airstrikes on X", "held talks with X".
                if sources.isEmpty, !isPassive(head), let subject = subject(of: head) { sources = actors(of: subject) }
                if sources.isEmpty, isPassive(head), let agent = agent(of: head) { sources = actors(of: agent) }
                if targets.isEmpty {
                    for child in graph.children(of: head) where child != token {
                        let marker = graph.caseMarker(child) ?? ""
                        guard ["obl", "nmod"].contains(String(graph.baseRelation(child))),
                            ["AGAINST", "ON", "WITH", "AT", "INTO", "IN", "TOWARD", "TOWARDS"].contains(marker)
                        else { continue }
                        targets += actors(of: child)
                        if !targets.isEmpty { break }
                    }
                }
            }
        }
        // "Pakistan accepted Kabul's request": a request, offer or demand received is addressed to the receiver;
        // so is one the act answers ("agreed to talks at the request of Turkiye", "bowed to the demands of X").
        let answered = graph.baseRelation(token) == "obj" || answersRequest
        if targets.isEmpty, !sources.isEmpty, let head = graph.head(token), answered,
            graph.upos(head) == "VERB", let subject = subject(of: head)
        {
            let receivers = actors(of: subject)
            if !receivers.isEmpty && Set(receivers).isDisjoint(with: sources) { targets = receivers }
        }
        var seen = Set<Int>()
        trigger.source = sources.filter { seen.insert($0).inserted }
        trigger.target = targets.filter { seen.insert($0).inserted }
    }

    /// Third parties named in a set of tokens: mediators and hosts.
    func thirdParties(in tokens: [Int]) -> [(mention: Int, role: String)] {
        var result: [(mention: Int, role: String)] = []
        func add(_ mentions: [Int], _ role: String) {
            for mention in mentions where !result.contains(where: { $0.mention == mention }) {
                result.append((mention, role))
            }
        }
        for token in tokens {
            let lemma = graph.lemma(token)
            let form = graph.form(token)
            let isMediation = EventWords.mediation.contains(lemma) || EventWords.mediation.contains(form)
            let isHost = EventWords.hosting.contains(lemma) || EventWords.hosting.contains(form)
            guard isMediation || isHost else { continue }
            let role = isHost ? "host" : "mediator"
            if graph.upos(token) == "VERB" {
                // "talks mediated by Qatar", "hosted by Turkiye"; an active mediator: "Qatar mediated".
                if let agent = agent(of: token) {
                    add(actors(of: agent), role)
                } else if !isPassive(token), let subject = graph.children(of: token, ["nsubj"]).first {
                    add(actors(of: subject), role)
                }
            } else {
                // "mediator Turkiye", "Turkish mediation", "mediation by Qatar", "Qatar's mediation".
                if let mention = actorAt[token] { add([mention], role) }
                for child in graph.children(of: token) {
                    let relation = graph.relation(child)
                    if ["appos", "flat", "compound", "amod", "nmod:poss", "nmod"].contains(relation)
                        || graph.caseMarker(child) == "BY"
                    {
                        add(actors(of: child), role)
                    }
                }
                // "mediator Turkiye" parsed with Turkiye as head and "mediator" as its compound.
                if let head = graph.head(token), ["compound", "amod"].contains(graph.relation(token)) {
                    add(actors(of: head), role)
                }
            }
        }
        return result
    }

    /// Negotiation nouns with no parties of their own ("followed by the Istanbul round hosted by Turkiye")
    /// continue the negotiation last coded in the sentence or the article.
    func continueNegotiations(_ triggers: inout [Trigger]) {
        for index in triggers.indices
        where triggers[index].kind == .noun && !triggers[index].suppressed
            && triggers[index].source.isEmpty
        {
            guard let code = triggers[index].code, coder.codebook.root(of: code) == "04" else { continue }
            if let other = triggers.indices.last(where: {
                $0 != index && !triggers[$0].suppressed && !triggers[$0].source.isEmpty
                    && triggers[$0].code.flatMap { coder.codebook.root(of: $0) } == "04"
            }) {
                triggers[index].source = triggers[other].source
                triggers[index].target = triggers[other].target
                triggers[index].compound = triggers[other].compound
                triggers[index].entries.append("rule continuation: parties of the negotiation in this sentence")
            } else if let event = previous.last(where: { coder.codebook.root(of: $0.cameo) == "04" }) {
                let sources = event.source.compactMap(\.mention)
                let targets = event.target.compactMap(\.mention)
                guard !sources.isEmpty else { continue }
                triggers[index].source = sources
                triggers[index].target = targets
                triggers[index].entries.append("rule continuation: parties of \(event.id)")
            }
        }
    }

    /// Relations under which a subtree leaves the clause a fallback target is looked for in.
    static let fallbackClauseBoundaries: Set<String> = ["ccomp", "parataxis", "conj", "acl:relcl", "csubj", "punct"]

    /// With a source and no target, the first other actor after the trigger in its clause (PETRARCH's
    /// reading): "firing by Taliban forces … triggered clashes, leaving 23 Pakistani soldiers martyred".
    func fallbackTarget(_ trigger: inout Trigger, all: [Trigger]) {
        var clause = trigger.token
        if trigger.kind == .noun || graph.baseRelation(trigger.token) == "acl" {
            var current = trigger.token
            var steps = 0
            while let head = graph.head(current), steps < 4 {
                current = head
                steps += 1
                if graph.upos(head) == "VERB" {
                    clause = head
                    break
                }
            }
        }
        let tokens = graph.subtree(clause, excluding: Self.fallbackClauseBoundaries)
        let third = Set(trigger.thirdParties.map(\.mention))
        for token in tokens where token > trigger.token {
            guard let mention = actorAt[token], !trigger.source.contains(mention), !third.contains(mention) else {
                continue
            }
            // Not the reporting source ("according to X") or a place-only phrase ("in Kabul").
            let head = mentionHead(mention)
            let marker = graph.caseMarker(head) ?? ""
            if marker.hasPrefix("ACCORDING") { continue }
            if reference(mention).code == reference(trigger.source[0]).code { continue }
            trigger.target = [mention]
            trigger.entries.append("rule target: first actor after the trigger")
            return
        }
    }

    /// An act announced for the future is an intent: "will provide aid" is 033 (AGREE), "will attack" 138
    /// (THREATEN), as CAMEO and PLOVER code them.
    func announceIntent(_ trigger: inout Trigger) {
        guard !trigger.modality.negated, let code = trigger.code, let root = coder.codebook.root(of: code) else {
            return
        }
        // "will boycott the elections unless …", "would strike if …": force or pressure announced on a
        // condition is a threat (CAMEO 13), not the act.
        if trigger.modality.rules["hypothetical"]?.hasPrefix("condition") == true,
            trigger.modality.future || hasModal(trigger),
            ["14", "15", "16", "17", "18", "19", "20"].contains(root),
            let threat = Self.refine(outer: "130", inner: code, codebook: coder.codebook)
        {
            trigger.entries.append("rule threat: \(code) on a condition → \(threat)")
            trigger.code = threat
            trigger.reverseCode = nil
            return
        }
        // "would meet the mediator if …": cooperation offered on a condition is an intent (CAMEO 03).
        if trigger.modality.rules["hypothetical"]?.hasPrefix("condition") == true,
            trigger.modality.future || hasModal(trigger), ["04", "05", "06", "07", "08"].contains(root),
            let intent = Self.refine(outer: "030", inner: code, codebook: coder.codebook), intent != "030"
        {
            trigger.entries.append("rule intent: \(code) on a condition → \(intent)")
            trigger.code = intent
            trigger.reverseCode = nil
            return
        }
        guard trigger.modality.future, !trigger.modality.hypothetical else { return }
        let outer: String
        switch root {
        case "06", "07", "08": outer = "030"
        case "18", "19", "20": outer = "130"
        default: return
        }
        guard let intent = Self.refine(outer: outer, inner: code, codebook: coder.codebook) else { return }
        trigger.entries.append("rule intent: future \(code) → \(intent)")
        trigger.code = intent
        trigger.reverseCode = nil
    }

    /// Whether the trigger's clause (a noun's governing verb) has a modal auxiliary.
    func hasModal(_ trigger: Trigger) -> Bool {
        var clause = trigger.token
        if trigger.kind == .noun, let head = graph.head(clause), graph.upos(head) == "VERB" { clause = head }
        return graph.children(of: clause, ["aux"]).contains {
            let form = graph.form($0)
            return EventWords.modalsFuture.contains(form) || EventWords.modalsHypothetical.contains(form)
        }
    }

    /// A refusal or denial with no target answers the demand or accusation last made against its source:
    /// "Kabul … denied the allegations" after "Pakistan accused the Taliban rulers …" is aimed at Pakistan.
    func answerTarget(_ trigger: inout Trigger, all: [Trigger]) {
        guard let code = trigger.code, let root = coder.codebook.root(of: code), !trigger.source.isEmpty else {
            return
        }
        let answered: Set<String>
        if root == "12" {
            answered = ["02", "10"]
        } else if EventWords.denial.contains(graph.lemma(trigger.token)),
            graph.children(of: trigger.token, ["obj"]).contains(where: {
                EventWords.accusationNouns.contains(graph.lemma($0))
            })
        {
            answered = ["11"]
        } else {
            return
        }
        func country(_ code: String) -> String? { code.hasPrefix("-") || code.count < 3 ? nil : String(code.prefix(3)) }
        let countries = Set(trigger.source.compactMap { country(reference($0).code) })
        guard !countries.isEmpty else { return }
        for other in all.reversed()
        where other.token < trigger.token && !other.suppressed && !other.source.isEmpty
            && answered.contains(other.code.flatMap { coder.codebook.root(of: $0) } ?? "")
            && other.target.contains(where: { country(reference($0).code).map(countries.contains) ?? false })
        {
            trigger.target = other.source
            trigger.entries.append("rule answer: aimed at the party whose \(other.code ?? "") it answers")
            return
        }
        for event in previous.reversed()
        where answered.contains(coder.codebook.root(of: event.cameo) ?? "")
            && event.target.contains(where: { country($0.code).map(countries.contains) ?? false })
        {
            let sources = event.source.compactMap(\.mention)
            guard !sources.isEmpty, Set(sources).isDisjoint(with: trigger.source) else { continue }
            trigger.target = sources
            trigger.entries.append("rule answer: aimed at the party whose \(event.cameo) (\(event.id)) it answers")
            return
        }
    }

    // MARK: Combination

    /// Folds verb + verb, reported speech and nominal events inside coded clauses.
    mutating func combine(_ triggers: inout [Trigger]) {
        // A noun trigger inside a coded verb's pattern or arguments is that verb's, unless it has its own source.
        for index in triggers.indices where triggers[index].kind == .noun && !triggers[index].suppressed {
            let token = triggers[index].token
            for other in triggers.indices
            where other != index && triggers[other].kind == .verb && triggers[other].code != nil
                && !triggers[other].suppressed
            {
                let verb = triggers[other].token
                let usedByPattern = triggers[other].patternTokens.contains(token)
                let isArgument = graph.dominates(verb, token) && graph.head(token) == verb
                let isSubject = graph.head(token) == verb && graph.baseRelation(token) == "nsubj"
                if isSubject, let nounCode = triggers[index].code, let verbCode = triggers[other].code,
                    let nounRoot = coder.codebook.root(of: nounCode), let verbRoot = coder.codebook.root(of: verbCode),
                    ["18", "19", "20"].contains(nounRoot) && ["18", "19", "20"].contains(verbRoot)
                {
                    // "retaliatory strikes targeted hideouts": the noun says how; the verb says whom.
                    triggers[other].code = nounCode
                    triggers[other].reverseCode = nil
                    triggers[other].pattern = triggers[index].pattern
                    triggers[other].entries += triggers[index].entries
                    if triggers[other].source.isEmpty { triggers[other].source = triggers[index].source }
                    triggers[index].suppressed = true
                } else if isArgument, graph.baseRelation(token) == "obj", EventWords.speech.contains(graph.lemma(verb)),
                    triggers[other].patternTokens.isEmpty, !triggers[index].source.isEmpty,
                    Set(triggers[index].source).isDisjoint(with: triggers[other].source)
                {
                    // "Officials said Pakistani airstrikes killed …" parsed with the strikes as the object of "said":
                    // another actor's act is reported, not done by the speaker; the speech is no event of its own.
                    let lemma = graph.lemma(verb).lowercased()
                    triggers[index].modality.reported = true
                    triggers[index].modality.rules["reported"] = "reported-speech: object of '\(lemma)'"
                    if let speaker = triggers[other].source.first {
                        triggers[index].modality.speaker = reference(speaker)
                    }
                    triggers[index].entries.append("rule reported-object: '\(lemma)' reports the act of another")
                    triggers[other].suppressed = true
                } else if isArgument, graph.baseRelation(token) == "obj", triggers[other].patternTokens.isEmpty,
                    let nounCode = triggers[index].code
                {
                    // Light verbs: "conduct airstrikes", "held talks", "launched attacks" — the noun says what.
                    let verbCode = triggers[other].code ?? "-"
                    triggers[other].code = nounCode
                    triggers[other].reverseCode = nil
                    triggers[other].pattern = triggers[index].pattern
                    triggers[other].patternTokens.append(token)
                    triggers[other].entries += triggers[index].entries
                    triggers[other].entries.append("rule light-verb: \(verbCode) + noun \(nounCode) → \(nounCode)")
                    if triggers[other].target.isEmpty { triggers[other].target = triggers[index].target }
                    triggers[index].suppressed = true
                } else if (usedByPattern || isArgument) && !isSubject {
                    let ownSource =
                        !triggers[index].source.isEmpty
                        && Set(triggers[index].source) != Set(triggers[other].source)
                    if !ownSource { triggers[index].suppressed = true }
                }
            }
        }
        // "talks mediated by Qatar", "the round hosted by Turkiye": the participle names a third party of the
        // event it modifies, not an event of its own.
        for index in triggers.indices where triggers[index].kind == .verb {
            let token = triggers[index].token
            let lemma = graph.lemma(token)
            if (EventWords.mediation.contains(lemma) || EventWords.hosting.contains(lemma)) && triggers[index].passive
                && ["acl", "amod"].contains(graph.relation(token))
            {
                triggers[index].suppressed = true
            }
        }
        // "…, sources said" / "…, Asif said": the speech verb hangs off the reported act; it is not an event.
        for index in triggers.indices where triggers[index].kind == .verb && !coder.configuration.reportingVerbs {
            let token = triggers[index].token
            guard graph.baseRelation(token) == "parataxis", EventWords.speech.contains(graph.lemma(token)),
                let head = graph.head(token), triggers.contains(where: { $0.token == head && $0.code != nil })
            else { continue }
            triggers[index].suppressed = true
        }
        let position = Dictionary(triggers.enumerated().map { ($1.token, $0) }, uniquingKeysWith: { first, _ in first })
        // Inner triggers first: walk from the deepest.
        for index in deepestFirst(triggers) {
            let token = triggers[index].token
            guard let head = graph.head(token) else { continue }
            let relation = graph.baseRelation(token)
            // Verb + verb: "threatened to strike", "agreed to resume talks", "refused to provide".
            if relation == "xcomp"
                || (relation == "ccomp"
                    && graph.children(of: token, ["mark"]).contains(where: { graph.form($0) == "TO" }))
            {
                let outerLemma = graph.lemma(head)
                if let outer = position[head], applyTransformation(inner: index, outer: outer, &triggers) { continue }
                // "want to re-examine": an intent verb whose code says no more than the act is not folded;
                // the act is coded with the future mode.
                let vagueIntent: Bool = {
                    guard EventWords.intent.contains(outerLemma), let outer = position[head],
                        triggers[outer].patternTokens.isEmpty, let outerCode = triggers[outer].code,
                        let innerCode = triggers[index].code
                    else { return false }
                    let refined = Self.refine(outer: outerCode, inner: innerCode, codebook: coder.codebook)
                    return (refined ?? outerCode) == outerCode
                }()
                if let outer = position[head], triggers[outer].code != nil, !EventWords.neutral.contains(outerLemma),
                    !EventWords.speech.contains(outerLemma) || EventWords.threatSpeech.contains(outerLemma),
                    !vagueIntent
                {
                    fold(inner: index, into: outer, &triggers)
                    continue
                }
                if vagueIntent, let outer = position[head] {
                    triggers[outer].suppressed = true
                    triggers[index].entries.append(
                        "rule intent: '\(outerLemma.lowercased())' + \(triggers[index].code ?? "-") → the act, future")
                }
                inheritArguments(inner: index, outerVerb: head, &triggers)
                continue
            }
            // A noun's content clause: "issued a warning that Pakistan would conduct airstrikes".
            if (relation == "acl" || relation == "ccomp") && isContentClause(token)
                && EventWords.speechNouns.contains(graph.lemma(head)) && position[head] != nil
            {
                report(inner: index, speechVerb: head, &triggers, position: position)
                continue
            }
            // Reported speech: "X said that Y would …", also misparsed as "who it says carried out" with the act a
            // conjunct of the speech verb (see `subject(of:)`).
            if relation == "ccomp" || relation == "parataxis"
                || (relation == "conj" && EventWords.speech.contains(graph.lemma(head)) && isAsyndetic(token, head))
            {
                if EventWords.speech.contains(graph.lemma(head))
                    || (position[head].map { triggers[$0].code != nil } ?? false)
                {
                    report(inner: index, speechVerb: head, &triggers, position: position)
                }
                continue
            }
        }
        uncodedDemands(&triggers, position: position)
    }

    /// "X declared that Y must drop barriers": a speech verb whose complement says what another must do is a
    /// demand on that other, also when the complement's verb codes nothing itself.
    mutating func uncodedDemands(_ triggers: inout [Trigger], position: [Int: Int]) {
        for index in triggers.indices
        where triggers[index].kind == .verb && !triggers[index].suppressed
            && EventWords.speech.contains(graph.lemma(triggers[index].token))
        {
            let token = triggers[index].token
            for clause in graph.children(of: token, ["ccomp"]) where position[clause] == nil {
                guard
                    let deontic = graph.children(of: clause, ["aux"]).first(where: {
                        ["MUST", "OUGHT"].contains(graph.form($0))
                    }),
                    graph.negation(of: clause) == nil,
                    let subject = graph.children(of: clause, ["nsubj"]).first
                else { continue }
                let addressees = actors(of: subject)
                guard !addressees.isEmpty, Set(addressees).isDisjoint(with: triggers[index].source) else { continue }
                let lemma = graph.lemma(token).lowercased()
                triggers[index].code = "100"
                triggers[index].reverseCode = nil
                triggers[index].target = addressees
                triggers[index].targetSpan = span(subject)
                triggers[index].patternTokens.append(deontic)
                triggers[index].entries.append(
                    "rule demand: '\(lemma)' + '\(graph.form(deontic).lowercased())' + uncoded act → 100")
                break
            }
        }
    }

    /// Whether a clause under a noun states its content ("a warning that Pakistan would strike") rather than
    /// being a relative clause with a gap ("the warning that he issued"); parsers often label both `acl:relcl`.
    func isContentClause(_ token: Int) -> Bool {
        guard graph.relation(token) == "acl:relcl" else { return true }
        guard let subject = graph.children(of: token, ["nsubj", "nsubj:pass"]).first else { return false }
        return !["THAT", "WHICH", "WHO"].contains(graph.form(subject))
    }

    /// The outer verb's code absorbs the inner act; a default code is refined by the inner act's root.
    mutating func fold(inner: Int, into outer: Int, _ triggers: inout [Trigger]) {
        let innerCode = triggers[inner].code
        triggers[inner].suppressed = true
        guard let outerCode = triggers[outer].code, let innerCode else { return }
        let isDefault = triggers[outer].patternTokens.isEmpty
        let outerLemma = graph.lemma(triggers[outer].token)
        if EventWords.threatSpeech.contains(outerLemma), let innerRoot = coder.codebook.root(of: innerCode),
            ["15", "16", "17", "18", "19", "20"].contains(innerRoot),
            let threat = Self.refine(outer: "130", inner: innerCode, codebook: coder.codebook)
        {
            // "have sworn to fight", "vowed to strike": a threat, whatever the vow verb's own code.
            triggers[outer].code = threat
            triggers[outer].reverseCode = nil
            triggers[outer].entries.append("rule threat: '\(outerLemma.lowercased())' + \(innerCode) → \(threat)")
            triggers[outer].patternTokens += triggers[inner].tokens
        } else if isDefault, let refined = Self.refine(outer: outerCode, inner: innerCode, codebook: coder.codebook) {
            triggers[outer].code = refined
            triggers[outer].reverseCode = nil
            triggers[outer].entries.append("rule verb+verb: \(outerCode) + \(innerCode) → \(refined)")
            triggers[outer].patternTokens += triggers[inner].tokens
        }
        if triggers[outer].target.isEmpty { triggers[outer].target = triggers[inner].target }
        triggers[outer].thirdParties += triggers[inner].thirdParties
    }

    /// A code for "OUTER to INNER" (agree to meet, refuse to cease fire, threaten to attack).
    static func refine(outer: String, inner: String, codebook: EventCodebook) -> String? {
        guard let outerRoot = codebook.root(of: outer), let innerRoot = codebook.root(of: inner) else { return nil }
        let isCeasefire = inner.hasPrefix("087")
        switch outerRoot {
        case "03":
            if isCeasefire { return "0356" }
            return ["04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "14": "030"][innerRoot] ?? outer
        case "02":
            if isCeasefire { return "0256" }
            return ["04": "026", "06": "021", "07": "023", "08": "025"][innerRoot] ?? outer
        case "10":
            if isCeasefire { return "1056" }
            return ["04": "106", "06": "101", "07": "103", "08": "105"][innerRoot] ?? outer
        case "12":
            if isCeasefire { return "1246" }
            return ["04": "125", "06": "121", "07": "122", "08": "124", "05": "120"][innerRoot] ?? outer
        case "13":
            if ["18", "19", "20"].contains(innerRoot) { return "138" }
            return ["16": "131", "17": "132", "14": "133", "15": "138"][innerRoot] ?? outer
        default:
            return nil
        }
    }

    /// An inner act under a neutral or intent verb is coded with the outer verb's subject.
    mutating func inheritArguments(inner: Int, outerVerb: Int, _ triggers: inout [Trigger]) {
        if triggers[inner].source.isEmpty, let subject = subject(of: triggers[inner].token) {
            triggers[inner].source = actors(of: subject)
        }
    }

    /// The actors named as subjects of a verb's conditional clause ("… if Pakistan attacked").
    func conditionActors(of verb: Int) -> [Int] {
        for clause in graph.children(of: verb, ["advcl"])
        where graph.children(of: clause, ["mark"]).contains(where: { EventWords.conditional.contains(graph.form($0)) })
        {
            if let subject = graph.children(of: clause, ["nsubj"]).first {
                let found = actors(of: subject)
                if !found.isEmpty { return found }
            }
        }
        return []
    }

    /// Reported speech: the inner act gets the speaker; a warning of material conflict becomes a threat.
    mutating func report(inner: Int, speechVerb: Int, _ triggers: inout [Trigger], position: [Int: Int]) {
        var speaker: [Int] = []
        var position = position
        if let outer = position[speechVerb], triggers[outer].kind == .noun {
            speaker = triggers[outer].source
            // "issued a warning that …": the light verb carries the noun's event.
            if triggers[outer].suppressed, let verb = graph.head(speechVerb), let carrier = position[verb],
                triggers[carrier].code != nil
            {
                position[speechVerb] = carrier
                if speaker.isEmpty { speaker = triggers[carrier].source }
            }
        } else if let subject = subject(of: speechVerb) {
            speaker = actors(of: subject)
        }
        let lemma = graph.lemma(speechVerb)
        triggers[inner].modality.reported = true
        triggers[inner].modality.rules["reported"] = "reported-speech: complement of '\(lemma.lowercased())'"
        if let first = speaker.first { triggers[inner].modality.speaker = reference(first) }
        if EventWords.allegation.contains(lemma) {
            triggers[inner].modality.rules["reported"] = "alleged: complement of '\(lemma.lowercased())'"
        }
        let innerRoot = triggers[inner].code.flatMap { coder.codebook.root(of: $0) }
        // An actor's own side announcing force it would or could use is a threat: "Pakistan could
        // obliterate the regime if provoked", said by a Pakistani minister.
        let innerToken = triggers[inner].token
        let irrealis = graph.children(of: innerToken).contains {
            let form = graph.form($0)
            return
                (graph.relation($0) == "aux"
                && (EventWords.modalsFuture.contains(form) || EventWords.modalsHypothetical.contains(form)))
                || (graph.relation($0) == "advcl"
                    && graph.children(of: $0, ["mark"]).contains { EventWords.conditional.contains(graph.form($0)) })
        }
        func country(_ mentions: [Int]) -> String? {
            mentions.first.map { reference($0).code }.flatMap { $0.hasPrefix("-") ? nil : String($0.prefix(3)) }
        }
        let ownSide = irrealis && country(speaker) != nil && country(speaker) == country(triggers[inner].source)
        let isThreatSpeech =
            EventWords.threatSpeech.contains(lemma) || ownSide
            || (position[speechVerb].flatMap { triggers[$0].code }.flatMap { coder.codebook.root(of: $0) } == "13")
        if isThreatSpeech, let innerRoot, ["15", "16", "17", "18", "19", "20"].contains(innerRoot) {
            // "warned that Pakistan would conduct airstrikes": a threat, never the airstrike.
            let threat = Self.refine(outer: "130", inner: triggers[inner].code!, codebook: coder.codebook) ?? "130"
            // "warned that its forces would respond if Pakistan attacked": the one threatened is the actor of the
            // condition when the act itself names no target.
            var threatened = triggers[inner].target
            if threatened.isEmpty || Set(threatened) == Set(speaker) {
                threatened = conditionActors(of: innerToken).filter { !speaker.contains($0) }
            }
            if let outer = position[speechVerb] {
                triggers[outer].code = threat
                triggers[outer].reverseCode = nil
                // The act's own target beats the actor of its condition ("warned it would attack Kabul if
                // militants attacked": Kabul is threatened, not the militants).
                let fromCondition = "rule target: actor of the threat's condition"
                let ownTarget = !triggers[inner].target.isEmpty && Set(triggers[inner].target) != Set(speaker)
                if triggers[outer].target.isEmpty || Set(triggers[outer].target) == Set(triggers[outer].source)
                    || (ownTarget && triggers[outer].entries.contains(fromCondition))
                {
                    triggers[outer].target = threatened
                    triggers[outer].entries.removeAll { $0 == fromCondition && ownTarget }
                }
                triggers[outer].entries.append(
                    "rule threat: '\(lemma.lowercased())' + \(triggers[inner].code!) → \(threat)")
                suppressClause(of: inner, &triggers)
                suppressConditions(of: innerToken, &triggers)
            } else {
                triggers[inner].entries.append(
                    "rule threat: '\(lemma.lowercased())' + \(triggers[inner].code!) → \(threat)")
                triggers[inner].code = threat
                triggers[inner].reverseCode = nil
                triggers[inner].modality.reported = false
                triggers[inner].modality.rules["reported"] = nil
                if !speaker.isEmpty { triggers[inner].source = speaker }
                if triggers[inner].target.isEmpty { triggers[inner].target = threatened }
                suppressConditions(of: innerToken, &triggers)
            }
            return
        }
        // "X said Y must hand over the suspects": a demand on Y.
        let deontic = graph.children(of: innerToken).first {
            graph.relation($0) == "aux" && ["MUST", "SHOULD", "OUGHT"].contains(graph.form($0))
        }
        if let deontic, !isThreatSpeech, let innerCode = triggers[inner].code,
            !speaker.isEmpty || subject(of: speechVerb) != nil,
            !triggers[inner].source.isEmpty, Set(speaker) != Set(triggers[inner].source)
        {
            let demand = Self.refine(outer: "100", inner: innerCode, codebook: coder.codebook) ?? "100"
            let rule =
                "rule demand: '\(lemma.lowercased())' + '\(graph.form(deontic).lowercased())' + \(innerCode) → \(demand)"
            if let outer = position[speechVerb] {
                triggers[outer].code = demand
                triggers[outer].reverseCode = nil
                triggers[outer].source = speaker
                triggers[outer].target = triggers[inner].source
                triggers[outer].entries.append(rule)
                triggers[outer].modality = Modality()
                suppressClause(of: inner, &triggers)
            } else {
                triggers[inner].code = demand
                triggers[inner].reverseCode = nil
                triggers[inner].target = triggers[inner].source
                triggers[inner].source = speaker
                triggers[inner].entries.append(rule)
                triggers[inner].modality.reported = false
                triggers[inner].modality.rules["reported"] = nil
            }
            return
        }
        // Transformations of imported dictionaries (`a (a b ATTACK) SAY = a b 015`).
        if let outer = position[speechVerb], applyTransformation(inner: inner, outer: outer, &triggers) { return }
        // The speech act itself is not coded when what it reports is.
        if let outer = position[speechVerb], triggers[inner].code != nil, !coder.configuration.reportingVerbs,
            EventWords.speech.contains(lemma), triggers[outer].patternTokens.isEmpty
        {
            triggers[outer].suppressed = true
        }
    }

    /// Suppresses the acts of a threatened act's conditions: in "would strike if militants continued to launch
    /// attacks" the attacks are what the threat supposes, not an event reported.
    func suppressConditions(of verb: Int, _ triggers: inout [Trigger]) {
        for clause in graph.children(of: verb, ["advcl"])
        where graph.children(of: clause, ["mark"]).contains(where: { EventWords.conditional.contains(graph.form($0)) })
        {
            let members = Set(graph.subtree(clause))
            for index in triggers.indices where members.contains(triggers[index].token) && !triggers[index].suppressed {
                triggers[index].suppressed = true
            }
        }
    }

    /// Suppresses an inner trigger and the verbs coordinated with it ("ISIL had attacked Iraq and taken Mosul").
    func suppressClause(of inner: Int, _ triggers: inout [Trigger]) {
        triggers[inner].suppressed = true
        let token = triggers[inner].token
        for index in triggers.indices
        where graph.head(triggers[index].token) == token
            && graph.baseRelation(triggers[index].token) == "conj" && triggers[index].kind == .verb
        {
            triggers[index].suppressed = true
        }
    }

    mutating func applyTransformation(inner: Int, outer: Int, _ triggers: inout [Trigger]) -> Bool {
        let outerBlock = coder.lexicon.blocks[triggers[outer].block]
        let innerBlock = coder.lexicon.blocks[triggers[inner].block]
        func names(_ block: VerbLexicon.Block, _ trigger: Trigger) -> Set<String> {
            var names: Set<String> = [block.name]
            names.insert(block.words[trigger.word].lemma.joined(separator: "_"))
            return names
        }
        // With `transformsByCode`, a verb named in a transformation stands for its code, as in PETRARCH-2:
        // "(b . ATTACK) SAY" also reports "killed", coded as ATTACK is (190).
        let innerCode = triggers[inner].code
        for t in coder.lexicon.transformations {
            guard names(outerBlock, triggers[outer]).contains(t.outerBlock),
                t.innerBlock == "Q" || names(innerBlock, triggers[inner]).contains(t.innerBlock)
                    || (coder.configuration.transformsByCode && innerCode != nil
                        && verbCode(t.innerBlock) == innerCode)
            else { continue }
            let a = triggers[outer].source
            let innerSource = triggers[inner].source
            // "The army said 23 soldiers were killed": an agentless passive names no one who acted; the speaker
            // is not made its source.
            if triggers[inner].passive && innerSource.isEmpty { continue }
            let innerTarget = triggers[inner].target
            if t.innerSource == t.outerSource && !innerSource.isEmpty && Set(innerSource) != Set(a) { continue }
            var bindings: [String: [Int]] = [t.outerSource: a]
            if t.innerSource != "_" && t.innerSource != "." && bindings[t.innerSource] == nil {
                bindings[t.innerSource] = innerSource
            }
            if t.innerTarget != "_" && t.innerTarget != "." && bindings[t.innerTarget] == nil {
                bindings[t.innerTarget] = innerTarget
            }
            guard let source = bindings[t.resultSource], let target = bindings[t.resultTarget], !source.isEmpty,
                !target.isEmpty
            else { continue }
            let code = t.resultCode == "Q" ? triggers[inner].code : t.resultCode
            guard let code else { continue }
            if t.resultCode == "Q" {
                // The reported act keeps its own code and trigger (the evidence is the act, not "said");
                // the transformation only fills its arguments, and the speech verb is no event.
                triggers[inner].source = source
                triggers[inner].target = target
                triggers[inner].entries.append("\(t.origin) transform \(t.id)")
                triggers[outer].suppressed = true
                return true
            }
            triggers[outer].source = source
            triggers[outer].target = target
            triggers[outer].code = code
            triggers[outer].reverseCode = nil
            triggers[outer].entries.append("\(t.origin) transform \(t.id)")
            suppressClause(of: inner, &triggers)
            return true
        }
        return false
    }

    /// The code a verb named in a transformation has in the lexicon (its word's, else its block's).
    func verbCode(_ name: String) -> String? {
        let words = VerbLexicon.splitWord(name)
        guard let first = words.first else { return nil }
        for candidate in coder.index.candidates(lemma: first, form: first)
        where candidate.rest == Array(words.dropFirst()) && coder.lexicon.blocks[candidate.block].kind == .verb {
            let block = coder.lexicon.blocks[candidate.block]
            return (block.words[candidate.word].code ?? block.code).forward
        }
        return nil
    }

    // MARK: Modality

    mutating func setModality(_ trigger: inout Trigger, all: [Trigger]) {
        // The clause the event is stated in: for a noun, the verb that governs it.
        var clause = trigger.token
        if trigger.kind == .noun {
            if let negation = graph.negation(of: trigger.token) {
                trigger.modality.negated = true
                trigger.modality.rules["negated"] = "negation '\(graph.form(negation).lowercased())' on the nominal"
            }
            var current = trigger.token
            var steps = 0
            while let head = graph.head(current), steps < 4 {
                if graph.upos(head) == "VERB" || graph.upos(head) == "AUX" {
                    clause = head
                    break
                }
                current = head
                steps += 1
            }
        }
        var chain: [Int] = [clause]
        // Walk up through complements: modals and conditions on the governing clauses count too.
        var current = clause
        while let head = graph.head(current), ["xcomp", "ccomp", "conj"].contains(String(graph.baseRelation(current))),
            chain.count < 5
        {
            chain.append(head)
            current = head
        }
        for (depth, verb) in chain.enumerated() {
            let lemma = graph.lemma(verb)
            if depth > 0 && graph.baseRelation(chain[depth - 1]) == "ccomp" { break }
            if depth > 0, EventWords.failure.contains(lemma), !trigger.modality.negated {
                trigger.modality.negated = true
                trigger.modality.rules["negated"] = "complement of '\(lemma.lowercased())'"
            }
            if depth > 0, EventWords.intent.contains(lemma), !trigger.modality.future {
                trigger.modality.future = true
                trigger.modality.rules["future"] = "intent: complement of '\(lemma.lowercased())'"
            }
            if let negation = graph.negation(of: verb), !trigger.modality.negated {
                trigger.modality.negated = true
                trigger.modality.rules["negated"] =
                    "negation '\(graph.form(negation).lowercased())' on '\(graph.form(verb).lowercased())'"
            }
            for child in graph.children(of: verb) {
                let relation = graph.relation(child)
                let form = graph.form(child)
                if relation == "aux" || relation == "aux:pass" {
                    if EventWords.modalsFuture.contains(form), !trigger.modality.future {
                        trigger.modality.future = true
                        trigger.modality.rules["future"] = "modal '\(form.lowercased())'"
                    } else if EventWords.modalsHypothetical.contains(form), !trigger.modality.hypothetical {
                        trigger.modality.hypothetical = true
                        trigger.modality.rules["hypothetical"] = "modal '\(form.lowercased())'"
                    } else if form == "HAD", graph.xpos(verb) == "VBN" || graph.upos(verb) == "VERB",
                        !trigger.modality.historical, depth == 0
                    {
                        trigger.modality.historical = true
                        trigger.modality.rules["historical"] = "past perfect 'had …'"
                    }
                }
                if depth == 0, graph.baseRelation(child) == "parataxis", EventWords.speech.contains(graph.lemma(child)),
                    !trigger.modality.reported
                {
                    trigger.modality.reported = true
                    trigger.modality.rules["reported"] = "reported-speech: '… \(graph.form(child).lowercased())'"
                    if let subject = graph.children(of: child, ["nsubj"]).first, let mention = actors(of: subject).first
                    {
                        trigger.modality.speaker = reference(mention)
                    }
                }
                if relation == "advcl", let mark = graph.children(of: child, ["mark"]).first,
                    EventWords.conditional.contains(graph.form(mark))
                {
                    trigger.modality.hypothetical = true
                    trigger.modality.rules["hypothetical"] = "condition '\(graph.form(mark).lowercased()) …'"
                }
                if graph.baseRelation(child) == "advmod" {
                    if EventWords.reportedAdverbs.contains(form), !trigger.modality.reported {
                        trigger.modality.reported = true
                        trigger.modality.rules["reported"] = "adverb '\(form.lowercased())'"
                    }
                    if depth == 0, EventWords.historicalAdverbs.contains(form), !trigger.modality.historical {
                        trigger.modality.historical = true
                        trigger.modality.rules["historical"] = "adverb '\(form.lowercased())'"
                    }
                }
                if ["obl", "nmod"].contains(String(graph.baseRelation(child))),
                    graph.caseMarker(child) == "ACCORDING TO"
                        || (graph.caseMarker(child) == "ACCORDING")
                {
                    trigger.modality.reported = true
                    trigger.modality.rules["reported"] = "according to"
                    if trigger.modality.speaker == nil, let mention = actors(of: child).first {
                        trigger.modality.speaker = reference(mention)
                    }
                }
                if depth == 0, ["obl", "obl:tmod", "nmod:tmod", "nmod"].contains(graph.relation(child)),
                    let day = dateOf(child), let published = document.metadata.published,
                    day.daysSinceEpoch < published.daysSinceEpoch - 2, !trigger.modality.historical
                {
                    trigger.modality.historical = true
                    trigger.modality.rules["historical"] = "dated \(day), before publication \(published)"
                }
            }
            // Inside an if-clause.
            if graph.baseRelation(verb) == "advcl", let mark = graph.children(of: verb, ["mark"]).first,
                EventWords.conditional.contains(graph.form(mark))
            {
                trigger.modality.hypothetical = true
                trigger.modality.rules["hypothetical"] = "inside '\(graph.form(mark).lowercased()) …' clause"
            }
        }
        // "going to": future.
        if graph.children(of: clause, ["aux"]).contains(where: { graph.lemma($0) == "GO" }) {
            trigger.modality.future = true
            trigger.modality.rules["future"] = "'going to'"
        }
    }

    /// A day written in a temporal modifier ("on October 12", "October 12, 2025").
    func dateOf(_ token: Int) -> Day? {
        let phrase = graph.subtree(token)
        var month: Int?
        var day: Int?
        var year: Int?
        for t in phrase {
            let form = graph.form(t)
            if let m = EventWords.months[form] {
                month = m
                continue
            }
            if let value = Int(form) {
                if (1...31).contains(value) { day = value } else if (1900...2100).contains(value) { year = value }
            }
        }
        guard let month, let day else { return nil }
        let published = document.metadata.published
        var resolvedYear = year ?? published?.year ?? 0
        if year == nil, let published, month > published.month { resolvedYear -= 1 }
        return Day(year: resolvedYear, month: month, day: day)
    }

    // MARK: Events

    func reference(_ mention: Int, role: String? = nil) -> ActorReference {
        let actor = document.actors[mention]
        var code = composed[mention] ?? actor.code ?? ""
        // An agent with no country is written with PETRARCH's unknown-actor prefix: "students" → ---EDU.
        if !code.hasPrefix("-"), Self.agentRoles.contains(String(code.prefix(3))) { code = "---" + code }
        var country: String?
        var sector: String?
        if code.count >= 3, code.prefix(3).allSatisfy({ $0.isUppercase || $0 == "-" }) {
            country = code.hasPrefix("---") ? nil : String(code.prefix(3))
            let rest = code.dropFirst(3)
            if rest.count >= 3 { sector = String(rest.prefix(3)) }
        }
        // A first-person pronoun refers to its speaker's mention.
        return ActorReference(
            code: code, text: actor.text, country: country, sector: sector, role: role,
            mention: mention < actorCount ? mention : actor.antecedent)
    }

    func byteRange(_ tokens: [Int]) -> Range<Int>? {
        guard let first = tokens.min(), let last = tokens.max() else { return nil }
        return document.tokens[first].range.lowerBound..<document.tokens[last].range.upperBound
    }

    func makeEvents(_ trigger: Trigger) -> [Event] {
        guard !trigger.suppressed else { return [] }
        var events: [Event] = []
        if let code = trigger.code, let event = makeEvent(trigger, code: code, reversed: false) { events.append(event) }
        if let code = trigger.reverseCode, !trigger.target.isEmpty,
            let event = makeEvent(trigger, code: code, reversed: true)
        {
            events.append(event)
        }
        return events
    }

    func makeEvent(_ trigger: Trigger, code: String, reversed: Bool) -> Event? {
        var sources = reversed ? trigger.target : trigger.source
        var targets = reversed ? trigger.source : trigger.target
        if trigger.compound && targets.isEmpty && sources.count > 1 { targets = sources }
        if sources.isEmpty && !coder.configuration.allowMissingSource { return nil }
        if coder.configuration.requireDyad && targets.isEmpty { return nil }
        // An actor is not its own target.
        if sources.count == 1 { targets.removeAll { $0 == sources[0] } }
        if targets.count == 1 { sources.removeAll { $0 == targets[0] } }
        // Nor is another mention of the same actor ("Pakistan … Pakistani forces" both PAK): a single source
        // keeps only targets with another code.
        if sources.count == 1, !targets.isEmpty {
            let code = reference(sources[0]).code
            targets.removeAll { reference($0).code == code }
            // "Asif led the Pakistani delegation": an act on one's own side is no event between actors.
            if targets.isEmpty { return nil }
        }
        if sources.isEmpty && !coder.configuration.allowMissingSource { return nil }
        if coder.configuration.requireDyad && targets.isEmpty { return nil }
        let entry = coder.codebook.lookup(code)
        if entry == nil && !coder.configuration.keepNonCAMEO { return nil }
        let triggerTokens = trigger.tokens.min()!..<(trigger.tokens.max()! + 1)
        var evidenceEntries = trigger.entries
        // Sources then targets, each mention once (never in `Set` order, so output is stable).
        var listed: Set<Int> = []
        for mention in sources + targets where listed.insert(mention).inserted {
            if let entry = document.actors[mention].entry { evidenceEntries.append(entry) }
        }
        let evidence = Evidence(
            trigger: byteRange(trigger.tokens)!, triggerTokens: triggerTokens,
            source: byteRange(reversed ? trigger.targetSpan : trigger.sourceSpan)
                ?? sources.first.map { document.actors[$0].range },
            target: byteRange(reversed ? trigger.sourceSpan : trigger.targetSpan)
                ?? targets.first.map { document.actors[$0].range },
            pattern: trigger.pattern, entries: evidenceEntries)
        return Event(
            id: "", sentence: number, source: sources.map { reference($0) }, target: targets.map { reference($0) },
            thirdParties: trigger.thirdParties.map { reference($0.mention, role: $0.role) }, cameo: code,
            plover: trigger.plover ?? entry?.plover, acled: entry?.acled, goldstein: entry?.goldstein,
            quadClass: entry?.quadClass, modality: trigger.modality, evidence: evidence,
            uncodedSource: uncoded(reversed ? trigger.uncodedTarget : trigger.uncodedSource),
            uncodedTarget: uncoded(reversed ? trigger.uncodedSource : trigger.uncodedTarget))
    }
}
