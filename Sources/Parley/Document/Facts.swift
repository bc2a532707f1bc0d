import Foundation

/// Who said something: a resolved actor, or an unnamed source kept as written.
public struct Speaker: Hashable, Codable, Sendable {
    /// The words naming the speaker ("Asif", "security sources", "he").
    public var text: String
    /// UTF-8 byte range of those words.
    public var range: Range<Int>?
    /// The actor, when the speaker resolves to one (through a mention or its antecedent).
    public var actor: ActorReference?
    /// Whether the speaker is an unnamed source ("sources said", "officials said"); never promoted to an actor.
    public var unnamed: Bool

    /// Creates a speaker.
    public init(text: String, range: Range<Int>? = nil, actor: ActorReference? = nil, unnamed: Bool = false) {
        self.text = text
        self.range = range
        self.actor = actor
        self.unnamed = unnamed
    }
}

/// Something a speaker said, quoted directly or reported.
public struct Quote: Hashable, Codable, Sendable {
    /// UTF-8 byte range of the quoted (or reported) words, without the quotation marks.
    public var range: Range<Int>
    /// Whether the words are in quotation marks.
    public var direct: Bool
    /// Who said it, when found.
    public var speaker: Speaker?
    /// The outlet or medium it was said to or in ("Geo News", "a post on X").
    public var saidTo: String?
    /// Index of the first sentence of the quote.
    public var sentence: Int
    /// Ids of the events coded inside the quote.
    public var events: [String]
    /// The date of the speech, when a time expression governs the reporting verb.
    public var date: Day?

    /// Creates a quote.
    public init(
        range: Range<Int>, direct: Bool, speaker: Speaker? = nil, saidTo: String? = nil, sentence: Int,
        events: [String] = [], date: Day? = nil
    ) {
        self.range = range
        self.direct = direct
        self.speaker = speaker
        self.saidTo = saidTo
        self.sentence = sentence
        self.events = events
        self.date = date
    }

    enum CodingKeys: String, CodingKey {
        case range = "text"
        case direct, speaker
        case saidTo = "said_to"
        case sentence, events, date
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        range = try Evidence.decodeRange(container.decode([Int].self, forKey: .range))
        direct = try container.decode(Bool.self, forKey: .direct)
        speaker = try container.decodeIfPresent(Speaker.self, forKey: .speaker)
        saidTo = try container.decodeIfPresent(String.self, forKey: .saidTo)
        sentence = try container.decode(Int.self, forKey: .sentence)
        events = try container.decodeIfPresent([String].self, forKey: .events) ?? []
        date = try container.decodeIfPresent(Day.self, forKey: .date)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode([range.lowerBound, range.upperBound], forKey: .range)
        try container.encode(direct, forKey: .direct)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(saidTo, forKey: .saidTo)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(events, forKey: .events)
        try container.encode(date, forKey: .date)
    }
}

/// How finely a date is known.
public enum DatePrecision: String, Hashable, Codable, Sendable, Comparable {
    case day, week, month, year
    /// The publication date stands in for an unknown event date.
    case publication

    private var rank: Int {
        switch self {
        case .day: 0
        case .week: 1
        case .month: 2
        case .year: 3
        case .publication: 4
        }
    }

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool { lhs.rank < rhs.rank }
}

/// A temporal expression in the text, resolved against the publication date.
public struct TimeExpression: Hashable, Codable, Sendable {
    /// UTF-8 byte range of the expression ("on Thursday", "earlier this month").
    public var range: Range<Int>
    /// The expression's words.
    public var text: String
    /// Sentence index.
    public var sentence: Int
    /// TIMEX-like value: `2025-10-30`, `2025-W44`, `2025-10`, `2025`, `2021/..` (open range), `2025-10-03/2025-10-05`.
    public var value: String?
    /// The first day the expression covers, when resolved.
    public var start: Day?
    /// The last day the expression covers, when resolved.
    public var end: Day?
    /// How finely the value is known.
    public var precision: DatePrecision
    /// What the value was computed from: `absolute`, `publication`, or `event` (relative to an earlier expression).
    public var anchor: String

    /// Creates a time expression.
    public init(
        range: Range<Int>, text: String, sentence: Int, value: String?, start: Day?, end: Day?,
        precision: DatePrecision, anchor: String
    ) {
        self.range = range
        self.text = text
        self.sentence = sentence
        self.value = value
        self.start = start
        self.end = end
        self.precision = precision
        self.anchor = anchor
    }
}

/// A place named in the text, resolved against the gazetteer when possible.
public struct PlaceMention: Hashable, Codable, Sendable {
    /// UTF-8 byte range of the name.
    public var range: Range<Int>
    /// The name as written.
    public var text: String
    /// Sentence index.
    public var sentence: Int
    /// The resolved place, with precision 1 (town) … 4 (country).
    public var location: Location?
    /// `city`, `admin1`, `admin2` or `country`.
    public var kind: String?
    /// Why this candidate won (`admin1 named nearby`, `population`, …), for explanations.
    public var reason: String?

    /// Creates a place mention.
    public init(
        range: Range<Int>, text: String, sentence: Int, location: Location? = nil, kind: String? = nil,
        reason: String? = nil
    ) {
        self.range = range
        self.text = text
        self.sentence = sentence
        self.location = location
        self.kind = kind
        self.reason = reason
    }
}
