import Foundation

/// The stages Parley runs by default, built once per process.
public enum StandardPipeline {
    /// How far to run.
    public enum Depth: Int, Sendable, Comparable {
        /// Sentences and tokens.
        case tokens
        /// Tags, lemmas and dependencies as well.
        case syntax
        /// Actor mentions as well.
        case actors
        /// Events as well.
        case events

        public static func < (lhs: Depth, rhs: Depth) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Builds the default pipeline up to a depth.
    /// - Parameters:
    ///   - depth: the last layer to compute.
    ///   - given: layers the input documents already carry (gold tokens and sentences from CoNLL-U);
    ///     a stage whose every layer is given is left out.
    ///   - places: the gazetteer for the place resolver; the bundled gazetteer when `nil`.
    /// - Throws: ``PipelineError`` when a bundled model or lexicon cannot be loaded.
    public static func make(upTo depth: Depth, given: Set<Annotation> = [], places: (any PlaceLookup)? = nil) throws -> Pipeline {
        let lexicon = try TokenizerLexicon.bundled()
        var stages: [any PipelineStage] = [Tokenizer(lexicon: lexicon), SentenceSegmenter(lexicon: lexicon)]
        if depth >= .syntax {
            stages += [try Tagger(), try Lemmatizer(), try DependencyParser()]
        }
        let gazetteer = depth >= .actors ? try Gazetteer.bundled() : nil
        if depth >= .actors {
            var configuration = ActorRecognizer.Configuration()
            configuration.gazetteer = gazetteer
            stages.append(ActorRecognizer(dictionary: try DefaultLexicon.dictionary(), configuration: configuration))
        }
        stages.removeAll { !$0.assigns.isEmpty && $0.assigns.isSubset(of: given) }
        if depth >= .events {
            stages.append(try EventCoder.bundled())
            stages += factStages(places: places ?? gazetteer)
        }
        return try Pipeline(stages, given: given)
    }

    /// The stages that attach quotes, dates, places and casualties to the coded events.
    /// - Parameter places: the gazetteer for place names; without one, places are not resolved.
    public static func factStages(places: (any PlaceLookup)?) -> [any PipelineStage] {
        var stages: [any PipelineStage] = [TimeResolver(), QuoteFinder()]
        if let places { stages.append(PlaceResolver(lookup: places)) }
        stages.append(CasualtyCounter())
        return stages
    }
}
