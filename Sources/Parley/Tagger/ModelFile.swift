import Foundation

/// The binary container of Parley's statistical models: a fixed header and a checked payload.
///
/// Layout (little-endian): magic `PRLYMODL` (8 bytes), format version (UInt32), model kind (4 ASCII
/// bytes, e.g. `TAGR`), payload length (UInt64), FNV-1a 64 checksum of the payload (UInt64), payload.
/// A file that is missing, truncated, corrupted, of another kind or of another format version is
/// rejected with ``PipelineError/Code/invalidModel``. Each kind has its own format version: a kind
/// whose payload layout changes gets a new version, and files of the old one are rejected.
public enum ModelFile {
    /// The format version this build reads and writes for kinds that do not name their own.
    public static let formatVersion: UInt32 = 2
    static let magic: [UInt8] = Array("PRLYMODL".utf8)
    static let headerSize = 8 + 4 + 4 + 8 + 8

    /// Wraps a payload in a header.
    /// - Parameters:
    ///   - payload: the model's bytes.
    ///   - kind: four ASCII characters naming the model kind.
    ///   - version: the payload's format version.
    public static func wrap(_ payload: [UInt8], kind: String, version: UInt32 = formatVersion) -> [UInt8] {
        var writer = ByteWriter()
        writer.bytes(magic)
        writer.u32(version)
        writer.bytes(Array(kind.utf8.prefix(4)) + Array(repeating: 0x20, count: max(0, 4 - kind.utf8.count)))
        writer.u64(UInt64(payload.count))
        writer.u64(fnv1a(payload))
        writer.bytes(payload)
        return writer.data
    }

    /// Checks a model file's header and returns its payload.
    /// - Parameters:
    ///   - data: the whole file.
    ///   - kind: the expected model kind.
    ///   - file: the file's name, for messages.
    ///   - version: the format version expected of that kind.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the file is not a valid model of that kind
    ///   and version.
    public static func unwrap(
        _ data: [UInt8], kind: String, file: String, version expected: UInt32 = formatVersion
    ) throws -> ArraySlice<UInt8> {
        try unwrap(data, kind: kind, file: file, versions: [expected]).payload
    }

    /// Checks a model file's header against several accepted format versions of one kind.
    /// - Parameters:
    ///   - data: the whole file.
    ///   - kind: the expected model kind.
    ///   - file: the file's name, for messages.
    ///   - versions: the format versions this build reads for that kind.
    /// - Returns: the file's format version and its payload.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the file is not a valid model of that kind
    ///   and of one of those versions.
    public static func unwrap(
        _ data: [UInt8], kind: String, file: String, versions: [UInt32]
    ) throws -> (version: UInt32, payload: ArraySlice<UInt8>) {
        func fail(_ message: String) -> PipelineError {
            PipelineError(
                .invalidModel, "\(message); retrain it with `parley train` or restore it from git", file: file)
        }
        guard data.count >= headerSize else { throw fail("model file is truncated (\(data.count) bytes)") }
        guard Array(data[0..<8]) == magic else { throw fail("not a Parley model file (bad magic)") }
        var reader = ByteReader(data[8...])
        let version = try reader.u32()
        let kindBytes = try reader.bytes(4)
        let found = String(decoding: kindBytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        guard found == kind else { throw fail("model kind '\(found)', expected '\(kind)'") }
        guard versions.contains(version) else {
            let known = versions.map(String.init).joined(separator: " or ")
            throw fail("\(kind) model format version \(version), this build reads version \(known)")
        }
        let length = try reader.u64()
        let checksum = try reader.u64()
        guard UInt64(data.count - headerSize) == length else {
            throw fail("model payload is \(data.count - headerSize) bytes, header says \(length) (truncated?)")
        }
        let payload = data[headerSize...]
        guard fnv1a(payload) == checksum else { throw fail("model checksum mismatch (corrupted file)") }
        return (version, payload)
    }

    /// Reads and checks a model file.
    /// - Parameters:
    ///   - url: the file.
    ///   - kind: the expected model kind.
    ///   - version: the format version expected of that kind.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the file is missing or invalid.
    public static func read(_ url: URL, kind: String, version: UInt32 = formatVersion) throws -> ArraySlice<UInt8> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PipelineError(.invalidModel, "model file is missing or unreadable", file: url.path)
        }
        return try unwrap(Array(data), kind: kind, file: url.lastPathComponent, version: version)
    }

    /// Reads and checks a model file that may be of several format versions.
    /// - Parameters:
    ///   - url: the file.
    ///   - kind: the expected model kind.
    ///   - versions: the format versions this build reads for that kind.
    /// - Returns: the file's format version and its payload.
    /// - Throws: ``PipelineError/Code/invalidModel`` when the file is missing or invalid.
    public static func read(
        _ url: URL, kind: String, versions: [UInt32]
    ) throws -> (version: UInt32, payload: ArraySlice<UInt8>) {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw PipelineError(.invalidModel, "model file is missing or unreadable", file: url.path)
        }
        return try unwrap(Array(data), kind: kind, file: url.lastPathComponent, versions: versions)
    }

    /// The URL of a model bundled with Parley.
    static func bundled(_ name: String) -> URL? {
        Bundle.module.url(forResource: name, withExtension: "bin", subdirectory: "Resources/Models")
    }

    static func fnv1a<C: Collection>(_ bytes: C) -> UInt64 where C.Element == UInt8 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}

