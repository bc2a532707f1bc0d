import Foundation

/// A lexicon compiled for fast longest-match lookup over folded words.
///
/// Built once per process from a validated ``Lexicon``; immutable and `Sendable`.
public struct ActorDictionary: Sendable {
    /// What a matched phrase stands for.
    public enum Target: Hashable, Sendable {
        /// A named actor (index into ``Lexicon/actors``).
        case actor(Int)
        /// A country adjective or people-noun of an actor ("Pakistani", "Afghans").
        case demonym(Int)
        /// A capital standing for an actor's government ("Islamabad").
        case capital(Int)
        /// A generic agent (index into ``Lexicon/agents``).
        case agent(Int)
    }

    /// A phrase found at a position.
    public struct Match: Hashable, Sendable {
        /// How many words (pieces) it covers.
        public var length: Int
        /// What it stands for.
        public var target: Target
        /// Whether its last word matched as a stem (a prefix of the word).
        public var isStem: Bool
        /// Other named actors written the same way, in lexicon order ("President Bush" for both
        /// George Bushes in the Phoenix dictionaries); see ``namesake(of:among:on:)``.
        public var namesakes: [Int] = []
    }

    struct Phrase: Sendable {
        var pieces: [String]
        var lastIsStem: Bool
        var caseSensitive: Bool
        var target: Target
        var namesakes: [Int] = []
    }

    /// The lexicon the dictionary was compiled from.
    public let lexicon: Lexicon
    /// The codes it knows.
    public let registry: CodeRegistry
    /// For persons: their entry reference and the folded words of all their role titles.
    let personTitles: [String: Set<String>]
    private var exact: [String: [Phrase]] = [:]
    private var stems: [String: [Phrase]] = [:]
    private var stemLengths: [Int] = []

    /// Compiles a lexicon.
    /// - Parameters:
    ///   - lexicon: a validated lexicon.
    ///   - baseCodes: codes declared outside it (the bundled `codes.lex`).
    public init(lexicon: Lexicon, baseCodes: [CodeDeclaration] = []) {
        self.lexicon = lexicon
        self.registry = CodeRegistry(baseCodes + lexicon.codes)
        var titles: [String: Set<String>] = [:]
        for actor in lexicon.actors where actor.kind == .person {
            titles[actor.reference, default: []].formUnion(actor.roles.flatMap { TextFolding.pieces($0.title ?? "") })
        }
        self.personTitles = titles
        // Every phrase by its words (stem or not): where it went, under its first piece.
        var placed: [[String]: [(isStem: Bool, slot: Int)]] = [:]
        func phrase(at place: (isStem: Bool, slot: Int), _ first: String) -> Phrase {
            place.isStem ? stems[first]![place.slot] : exact[first]![place.slot]
        }
        func addNamesake(_ index: Int, at place: (isStem: Bool, slot: Int), _ first: String) {
            if place.isStem { stems[first]![place.slot].namesakes.append(index) } else {
                exact[first]![place.slot].namesakes.append(index)
            }
        }
        func add(_ written: String, _ target: Target, first: Bool = true) {
            let isStem = written.hasSuffix("*")
            let name = isStem ? String(written.dropLast()) : written
            let pieces = TextFolding.pieces(name)
            guard !pieces.isEmpty else { return }
            let storedAsStem = isStem && pieces.count == 1
            let earlier = placed[pieces] ?? []
            // Named actors written with the same words are namesakes of each other: the first entry
            // wins (PETRARCH order) unless only a later one has a dated role holding on the sentence's date.
            var namesakes: [Int] = []
            if case .actor(let index) = target {
                for place in earlier {
                    guard case .actor(let owner) = phrase(at: place, pieces[0]).target, owner != index else { continue }
                    if !phrase(at: place, pieces[0]).namesakes.contains(index) { addNamesake(index, at: place, pieces[0]) }
                    if !namesakes.contains(owner) { namesakes.append(owner) }
                }
            }
            // The same words with the same stem mark are kept once; later duplicates stay in the lexicon only.
            if earlier.contains(where: { phrase(at: $0, pieces[0]).lastIsStem == isStem }) { return }
            // Acronyms ("US", "TTP", "LeT") only match when written with their capitals.
            let innerCapital = name.dropFirst().contains { $0.isUppercase }
            let caseSensitive = !lexicon.petrarchCompatible && name.count <= 5 && !name.contains(" ") && innerCapital
            let phrase = Phrase(
                pieces: pieces, lastIsStem: isStem, caseSensitive: caseSensitive, target: target, namesakes: namesakes)
            if storedAsStem {
                placed[pieces, default: []].append((true, stems[pieces[0], default: []].count))
                stems[pieces[0], default: []].append(phrase)
            } else {
                placed[pieces, default: []].append((false, exact[pieces[0], default: []].count))
                exact[pieces[0], default: []].append(phrase)
            }
        }
        for (index, entry) in lexicon.actors.enumerated() {
            for alias in entry.aliases { add(alias, .actor(index)) }
            for capital in entry.capitals { add(capital, .capital(index)) }
        }
        for (index, entry) in lexicon.actors.enumerated() {
            for demonym in entry.demonyms { add(demonym, .demonym(index)) }
        }
        for (index, agent) in lexicon.agents.enumerated() {
            for form in ActorDictionary.forms(of: agent, sets: lexicon.substitutionSets) { add(form, .agent(index)) }
        }
        for key in exact.keys { exact[key]!.sort { $0.pieces.count > $1.pieces.count } }
        for key in stems.keys { stems[key]!.sort { $0.pieces.count > $1.pieces.count } }
        stemLengths = Set(stems.keys.map(\.count)).sorted(by: >)
    }

