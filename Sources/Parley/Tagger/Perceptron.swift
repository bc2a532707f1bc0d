import Foundation

/// Hashing helpers for feature keys: deterministic across runs (unlike `Hasher`).
enum FeatureHash {
    /// FNV-1a 64 of a string's UTF-8 bytes.
    @inline(__always)
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    /// Mixes a value into a hash (splitmix64 finaliser).
    @inline(__always)
    static func mix(_ a: UInt64, _ b: UInt64) -> UInt64 {
        var z = a &+ (b &* 0x9e37_79b9_7f4a_7c15) &+ 0x632b_e59b_d9b4_e5f5
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64) -> UInt64 { mix(mix(template, a), 1) }
    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64) -> UInt64 { mix(mix(mix(template, a), b), 2) }
    @inline(__always)
    static func key(_ template: UInt64, _ a: UInt64, _ b: UInt64, _ c: UInt64) -> UInt64 {
        mix(mix(mix(mix(template, a), b), c), 3)
    }
}

/// A deterministic random number generator (splitmix64) for shuffling and exploration.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}

/// A multi-class averaged perceptron over hashed sparse features, for training.
///
/// Weights are kept per (feature, class) pair in linked lists, so only pairs that were ever updated
/// take memory. ``compact(threshold:)`` turns it into the small read-only ``LinearModel``.
final class PerceptronTrainer {
    let classCount: Int
    private var index: [UInt64: Int32] = [:]
    private var first: [Int32] = []
    private var entryClass: [UInt16] = []
    private var entryWeight: [Float] = []
    private var entryTotal: [Double] = []
    private var entryStamp: [Int32] = []
    private var entryNext: [Int32] = []
    private var time: Int32 = 0

    init(classCount: Int) {
        self.classCount = classCount
    }

    /// Adds the current weights of the features to `scores`.
    func score(_ features: [UInt64], into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        for key in features {
            guard let feature = index[key] else { continue }
            var entry = first[Int(feature)]
            while entry >= 0 {
                scores[Int(entryClass[Int(entry)])] += entryWeight[Int(entry)]
                entry = entryNext[Int(entry)]
            }
        }
    }

    /// Counts one training instance (advances the averaging clock).
    func tick() { time += 1 }

    /// Moves weight from the guessed class to the true class.
    func update(truth: Int, guess: Int, features: [UInt64]) {
        guard truth != guess else { return }
        for key in features {
            let feature: Int32
            if let existing = index[key] {
                feature = existing
            } else {
                feature = Int32(first.count)
                index[key] = feature
                first.append(-1)
            }
            add(feature: feature, cls: truth, delta: 1)
            add(feature: feature, cls: guess, delta: -1)
        }
    }

    private func add(feature: Int32, cls: Int, delta: Float) {
        var entry = first[Int(feature)]
        while entry >= 0 {
            if Int(entryClass[Int(entry)]) == cls { break }
            entry = entryNext[Int(entry)]
        }
        if entry < 0 {
            entry = Int32(entryClass.count)
            entryClass.append(UInt16(cls))
            entryWeight.append(0)
            entryTotal.append(0)
            entryStamp.append(time)
            entryNext.append(first[Int(feature)])
            first[Int(feature)] = entry
        }
        let e = Int(entry)
        entryTotal[e] += Double(time - entryStamp[e]) * Double(entryWeight[e])
        entryStamp[e] = time
        entryWeight[e] += delta
    }

    /// The averaged weights, pruned of entries whose magnitude is below `threshold`, quantised.
    func compact(threshold: Float = 0.0) -> LinearModel {
        var keys: [UInt32] = []
        var offsets: [UInt32] = [0]
        var classes: [UInt8] = []
        var weights: [Float] = []
        let now = Double(max(time, 1))
        var folded: [UInt32: Int32] = [:]
        for (key, feature) in index {
            let short = LinearModel.fold(key)
            if let other = folded[short] { folded[short] = min(other, feature) } else { folded[short] = feature }
        }
        for (key, feature) in folded.sorted(by: { $0.key < $1.key }) {
            var entry = first[Int(feature)]
            var any = false
            while entry >= 0 {
                let e = Int(entry)
                let total = entryTotal[e] + Double(time - entryStamp[e]) * Double(entryWeight[e])
                let average = Float(total / now)
                if abs(average) > threshold {
                    classes.append(UInt8(entryClass[e]))
                    weights.append(average)
                    any = true
                }
                entry = entryNext[e]
            }
            if any {
                keys.append(key)
                offsets.append(UInt32(classes.count))
            }
        }
        return LinearModel(classCount: classCount, keys: keys, offsets: offsets, classes: classes, weights: weights)
    }

