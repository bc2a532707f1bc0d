import Foundation

/// The moves of the arc-hybrid transition system.
enum Move: Int, CaseIterable {
    /// Push the first buffer word onto the stack.
    case shift = 0
    /// Attach the stack top to the first buffer word and pop it.
    case left = 1
    /// Attach the stack top to the word below it and pop it.
    case right = 2
}

/// A configuration of the arc-hybrid parser over one sentence.
///
/// Words are numbered 1...n; 0 is the artificial root, which starts on the stack and may take
/// exactly one dependent, when the buffer is empty.
struct ParserState {
    let count: Int
    var stack: [Int]
    /// Index of the first buffer word; the buffer is `bufferStart...count`.
    var bufferStart: Int
    var heads: [Int]
    var labels: [Int]
    var leftmost: [Int]
    var leftmost2: [Int]
    var rightmost: [Int]
    var rightmost2: [Int]
    var leftCount: [Int]
    var rightCount: [Int]
    var leftLabels: [UInt64]
    var rightLabels: [UInt64]
    /// Children as linked lists: `firstChild[h]`, then `nextSibling[child]`.
    var firstChild: [Int]
    var nextSibling: [Int]

    init(count: Int) {
        self.count = count
        stack = [0]
        stack.reserveCapacity(count + 1)
        bufferStart = 1
        let none = [Int](repeating: -1, count: count + 1)
        heads = none
        labels = none
        leftmost = none
        leftmost2 = none
        rightmost = none
        rightmost2 = none
        leftCount = [Int](repeating: 0, count: count + 1)
        rightCount = leftCount
        leftLabels = [UInt64](repeating: 0, count: count + 1)
        rightLabels = leftLabels
        firstChild = none
        nextSibling = none
    }

    var isTerminal: Bool { bufferStart > count && stack.count == 1 }
    var s0: Int { stack.count >= 1 ? stack[stack.count - 1] : -1 }
    var s1: Int { stack.count >= 2 ? stack[stack.count - 2] : -1 }
    var s2: Int { stack.count >= 3 ? stack[stack.count - 3] : -1 }
    func buffer(_ offset: Int) -> Int { bufferStart + offset <= count ? bufferStart + offset : -1 }

    func isValid(_ move: Move) -> Bool {
        switch move {
        case .shift: return bufferStart <= count
        case .left: return bufferStart <= count && stack.count >= 2
        case .right: return stack.count >= 3 || (stack.count == 2 && bufferStart > count)
        }
    }

    /// The (head, dependent) pair a move would create, if it creates one.
    func arc(_ move: Move) -> (head: Int, dependent: Int)? {
        switch move {
        case .shift: return nil
        case .left: return (bufferStart, s0)
        case .right: return (s1, s0)
        }
    }

    mutating func apply(_ move: Move, label: Int) {
        switch move {
        case .shift:
            stack.append(bufferStart)
            bufferStart += 1
        case .left:
            let dependent = stack.removeLast()
            attach(dependent, to: bufferStart, label: label)
        case .right:
            let dependent = stack.removeLast()
            attach(dependent, to: stack[stack.count - 1], label: label)
        }
    }

    private mutating func attach(_ dependent: Int, to head: Int, label: Int) {
        heads[dependent] = head
        labels[dependent] = label
        nextSibling[dependent] = firstChild[head]
        firstChild[head] = dependent
        let bit = UInt64(1) << UInt64(label & 63)
        if dependent < head {
            leftmost2[head] = leftmost[head]
            leftmost[head] = dependent
            leftCount[head] += 1
            leftLabels[head] |= bit
        } else {
            rightmost2[head] = rightmost[head]
            rightmost[head] = dependent
            rightCount[head] += 1
            rightLabels[head] |= bit
        }
    }

    /// The number of gold arcs a move makes unreachable (arc-hybrid dynamic oracle).
    /// - Parameter gold: gold heads of a projective tree (index 0 unused).
    func cost(_ move: Move, gold: [Int]) -> Int {
        var cost = 0
        switch move {
        case .shift:
            let b0 = bufferStart
            for i in 0..<stack.count {
                let item = stack[i]
                if i < stack.count - 1 && gold[b0] == item { cost += 1 }
                if item != 0 && gold[item] == b0 { cost += 1 }
            }
        case .left, .right:
            let top = s0
            let b0 = bufferStart
            if move == .left {
                if gold[top] == s1 { cost += 1 }
                if gold[top] > b0 { cost += 1 }
            } else {
                if gold[top] >= b0 { cost += 1 }
            }
            if b0 <= count {
                for d in b0...count where gold[d] == top { cost += 1 }
            }
        }
        return cost
    }
}

/// Makes a tree projective by lifting non-projective arcs to the head's head, shortest first.
/// - Parameter heads: heads of words 1...n at indices 1...n (0 = root); index 0 unused.
func projectivize(_ heads: [Int]) -> [Int] {
    var heads = heads
    let n = heads.count - 1
    guard n > 1 else { return heads }
    func dominates(_ head: Int, _ node: Int) -> Bool {
        var current = node
        var steps = 0
        while current != 0 && steps <= n {
            current = heads[current]
            if current == head { return true }
            if current < 0 { return false }
            steps += 1
        }
        return head == 0
    }
    for _ in 0..<(n * 2) {
        var shortest: (length: Int, dependent: Int)?
        for d in 1...n {
            let h = heads[d]
            guard h > 0 else { continue }
            let (low, high) = h < d ? (h, d) : (d, h)
            guard high - low > 1 else { continue }
            var projective = true
            for k in (low + 1)..<high where !dominates(h, k) {
                projective = false
                break
            }
            if !projective, shortest == nil || high - low < shortest!.length { shortest = (high - low, d) }
        }
        guard let arc = shortest else { break }
        heads[arc.dependent] = heads[heads[arc.dependent]]
    }
    return heads
}
