import Foundation

/// One step of processing: reads some annotation layers of a document and adds others.
///
/// Stages are synchronous, immutable and `Sendable`: build them once per process and share them.
public protocol PipelineStage: Sendable {
    /// A short name for messages and explanations.
    var name: String { get }
    /// Layers that must be present before this stage runs.
    var requires: Set<Annotation> { get }
    /// Layers this stage fills.
    var assigns: Set<Annotation> { get }
    /// Adds this stage's layers to the document.
    /// - Throws: ``PipelineError`` when the document cannot be processed.
    func process(_ document: inout Document) throws
}

/// An ordered list of stages, checked when built.
public struct Pipeline: Sendable {
    public let stages: [any PipelineStage]

    /// Creates a pipeline.
    /// - Parameters:
    ///   - stages: stages in the order they run.
    ///   - given: layers the documents already carry when they enter (gold tokens read from CoNLL-U).
    /// - Throws: ``PipelineError/Code/unmetRequirement`` when a stage requires a layer that no earlier
    ///   stage assigns and that is not given.
    public init(_ stages: [any PipelineStage], given: Set<Annotation> = []) throws {
        var available = given
        for stage in stages {
            let missing = stage.requires.subtracting(available)
            if !missing.isEmpty {
                let names = missing.map(\.rawValue).sorted().joined(separator: ", ")
                throw PipelineError(
                    .unmetRequirement, "stage '\(stage.name)' requires \(names), which no earlier stage assigns",
                    stage: stage.name)
            }
            available.formUnion(stage.assigns)
        }
        self.stages = stages
    }

    /// Runs every stage on a document.
    /// - Throws: ``PipelineError`` from the first stage that fails, with the stage named.
    public func process(_ document: inout Document) throws {
        for stage in stages {
            do {
                try stage.process(&document)
            } catch var error as PipelineError {
                if error.stage == nil { error.stage = stage.name }
                throw error
            } catch {
                throw PipelineError(
                    .stageFailed, "\(error)", file: document.metadata.origin, stage: stage.name, underlying: error)
            }
            document.annotations.formUnion(stage.assigns)
        }
    }

    /// Runs every stage on a document and returns the result.
    public func callAsFunction(_ document: Document) throws -> Document {
        var copy = document
        try process(&copy)
        return copy
    }
}
