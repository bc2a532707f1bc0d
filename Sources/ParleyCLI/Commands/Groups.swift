import ArgumentParser

/// `parley eval …`: scores Parley against gold sets.
struct EvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score Parley against gold-standard data sets.",
        subcommands: [
            EvalUDCommand.self,
            EvalPetrarchCommand.self,
            EvalSyntaxCommand.self,
            EvalArticleCommand.self,
            EvalActorsCommand.self,
            EvalPloverCommand.self,
            EvalAcledCommand.self,
            EvalSatpCommand.self,
            EvalUCDPCommand.self,
            EvalAcledFactsCommand.self,
            EvalDuplicatesCommand.self,
        ]
    )
}

/// `parley lexicon …`: imports and checks dictionaries.
struct LexiconCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Import, validate and inspect actor, agent, verb and place dictionaries.",
        subcommands: [
            LexiconCheckCommand.self,
            ImportPetrarchCommand.self,
            ImportVerbsCommand.self,
            BuildGazetteerCommand.self,
            BuildNounsCommand.self,
        ]
    )
}

/// `parley bench …`: measures speed and memory.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Parley's speed and memory on generated or given text (release builds only).",
        subcommands: [
            BenchTokenizeCommand.self,
            BenchParseCommand.self,
            BenchLexiconCommand.self,
            BenchCodeCommand.self,
            BenchIngestCommand.self,
        ]
    )
}

/// `parley train …`: trains Parley's statistical models.
struct TrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train the tagger and parser models from Universal Dependencies treebanks.",
        subcommands: [
            TrainSegmenterCommand.self, TrainTaggerCommand.self, TrainParserCommand.self, TrainLemmatizerCommand.self,
            TrainPruneCommand.self, TrainAverageCommand.self,
        ]
    )
}