    var featureCount: Int { first.count }
    var entryCount: Int { entryClass.count }
}

/// A read-only linear classifier over hashed sparse features, as shipped in model files.
///
/// Features are found through an open-addressing table built when the model is loaded; weights are
/// quantised in the file (see ``WeightEncoding``) and expanded to `Float` in memory.
struct LinearModel: Sendable {
    let classCount: Int
    /// Open-addressing table: `key << 32 | first entry << countBits | entry count`; 0 marks an empty slot.
    private let slots: HugePageBuffer<UInt64>
    private let mask: Int
    /// Bits of a slot that hold its entry count (enough for ``classCount``); the rest of the low 32
    /// bits hold its first entry.
    private let countBits: UInt64
    /// Entries as `class << 24 | weight` (weight: 24-bit two's complement in units of `unit`).
    private let entries: HugePageBuffer<UInt32>
    private let unit: Float
    /// For models of at most three classes (the parser's transitions): an open-addressing table whose slots
    /// hold the feature's weights themselves, so a lookup reads one cache line instead of two; `nil` for
    /// other models, which use `slots` and `entries`.
    private let dense: HugePageBuffer<DenseSlot>?
    /// Feature keys (ascending), their entries' ranges, and the entries' classes and weights.
    let keys: [UInt32]
    let offsets: [UInt32]
    let classes: [UInt8]
    let weights: [Float]

    /// Features are stored by a 32-bit fold of their 64-bit hash.
    @inline(__always)
    static func fold(_ key: UInt64) -> UInt32 { UInt32(truncatingIfNeeded: key ^ (key >> 32)) }

    @inline(__always)
    static func slot(_ key: UInt32, _ mask: Int) -> Int { Int(truncatingIfNeeded: key &* 0x9E37_79B1) & mask }

