import ArgumentParser
import Parley

@main
struct ParleyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parley",
        abstract: "Turn news into structured conflict-and-diplomacy event data.",
        version: ParleyVersion.current,
        subcommands: [
            CodeCommand.self,
            ExplainCommand.self,
            ReadCommand.self,
            SentencesCommand.self,
            TokenizeCommand.self,
            ParseCommand.self,
            ActorsCommand.self,
            EvalCommand.self,
            LexiconCommand.self,
            BenchCommand.self,
            TrainCommand.self,
            IngestCommand.self,
            StatusCommand.self,
            EventsCommand.self,
            IncidentsCommand.self,
            StoriesCommand.self,
            SimilarCommand.self,
            ExportCommand.self,
            TimelineCommand.self,
            CommitmentsCommand.self,
            ServeCommand.self,
        ]
    )
}
