import Foundation

/// An actor as it takes part in an event or is mentioned: its code and why.
public struct ActorReference: Hashable, Codable, Sendable {
    /// The full code valid on the event's date, e.g. `PAKGOV`, `AFGMIL`, `IGOUNO`.
    public var code: String
    /// The words of the mention.
    public var text: String
    /// Three-letter country or IGO part of the code, when there is one.
    public var country: String?
    /// Role/sector part of the code (`GOV`, `MIL`, `REB`, …), when there is one.
    public var sector: String?
    /// For third parties: what they did (`mediator`, `host`, …).
    public var role: String?
    /// The actor mention this reference came from, an index into ``Document/actors``.
    public var mention: Int?

    /// Creates an actor reference.
    public init(
        code: String, text: String, country: String? = nil, sector: String? = nil, role: String? = nil,
        mention: Int? = nil
    ) {
        self.code = code
        self.text = text
        self.country = country
        self.sector = sector
        self.role = role
        self.mention = mention
    }
}

/// An actor mention in the text, resolved to a code valid on its sentence's date.
public struct ActorMention: Hashable, Codable, Sendable {
    /// The tokens of the mention.
    public var span: Span
    /// UTF-8 byte range in the document text.
    public var range: Range<Int>
    /// The mention's text.
    public var text: String
    /// The code valid on the date of the sentence (`PAKGOV`), or `nil` when unresolved.
    public var code: String?
    /// Sentence index.
    public var sentence: Int
    /// How sure the recognizer is, 0...1.
    public var confidence: Double
    /// The lexicon entry that produced the code (`actors.txt:120 Taliban`), for explanations.
    public var entry: String?
    /// When this mention refers back to an earlier one ("he", "the minister"), that mention's index.
    public var antecedent: Int?
    /// Whether the actor is a person.
    public var isPerson: Bool

    /// Creates an actor mention.
    public init(
        span: Span, range: Range<Int>, text: String, code: String?, sentence: Int, confidence: Double = 1,
        entry: String? = nil, antecedent: Int? = nil, isPerson: Bool = false
    ) {
        self.span = span
        self.range = range
        self.text = text
        self.code = code
        self.sentence = sentence
        self.confidence = confidence
        self.entry = entry
        self.antecedent = antecedent
        self.isPerson = isPerson
    }
}

/// PLOVER coding of an event: event type, mode and context.
public struct PloverCoding: Hashable, Codable, Sendable {
    public var event: String
    public var mode: String?
    public var context: [String]

    public init(event: String, mode: String? = nil, context: [String] = []) {
        self.event = event
        self.mode = mode
        self.context = context
    }
}

/// ACLED coding of a violent, protest or strategic-development event.
public struct AcledCoding: Hashable, Codable, Sendable {
    public var eventType: String
    public var subEventType: String

    public init(eventType: String, subEventType: String) {
        self.eventType = eventType
        self.subEventType = subEventType
    }

    enum CodingKeys: String, CodingKey {
        case eventType = "event_type"
        case subEventType = "sub_event_type"
    }
}

/// Whether an event happened, and how the text presents it (PLOVER's auxiliary modes).
public struct Modality: Hashable, Codable, Sendable {
    /// "did not attack".
    public var negated = false
    /// "would conduct airstrikes … if".
    public var hypothetical = false
    /// "will meet", "plans to".
    public var future = false
    /// An earlier event recounted in a later story.
    public var historical = false
    /// Reported or alleged by someone other than the writer.
    public var reported = false
    /// Who said it, for reported speech.
    public var speaker: ActorReference?
    /// The rule that set each flag, keyed by flag name, for explanations.
    public var rules: [String: String] = [:]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case negated, hypothetical, future, historical, reported, speaker, rules
    }
}

/// The words and rules behind an event, so every field can be explained.
public struct Evidence: Hashable, Codable, Sendable {
    /// UTF-8 byte range of the trigger word(s).
    public var trigger: Range<Int>
    /// The trigger's token indices.
    public var triggerTokens: Range<Int>
    /// UTF-8 byte ranges of the source and target phrases.
    public var source: Range<Int>?
    public var target: Range<Int>?
    /// The id of the pattern that matched.
    public var pattern: String
    /// Lexicon entries used (verb pattern, actor entries).
    public var entries: [String]

