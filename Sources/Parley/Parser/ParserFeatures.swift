import Foundation

/// Feature extraction for the transition classifier and the arc labeller.
enum ParserFeatures {
    private static let none: UInt64 = 0x5bd1_e995
    private typealias H = FeatureHash

    @inline(__always)
    private static func word(_ s: ParserSentence, _ i: Int) -> UInt64 { i >= 0 ? s.words[i] : none }
    @inline(__always)
    private static func tag(_ s: ParserSentence, _ i: Int) -> UInt64 { i >= 0 ? s.tags[i] : none }
    @inline(__always)
    private static func label(_ state: ParserState, _ i: Int) -> UInt64 { i >= 0 ? UInt64(state.labels[i] + 2) : 0 }

    @inline(__always)
    private static func coarse(_ s: ParserSentence, _ i: Int) -> UInt64 { i >= 0 ? s.coarse[i] : none }
    @inline(__always)
    private static func suffix(_ s: ParserSentence, _ i: Int) -> UInt64 { i >= 0 ? s.suffixes[i] : none }

    /// Punctuation and verbs strictly between two words, bucketed.
    private static func between(_ s: ParserSentence, _ a: Int, _ b: Int) -> UInt64 {
        guard a >= 0, b >= 0, a != b else { return 99 }
        let low = min(a, b)
        let high = max(a, b)
        let punctuation = s.punctuationBefore[high - 1] - s.punctuationBefore[low]
        let verbs = s.verbsBefore[high - 1] - s.verbsBefore[low]
        return UInt64(min(punctuation, 2) * 4 + min(verbs, 2))
    }

    private static func distance(_ a: Int, _ b: Int) -> UInt64 {
        guard a >= 0, b >= 0 else { return 0 }
        let d = abs(b - a)
        return UInt64(d < 5 ? d : (d < 10 ? 5 : 6))
    }

