import Parley
import ParleyTesting
import Testing

@Suite struct StandardPipelineTests {
    @Test func tokenizesAndSegmentsAtEveryDepth() throws {
        for depth in [StandardPipeline.Depth.tokens, .syntax, .actors, .events] {
            let pipeline = try StandardPipeline.make(upTo: depth)
            let document = try pipeline(Document(id: "a", text: "Envoys met in Doha. They didn't agree."))
            #expect(document.sentences.count == 2)
            #expect(
                document.tokens.map(\.form) == ["Envoys", "met", "in", "Doha", ".", "They", "did", "n't", "agree", "."])
            #expect(document.annotations.isSuperset(of: [.tokens, .sentences]))
        }
    }

    @Test func leavesOutStagesWhoseLayersAreGiven() throws {
        let pipeline = try StandardPipeline.make(upTo: .syntax, given: [.tokens, .sentences])
        #expect(!pipeline.stages.contains { $0.assigns.contains(.tokens) || $0.assigns.contains(.sentences) })
        var document = Document.words(["New", "York.", "Hi"])
        let before = document.sentences
        try pipeline.process(&document)
        #expect(document.sentences == before)
        #expect(document.tokens.map(\.form) == ["New", "York.", "Hi"])
    }
}