    /// Every written form of an agent: substitution sets expanded, plurals added.
    /// - Parameters:
    ///   - agent: the agent.
    ///   - sets: the substitution sets.
    public static func forms(of agent: AgentEntry, sets: [String: [String]]) -> [String] {
        var phrases = [agent.phrase]
        for name in LexiconText.substitutionNames(in: agent.phrase) {
            let words = sets[name.uppercased()] ?? []
            phrases = phrases.flatMap { phrase in words.map { phrase.replacingOccurrences(of: name, with: $0) } }
        }
        var forms = phrases
        if let plurals = agent.plurals {
            forms += plurals
        } else {
            for phrase in phrases where !phrase.hasSuffix("*") {
                forms.append(pluralize(phrase))
            }
        }
        return forms
    }

    /// The English plural of a phrase's last word.
    public static func pluralize(_ phrase: String) -> String {
        let lower = phrase.lowercased()
        let irregular = [
            "man": "men", "woman": "women", "person": "people", "chief": "chiefs", "staff": "staff",
            "police": "police", "personnel": "personnel", "militia": "militias", "media": "media",
            "leadership": "leadership", "intelligence": "intelligence", "military": "military",
            "clergy": "clergy", "army": "armies", "child": "children", "wife": "wives",
        ]
        for (singular, plural) in irregular where lower.hasSuffix(singular) {
            let start = lower.index(lower.endIndex, offsetBy: -singular.count)
            if start == lower.startIndex || lower[lower.index(before: start)] == " " {
                return String(phrase.prefix(phrase.count - singular.count)) + plural
            }
        }
        if lower.hasSuffix("s") || lower.hasSuffix("x") || lower.hasSuffix("z") || lower.hasSuffix("ch")
            || lower.hasSuffix("sh")
        {
            return phrase + "es"
        }
        if lower.hasSuffix("y"), lower.count >= 2 {
            let before = lower[lower.index(lower.endIndex, offsetBy: -2)]
            if !"aeiou".contains(before) { return String(phrase.dropLast()) + "ies" }
        }
        return phrase + "s"
    }

