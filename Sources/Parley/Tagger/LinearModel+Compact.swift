import Foundation

/// How a ``LinearModel``'s weights are stored in a model file.
enum WeightEncoding: Sendable {
    /// Keys as 32-bit integers, one count byte per feature and one class byte and one 16-bit weight
    /// (a multiple of one scale) per entry.
    case fixed16
    /// The same 16-bit weights, with keys as variable-length gaps between ascending keys and, for
    /// models of at most 8 classes, one byte per feature whose bits are its classes (else a count
    /// byte per feature and a class byte per entry): about two thirds of ``fixed16``'s size.
    case compact16
}

extension LinearModel {
    /// Models of at most this many classes store each feature's classes as the bits of one byte.
    static let classMaskLimit = 8

    /// Serialises the model with the ``WeightEncoding/compact16`` encoding.
    func writeCompact(to writer: inout ByteWriter) {
        let scale = writeHeader(to: &writer)
        var previous: UInt32 = 0
        for (i, key) in keys.enumerated() {
            writer.varint(UInt64(i == 0 ? key : key - previous))
            previous = key
        }
        // Each feature's entries, by class.
        var order: [Int] = []
        order.reserveCapacity(classes.count)
        for feature in keys.indices {
            order.append(
                contentsOf: (Int(offsets[feature])..<Int(offsets[feature + 1])).sorted { classes[$0] < classes[$1] })
        }
        if classCount <= Self.classMaskLimit {
            for feature in keys.indices {
                var mask: UInt8 = 0
                for e in Int(offsets[feature])..<Int(offsets[feature + 1]) { mask |= 1 << classes[e] }
                writer.u8(mask)
            }
        } else {
            for feature in keys.indices { writer.u8(UInt8(offsets[feature + 1] - offsets[feature])) }
            for e in order { writer.u8(classes[e]) }
        }
        for e in order { writer.u16(UInt16(bitPattern: Int16((weights[e] / scale).rounded()))) }
    }

    /// Reads a model written by ``writeCompact(to:)``.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bytes are inconsistent.
    static func readCompact(from reader: inout ByteReader) throws -> LinearModel {
        func corrupted(_ what: String) -> PipelineError { PipelineError(.invalidModel, "model weight table \(what)") }
        let classCount = Int(try reader.u32())
        let featureCount = Int(try reader.u32())
        let entryCount = Int(try reader.u32())
        let scale = try reader.f32()
        guard classCount > 0, classCount <= 255, scale.isFinite, scale > 0 else {
            throw corrupted("header is corrupted")
        }
        guard entryCount < entryLimit(classCount: classCount), featureCount <= entryCount,
            featureCount + 2 * entryCount <= reader.remaining
        else {
            throw corrupted("header is corrupted")
        }
        var keys = [UInt32](repeating: 0, count: featureCount)
        var key: UInt64 = 0
        for i in 0..<featureCount {
            let gap = try reader.varint()
            guard i == 0 || gap > 0 else { throw corrupted("has unsorted features") }
            key += gap
            guard key <= UInt64(UInt32.max) else { throw corrupted("has a feature key out of range") }
            keys[i] = UInt32(key)
        }
        var offsets = [UInt32](repeating: 0, count: featureCount + 1)
        var classes: [UInt8] = []
        classes.reserveCapacity(entryCount)
        if classCount <= classMaskLimit {
            let masks = try reader.bytes(featureCount)
            for (i, mask) in masks.enumerated() {
                guard mask != 0, Int(mask) >> classCount == 0 else { throw corrupted("names an unknown class") }
                for c in 0..<classCount where mask & (1 << c) != 0 { classes.append(UInt8(c)) }
                offsets[i + 1] = UInt32(classes.count)
                guard classes.count <= entryCount else { throw corrupted("is inconsistent") }
            }
            guard classes.count == entryCount else { throw corrupted("is inconsistent") }
        } else {
            let counts = try reader.bytes(featureCount)
            for (i, count) in counts.enumerated() {
                guard count > 0, Int(count) <= classCount else { throw corrupted("is inconsistent") }
                offsets[i + 1] = offsets[i] + UInt32(count)
            }
            guard Int(offsets[featureCount]) == entryCount else { throw corrupted("is inconsistent") }
            classes = Array(try reader.bytes(entryCount))
            guard classes.allSatisfy({ Int($0) < classCount }) else { throw corrupted("names an unknown class") }
        }
        let weights = try reader.array(entryCount, of: UInt16.self).map { Float(Int16(bitPattern: $0)) * scale }
        return LinearModel(classCount: classCount, keys: keys, offsets: offsets, classes: classes, weights: weights)
    }
}
