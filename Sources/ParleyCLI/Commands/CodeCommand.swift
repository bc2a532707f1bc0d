import ArgumentParser
import Foundation
import Parley

/// Options for choosing the lexicon.
struct LexiconOptions: ParsableArguments {
    @Option(
        help: """
            Lexicon folder to use instead of the default: its verbs.txt replaces the verb patterns, its *.lex \
            files the actor lexicon (see 'parley lexicon import-petrarch --verbs').
            """)
    var lexicon: String?

    /// The coding pipeline these options describe.
    /// - Parameter given: layers the input documents already carry (a CoNLL-U parse).
    func pipeline(requireDyad: Bool = false, given: Set<Annotation> = []) throws -> Pipeline {
        try Self.pipeline(lexicon: lexicon, requireDyad: requireDyad, given: given)
    }

    /// The lexicon's discard phrases, for the coder.
    static func discards(_ lexicon: Lexicon?) -> (sentence: [[String]], story: [[String]]) {
        var result: (sentence: [[String]], story: [[String]]) = ([], [])
        for discard in lexicon?.discards ?? [] {
            let words = discard.phrase.uppercased().split { $0 == " " || $0 == "_" }.map(String.init)
            if discard.isStory { result.story.append(words) } else { result.sentence.append(words) }
        }
        return result
    }

    /// The event coder for a lexicon folder (`nil`: the default lexicon).
    static func coder(lexicon: String?, requireDyad: Bool = false, allowMissingSource: Bool = false) throws
        -> EventCoder
    {
        var configuration = EventCoder.Configuration(requireDyad: requireDyad, allowMissingSource: allowMissingSource)
        guard let lexicon else { return try EventCoder.bundled(configuration: configuration) }
        let folder = URL(fileURLWithPath: lexicon)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError("lexicon folder '\(lexicon)' does not exist")
        }
        if let actors = try actorLexicon(lexicon) {
            (configuration.sentenceDiscards, configuration.storyDiscards) = discards(actors)
        }
        let url = folder.appendingPathComponent("verbs.txt")
        let verbs: VerbLexicon
        if FileManager.default.fileExists(atPath: url.path) {
            verbs = try VerbLexicon.load(contentsOf: url)
            // A folder's own verbs are read as PETRARCH reads its dictionaries: codes emitted as written,
            // transformations matched by the inner verb's code.
            configuration.intentFromModality = false
            configuration.transformsByCode = true
        } else {
            verbs = try VerbLexicon.bundled()
        }
        return EventCoder(
            lexicon: verbs, codebook: try EventCodebook.bundled(), configuration: configuration,
            participants: ParticipantFinder(nouns: try NounClasses.bundled()))
    }

    /// The folder's actor lexicon, when it has `*.lex` files.
    static func actorLexicon(_ lexicon: String?) throws -> Lexicon? {
        guard let lexicon else { return nil }
        let folder = URL(fileURLWithPath: lexicon)
        guard try !DefaultLexicon.files(in: folder).isEmpty else { return nil }
        return try DefaultLexicon.load(from: folder)
    }

    /// The stages before the coder, with the folder's actor lexicon when it has one, then the coder.
    static func pipeline(
        lexicon: String?, requireDyad: Bool = false, allowMissingSource: Bool = false, given: Set<Annotation> = []
    ) throws -> Pipeline {
        let coder = try coder(lexicon: lexicon, requireDyad: requireDyad, allowMissingSource: allowMissingSource)
        var stages = try StandardPipeline.make(upTo: .actors, given: given).stages.filter {
            !$0.assigns.contains(.events)
        }
        if let lexicon, try actorLexicon(lexicon) != nil {
            let dictionary = try DefaultLexicon.dictionary(from: URL(fileURLWithPath: lexicon))
            stages = stages.map { $0.assigns.contains(.actors) ? ActorRecognizer(dictionary: dictionary) : $0 }
        }
        // Then the stages that attach quotes, dates, places and counts to the events.
        let facts = StandardPipeline.factStages(places: try Gazetteer.bundled())
        return try Pipeline(stages + [coder] + facts, given: given)
    }
}

