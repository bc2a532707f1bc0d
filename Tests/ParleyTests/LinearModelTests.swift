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
            let count = 1 + generator.next(classCount)
            for cls in order.prefix(count) {
                classes.append(UInt8(cls))
                weights.append(Float(Int(generator.next(2001)) - 1000) / 97)
            }
            if repeatClass && feature == featureCount / 2 {
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
