import Parley
import ParleyTesting
import Testing

private struct Uppercaser: PipelineStage {
    let name = "upper"
    let requires: Set<Annotation> = [.tokens]
    let assigns: Set<Annotation> = [.lemmas]
    func process(_ document: inout Document) throws {
        for index in document.tokens.indices { document.tokens[index].lemma = document.tokens[index].form.uppercased() }
    }
}

private struct Failing: PipelineStage {
    let name = "failing"
    let requires: Set<Annotation> = []
    let assigns: Set<Annotation> = []
    func process(_ document: inout Document) throws { throw PipelineError(.invalidInput, "nope") }
}

@Suite struct PipelineTests {
    @Test func rejectsAStageWhoseRequirementsAreUnmet() {
        #expect(throws: PipelineError.self) { try Pipeline([Uppercaser()]) }
    }

    @Test func runsStagesAndRecordsTheirLayers() throws {
        let pipeline = try Pipeline([])
        var document = Document.words(["Police", "arrested", "protesters"])
        try pipeline.process(&document)
        let withStage = try Pipeline([ExistingTokens(), Uppercaser()])
        let result = try withStage(document)
        #expect(result.tokens.map(\.lemma) == ["POLICE", "ARRESTED", "PROTESTERS"])
        #expect(result.annotations.contains(.lemmas))
        #expect(result.text == document.text)
    }

    @Test func namesTheStageThatFailed() throws {
        let pipeline = try Pipeline([Failing()])
        var document = Document.words(["x"])
        do {
            try pipeline.process(&document)
            Issue.record("expected an error")
        } catch let error as PipelineError {
            #expect(error.stage == "failing")
            #expect(error.code == .invalidInput)
        }
    }
}

private struct ExistingTokens: PipelineStage {
    let name = "given-tokens"
    let requires: Set<Annotation> = []
    let assigns: Set<Annotation> = [.tokens, .sentences]
    func process(_ document: inout Document) throws {}
}