    /// Features of a configuration for choosing the next move.
    static func transition(_ s: ParserSentence, _ state: ParserState, into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        let s0 = state.s0
        let s1 = state.s1
        let s2 = state.s2
        let b0 = state.buffer(0)
        let b1 = state.buffer(1)
        let b2 = state.buffer(2)
        let s0w = word(s, s0)
        let s0t = tag(s, s0)
        let s1w = word(s, s1)
        let s1t = tag(s, s1)
        let s2t = tag(s, s2)
        let s2w = word(s, s2)
        let b0w = word(s, b0)
        let b0t = tag(s, b0)
        let b1w = word(s, b1)
        let b1t = tag(s, b1)
        let b2w = word(s, b2)
        let b2t = tag(s, b2)
        let s0wt = H.mix(s0w, s0t)
        let s1wt = H.mix(s1w, s1t)
        let b0wt = H.mix(b0w, b0t)
        let b1wt = H.mix(b1w, b1t)
        func child(_ array: [Int], _ i: Int) -> Int { i > 0 ? array[i] : -1 }
        let s0l1 = child(state.leftmost, s0)
        let s0l2 = child(state.leftmost2, s0)
        let s0r1 = child(state.rightmost, s0)
        let s0r2 = child(state.rightmost2, s0)
        let s1l1 = child(state.leftmost, s1)
        let s1r1 = child(state.rightmost, s1)
        let s1r2 = child(state.rightmost2, s1)
        let b0l1 = child(state.leftmost, b0)
        let b0l2 = child(state.leftmost2, b0)
        let s0l1t = tag(s, s0l1)
        let s0r1t = tag(s, s0r1)
        let s1r1t = tag(s, s1r1)
        let s1l1t = tag(s, s1l1)
        let b0l1t = tag(s, b0l1)
        let d0 = distance(s0, b0)
        let d1 = distance(s1, s0)
        var t: UInt64 = 0
        @inline(__always) func add(_ a: UInt64) {
            t += 1
            f.append(H.key(t, a))
        }
        @inline(__always) func add(_ a: UInt64, _ b: UInt64) {
            t += 1
            f.append(H.key(t, a, b))
        }
        @inline(__always) func add(_ a: UInt64, _ b: UInt64, _ c: UInt64) {
            t += 1
            f.append(H.key(t, a, b, c))
        }
        add(UInt64(min(state.stack.count, 4)), b0 < 0 ? 1 : 0)
        // Unigrams.
        add(s0w)
        add(s0t)
        add(s0wt)
        add(s1w)
        add(s1t)
        add(s1wt)
        add(b0w)
        add(b0t)
        add(b0wt)
        add(b1w)
        add(b1t)
        add(b1wt)
        add(b2w)
        add(b2t)
        add(s2t)
        add(s2w)
        // Pairs.
        add(s0wt, b0wt)
        add(s0wt, b0w)
        add(s0w, b0wt)
        add(s0wt, b0t)
        add(s0t, b0wt)
        add(s0w, b0w)
        add(s0t, b0t)
        add(s1wt, s0wt)
        add(s1wt, s0w)
        add(s1w, s0wt)
        add(s1wt, s0t)
        add(s1t, s0wt)
        add(s1w, s0w)
        add(s1t, s0t)
        add(b0t, b1t)
        add(s1t, b0t)
        add(s0t, b1t)
        add(b0w, b1w)
        add(s0w, b1w)
        add(s1w, b0w)
        // Trigrams of tags.
        add(b0t, b1t, b2t)
        add(s0t, b0t, b1t)
        add(s1t, s0t, b0t)
        add(s2t, s1t, s0t)
        add(s1t, s0t, b1t)
        add(s0t, s0l1t, b0t)
        add(s0t, s0r1t, b0t)
        add(s0t, b0t, b0l1t)
        add(s1t, s0t, s0l1t)
        add(s1t, s0t, s0r1t)
        add(s1t, s1r1t, s0t)
        add(s1t, s1l1t, s0t)
        add(s0w, s0t, b1t)
        add(s1wt, s0t, b0t)
        add(s0wt, b0t, b1t)
        // Distances.
        add(d0, s0w)
        add(d0, s0t)
        add(d0, b0w)
        add(d0, b0t)
        add(d0, s0t, b0t)
        add(d1, s1w)
        add(d1, s1t)
        add(d1, s0w)
        add(d1, s0t)
        add(d1, s1t, s0t)
        // Valencies.
        func count(_ array: [Int], _ i: Int) -> UInt64 { i >= 0 ? UInt64(array[i]) : 99 }
        let s0left = count(state.leftCount, s0)
        let s0right = count(state.rightCount, s0)
        add(s0left, s0w)
        add(s0left, s0t)
        add(s0right, s0w)
        add(s0right, s0t)
        let s1left = count(state.leftCount, s1)
        let s1right = count(state.rightCount, s1)
        add(s1left, s1t)
        add(s1right, s1w)
        add(s1right, s1t)
        let b0left = count(state.leftCount, b0)
        add(b0left, b0w)
        add(b0left, b0t)
        // Children and their labels.
        add(word(s, s0l1))
        add(s0l1t)
        add(label(state, s0l1))
        add(word(s, s0r1))
        add(s0r1t)
        add(label(state, s0r1))
        add(word(s, s1r1))
        add(s1r1t)
        add(label(state, s1r1))
        add(s1l1t)
        add(label(state, s1l1))
        add(word(s, b0l1))
        add(b0l1t)
        add(label(state, b0l1))
        add(tag(s, s0l2))
        add(label(state, s0l2))
        add(tag(s, s0r2))
        add(label(state, s0r2))
        add(tag(s, s1r2))
        add(label(state, s1r2))
        add(tag(s, b0l2))
        add(label(state, b0l2))
        add(s0t, s0l1t, tag(s, s0l2))
        add(s0t, s0r1t, tag(s, s0r2))
        add(s1t, s1r1t, tag(s, s1r2))
        add(b0t, b0l1t, tag(s, b0l2))
        add(s0t, label(state, s0l1), label(state, s0l2))
        add(s1t, label(state, s1r1), label(state, s1r2))
        // Label sets.
        func labels(_ array: [UInt64], _ i: Int) -> UInt64 { i >= 0 ? array[i] : 1 << 63 }
        let s0ll = labels(state.leftLabels, s0)
        let s0rl = labels(state.rightLabels, s0)
        add(s0w, s0ll)
        add(s0t, s0ll)
        add(s0w, s0rl)
        add(s0t, s0rl)
        let s1ll = labels(state.leftLabels, s1)
        let s1rl = labels(state.rightLabels, s1)
        add(s1t, s1rl)
        add(s1t, s1ll)
        add(s1w, s1ll)
        let b0ll = labels(state.leftLabels, b0)
        add(b0t, b0ll)
        add(b0w, b0ll)
        // Between s0 and b0: punctuation or verbs in between matter little for arc-hybrid; the
        // words around s0 in the sentence help with coordination and apposition.
        let s0next = s0 > 0 && s0 + 1 <= s.count ? s0 + 1 : -1
        let s0previous = s0 > 1 ? s0 - 1 : -1
        add(s0t, tag(s, s0next), b0t)
        add(tag(s, s0previous), s0t, b0t)
        // Coarse tags, suffixes, and what lies between the candidates.
        let s0c = coarse(s, s0)
        let s1c = coarse(s, s1)
        let b0c = coarse(s, b0)
        let b1c = coarse(s, b1)
        add(s0c, b0c)
        add(s1c, s0c)
        add(s1c, s0c, b0c)
        add(s0c, b0c, b1c)
        add(suffix(s, s0), s0c)
        add(suffix(s, b0), b0c)
        add(suffix(s, s1), s1c)
        let between0 = between(s, s0, b0)
        let between1 = between(s, s1, s0)
        add(between0, s0t, b0t)
        add(between1, s1t, s0t)
        add(between0, between1, s0c)
    }

