import ArgumentParser
import Foundation
import Parley

/// `parley bench lexicon`: load time of the bundled lexicon and gazetteer, lookup and recognition speed.
struct BenchLexiconCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lexicon",
        abstract: "Measure lexicon + gazetteer load time and actor lookup speed (build with -c release)."
    )

    @Argument(help: "Text files to look up (default: the bundled example article repeated).")
    var files: [String] = []

    @Option(help: "How many times to load the lexicon.")
    var loads = 5

    @Option(help: "Tokens to look up at least.")
    var tokens = 2_000_000

    func run() async throws {
        var loadTimes: [Double] = []
        var dictionary: ActorDictionary?
        var gazetteer: Gazetteer?
        for _ in 0..<max(1, loads) {
            let start = DispatchTime.now().uptimeNanoseconds
            dictionary = try DefaultLexicon.dictionary()
            gazetteer = try Gazetteer.bundled()
            loadTimes.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        guard let dictionary, let gazetteer else { return }
        let sorted = loadTimes.sorted()
        print(
            String(
                format: "load lexicon + gazetteer: first %.0f ms, median %.0f ms (%d actors, %d agents, %d places)",
                loadTimes[0], sorted[sorted.count / 2], dictionary.lexicon.actors.count,
                dictionary.lexicon.agents.count, gazetteer.count))

        var text = ""
        for file in files {
            guard let content = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("cannot read \(file)")
            }
            text += content + "\n\n"
        }
        if text.isEmpty {
            text =
                "Pakistan's delegation met Afghan Taliban officials in Istanbul on Thursday after Turkish mediation. "
                + "Defence Minister Khawaja Muhammad Asif said the talks would continue, and Kabul denied the claims. "
                + "Police arrested 12 protesters in Peshawar, the capital of Khyber Pakhtunkhwa, officials said.\n"
        }
        var document = Document(
            id: "bench", text: text, metadata: ArticleMetadata(published: Day(year: 2025, month: 10, day: 30)))
        try Tokenizer().process(&document)
        try SentenceSegmenter().process(&document)
        let forms = document.tokens.map(\.form)
        guard !forms.isEmpty else { throw ValidationError("no tokens to look up") }

        // Dictionary lookups: fold each token, then longest match at each position.
        let repeats = max(1, tokens / forms.count)
        var found = 0
        var start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<repeats {
            let words = forms.map { TextFolding.fold($0) }
            var index = 0
            while index < words.count {
                if let match = dictionary.longestMatch(in: words, at: index) {
                    found += 1
                    index += match.length
                } else {
                    index += 1
                }
            }
        }
        var seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let looked = repeats * forms.count
        print(
            String(
                format: "lookups: %d tokens in %.3f s = %.2f M tokens/s (%d matches)", looked, seconds,
                Double(looked) / seconds / 1e6, found))

        // The whole recognizer (composition, coreference, home country from places).
        var configuration = ActorRecognizer.Configuration()
        configuration.gazetteer = gazetteer
        let recognizer = ActorRecognizer(dictionary: dictionary, configuration: configuration)
        let rounds = max(1, repeats / 10)
        start = DispatchTime.now().uptimeNanoseconds
        var mentions = 0
        for _ in 0..<rounds {
            var copy = document
            try recognizer.process(&copy)
            mentions += copy.actors.count
        }
        seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print(
            String(
                format: "recognizer: %d tokens in %.3f s = %.2f M tokens/s (%d mentions)", rounds * forms.count,
                seconds, Double(rounds * forms.count) / seconds / 1e6, mentions))
    }
}