    /// - Parameter allowDense: whether a model of at most three classes may use the dense table
    ///   (`false` builds the general table, for comparing the two).
    init(
        classCount: Int, keys: [UInt32], offsets: [UInt32], classes: [UInt8], weights: [Float], allowDense: Bool = true
    ) {
        self.classCount = classCount
        self.keys = keys
        self.offsets = offsets
        self.classes = classes
        self.weights = weights
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        mask = capacity - 1
        let countBits = UInt64(Self.countBits(classCount: classCount))
        self.countBits = countBits
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let unit = largest > 0 ? largest / Float((1 << 23) - 1) : 1
        self.unit = unit
        let quantised = zip(classes, weights).map { cls, weight in
            UInt32(cls) << 24 | (UInt32(bitPattern: Int32((weight / unit).rounded())) & 0xFF_FFFF)
        }
        if allowDense, let dense = Self.denseTable(
            classCount: classCount, keys: keys, offsets: offsets, entries: quantised, unit: unit, capacity: capacity)
        {
            self.dense = dense
            entries = HugePageBuffer(repeating: 0, count: 1)
            slots = HugePageBuffer(repeating: 0, count: 1)
            return
        }
        dense = nil
        entries = HugePageBuffer(quantised)
        let table = HugePageBuffer<UInt64>(repeating: 0, count: capacity)
        let slots = table.buffer
        for (feature, key) in keys.enumerated() {
            let count = UInt64(offsets[feature + 1] - offsets[feature])
            precondition(
                count > 0 && count < (1 << countBits) && UInt64(offsets[feature]) < (1 << (32 - countBits)),
                "linear model too large for its feature table")
            var slot = Self.slot(key, capacity - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = UInt64(key) << 32 | UInt64(offsets[feature]) << countBits | count
        }
        self.slots = table
    }

    /// One slot of the dense table: a feature's key and its weight for each class (0 where it has none).
    struct DenseSlot: BitwiseCopyable {
        var key: UInt32
        var weights: (Float, Float, Float)

        /// A NaN no weight can be marks an empty slot.
        static let emptyMark: UInt32 = 0x7FC0_0E0E
        static let empty = DenseSlot(key: 0, weights: (Float(bitPattern: emptyMark), 0, 0))
        var isEmpty: Bool { weights.0.bitPattern == Self.emptyMark }
    }

    /// The dense table of a model of at most three classes, or `nil` when a feature lists a class twice
    /// (its weights could not be summed in the order ``score(_:into:)`` adds them).
    ///
    /// Features go into the same slots, in the same order, as in the general table, and each weight is the
    /// `Float` the general path computes from its entry, so both paths give the same scores bit for bit:
    /// a class a feature lacks adds +0, which leaves every sum unchanged.
    private static func denseTable(
        classCount: Int, keys: [UInt32], offsets: [UInt32], entries: [UInt32], unit: Float, capacity: Int
    ) -> HugePageBuffer<DenseSlot>? {
        guard classCount <= 3, !entries.isEmpty else { return nil }
        let table = HugePageBuffer<DenseSlot>(repeating: .empty, count: capacity)
        let slots = table.buffer
        for (feature, key) in keys.enumerated() {
            let count = Int(offsets[feature + 1] - offsets[feature])
            guard count > 0, offsets[feature] < (1 << 24), count < 256 else { continue }
            var values: (Float, Float, Float) = (0, 0, 0)
            var seen = 0
            for e in Int(offsets[feature])..<Int(offsets[feature + 1]) {
                let entry = entries[e]
                let cls = Int(entry >> 24)
                guard cls < classCount, seen & (1 << cls) == 0 else { return nil }
                seen |= 1 << cls
                let weight = Float(Int32(bitPattern: entry << 8) >> 8) * unit
                switch cls {
                case 0: values.0 = weight
                case 1: values.1 = weight
                default: values.2 = weight
                }
            }
            var slot = Self.slot(key, capacity - 1)
            while !slots[slot].isEmpty { slot = (slot + 1) & (capacity - 1) }
            slots[slot] = DenseSlot(key: key, weights: values)
        }
        return table
    }

    /// Adds the weights of the features to `scores` (which must have ``classCount`` elements).
    @inline(__always)
    func score(_ features: [UInt64], into scores: inout [Float]) {
        if let dense {
            scoreDense(features, table: UnsafeBufferPointer(dense.buffer), into: &scores)
            return
        }
        for i in scores.indices { scores[i] = 0 }
        // The buffers live as long as `self`.
        let entries = UnsafeBufferPointer(entries.buffer)
        let slots = UnsafeBufferPointer(slots.buffer)
        guard !entries.isEmpty else { return }
        let mask = mask
        let unit = unit
        let countBits = countBits
        let countMask = (UInt64(1) << countBits) - 1
        let count = features.count
        scores.withUnsafeMutableBufferPointer { scores in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: count * 2) { found in
                // Three passes, each free of data-dependent loops, so the cache misses of one feature
                // overlap those of the others: the first probe of every feature, then its slot and the
                // first of its entries, then the weights (added in the same order as one pass would).
                for (i, wide) in features.enumerated() {
                    found[i] = slots[LinearModel.slot(LinearModel.fold(wide), mask)]
                }
                for (i, wide) in features.enumerated() {
                    let key = LinearModel.fold(wide)
                    var value = found[i]
                    var slot = LinearModel.slot(key, mask)
                    while value != 0 && UInt32(truncatingIfNeeded: value >> 32) != key {
                        slot = (slot + 1) & mask
                        value = slots[slot]
                    }
                    found[i] = value
                    // An empty slot reads entry 0, which is then never used.
                    found[count + i] = UInt64(entries[Int((value & 0xFFFF_FFFF) >> countBits)])
                }
                for i in 0..<count {
                    let value = found[i]
                    guard value != 0 else { continue }
                    let start = Int((value & 0xFFFF_FFFF) >> countBits)
                    let end = start + Int(value & countMask)
                    var entry = UInt32(truncatingIfNeeded: found[count + i])
                    var e = start
                    while true {
                        let weight = Int32(bitPattern: entry << 8) >> 8
                        scores[Int(entry >> 24)] += Float(weight) * unit
                        e += 1
                        guard e < end else { break }
                        entry = entries[e]
                    }
                }
            }
        }
    }

