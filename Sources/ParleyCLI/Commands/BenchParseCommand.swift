import ArgumentParser
import Foundation
import Parley

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `parley bench parse [--file F]`: raw text to parsed CoNLL-U in memory, tokens per second and peak memory.
struct BenchParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Measure tokenize + tag + lemmatize + parse speed (tokens/s, one core) and the peak memory.")

    @Option(help: "A text file to use as the corpus (repeated up to --tokens); generated news text otherwise.")
    var file: String?

    @Option(help: "About how many tokens to process.")
    var tokens = 300_000

    @Option(help: "Tagger model file (default: the bundled one).")
    var tagger: String?

    func validate() throws {
        if tokens <= 0 || tokens > 100_000_000 { throw ValidationError("--tokens must be between 1 and 100,000,000") }
    }

    func run() throws {
        let sample = try BenchTokenizeCommand.sample(from: file)
        let pipeline: Pipeline
        if let tagger {
            let lexicon = try TokenizerLexicon.bundled()
            pipeline = try Pipeline([
                Tokenizer(lexicon: lexicon), SentenceSegmenter(lexicon: lexicon),
                Tagger(model: try TaggerModel(contentsOf: URL(fileURLWithPath: tagger))), try Lemmatizer(),
                try DependencyParser(),
            ])
        } else {
            pipeline = try StandardPipeline.make(upTo: .syntax)
        }
        // Documents of a few kilobytes, cut at line breaks; the corpus is repeated until it is big enough.
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        var texts: [String] = []
        var current = ""
        let estimatedTokens = max(1, sample.split(whereSeparator: \.isWhitespace).count)
        let repeats = max(1, tokens / estimatedTokens + 1)
        for _ in 0..<repeats {
            for line in lines {
                current += line
                current += "\n"
                if current.utf8.count >= 4000 {
                    texts.append(current)
                    current = ""
                }
            }
        }
        if !current.isEmpty { texts.append(current) }
        var done = 0
        var outputBytes = 0
        let clock = ContinuousClock()
        let cpuStart = clock_t(Foundation.clock())
        let elapsed = try clock.measure {
            for (index, text) in texts.enumerated() where done < tokens {
                let document = try pipeline(Document(id: "bench-\(index)", text: text))
                done += document.tokens.count
                outputBytes += CoNLLU.format([document]).utf8.count
            }
        }
        let cpuSeconds = Double(clock_t(Foundation.clock()) - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var usage = rusage()
        #if canImport(Glibc)
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let peakMegabytes = Double(usage.ru_maxrss) / 1024  // kilobytes on Linux
        #else
            getrusage(RUSAGE_SELF, &usage)
            let peakMegabytes = Double(usage.ru_maxrss) / 1_048_576  // bytes on macOS
        #endif
        print(
            String(
                format: "parse: %d tokens in %.2f s = %.0f tokens/s wall clock (one thread, %.1f MB of CoNLL-U)",
                done, seconds, Double(done) / seconds, Double(outputBytes) / 1_000_000))
        print(
            String(
                format: "parse: %.2f CPU s = %.0f tokens/s of CPU time (what the speed is on an idle core)",
                cpuSeconds, Double(done) / max(cpuSeconds, 1e-9)))
        print(String(format: "parse: peak memory (ru_maxrss) %.1f MB", peakMegabytes))
    }
}
