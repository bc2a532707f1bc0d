import Foundation

/// Where a lexicon line came from, for messages and explanations (`actors.lex:120`).
public struct LexiconSource: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The file name (last path component).
    public var file: String
    /// One-based line.
    public var line: Int

    /// Creates a source position.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(file):\(line)" }
}

/// A code an actor holds during a period: `AFGGOV from 2021-08-15`.
public struct ActorRole: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The CAMEO-style code (`AFGGOV`, `IGOUNO`, `---` for "known, but no code").
    public var code: String
    /// First day the role holds; `nil` for "since always".
    public var from: Day?
    /// Last day the role holds; `nil` for "still".
    public var until: Day?
    /// The office or title held ("defence minister"), for persons.
    public var title: String?

    /// Creates a role.
    public init(code: String, from: Day? = nil, until: Day? = nil, title: String? = nil) {
        self.code = code
        self.from = from
        self.until = until
        self.title = title
    }

    /// Whether the role has a date bound.
    public var isDated: Bool { from != nil || until != nil }

    /// Whether the role holds on a day.
    public func holds(on day: Day) -> Bool {
        if let from, day < from { return false }
        if let until, day > until { return false }
        return true
    }

    /// Whether two dated roles share a day.
    func overlaps(_ other: ActorRole) -> Bool {
        let lowA = from ?? Day(daysSinceEpoch: Int.min / 4)
        let highA = until ?? Day(daysSinceEpoch: Int.max / 4)
        let lowB = other.from ?? Day(daysSinceEpoch: Int.min / 4)
        let highB = other.until ?? Day(daysSinceEpoch: Int.max / 4)
        return lowA <= highB && lowB <= highA
    }

    /// `AFGGOV from 2021-08-15 as defence minister`, as written in the lexicon format.
    public var description: String {
        var text = code
        if let from { text += " from \(from)" }
        if let until { text += " until \(until)" }
        if let title { text += " as \(title)" }
        return text
    }
}

/// What kind of thing an actor entry names.
public enum ActorKind: String, Hashable, Codable, Sendable, CaseIterable {
    case country, organization, group, person, media, company, actor
}

/// A named actor: a country, organisation, armed group, outlet or person, with its names and roles.
public struct ActorEntry: Hashable, Codable, Sendable {
    /// The main name (the first one written).
    public var name: String
    /// Every name the actor is known by, the main name first. A name ending in `*` matches any word
    /// beginning with its last word (PETRARCH "stems").
    public var aliases: [String]
    /// Adjectives and people-nouns ("Pakistani", "Afghans") that combine with agents.
    public var demonyms: [String]
    /// Places whose name stands for the actor's government ("Islamabad" for Pakistan).
    public var capitals: [String]
    /// The actor's roles; dated ones are tried first, an undated one is the default.
    public var roles: [ActorRole]
    /// What the entry names.
    public var kind: ActorKind
    /// Free comments kept from the source.
    public var notes: [String]
    /// Where the entry starts.
    public var source: LexiconSource

    /// Creates an actor entry.
    public init(
        name: String, aliases: [String] = [], demonyms: [String] = [], capitals: [String] = [],
        roles: [ActorRole] = [], kind: ActorKind = .actor, notes: [String] = [],
        source: LexiconSource = LexiconSource(file: "-", line: 0)
    ) {
        self.name = name
        self.aliases = aliases.isEmpty ? [name] : aliases
        self.demonyms = demonyms
        self.capitals = capitals
        self.roles = roles
        self.kind = kind
        self.notes = notes
        self.source = source
    }

    /// The role that holds on a day: the first dated role that holds, else the first undated role.
    ///
    /// With no day, the role that holds now: an open-ended dated role, else the default, else the latest.
    /// - Parameter day: the date of the sentence or event; `nil` when unknown.
    public func role(on day: Day?) -> ActorRole? {
        if let day {
            if let dated = roles.first(where: { $0.isDated && $0.holds(on: day) }) { return dated }
            return roles.first(where: { !$0.isDated })
        }
        if let open = roles.last(where: { $0.from != nil && $0.until == nil }) { return open }
        if let undated = roles.first(where: { !$0.isDated }) { return undated }
        return roles.max(by: { ($0.until ?? $0.from)! < ($1.until ?? $1.from)! })
    }

    /// The entry's reference for explanations: `south-asia.lex:12 Taliban`.
    public var reference: String { "\(source) \(name)" }
}

