import Foundation
import Parley
import Testing

@Suite struct VerbLexiconTests {
    /// A PETRARCH-2 dictionary snippet written for these tests, in the file format's syntax.
    let petrarch = """
        # comment line
        &TRUCE
        +TRUCE
        +CEASE_FIRE
        +CEASEFIRE

        ---  PACIFY   [---]  ---
        CALM  # a comment
        SOOTHE {SOOTHES SOOTHED SOOTHING}
        +CALM_DOWN {+CALMED_DOWN +CALMS_DOWN} [0356]
        - * (TO &TRUCE)                           [0356]   # CALM
        - + * {BORDER AREA} $                      [035:036] # CALM
        - * (BEFORE COURT)                          [:173]
        - &TRUCE * TALKS                           [046]

        ---  MARCH   [141]  ---
        MARCH
        - * (ON CAPITAL)   [1411]
        - * (BEHIND ^)     [---]

        ~ a (a b MARCH) PACIFY = a b 015
        """

    @Test func importsPetrarchBlocksPatternsSetsAndTransformations() throws {
        let lexicon = PetrarchVerbImporter.importVerbs(petrarch, file: "snippet.txt")
        #expect(lexicon.warnings.isEmpty)
        #expect(lexicon.sets["TRUCE"]?.count == 3)
        #expect(lexicon.blocks.map(\.name) == ["PACIFY", "MARCH"])
        let pacify = lexicon.blocks[0]
        #expect(pacify.code.isEmpty)
        #expect(pacify.words.map { $0.lemma } == [["CALM"], ["SOOTHE"], ["CALM", "DOWN"]])
        #expect(pacify.words[1].forms == [["SOOTHES"], ["SOOTHED"], ["SOOTHING"]])
        #expect(pacify.words[2].code?.forward == "0356")
        #expect(pacify.patterns.map(\.id) == ["PACIFY.1", "PACIFY.2", "PACIFY.3", "PACIFY.4"])
        #expect(pacify.patterns[0].post == [.prepositional("TO", [.set("TRUCE")])])
        #expect(pacify.patterns[1].pre == [.target])
        #expect(
            pacify.patterns[1].post == [
                .phrase([.word("BORDER", exact: false), .word("AREA", exact: false)]), .source,
            ])
        #expect(pacify.patterns[1].code == VerbLexicon.CodePair(forward: "035", reverse: "036"))
        #expect(pacify.patterns[2].code.forward == nil)
        #expect(pacify.patterns[2].code.reverse == "173")
        #expect(lexicon.blocks[1].patterns[1].code.isEmpty)
        let transformation = try #require(lexicon.transformations.first)
        #expect(transformation.innerBlock == "MARCH")
        #expect(transformation.outerBlock == "PACIFY")
        #expect(transformation.resultCode == "015")
    }

    @Test func readsCRLFFiles() {
        let lexicon = PetrarchVerbImporter.importVerbs(
            petrarch.replacingOccurrences(of: "\n", with: "\r\n"), file: "crlf.txt")
        #expect(lexicon.blocks.count == 2)
        #expect(lexicon.warnings.isEmpty)
    }

    @Test func warnsAboutBadPatternLinesWithTheirLine() {
        let lexicon = PetrarchVerbImporter.importVerbs(
            "--- CALM [010] ---\nCALM\n- * DOWN [01x!]\n- * UP\n- * (OUT [010]\n", file: "bad.txt")
        #expect(lexicon.blocks.first?.patterns.isEmpty == true)
        #expect(lexicon.warnings.map(\.line) == [3, 4, 5])
        #expect(lexicon.warnings.allSatisfy { $0.file == "bad.txt" })
    }

    /// Thousands of nested '{' in one pattern used to overflow the stack (a segmentation fault).
    @Test func warnsAboutGroupsNestedTooDeep() throws {
        let nested = String(repeating: "{", count: 10_000) + " WAR " + String(repeating: "}", count: 10_000)
        let lexicon = PetrarchVerbImporter.importVerbs(
            "--- CALM [010] ---\nCALM\n- * \(nested) [010]\n- * {TALKS} [010]\n", file: "deep.txt")
        #expect(lexicon.blocks.first?.patterns.count == 1)
        #expect(lexicon.warnings.map(\.message) == ["groups nested more than 16 deep; skipped"])
        #expect(lexicon.warnings.map(\.line) == [3])
        #expect(throws: PipelineError.self) {
            try VerbLexicon.parse("verb calm => 010\n  pattern p1: * \(nested) => 010\n", file: "verbs.txt")
        }
    }

    @Test func writesAndReadsBackTheSameLexicon() throws {
        let imported = PetrarchVerbImporter.importVerbs(petrarch, file: "snippet.txt")
        let text = imported.formatted()
        let parsed = try VerbLexicon.parse(text, file: "verbs.txt")
        #expect(parsed.sets == imported.sets)
        #expect(parsed.blocks.map(\.name) == imported.blocks.map(\.name))
        #expect(parsed.blocks.map(\.words) == imported.blocks.map(\.words))
        #expect(parsed.blocks.map { $0.patterns.map(\.post) } == imported.blocks.map { $0.patterns.map(\.post) })
        #expect(parsed.blocks.map { $0.patterns.map(\.code) } == imported.blocks.map { $0.patterns.map(\.code) })
        #expect(parsed.transformations.count == 1)
        #expect(parsed.formatted() == text)
    }

    @Test(arguments: [
        ("verb calm => 01x!", 1, "bad code"),
        ("  word calm", 1, "outside a verb or noun block"),
        ("verb calm => 010\n  pattern p1: calm => 010", 2, "'*'"),
        ("verb calm => 010\n  pattern p1: * down => 010\n  pattern p1: * up => 011", 3, "already used on line 2"),
        ("verb calm => 010\n  pattern p1: * (down => 010", 2, "missing ')'"),
        ("frobnicate x", 1, "unknown keyword"),
        ("verb calm => 010\n  word c\u{1}alm", 2, "control character"),
    ])
    func rejectsMalformedParleyLexicons(text: String, line: Int, message: String) {
        do {
            _ = try VerbLexicon.parse(text, file: "verbs.txt")
            Issue.record("no error for \(text)")
        } catch let error as PipelineError {
            #expect(error.code == .invalidLexicon)
            #expect(error.file == "verbs.txt")
            #expect(error.line == line)
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func warnsAboutUnknownSets() throws {
        let lexicon = try VerbLexicon.parse("verb calm => 010\n  word calm\n  pattern p1: * &nothing => 011\n")
        #expect(lexicon.warnings.count == 1)
    }

    @Test func loadsTheBundledLexicon() throws {
        let lexicon = try VerbLexicon.bundled()
        #expect(lexicon.blocks.count > 400)
        #expect(lexicon.blocks.contains { $0.kind == .noun && $0.name == "AIRSTRIKE" })
        let ids = lexicon.blocks.flatMap { $0.patterns.map(\.id) }
        #expect(Set(ids).count == ids.count, "pattern ids are unique")
    }

    @Test func importedPatternsCodePairedAndReverseEvents() throws {
        let lexicon = PetrarchVerbImporter.importVerbs(petrarch, file: "snippet.txt")
        let coder = EventCoder(lexicon: lexicon, codebook: try EventCodebook.bundled())
        var document = try parsedDocument(
            "Arnor/Arnor/PROPN/2/nsubj calmed/calm/VERB/0/root Gondor/Gondor/PROPN/2/obj before/before/ADP/5/case "
                + "court/court/NOUN/2/obl",
            actors: [("Arnor", "ARN"), ("Gondor", "GON")])
        try coder.process(&document)
        #expect(
            triples(document) == [CodedTriple(source: ["GON"], target: ["ARN"], code: "173")], "only the reverse event")
        let host = EventCoder(
            lexicon: try VerbLexicon.parse("verb host => 043:042\n  word host\n"), codebook: try EventCodebook.bundled()
        )
        var visit = try parsedDocument(
            "Arnor/Arnor/PROPN/2/nsubj hosted/host/VERB/0/root Gondor/Gondor/PROPN/2/obj",
            actors: [("Arnor", "ARN"), ("Gondor", "GON")])
        try host.process(&visit)
        #expect(
            Set(triples(visit)) == [
                CodedTriple(source: ["ARN"], target: ["GON"], code: "043"),
                CodedTriple(source: ["GON"], target: ["ARN"], code: "042"),
            ])
        var marching = try parsedDocument(
            "Protesters/protester/NOUN/2/nsubj marched/march/VERB/0/root on/on/ADP/4/case capital/capital/NOUN/2/obl",
            actors: [("Protesters", "ARNOPP")])
        try coder.process(&marching)
        #expect(marching.events.map(\.cameo) == ["1411"])
        #expect(marching.events.first?.evidence.pattern == "MARCH.1")
    }

    @Test func emitsNonCAMEOCodesAsWritten() throws {
        let lexicon = try VerbLexicon.parse("verb wrangle => 174K\n  word wrangle\n")
        let coder = EventCoder(lexicon: lexicon, codebook: try EventCodebook.bundled())
        var document = try parsedDocument(
            "Arnor/Arnor/PROPN/2/nsubj wrangled/wrangle/VERB/0/root Gondor/Gondor/PROPN/2/obj",
            actors: [("Arnor", "ARN"), ("Gondor", "GON")])
        try coder.process(&document)
        let event = try #require(document.events.first)
        #expect(event.cameo == "174K")
        #expect(event.plover == nil && event.goldstein == nil && event.quadClass == nil && event.acled == nil)
    }
}

@Suite struct EventCodebookTests {
    @Test func derivesScoresAndCrosswalks() throws {
        let codebook = try EventCodebook.bundled()
        let ceasefire = try #require(codebook.lookup("0871"))
        #expect(ceasefire.plover == PloverCoding(event: "RETREAT", mode: "ceasefire", context: ["military"]))
        #expect(ceasefire.quadClass == 2)
        #expect(
            codebook.lookup("195")?.acled
                == AcledCoding(eventType: "Explosions/Remote violence", subEventType: "Air/drone strike"))
        #expect(codebook.lookup("196")?.plover?.context.contains("ceasefire_violation") == true)
        #expect(codebook.lookup("026")?.plover?.event == "REQUEST")
        #expect(codebook.lookup("19")?.plover?.event == "ASSAULT")
        #expect(codebook.lookup("010")?.plover == nil)
        #expect(codebook.lookup("174K") == nil)
        #expect(codebook.lookup("1010") == nil)
        #expect(codebook.root(of: "0871") == "08")
    }

    @Test func rejectsAMalformedTable() {
        #expect(throws: PipelineError.self) { try EventCodebook.parse("010\t0.0\n", file: "codes.tsv") }
    }
}
