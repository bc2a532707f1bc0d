import Foundation

/// Turns raw input bytes into text: recognises binary data, decodes UTF-16 with a byte-order mark,
/// and repairs invalid UTF-8 with U+FFFD while counting what it repaired.
enum TextDecoding {
    /// Text decoded from bytes, with a record of the repairs.
    struct Decoded {
        var text: String
        /// Invalid UTF-8 bytes replaced (each maximal invalid sequence becomes one U+FFFD).
        var repairedBytes = 0
        /// Lines that held invalid bytes.
        var repairedLines = 0
        /// One-based line of the first invalid byte.
        var firstRepairedLine: Int?

        /// The warning to report, if anything was repaired.
        func warning(file: String, lineOffset: Int = 0) -> Diagnostic? {
            guard repairedBytes > 0, let first = firstRepairedLine else { return nil }
            let lines = repairedLines == 1 ? "" : " on \(repairedLines) lines"
            let bytes = repairedBytes == 1 ? "1 invalid UTF-8 byte" : "\(repairedBytes) invalid UTF-8 bytes"
            return Diagnostic(
                .warning, file: file, line: first + lineOffset,
                message: "replaced \(bytes) with U+FFFD\(lines); save the file as UTF-8 to avoid this")
        }
    }

    /// Why the bytes look like binary data rather than text, or `nil` when they look like text.
    static func binaryReason(_ bytes: some Collection<UInt8>) -> String? {
        let head = Array(bytes.prefix(16))
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) { return nil }  // UTF-16 with a byte-order mark
        func starts(with magic: [UInt8]) -> Bool { head.starts(with: magic) }
        if starts(with: [0x1F, 0x8B]) { return "gzip-compressed data; decompress it first" }
        if starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            return "a ZIP archive (or a Word/ODF document); extract the text first"
        }
        if starts(with: Array("%PDF-".utf8)) { return "a PDF document; convert it to text first" }
        if starts(with: [0x89, 0x50, 0x4E, 0x47]) || starts(with: [0xFF, 0xD8, 0xFF])
            || starts(with: Array("GIF8".utf8))
        {
            return "an image"
        }
        if starts(with: Array("BZh".utf8)) && head.count > 3 && (0x31...0x39).contains(head[3]) {
            return "bzip2-compressed data; decompress it first"
        }
        if starts(with: [0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]) { return "xz-compressed data; decompress it first" }
        if starts(with: [0x7F, 0x45, 0x4C, 0x46]) { return "an executable" }
        if starts(with: Array("SQLite format 3".utf8)) { return "an SQLite database" }
        if let offset = bytes.firstIndex(of: 0) {
            let position = bytes.distance(from: bytes.startIndex, to: offset)
            let sample = Array(bytes.prefix(4096))
            let oddNULs = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let evenNULs = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            if max(oddNULs, evenNULs) > sample.count / 4 && min(oddNULs, evenNULs) <= sample.count / 50 {
                return "UTF-16 text without a byte-order mark; save it as UTF-8"
            }
            return "it holds NUL bytes (first at byte \(position))"
        }
        // Mostly non-text: control characters and invalid UTF-8 in the first 64 KB.
        let sample = Array(bytes.prefix(65_536))
        guard !sample.isEmpty else { return nil }
        var controls = 0
        for byte in sample
        where byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B {
            controls += 1
        }
        let invalid = scan(sample).invalidBytes
        if Double(controls + invalid) > Double(sample.count) * 0.2 {
            return "most of its bytes are not text"
        }
        return nil
    }

    /// Decodes bytes as text, repairing invalid UTF-8. A UTF-8 byte-order mark is dropped; UTF-16 with a
    /// byte-order mark is decoded.
    static func decode(_ data: Data) -> Decoded {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            if let text = String(data: data, encoding: .utf16) {
                return Decoded(text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
            }
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        let result = scan(body)
        var decoded = Decoded(text: String(decoding: body, as: UTF8.self))
        decoded.repairedBytes = result.invalidBytes
        decoded.repairedLines = result.lines
        decoded.firstRepairedLine = result.firstLine
        return decoded
    }

    /// Counts invalid UTF-8 bytes (per the Unicode "maximal subpart" rule) and the lines holding them.
    static func scan(_ bytes: some Collection<UInt8>) -> (
        invalidBytes: Int, lines: Int, firstLine: Int?
    ) {
        let bytes = Array(bytes)
        var invalid = 0
        var lines = 0
        var firstLine: Int?
        var line = 1
        var lastBadLine = 0
        var index = 0
        let count = bytes.count
        func bad(_ length: Int) {
            invalid += length
            if firstLine == nil { firstLine = line }
            if lastBadLine != line {
                lines += 1
                lastBadLine = line
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                if byte == 0x0A { line += 1 }
                index += 1
                continue
            }
            var need = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch byte {
            case 0xC2...0xDF: need = 1
            case 0xE0:
                need = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED:
                need = 2
                high = 0x9F
            case 0xF0:
                need = 3
                low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4:
                need = 3
                high = 0x8F
            default:
                bad(1)
                index += 1
                continue
            }
            var length = 1
            while length <= need, index + length < count {
                let next = bytes[index + length]
                let range: ClosedRange<UInt8> = length == 1 ? low...high : 0x80...0xBF
                guard range.contains(next) else { break }
                length += 1
            }
            if length > need {
                index += need + 1
            } else {
                bad(length)
                index += length
            }
        }
        return (invalid, lines, firstLine)
    }
}
