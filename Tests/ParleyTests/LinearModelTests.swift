import Testing

@testable import Parley

/// The dense table of three-class models scores exactly as the general table does.
@Suite struct LinearModelTests {
    /// A small deterministic generator, so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        mutating func next(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
    }

    /// A random model: `featureCount` keys (some sharing a folded key's slot chain), each with up to
    /// `classCount` entries of distinct classes, or with a repeated class when `repeatClass` is set.
    static func model(
        classCount: Int, featureCount: Int, seed: UInt64, repeatClass: Bool = false, allowDense: Bool
    ) -> (model: LinearModel, keys: [UInt32]) {
        var generator = Generator(state: seed)
        var keys: [UInt32] = []
        var offsets: [UInt32] = [0]
        var classes: [UInt8] = []
        var weights: [Float] = []
        for feature in 0..<featureCount {
            keys.append(UInt32(truncatingIfNeeded: generator.next()))
            var order = Array(0..<classCount)
            for index in order.indices.reversed() { order.swapAt(index, generator.next(index + 1)) }
            let repeats = repeatClass && feature == featureCount / 2
            // A feature lists at most `classCount` entries (model files are checked for that), so the
            // feature that repeats a class lists one class besides.
            let count = repeats ? 1 : 1 + generator.next(classCount)
            for cls in order.prefix(count) {
                classes.append(UInt8(cls))
                weights.append(Float(Int(generator.next(2001)) - 1000) / 97)
            }
            if repeats {
                classes.append(classes[classes.count - 1])
                weights.append(0.5)
            }
            offsets.append(UInt32(classes.count))
        }
        let model = LinearModel(
            classCount: classCount, keys: keys, offsets: offsets, classes: classes, weights: weights,
            allowDense: allowDense)
        return (model, keys)
    }

    /// Features drawn from the model's keys (as 64-bit hashes that fold to them) and from keys it lacks.
    static func features(of keys: [UInt32], count: Int, seed: UInt64) -> [UInt64] {
        var generator = Generator(state: seed)
        return (0..<count).map { _ in
            if generator.next(3) == 0 { return generator.next() }
            let key = UInt64(keys[generator.next(keys.count)])
            let high = generator.next() & 0xFFFF
            // fold(x) = low ^ high: a hash with high bits set still folds to the key.
            return high << 32 | (key ^ high)
        }
    }

    @Test(arguments: [3, 2, 1])
    func denseScoresEqualGeneralScoresBitForBit(classCount: Int) {
        for seed in UInt64(1)...5 {
            let (dense, keys) = Self.model(classCount: classCount, featureCount: 500, seed: seed, allowDense: true)
            let general = Self.model(classCount: classCount, featureCount: 500, seed: seed, allowDense: false).model
            #expect(dense.usesDenseTable)
            #expect(!general.usesDenseTable)
            var denseScores = [Float](repeating: 7, count: classCount)
            var generalScores = [Float](repeating: 7, count: classCount)
            for round in UInt64(0)..<50 {
                let features = Self.features(of: keys, count: 1 + Int(round), seed: seed * 1000 + round)
                dense.score(features, into: &denseScores)
                general.score(features, into: &generalScores)
                #expect(denseScores.map(\.bitPattern) == generalScores.map(\.bitPattern))
            }
        }
    }

    /// Scores as the model's weights define them, feature by feature in entry order: each weight quantised
    /// to 24 bits of the largest magnitude over 2^23 - 1, as the model stores it.
    static func referenceScores(
        _ features: [UInt64], classCount: Int, keys: [UInt32], offsets: [UInt32], classes: [UInt8], weights: [Float]
    ) -> [Float] {
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let unit = largest > 0 ? largest / Float((1 << 23) - 1) : 1
        var scores = [Float](repeating: 0, count: classCount)
        for wide in features {
            let key = UInt32(truncatingIfNeeded: wide ^ (wide >> 32))
            guard let feature = keys.firstIndex(of: key) else { continue }
            for e in Int(offsets[feature])..<Int(offsets[feature + 1]) {
                let stored = UInt32(bitPattern: Int32((weights[e] / unit).rounded())) & 0xFF_FFFF
                scores[Int(classes[e])] += Float(Int32(bitPattern: stored << 8) >> 8) * unit
            }
        }
        return scores
    }

    @Test(arguments: [54, 117, 4])
    func generalScoresEqualTheReferenceBitForBit(classCount: Int) {
        var generator = Generator(state: UInt64(classCount))
        var keys: [UInt32] = []
        var offsets: [UInt32] = [0]
        var classes: [UInt8] = []
        var weights: [Float] = []
        for _ in 0..<2000 {
            keys.append(UInt32(truncatingIfNeeded: generator.next()))
            // One to six entries of distinct classes, in no particular class order.
            var order = Array(0..<classCount)
            for index in order.indices.reversed() { order.swapAt(index, generator.next(index + 1)) }
            for cls in order.prefix(1 + generator.next(min(6, classCount))) {
                classes.append(UInt8(cls))
                weights.append(Float(Int(generator.next(20001)) - 10000) / 997)
            }
            offsets.append(UInt32(classes.count))
        }
        let model = LinearModel(classCount: classCount, keys: keys, offsets: offsets, classes: classes, weights: weights)
        #expect(!model.usesDenseTable)
        var scores = [Float](repeating: 3, count: classCount)
        for round in UInt64(0)..<40 {
            let features = Self.features(of: keys, count: 1 + Int(round) * 3, seed: round + 77)
            model.score(features, into: &scores)
            let expected = Self.referenceScores(
                features, classCount: classCount, keys: keys, offsets: offsets, classes: classes, weights: weights)
            #expect(scores.map(\.bitPattern) == expected.map(\.bitPattern))
        }
    }

    @Test func aClassListedTwiceKeepsTheGeneralTable() {
        let model = Self.model(classCount: 3, featureCount: 50, seed: 9, repeatClass: true, allowDense: true).model
        #expect(!model.usesDenseTable)
    }

    @Test func modelsOfMoreClassesKeepTheGeneralTable() {
        #expect(!Self.model(classCount: 4, featureCount: 50, seed: 3, allowDense: true).model.usesDenseTable)
    }

    @Test func unknownFeaturesScoreZero() {
        let model = Self.model(classCount: 3, featureCount: 20, seed: 4, allowDense: true).model
        var scores = [Float](repeating: 1, count: 3)
        model.score([], into: &scores)
        #expect(scores == [0, 0, 0])
    }
}
