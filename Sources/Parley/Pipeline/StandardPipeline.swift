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
    /// - Throws: ``PipelineError`` when a bundled model or lexicon cannot be loaded.
    public static func make(upTo depth: Depth, given: Set<Annotation> = []) throws -> Pipeline {
        let lexicon = try TokenizerLexicon.bundled()
        var stages: [any PipelineStage] = [Tokenizer(lexicon: lexicon), SentenceSegmenter(lexicon: lexicon)]
        if depth >= .syntax {
            stages += [try Tagger(), try Lemmatizer(), try DependencyParser()]
        }
        if depth >= .actors {
            var configuration = ActorRecognizer.Configuration()
            configuration.gazetteer = try Gazetteer.bundled()
            stages.append(ActorRecognizer(dictionary: try DefaultLexicon.dictionary(), configuration: configuration))
        }
        stages.removeAll { !$0.assigns.isEmpty && $0.assigns.isSubset(of: given) }
        if depth >= .events {
            // The coder joins once the stages it reads (dependencies, actors) are in the pipeline.
            let coder = try EventCoder.bundled()
            let available = stages.reduce(given) { $0.union($1.assigns) }
            if coder.requires.isSubset(of: available) { stages.append(coder) }
        }
        return try Pipeline(stages, given: given)
    }
}