    public init(
        trigger: Range<Int>, triggerTokens: Range<Int>, source: Range<Int>? = nil, target: Range<Int>? = nil,
        pattern: String, entries: [String] = []
    ) {
        self.trigger = trigger
        self.triggerTokens = triggerTokens
        self.source = source
        self.target = target
        self.pattern = pattern
        self.entries = entries
    }

    enum CodingKeys: String, CodingKey {
        case trigger
        case triggerTokens = "trigger_tokens"
        case source, target, pattern, entries
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        trigger = try Evidence.decodeRange(container.decode([Int].self, forKey: .trigger))
        triggerTokens = try Evidence.decodeRange(container.decode([Int].self, forKey: .triggerTokens))
        source = try container.decodeIfPresent([Int].self, forKey: .source).map(Evidence.decodeRange)
        target = try container.decodeIfPresent([Int].self, forKey: .target).map(Evidence.decodeRange)
        pattern = try container.decode(String.self, forKey: .pattern)
        entries = try container.decodeIfPresent([String].self, forKey: .entries) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([trigger.lowerBound, trigger.upperBound], forKey: .trigger)
        try container.encode([triggerTokens.lowerBound, triggerTokens.upperBound], forKey: .triggerTokens)
        try container.encodeIfPresent(source.map { [$0.lowerBound, $0.upperBound] }, forKey: .source)
        try container.encodeIfPresent(target.map { [$0.lowerBound, $0.upperBound] }, forKey: .target)
        try container.encode(pattern, forKey: .pattern)
        try container.encode(entries, forKey: .entries)
    }

    static func decodeRange(_ pair: [Int]) throws -> Range<Int> {
        guard pair.count == 2, pair[0] <= pair[1] else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "expected [start, end]"))
        }
        return pair[0]..<pair[1]
    }
}

/// A place resolved against the gazetteer.
public struct Location: Hashable, Codable, Sendable {
    public var name: String
    public var country: String?
    public var admin1: String?
    public var latitude: Double?
    public var longitude: Double?
    /// ACLED-style precision: 1 exact town, 2 near/part of a region, 3 region/province, 4 country.
    public var precision: Int
    /// Gazetteer identifier (GeoNames id) when resolved.
    public var geonamesID: Int?
    /// The admin-1 region of an earlier division of the country, which older sources use (Nepal's
    /// development regions until 2015).
    public var formerAdmin1: String?

    public init(
        name: String, country: String? = nil, admin1: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil, precision: Int, geonamesID: Int? = nil, formerAdmin1: String? = nil
    ) {
        self.formerAdmin1 = formerAdmin1
        self.name = name
        self.country = country
        self.admin1 = admin1
        self.latitude = latitude
        self.longitude = longitude
        self.precision = precision
        self.geonamesID = geonamesID
    }
}

/// A casualty or other count claimed for an event.
public struct CasualtyClaim: Hashable, Codable, Sendable {
    /// killed, injured, abducted, arrested, displaced, …
    public var kind: String
    public var count: Int?
    /// "over", "at least", "dozens", … — kept instead of inventing a number.
    public var qualifier: String?
    public var low: Int?
    public var high: Int?
    public var who: ActorReference?
    public var claimedBy: ActorReference?
    /// UTF-8 byte range of the phrase.
    public var range: Range<Int>?

    public init(
        kind: String, count: Int? = nil, qualifier: String? = nil, low: Int? = nil, high: Int? = nil,
        who: ActorReference? = nil, claimedBy: ActorReference? = nil, range: Range<Int>? = nil
    ) {
        self.kind = kind
        self.count = count
        self.qualifier = qualifier
        self.low = low
        self.high = high
        self.who = who
        self.claimedBy = claimedBy
        self.range = range
    }

    enum CodingKeys: String, CodingKey {
        case kind, count, qualifier, low, high, who
        case claimedBy = "claimed_by"
        case range
    }
}