/// Appends little-endian values to a byte array.
struct ByteWriter {
    var data: [UInt8] = []

    mutating func bytes(_ values: [UInt8]) { data.append(contentsOf: values) }
    mutating func u8(_ value: UInt8) { data.append(value) }
    mutating func u16(_ value: UInt16) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func f32(_ value: Float) { u32(value.bitPattern) }
    /// An unsigned LEB128 number: 7 bits a byte, low bits first, the high bit set on all but the last.
    mutating func varint(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            data.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        data.append(UInt8(rest))
    }
    mutating func string(_ value: String) {
        let utf8 = Array(value.utf8)
        u32(UInt32(utf8.count))
        data.append(contentsOf: utf8)
    }
    mutating func strings(_ values: [String]) {
        u32(UInt32(values.count))
        for value in values { string(value) }
    }
}

/// Reads little-endian values from a byte slice; every read is bounds-checked.
struct ByteReader {
    let data: ArraySlice<UInt8>
    var position: Int

    init(_ data: ArraySlice<UInt8>) {
        self.data = data
        self.position = data.startIndex
    }

    struct OutOfBounds: Error {}

    mutating func bytes(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, data.endIndex - position >= count else {
            throw PipelineError(.invalidModel, "model payload ends early (truncated or corrupted)")
        }
        defer { position += count }
        return data[position..<(position + count)]
    }
    mutating func u8() throws -> UInt8 { try bytes(1).first! }
    mutating func u16() throws -> UInt16 {
        let b = try bytes(2)
        return UInt16(b[b.startIndex]) | UInt16(b[b.startIndex + 1]) << 8
    }
    mutating func u32() throws -> UInt32 {
        let b = try bytes(4)
        var value: UInt32 = 0
        for (shift, byte) in b.enumerated() { value |= UInt32(byte) << (8 * UInt32(shift)) }
        return value
    }
    mutating func u64() throws -> UInt64 {
        let b = try bytes(8)
        var value: UInt64 = 0
        for (shift, byte) in b.enumerated() { value |= UInt64(byte) << (8 * UInt64(shift)) }
        return value
    }
    mutating func f32() throws -> Float { Float(bitPattern: try u32()) }
    /// Reads a number written by ``ByteWriter/varint(_:)``.
    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < data.endIndex {
            let byte = data[position]
            position += 1
            guard shift < 64, shift < 63 || byte <= 1 else { break }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw PipelineError(.invalidModel, "model payload has a corrupted number (truncated or corrupted)")
    }
    /// Bytes not read yet.
    var remaining: Int { data.endIndex - position }
    mutating func string() throws -> String {
        let count = Int(try u32())
        return String(decoding: try bytes(count), as: UTF8.self)
    }
    mutating func strings() throws -> [String] {
        let count = Int(try u32())
        guard count <= data.count else { throw PipelineError(.invalidModel, "model string table is corrupted") }
        return try (0..<count).map { _ in try string() }
    }
    /// Reads `count` values of a fixed-width integer type stored contiguously.
    mutating func array<T: FixedWidthInteger>(_ count: Int, of type: T.Type) throws -> [T] {
        let size = MemoryLayout<T>.size
        guard count >= 0, count <= (data.endIndex - position) / size else {
            throw PipelineError(.invalidModel, "model payload ends early (truncated or corrupted)")
        }
        let raw = try bytes(count * size)
        var result = [T](repeating: 0, count: count)
        result.withUnsafeMutableBytes { destination in
            raw.withUnsafeBytes { source in destination.copyMemory(from: source) }
        }
        return result.map { T(littleEndian: $0) }
    }
}