/// A generic role noun that combines with a country: "delegation" → `~GOV`.
public struct AgentEntry: Hashable, Codable, Sendable {
    /// The phrase, possibly with a substitution set (`business !PERSON!`).
    public var phrase: String
    /// Explicit plurals (`{attorneys general}`); `nil` to form them by English rules; empty for none.
    public var plurals: [String]?
    /// The agent's code without the tilde (`GOV`).
    public var code: String
    /// Whether the agent code goes before the country (`NGO~`) instead of after it (`~GOV`).
    public var isPrefix: Bool
    /// Free comments kept from the source.
    public var notes: [String]
    /// Where the entry is.
    public var source: LexiconSource

    /// Creates an agent entry.
    public init(
        phrase: String, plurals: [String]? = nil, code: String, isPrefix: Bool = false, notes: [String] = [],
        source: LexiconSource = LexiconSource(file: "-", line: 0)
    ) {
        self.phrase = phrase
        self.plurals = plurals
        self.code = code
        self.isPrefix = isPrefix
        self.notes = notes
        self.source = source
    }

    /// The entry's reference for explanations.
    public var reference: String { "\(source) \(phrase)" }
}

/// A name for a place that the gazetteer lacks: a historical or informal name ("NWFP").
public struct PlaceAlias: Hashable, Codable, Sendable {
    /// The alias.
    public var name: String
    /// What it names: a GeoNames admin code (`PK.03`), a country (`TR`) or a geonameid (`1168197`).
    public var target: String
    /// Where it is written.
    public var source: LexiconSource

    /// Creates a place alias.
    public init(name: String, target: String, source: LexiconSource = LexiconSource(file: "-", line: 0)) {
        self.name = name
        self.target = target
        self.source = source
    }
}

/// A phrase whose presence discards a sentence (or, with `isStory`, the whole story), as in PETRARCH.
public struct DiscardEntry: Hashable, Codable, Sendable {
    /// The phrase, words separated by spaces.
    public var phrase: String
    /// Whether the whole story is discarded, not only the sentence.
    public var isStory: Bool
    /// Where it is written.
    public var source: LexiconSource

    /// Creates a discard entry.
    public init(phrase: String, isStory: Bool, source: LexiconSource = LexiconSource(file: "-", line: 0)) {
        self.phrase = phrase
        self.isStory = isStory
        self.source = source
    }
}

/// A declared code segment: a country, IGO, sector or group code the lexicon may use.
public struct CodeDeclaration: Hashable, Codable, Sendable {
    /// The kind of segment.
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        /// A country or territory (ISO 3166 alpha-3 or CAMEO special).
        case country
        /// A region or international/transnational actor prefix (`IGO`, `NGO`, `AFR`).
        case international
        /// A role or sector (`GOV`, `MIL`, `REB`).
        case sector
        /// A specific organisation or group segment (`UNO`, `HMS`, `TTP`).
        case group
        /// A whole code taken as is (imported dictionaries: `HOBGOV`, `+++`).
        case whole
    }

    /// The segment (three characters) or, for `whole`, the full code.
    public var code: String
    /// What kind of segment it is.
    public var kind: Kind
    /// A human-readable name.
    public var label: String
    /// Where it is declared.
    public var source: LexiconSource

    /// Creates a code declaration.
    public init(code: String, kind: Kind, label: String, source: LexiconSource = LexiconSource(file: "-", line: 0)) {
        self.code = code
        self.kind = kind
        self.label = label
        self.source = source
    }
}

/// A set of actors, agents, place aliases, discards and codes: one or more lexicon files, validated.
public struct Lexicon: Hashable, Codable, Sendable {
    /// Named actors.
    public var actors: [ActorEntry] = []
    /// Generic agents.
    public var agents: [AgentEntry] = []
    /// Substitution sets for agent phrases (`!PERSON!` → man, men, …), keyed with the bangs.
    public var substitutionSets: [String: [String]] = [:]
    /// Extra place names for the gazetteer.
    public var places: [PlaceAlias] = []
    /// Discard phrases.
    public var discards: [DiscardEntry] = []
    /// Declared code segments.
    public var codes: [CodeDeclaration] = []
    /// Whether entries follow PETRARCH semantics: dated roles may overlap (the first written wins) and
    /// the same name may appear in several entries (the first wins in recognition, all are kept).
    public var petrarchCompatible = false

    /// Creates an empty lexicon.
    public init() {}

    /// Adds another lexicon's entries after this one's.
    public mutating func append(_ other: Lexicon) {
        actors += other.actors
        agents += other.agents
        substitutionSets.merge(other.substitutionSets) { first, _ in first }
        places += other.places
        discards += other.discards
        codes += other.codes
        petrarchCompatible = petrarchCompatible || other.petrarchCompatible
    }
}
