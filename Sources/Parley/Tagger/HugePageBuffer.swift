import Foundation

/// A fixed-size, read-mostly buffer of trivial values for large lookup tables probed at random.
///
/// Buffers of 2 MiB or more are aligned to 2 MiB and, on Linux, marked for transparent huge pages, so
/// random probes into a model's feature table miss the TLB far less often. Smaller buffers are
/// ordinary allocations.
final class HugePageBuffer<Element: BitwiseCopyable>: @unchecked Sendable {
    /// The elements; written only while the owner builds the table.
    let buffer: UnsafeMutableBufferPointer<Element>

    private static var hugePageSize: Int { 2 << 20 }

    /// A buffer of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        let bytes = max(1, count) * MemoryLayout<Element>.stride
        let huge = bytes >= Self.hugePageSize
        let alignment = huge ? Self.hugePageSize : max(MemoryLayout<Element>.alignment, 16)
        // Round up so the advice covers whole huge pages.
        let size = huge ? (bytes + Self.hugePageSize - 1) / Self.hugePageSize * Self.hugePageSize : bytes
        var raw: UnsafeMutableRawPointer?
        if posix_memalign(&raw, alignment, size) != 0 || raw == nil {
            raw = malloc(size)
        }
        #if os(Linux)
            if huge, let raw { _ = madvise(raw, size, Int32(MADV_HUGEPAGE)) }
        #endif
        let start = raw!.bindMemory(to: Element.self, capacity: max(1, count))
        start.initialize(repeating: value, count: max(1, count))
        buffer = UnsafeMutableBufferPointer(start: start, count: count)
    }

    /// A buffer holding the elements of an array.
    convenience init(_ elements: [Element]) where Element: ExpressibleByIntegerLiteral {
        self.init(repeating: 0, count: elements.count)
        _ = buffer.initialize(from: elements)
    }

    deinit {
        free(UnsafeMutableRawPointer(buffer.baseAddress))
    }
}