/// Who says an event happened and who reported that.
public struct Attribution: Hashable, Codable, Sendable {
    public var speaker: ActorReference?
    /// The outlet or medium it was said to or reported by ("Geo News", "a post on X").
    public var reportedBy: String?
    /// Index into the document's quotes, when the event was coded inside a quote.
    public var quote: Int?

    public init(speaker: ActorReference? = nil, reportedBy: String? = nil, quote: Int? = nil) {
        self.speaker = speaker
        self.reportedBy = reportedBy
        self.quote = quote
    }

    enum CodingKeys: String, CodingKey {
        case speaker
        case reportedBy = "reported_by"
        case quote
    }
}

/// A participant of an event that no actor of the lexicon names ("a car bomb", "another ethnic Chechen"): its
/// words and where they are, with no code.
public struct UncodedParticipant: Hashable, Codable, Sendable {
    /// The words of the phrase.
    public var text: String
    /// The phrase's tokens, as indices into ``Document/tokens``.
    public var tokens: Range<Int>
    /// UTF-8 byte range in the document text.
    public var range: Range<Int>

    /// Creates an uncoded participant.
    /// - Parameters:
    ///   - text: the words of the phrase.
    ///   - tokens: the phrase's token indices.
    ///   - range: the phrase's UTF-8 byte range.
    public init(text: String, tokens: Range<Int>, range: Range<Int>) {
        self.text = text
        self.tokens = tokens
        self.range = range
    }
}

/// Who did what to whom, when and where — with the evidence for each field.
public struct Event: Hashable, Codable, Sendable {
    /// Stable within the document: `<document id>-e<n>`.
    public var id: String
    /// Sentence index.
    public var sentence: Int
    public var source: [ActorReference]
    public var target: [ActorReference]
    public var thirdParties: [ActorReference]
    /// The event code as written in the lexicon (CAMEO, or an imported dictionary's own codes).
    public var cameo: String
    public var plover: PloverCoding?
    public var acled: AcledCoding?
    public var goldstein: Double?
    public var quadClass: Int?
    public var modality: Modality
    public var date: Day?
    /// day, week, month, year, or `publication` when the publication date stands in.
    public var datePrecision: String?
    public var location: Location?
    public var casualties: [CasualtyClaim]
    public var attribution: Attribution?
    public var evidence: Evidence
    /// Sources the parse names but no actor mention codes; `nil` when there are none.
    public var uncodedSource: [UncodedParticipant]?
    /// Targets the parse names but no actor mention codes; `nil` when there are none.
    public var uncodedTarget: [UncodedParticipant]?

    public init(
        id: String, sentence: Int, source: [ActorReference], target: [ActorReference],
        thirdParties: [ActorReference] = [], cameo: String, plover: PloverCoding? = nil,
        acled: AcledCoding? = nil, goldstein: Double? = nil, quadClass: Int? = nil,
        modality: Modality = Modality(), date: Day? = nil, datePrecision: String? = nil,
        location: Location? = nil, casualties: [CasualtyClaim] = [], attribution: Attribution? = nil,
        evidence: Evidence, uncodedSource: [UncodedParticipant]? = nil, uncodedTarget: [UncodedParticipant]? = nil
    ) {
        self.id = id
        self.sentence = sentence
        self.source = source
        self.target = target
        self.thirdParties = thirdParties
        self.cameo = cameo
        self.plover = plover
        self.acled = acled
        self.goldstein = goldstein
        self.quadClass = quadClass
        self.modality = modality
        self.date = date
        self.datePrecision = datePrecision
        self.location = location
        self.casualties = casualties
        self.attribution = attribution
        self.evidence = evidence
        self.uncodedSource = uncodedSource
        self.uncodedTarget = uncodedTarget
    }

    enum CodingKeys: String, CodingKey {
        case id, sentence, source, target
        case uncodedSource = "uncoded_source"
        case uncodedTarget = "uncoded_target"
        case thirdParties = "third_parties"
        case cameo, plover, acled, goldstein
        case quadClass = "quad_class"
        case modality, date
        case datePrecision = "date_precision"
        case location, casualties, attribution, evidence
    }
}