    /// Features for labelling the arc `head → dependent` (the dependent's subtree is complete).
    static func label(_ s: ParserSentence, _ state: ParserState, head: Int, dependent: Int, into f: inout [UInt64]) {
        f.removeAll(keepingCapacity: true)
        let direction: UInt64 = dependent < head ? 1 : 2
        let dw = word(s, dependent)
        let dt = tag(s, dependent)
        let dc = s.coarse[dependent]
        let hw = word(s, head)
        let ht = tag(s, head)
        let dist = distance(head, dependent)
        let dl = state.leftLabels[dependent]
        let dr = state.rightLabels[dependent]
        let hl = state.leftLabels[head]
        let hr = state.rightLabels[head]
        var t: UInt64 = 1000
        @inline(__always) func add(_ a: UInt64) {
            t += 1
            f.append(H.key(t, a))
        }
        @inline(__always) func add(_ a: UInt64, _ b: UInt64) {
            t += 1
            f.append(H.key(t, a, b))
        }
        @inline(__always) func add(_ a: UInt64, _ b: UInt64, _ c: UInt64) {
            t += 1
            f.append(H.key(t, a, b, c))
        }
        add(direction)
        add(direction, dw)
        add(direction, dt)
        add(direction, dc)
        add(direction, s.suffixes[dependent])
        add(direction, hw)
        add(direction, ht)
        add(direction, dt, ht)
        add(direction, dw, ht)
        add(direction, dt, hw)
        add(direction, dw, hw)
        add(dist, dt, ht)
        add(direction, dist, dt)
        add(dt, dl)
        add(dt, dr)
        add(direction, dl, dr)
        add(dw, dl)
        add(direction, ht, hl)
        add(direction, ht, hr)
        add(direction, dt, hl | hr)
        add(ht, hl, hr)
        // The dependent's children: case markers, subordinators, auxiliaries decide many labels.
        var child = state.firstChild[dependent]
        var n = 0
        while child >= 0 && n < 8 {
            let cl = UInt64(state.labels[child] + 2)
            f.append(H.key(t + 1, cl, word(s, child), direction))
            f.append(H.key(t + 2, cl, word(s, child), ht))
            f.append(H.key(t + 3, cl, tag(s, child), dt))
            child = state.nextSibling[child]
            n += 1
        }
        t += 3
        // The head's children so far.
        child = state.firstChild[head]
        n = 0
        while child >= 0 && n < 8 {
            let cl = UInt64(state.labels[child] + 2)
            f.append(H.key(t + 1, cl, word(s, child), dt))
            f.append(H.key(t + 2, cl, direction, dt))
            child = state.nextSibling[child]
            n += 1
        }
        t += 2
        // Neighbours of the dependent.
        let previous = dependent > 1 ? dependent - 1 : -1
        let next = dependent < s.count ? dependent + 1 : -1
        add(tag(s, previous), dt, direction)
        add(dt, tag(s, next), direction)
        add(word(s, previous), dt)
        add(word(s, next), dt)
        let hPrevious = head > 1 ? head - 1 : -1
        add(word(s, hPrevious), ht, direction)
    }
}
