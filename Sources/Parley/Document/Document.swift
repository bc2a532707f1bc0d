import Foundation

/// A news article and everything Parley has found in it.
///
/// The original text is never changed by a stage: tokens, sentences, actor mentions and events
/// point back into it by UTF-8 byte offsets, so any output can be highlighted in the source.
public struct Document: Hashable, Codable, Sendable {
    /// A stable identifier: given by the input (JSONL id field, file name) or derived from the text.
    public var id: String
    /// The article body exactly as read (after UTF-8 repair); never changed by a stage.
    public var text: String
    /// Title, URL, outlet, language and publication date.
    public var metadata: ArticleMetadata
    /// Syntactic words in text order (UD "words"; a contraction such as "don't" gives two).
    public var tokens: [Token] = []
    /// Sentences in text order, each a range of `tokens`.
    public var sentences: [Sentence] = []
    /// Actor mentions found in the text.
    public var actors: [ActorMention] = []
    /// Coded events.
    public var events: [Event] = []
    /// Direct and reported speech with its speakers (see `Facts.swift`).
    public var quotes: [Quote] = []
    /// Temporal expressions resolved against the publication date.
    public var dates: [TimeExpression] = []
    /// Place names resolved against the gazetteer.
    public var places: [PlaceMention] = []
    /// Every casualty and other count found, whether or not it belongs to an event.
    public var casualties: [CasualtyClaim] = []
    /// Which layers the stages run so far have filled.
    public var annotations: Set<Annotation> = []
    /// Problems met while reading or processing this document that did not stop it.
    public var warnings: [Diagnostic] = []

    /// Creates a document from its text.
    /// - Parameters:
    ///   - id: the document's identifier.
    ///   - text: the article body; kept unchanged.
    ///   - metadata: title, date and other article metadata.
    public init(id: String, text: String, metadata: ArticleMetadata = ArticleMetadata()) {
        self.id = id
        self.text = text
        self.metadata = metadata
    }

    /// The source text of a UTF-8 byte range of ``text``.
    public func text(in range: Range<Int>) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: max(0, min(range.lowerBound, utf8.count)))
        let upper = utf8.index(lower, offsetBy: max(0, min(range.count, utf8.count - range.lowerBound)))
        return text[lower..<upper]
    }

    /// The tokens of one sentence.
    public func tokens(of sentence: Sentence) -> ArraySlice<Token> {
        tokens[sentence.tokens]
    }
}

/// The layers of annotation a pipeline stage can require or assign.
public enum Annotation: String, Hashable, Codable, Sendable, CaseIterable {
    case tokens
    case sentences
    case partOfSpeech
    case lemmas
    case dependencies
    case actors
    case events
    case quotes
    case casualties
    case dates
    case places
}

/// What is known of an article besides its text.
public struct ArticleMetadata: Hashable, Codable, Sendable {
    /// The headline, when the input gave one or its first line was one.
    public var title: String?
    /// Where the article was published.
    public var url: String?
    /// The outlet (site or newspaper name).
    public var outlet: String?
    /// BCP 47 language tag; Parley codes English.
    public var language: String
    /// The publication date.
    public var published: Day?
    /// Whether ``published`` was stated by the input or guessed (from a file date, a dateline, the run date).
    public var publishedSource: DateSource
    /// The file or stream the article came from, for messages.
    public var origin: String?

    /// How a publication date was obtained.
    public enum DateSource: String, Hashable, Codable, Sendable {
        /// The input stated it (metadata field, HTML meta tag, `--date`).
        case given
        /// Parley inferred it from weaker evidence.
        case guessed
        /// No date is known.
        case unknown
    }

    /// Creates article metadata.
    public init(
        title: String? = nil, url: String? = nil, outlet: String? = nil, language: String = "en",
        published: Day? = nil, publishedSource: DateSource? = nil, origin: String? = nil
    ) {
        self.title = title
        self.url = url
        self.outlet = outlet
        self.language = language
        self.published = published
        self.publishedSource = publishedSource ?? (published == nil ? .unknown : .given)
        self.origin = origin
    }
}

/// A syntactic word with its position in the source text and the annotations stages give it.
public struct Token: Hashable, Codable, Sendable {
    /// UTF-8 byte range of the word in ``Document/text``. For a part of a contraction whose form is
    /// not a substring of the surface token, the range of the whole surface token.
    public var range: Range<Int>
    /// The word form (usually the source text of ``range``).
    public var form: String
    /// Whether the source has no whitespace after this word (CoNLL-U `SpaceAfter=No`).
    public var spaceAfter: Bool = true
    /// For a word that is part of a multiword surface token ("do" in "don't"): the index of the
    /// first word of that surface token. `nil` for a word that is a token of its own.
    public var multiwordStart: Int?
    /// Universal part-of-speech tag.
    public var upos: String?
    /// Penn Treebank tag.
    public var xpos: String?
    /// Universal features (`Number=Sing|Person=3`), as in CoNLL-U.
    public var features: String?
    /// Lemma.
    public var lemma: String?
    /// Index of the head word within the document's tokens; `nil` for the root or unparsed.
    public var head: Int?
    /// Universal dependency relation to the head (`root` for the sentence root).
    public var relation: String?

    /// Creates a token.
    public init(range: Range<Int>, form: String, spaceAfter: Bool = true) {
        self.range = range
        self.form = form
        self.spaceAfter = spaceAfter
    }
}

/// A sentence: a range of the document's tokens, and the paragraph it belongs to.
public struct Sentence: Hashable, Codable, Sendable {
    /// The sentence's words, as indices into ``Document/tokens``.
    public var tokens: Range<Int>
    /// UTF-8 byte range of the sentence in ``Document/text``.
    public var range: Range<Int>
    /// Zero-based paragraph number (a blank line or an HTML block starts a new one).
    public var paragraph: Int
    /// Whether the sentence stands alone on its line without final punctuation (headline, bullet, heading).
    public var isHeading: Bool

    /// Creates a sentence.
    public init(tokens: Range<Int>, range: Range<Int>, paragraph: Int = 0, isHeading: Bool = false) {
        self.tokens = tokens
        self.range = range
        self.paragraph = paragraph
        self.isHeading = isHeading
    }
}

/// A range of tokens with an optional label.
public struct Span: Hashable, Codable, Sendable {
    /// The tokens, as indices into ``Document/tokens``.
    public var tokens: Range<Int>
    /// What the span is.
    public var label: String?

    /// Creates a span.
    public init(tokens: Range<Int>, label: String? = nil) {
        self.tokens = tokens
        self.label = label
    }
}

/// A problem that did not stop processing: reported to the user, stored with the document.
public struct Diagnostic: Hashable, Codable, Sendable, CustomStringConvertible {
    /// How serious the problem is.
    public enum Severity: String, Hashable, Codable, Sendable {
        case warning
        case error
    }

    /// How serious the problem is.
    public var severity: Severity
    /// The file (or `-` for standard input), when known.
    public var file: String?
    /// One-based line, when known.
    public var line: Int?
    /// One-based column, when known.
    public var column: Int?
    /// What went wrong and what to do; never quotes article text at length.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity = .warning, file: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var location = file ?? ""
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return location.isEmpty ? "\(severity.rawValue): \(message)" : "\(location): \(severity.rawValue): \(message)"
    }
}