    /// ``score(_:into:)`` over the dense table.
    @inline(__always)
    private func scoreDense(_ features: [UInt64], table: UnsafeBufferPointer<DenseSlot>, into scores: inout [Float]) {
        for i in scores.indices { scores[i] = 0 }
        let mask = mask
        let count = features.count
        let classCount = classCount
        scores.withUnsafeMutableBufferPointer { scores in
            withUnsafeTemporaryAllocation(of: DenseSlot.self, capacity: count) { first in
                // Two passes, so the cache misses of all features overlap: the first probe of every feature,
                // then the rest of its probe and its weights (added in feature order, as one pass would).
                for (i, wide) in features.enumerated() {
                    first[i] = table[LinearModel.slot(LinearModel.fold(wide), mask)]
                }
                for (i, wide) in features.enumerated() {
                    let key = LinearModel.fold(wide)
                    var value = first[i]
                    var slot = LinearModel.slot(key, mask)
                    while !value.isEmpty && value.key != key {
                        slot = (slot + 1) & mask
                        value = table[slot]
                    }
                    guard !value.isEmpty else { continue }
                    if classCount == 3 {
                        scores[0] += value.weights.0
                        scores[1] += value.weights.1
                        scores[2] += value.weights.2
                    } else {
                        scores[0] += value.weights.0
                        if classCount > 1 { scores[1] += value.weights.1 }
                    }
                }
            }
        }
    }

    var featureCount: Int { keys.count }
    var entryCount: Int { classes.count }
    /// Whether scores come from the dense table.
    var usesDenseTable: Bool { dense != nil }

    /// The bits a feature-table slot needs for an entry count of up to `classCount`.
    static func countBits(classCount: Int) -> Int { max(1, Int.bitWidth - classCount.leadingZeroBitCount) }

    /// The most entries a model of `classCount` classes can address.
    static func entryLimit(classCount: Int) -> Int { 1 << (32 - countBits(classCount: classCount)) }

    /// A copy without the entries whose weight magnitude is at most `threshold`.
    func pruned(threshold: Float) -> LinearModel {
        var newKeys: [UInt32] = []
        var newOffsets: [UInt32] = [0]
        var newClasses: [UInt8] = []
        var newWeights: [Float] = []
        for (feature, key) in keys.enumerated() {
            let before = newClasses.count
            for e in Int(offsets[feature])..<Int(offsets[feature + 1]) where abs(weights[e]) > threshold {
                newClasses.append(classes[e])
                newWeights.append(weights[e])
            }
            if newClasses.count > before {
                newKeys.append(key)
                newOffsets.append(UInt32(newClasses.count))
            }
        }
        return LinearModel(
            classCount: classCount, keys: newKeys, offsets: newOffsets, classes: newClasses, weights: newWeights)
    }

    /// The average of models over the same features and classes: its scores are the mean of theirs,
    /// so one model of this size decides as the ensemble of all of them would.
    /// - Parameter models: models with the same ``classCount`` (at least one).
    static func averaged(_ models: [LinearModel]) -> LinearModel {
        precondition(!models.isEmpty && models.allSatisfy { $0.classCount == models[0].classCount })
        let classCount = models[0].classCount
        let share = 1 / Float(models.count)
        // Keys are sorted in every model, so one pass merges them.
        var cursors = [Int](repeating: 0, count: models.count)
        var keys: [UInt32] = []
        var offsets: [UInt32] = [0]
        var classes: [UInt8] = []
        var weights: [Float] = []
        var sums = [Float](repeating: 0, count: classCount)
        var touched = [Bool](repeating: false, count: classCount)
        while true {
            var next: UInt32?
            for (m, model) in models.enumerated() where cursors[m] < model.keys.count {
                let key = model.keys[cursors[m]]
                if next == nil || key < next! { next = key }
            }
            guard let key = next else { break }
            for (m, model) in models.enumerated() where cursors[m] < model.keys.count && model.keys[cursors[m]] == key {
                let feature = cursors[m]
                for e in Int(model.offsets[feature])..<Int(model.offsets[feature + 1]) {
                    sums[Int(model.classes[e])] += model.weights[e] * share
                    touched[Int(model.classes[e])] = true
                }
                cursors[m] += 1
            }
            let before = classes.count
            for c in 0..<classCount where touched[c] {
                if sums[c] != 0 {
                    classes.append(UInt8(c))
                    weights.append(sums[c])
                }
                sums[c] = 0
                touched[c] = false
            }
            if classes.count > before {
                keys.append(key)
                offsets.append(UInt32(classes.count))
            }
        }
        return LinearModel(classCount: classCount, keys: keys, offsets: offsets, classes: classes, weights: weights)
    }