/// The coding pipeline for each kind of input document, built when a document with new given layers
/// arrives (a CoNLL-U input brings its own words, tags or parse, and the stages that fill them are left out).
struct CodingPipelines {
    let lexicon: LexiconOptions
    let requireDyad: Bool
    private var built: [Set<Annotation>: Pipeline] = [:]

    /// Builds the pipeline for plain articles at once, so a bad lexicon fails before any input is read.
    init(lexicon: LexiconOptions, requireDyad: Bool = false) throws {
        self.lexicon = lexicon
        self.requireDyad = requireDyad
        built[[]] = try lexicon.pipeline(requireDyad: requireDyad)
    }

    /// Codes one document with the pipeline for the layers it already carries.
    mutating func code(_ document: Document) throws -> Document {
        let given = document.annotations
        if built[given] == nil { built[given] = try lexicon.pipeline(requireDyad: requireDyad, given: given) }
        var result = document
        for stage in built[given]!.stages where !stage.assigns.isSubset(of: result.annotations) || stage.assigns.isEmpty {
            try stage.process(&result)
            result.annotations.formUnion(stage.assigns)
        }
        return result
    }
}

/// `parley code FILE...`: codes events.
struct CodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Code events (who did what to whom) in articles.",
        discussion:
            "Outputs: table (readable), jsonl (one line per document), csv (one CAMEO dyad per row, Phoenix column order), acled-csv."
    )

    enum Output: String, ExpressibleByArgument, CaseIterable {
        case table, jsonl, csv
        case acledCSV = "acled-csv"
    }

    @OptionGroup var input: InputOptions
    @OptionGroup var lexicon: LexiconOptions

    @Option(name: .shortAndLong, help: "Output format: table, jsonl, csv, acled-csv.")
    var output: Output = .table

    @Flag(help: "Code only events with both a source and a target.")
    var requireDyad = false

    func run() throws {
        var pipelines = try CodingPipelines(lexicon: lexicon, requireDyad: requireDyad)
        // A CSV header is written even when no document codes.
        var header = StandardOutputWriter()
        switch output {
        case .csv: header.write(EventOutput.phoenixCSV([]))
        case .acledCSV: header.write(EventOutput.acledCSV([]))
        case .table, .jsonl: break
        }
        header.flush()
        try processEach(input, running: { try pipelines.code($0) }) { document, number, _, out in
            switch output {
            case .table: out.write((number > 0 ? "\n" : "") + EventOutput.table(document))
            case .jsonl: out.write(EventOutput.jsonLine(document) + "\n")
            case .csv: out.write(EventOutput.phoenixCSV([document], header: false))
            case .acledCSV: out.write(EventOutput.acledCSV([document], header: false))
            }
        }
    }
}

/// `parley explain FILE`: shows why each event was coded.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show each coded event with its evidence highlighted in the text."
    )

    @OptionGroup var input: InputOptions
    @OptionGroup var lexicon: LexiconOptions

    @Option(help: "Colour: auto (when standard output is a terminal), always, never.")
    var color: String = "auto"

    func validate() throws {
        guard ["auto", "always", "never"].contains(color) else {
            throw ValidationError("--color is auto, always or never")
        }
    }

    func run() throws {
        var pipelines = try CodingPipelines(lexicon: lexicon)
        let ansi = color == "always" || (color == "auto" && isatty(STDOUT_FILENO) != 0)
        let explainer = EventExplainer(ansi: ansi)
        try processEach(input, running: { try pipelines.code($0) }) { document, number, _, out in
            out.write((number > 0 ? "\n" : "") + explainer.explain(document))
        }
    }
}

