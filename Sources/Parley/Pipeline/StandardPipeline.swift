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
    /// - Throws: ``PipelineError`` when a bundled model or lexicon cannot be loaded.
    public static func make(upTo depth: Depth, places: (any PlaceLookup)? = nil) throws -> Pipeline {
        var stages: [any PipelineStage] = []
        if depth >= .events { stages += factStages(places: places) }
        return try Pipeline(stages)
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