    /// Writes the class, feature and entry counts and the scale of 16-bit weights, which it returns.
    func writeHeader(to writer: inout ByteWriter) -> Float {
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest > 0 ? largest / 32767 : 1
        writer.u32(UInt32(classCount))
        writer.u32(UInt32(keys.count))
        writer.u32(UInt32(classes.count))
        writer.f32(scale)
        return scale
    }

    /// Serialises the model with 16-bit weights (``WeightEncoding/fixed16``).
    func write(to writer: inout ByteWriter) {
        let scale = writeHeader(to: &writer)
        for key in keys { writer.u32(key) }
        for i in 0..<keys.count { writer.u8(UInt8(offsets[i + 1] - offsets[i])) }
        writer.bytes(classes)
        for weight in weights { writer.u16(UInt16(bitPattern: Int16((weight / scale).rounded()))) }
    }

    /// Reads a model written by ``write(to:)``.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the bytes are inconsistent.
    static func read(from reader: inout ByteReader) throws -> LinearModel {
        let classCount = Int(try reader.u32())
        let featureCount = Int(try reader.u32())
        let entryCount = Int(try reader.u32())
        let scale = try reader.f32()
        guard classCount > 0, classCount <= 255, scale.isFinite, scale > 0 else {
            throw PipelineError(.invalidModel, "model weight table header is corrupted")
        }
        let keys = try reader.array(featureCount, of: UInt32.self)
        let counts = try reader.array(featureCount, of: UInt8.self)
        guard counts.allSatisfy({ $0 > 0 && Int($0) <= classCount }), entryCount < entryLimit(classCount: classCount)
        else {
            throw PipelineError(.invalidModel, "model weight table is inconsistent")
        }
        var offsets = [UInt32](repeating: 0, count: featureCount + 1)
        for i in 0..<featureCount { offsets[i + 1] = offsets[i] + UInt32(counts[i]) }
        guard Int(offsets[featureCount]) == entryCount else {
            throw PipelineError(.invalidModel, "model weight table is inconsistent")
        }
        let classes = Array(try reader.bytes(entryCount))
        guard classes.allSatisfy({ Int($0) < classCount }) else {
            throw PipelineError(.invalidModel, "model weight table names an unknown class")
        }
        let raw = try reader.array(entryCount, of: UInt16.self)
        let weights = raw.map { Float(Int16(bitPattern: $0)) * scale }
        return LinearModel(classCount: classCount, keys: keys, offsets: offsets, classes: classes, weights: weights)
    }
}

/// A text progress bar on standard error for training commands.
public struct ProgressBar {
    let label: String
    let total: Int
    private var lastDrawn = -1

    /// Creates a bar.
    public init(label: String, total: Int) {
        self.label = label
        self.total = max(total, 1)
    }

    /// Redraws the bar when the shown percentage changes.
    public mutating func update(_ done: Int) {
        let percent = min(100, done * 100 / total)
        guard percent != lastDrawn else { return }
        lastDrawn = percent
        let width = 30
        let filled = percent * width / 100
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r\(label) [\(bar)] \(percent)%".utf8))
        if percent == 100 { FileHandle.standardError.write(Data("\n".utf8)) }
    }
}