/// `parley bench code`: sentences per second from raw text to coded JSONL.
struct BenchCodeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "code",
        abstract: "Measure raw text → coded JSONL throughput, in sentences per second, on one core."
    )

    @Argument(help: "Text files to code (default: Parley's own sample text).")
    var files: [String] = []

    @Option(help: "How many times to code the input.")
    var repeats = 20

    @Flag(help: "Also print the seconds spent in each pipeline stage.")
    var stages = false

    func run() throws {
        #if DEBUG
            printError("warning: this is a debug build; measure with 'swift build -c release'")
        #endif
        var texts: [String] = []
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("cannot read '\(file)'")
            }
            texts.append(String(decoding: data, as: UTF8.self))
        }
        if texts.isEmpty { texts = [BenchSample.text] }
        let pipeline = try LexiconOptions.pipeline(lexicon: nil)
        var sentences = 0
        var events = 0
        var bytes = 0
        // Time spent in each stage (and in writing JSONL), to show where the time goes.
        var stageSeconds = [Double](repeating: 0, count: pipeline.stages.count + 1)
        let start = Date()
        let cpuStart = threadCPUSeconds()
        for round in 0..<max(1, repeats) {
            for (index, text) in texts.enumerated() {
                var document = Document(id: "bench-\(round)-\(index)", text: text)
                for (number, stage) in pipeline.stages.enumerated() {
                    let stageStart = DispatchTime.now().uptimeNanoseconds
                    try stage.process(&document)
                    document.annotations.formUnion(stage.assigns)
                    stageSeconds[number] += Double(DispatchTime.now().uptimeNanoseconds - stageStart) / 1e9
                }
                let writeStart = DispatchTime.now().uptimeNanoseconds
                bytes += EventOutput.jsonLine(document).utf8.count
                stageSeconds[pipeline.stages.count] += Double(DispatchTime.now().uptimeNanoseconds - writeStart) / 1e9
                sentences += document.sentences.count
                events += document.events.count
            }
        }
        let seconds = Date().timeIntervalSince(start)
        let cpuSeconds = threadCPUSeconds() - cpuStart
        if stages {
            for (number, stage) in pipeline.stages.enumerated() {
                print("stage \(stage.name)\t\(String(format: "%.3f", stageSeconds[number])) s")
            }
            print("stage jsonl\t\(String(format: "%.3f", stageSeconds[pipeline.stages.count])) s")
        }
        print("sentences\t\(sentences)")
        print("events\t\(events)")
        print("seconds\t\(String(format: "%.3f", seconds))")
        print("sentences/s\t\(String(format: "%.0f", Double(sentences) / max(seconds, 1e-9)))")
        // CPU time of this thread: steadier than wall time on a busy machine.
        print("cpu seconds\t\(String(format: "%.3f", cpuSeconds))")
        print("cpu sentences/s\t\(String(format: "%.0f", Double(sentences) / max(cpuSeconds, 1e-9)))")
        print("jsonl bytes\t\(bytes)")
    }
}

/// CPU seconds the calling thread has used.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Parley's own benchmark text (written for this project).
enum BenchSample {
    static let text = """
        Pakistan and Afghanistan agreed on Sunday to hold a new round of talks in Istanbul, officials said. \
        The Afghan delegation refused to provide written guarantees, according to two diplomats. \
        Qatar and Turkey urged both governments to respect the ceasefire. \
        Pakistani forces fired on militants near the border on Tuesday, killing six, the army said. \
        The defence minister warned that Pakistan would strike hideouts inside Afghanistan if attacks continued. \
        Police arrested twelve protesters in Peshawar after a rally against rising prices turned violent. \
        India condemned the bombing and called for an investigation. \
        The United Nations welcomed the agreement and offered humanitarian aid to displaced families. \
        Kabul denied the allegations and accused Islamabad of violating its airspace. \
        Gunmen abducted two aid workers in Kunar province on Monday, local officials said.
        """
}
