import ArgumentParser
import Foundation
import Parley

/// `parley bench tokenize [--file F] [--megabytes N]`: segmentation and tokenization speed on one core.
struct BenchTokenizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenize",
        abstract: "Measure tokenization and sentence segmentation speed (MB/s) on one core.")

    @Option(help: "A text file to use as the corpus (repeated up to --megabytes); generated news text otherwise.")
    var file: String?

    @Option(help: "Megabytes of text to process.")
    var megabytes: Double = 20

    @Option(help: "Size of each document in kilobytes.")
    var documentKilobytes = 4

    func validate() throws {
        if megabytes <= 0 || megabytes > 2000 { throw ValidationError("--megabytes must be between 0 and 2000") }
        if documentKilobytes <= 0 { throw ValidationError("--document-kilobytes must be positive") }
    }

    func run() throws {
        let sample = try BenchTokenizeCommand.sample(from: file)
        // Cut the corpus into documents of about documentKilobytes each, at line breaks.
        let target = Int(megabytes * 1_000_000)
        let documentSize = documentKilobytes * 1000
        var documents: [String] = []
        var total = 0
        var current = ""
        let lines = sample.split(separator: "\n", omittingEmptySubsequences: false)
        while total < target {
            for line in lines {
                current += line
                current += "\n"
                if current.utf8.count >= documentSize {
                    total += current.utf8.count
                    documents.append(current)
                    current = ""
                    if total >= target { break }
                }
            }
        }
        let pipeline = try StandardPipeline.make(upTo: .tokens)
        var tokens = 0
        var sentences = 0
        let wallClock = ContinuousClock()
        let cpuStart = clock_t(clock())
        let elapsed = try wallClock.measure {
            for (index, text) in documents.enumerated() {
                let document = try pipeline(Document(id: "bench-\(index)", text: text))
                tokens += document.tokens.count
                sentences += document.sentences.count
            }
        }
        let cpuSeconds = Double(clock_t(clock()) - cpuStart) / Double(CLOCKS_PER_SEC)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let megabytesDone = Double(total) / 1_000_000
        print(
            String(
                format: "tokenize: %.1f MB in %.2f s = %.2f MB/s (%d documents, %d words, %d sentences, one thread)",
                megabytesDone, seconds, megabytesDone / seconds, documents.count, tokens, sentences))
        print(
            String(
                format: "tokenize: %.2f CPU s = %.2f MB/s of CPU time (what the speed is on an idle core)",
                cpuSeconds, megabytesDone / max(cpuSeconds, 1e-9)))
    }

    /// News-like text with the cases the tokenizer handles (abbreviations, quotes, numbers, URLs).
    /// The text a bench command measures: the given file, else Parley's own sample text.
    static func sample(from file: String?) throws -> String {
        guard let file else { return generatedText }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PipelineError(.io, "cannot read", file: file)
        }
        let text = String(decoding: data, as: UTF8.self)
        guard !text.isEmpty else { throw PipelineError(.invalidInput, "input is empty", file: file) }
        return text
    }

    static let generatedText = """
        Ceasefire talks resume in Doha as envoys press for a hostage deal

        DOHA, Oct. 14 (Parley) - Negotiators from both sides met again on Tuesday at 10:30 a.m., officials said, \
        after Gen. Mark A. Brandt and Lt. Col. Sara O'Neill of the U.S. Army briefed U.N. envoys on the plan.
        "We're not there yet," a senior official told reporters. "But we've made progress on 3.5 of the 7 points."
        The proposal, published at https://example.org/plan?id=42, would free 1,200 detainees in exchange for \
        hostages held since Sept. 7. Dr. Amira Haddad, who chairs the committee, said it wasn't final...
        • Aid convoys: 45 trucks a day
        • Prisoner exchange: phased over 6 weeks
        Protesters gathered outside the embassy; police didn't intervene. Questions? E-mail press@example.org or \
        follow @ParleyNews and #DohaTalks for updates :)
        The talks, which began in mid-2024, have stalled twice - once over the Rafah crossing (No. 4 on the agenda) \
        and once after a drone strike killed 12 people, according to the Health Ministry's count.

        """
}