    /// The longest phrase starting at a word.
    /// - Parameters:
    ///   - words: folded word pieces (see ``TextFolding/pieces(_:)``).
    ///   - start: where the phrase must start.
    ///   - allCaps: for each piece, whether it was written in capitals (for acronyms such as "US"); `nil` to ignore case.
    ///   - isBoundary: whether a phrase may end after a piece (a token ends there); `nil` for any piece.
    /// - Returns: the longest match, or `nil`.
    public func longestMatch(
        in words: [String], at start: Int, allCaps: [Bool]? = nil, isBoundary: ((Int) -> Bool)? = nil
    ) -> Match? {
        let first = words[start]
        var best: Match?
        func consider(_ phrase: Phrase) {
            let count = phrase.pieces.count
            guard start + count <= words.count, count > (best?.length ?? 0) else { return }
            for offset in 0..<count {
                let word = words[start + offset]
                let piece = phrase.pieces[offset]
                if offset == count - 1 && phrase.lastIsStem {
                    guard word.hasPrefix(piece) else { return }
                } else if word != piece {
                    return
                }
            }
            if phrase.caseSensitive, let allCaps, !allCaps[start..<(start + count)].allSatisfy({ $0 }) { return }
            if let isBoundary, !isBoundary(start + count - 1) { return }
            best = Match(length: count, target: phrase.target, isStem: phrase.lastIsStem, namesakes: phrase.namesakes)
        }
        if let candidates = exact[first] {
            for phrase in candidates {
                if phrase.pieces.count <= (best?.length ?? 0) { break }
                consider(phrase)
            }
        }
        if best == nil, !stems.isEmpty {
            for length in stemLengths where length <= first.count {
                let prefix = length == first.count ? first : String(first.prefix(length))
                if let candidates = stems[prefix] {
                    for phrase in candidates { consider(phrase) }
                }
                if best != nil { break }
            }
        }
        return best
    }

    /// Of a matched actor and its namesakes, the one to code on a day: the matched actor unless one
    /// of its dated roles holds then, the first namesake with a dated role that holds; else the
    /// matched actor (its default role). In 2008 "President Bush" is George W. Bush, not his father.
    /// - Parameters:
    ///   - index: the matched actor's index in ``Lexicon/actors``.
    ///   - namesakes: the match's ``Match/namesakes``.
    ///   - day: the sentence's date, `nil` when unknown (the matched actor is kept).
    public func namesake(of index: Int, among namesakes: [Int], on day: Day?) -> Int {
        guard let day, !namesakes.isEmpty else { return index }
        func holds(_ actor: Int) -> Bool {
            lexicon.actors[actor].roles.contains { $0.isDated && $0.holds(on: day) }
        }
        if holds(index) { return index }
        return namesakes.first(where: holds) ?? index
    }

    /// The code a named actor holds on a day, with the role.
    /// - Parameters:
    ///   - index: the actor's index in ``Lexicon/actors``.
    ///   - day: the sentence's date, `nil` when unknown.
    public func role(ofActor index: Int, on day: Day?) -> ActorRole? {
        lexicon.actors[index].role(on: day)
    }

    /// The three-letter country or international prefix of a code (`AFG` for `AFGGOV`), if it has one.
    public func country(of code: String) -> String? {
        guard code.count >= 3 else { return nil }
        let prefix = code.prefix(3)
        if registry.isActorPrefix(prefix) { return String(prefix) }
        // Imported dictionaries declare whole codes ("HOBGOV"): an undeclared letter prefix is a country.
        if registry.kind(of: prefix) == nil, prefix.allSatisfy({ $0.isLetter }) { return String(prefix) }
        return nil
    }

    /// Combines an actor's code with an agent's: `PAK` + `~GOV` → `PAKGOV`; `AFGGOV` + `~MIL` → `AFGMIL`;
    /// a non-state actor keeps its code (`PAKREB` + `~MIL` → `PAKREB`).
    /// - Parameters:
    ///   - code: the actor's code.
    ///   - agent: the agent.
    public func compose(_ code: String, with agent: AgentEntry) -> String {
        if code == "---" || code.isEmpty { return code }
        guard let country = country(of: code) else { return code }
        if code.count == 3 {
            return agent.isPrefix ? agent.code + country : country + agent.code
        }
        let sector = code.dropFirst(3).prefix(3)
        let stateSectors: Set<Substring> = ["GOV", "MIL", "COP", "SPY", "JUD", "LEG"]
        if stateSectors.contains(sector) {
            // A state's fighters are its military ("Taliban fighters" after 2021-08-15 → AFGMIL).
            let armed: Set<String> = ["UAF", "REB", "INS", "RAD"]
            let agentCode = armed.contains(String(agent.code.prefix(3))) ? "MIL" : agent.code
            return agent.isPrefix ? agentCode + country : country + agentCode
        }
        return code
    }
}
