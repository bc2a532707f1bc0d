import Foundation
import Parley

/// Identity and similarity fingerprints of an article's text.
///
/// The identity is the article's URL when it has one, else a hash of its normalised text. Similarity
/// uses MinHash over word shingles (near-duplicates: wire copies, re-posts, truncations) and over
/// content words (related articles: the same story told in other words).
public struct Fingerprint: Sendable, Hashable {
    /// Number of MinHash slots per signature.
    public static let slots = 64
    /// Words per shingle.
    public static let shingleSize = 4

    /// Bands per signature for locality-sensitive lookup: ``slots`` / ``bandRows``.
    public static let bands = 32
    /// MinHash slots hashed together into one band value.
    public static let bandRows = 2

    /// `url:<normalised url>` or `text:<hash>`.
    public var key: String
    /// A 62-bit number standing for ``key`` in the band table (a hash: keys stay the identity).
    public var number: Int64 { Fingerprint.number(of: key) }
    /// Hash of the normalised text: equal for texts that differ only in case, spacing and punctuation.
    public var textHash: String
    /// MinHash of the word shingles.
    public var shingles: [Int64]
    /// Number of distinct shingles.
    public var shingleCount: Int
    /// MinHash of the distinct content words.
    public var words: [Int64]
    /// Number of distinct content words.
    public var wordCount: Int

    /// Computes the fingerprints of a document (text, title and URL).
    public init(_ document: Document) {
        let normalisedWords = Fingerprint.words(of: document.text)
        textHash = Fingerprint.hex(Fingerprint.hash128(normalisedWords.joined(separator: " ")))
        if let url = document.metadata.url.flatMap(Fingerprint.normalise(url:)) {
            key = "url:" + url
        } else {
            key = "text:" + textHash
        }
        var shingleHashes = Set<UInt64>()
        if normalisedWords.count < Fingerprint.shingleSize {
            if !normalisedWords.isEmpty {
                shingleHashes.insert(Fingerprint.fnv(normalisedWords.joined(separator: " ")))
            }
        } else {
            for start in 0...(normalisedWords.count - Fingerprint.shingleSize) {
                shingleHashes.insert(
                    Fingerprint.fnv(normalisedWords[start..<(start + Fingerprint.shingleSize)].joined(separator: " ")))
            }
        }
        var wordHashes = Set<UInt64>()
        for word in normalisedWords where word.count > 2 && !Fingerprint.stopwords.contains(word) {
            wordHashes.insert(Fingerprint.fnv(word))
        }
        shingles = Fingerprint.minHash(shingleHashes)
        shingleCount = shingleHashes.count
        words = Fingerprint.minHash(wordHashes)
        wordCount = wordHashes.count
    }

    /// The 62-bit number of a document key.
    public static func number(of key: String) -> Int64 {
        let (high, low) = hash128(key)
        return Int64(bitPattern: mix(high ^ (low &* 0x9e37_79b9_7f4a_7c15)) >> 2)
    }

    /// Band values of a signature: each band's ``bandRows`` slots hashed into one indexable number, so a
    /// pair sharing a band shares all its slots. `kind` (0 shingles, 1 words) keeps the two apart.
    public static func bands(_ signature: [Int64], kind: Int) -> [Int64] {
        guard signature.count == slots else { return [] }
        return (0..<bands).map { band in
            var value = bandSalts[band] ^ (UInt64(kind) &* 0xd6e8_feb8_6659_fd93)
            for row in 0..<bandRows {
                value = mix(value ^ UInt64(bitPattern: signature[band * bandRows + row]))
            }
            return Int64(bitPattern: value >> 2)
        }
    }

    /// Band values of the shingle signature (near-duplicates).
    public var shingleBands: [Int64] { Fingerprint.bands(shingles, kind: 0) }
    /// Band values of the content-word signature (stories, similar posts).
    public var wordBands: [Int64] { Fingerprint.bands(words, kind: 1) }

    /// Both signatures as stored text (`base64(shingles):base64(words)`, 8 bytes a slot).
    public var sketch: String { Fingerprint.encode(shingles) + ":" + Fingerprint.encode(words) }

    /// The two signatures of a stored sketch; `nil` when malformed.
    public static func signatures(sketch text: String) -> (shingles: [Int64], words: [Int64])? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let shingles = decode(parts[0]), let words = decode(parts[1]) else { return nil }
        return (shingles, words)
    }

    static func encode(_ signature: [Int64]) -> String {
        var bytes = [UInt8]()
        bytes.reserveCapacity(signature.count * 8)
        for value in signature {
            let bits = UInt64(bitPattern: value)
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
            }
        }
        return Data(bytes).base64EncodedString()
    }

    static func decode(_ text: Substring) -> [Int64]? {
        guard let data = Data(base64Encoded: String(text)), data.count % 8 == 0 else { return nil }
        var result: [Int64] = []
        result.reserveCapacity(data.count / 8)
        var bits: UInt64 = 0
        for (index, byte) in data.enumerated() {
            bits = bits << 8 | UInt64(byte)
            if index % 8 == 7 {
                result.append(Int64(bitPattern: bits))
                bits = 0
            }
        }
        return result
    }

    /// Lower-cased words of letters and digits, in order.
    public static func words(of text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            if CharacterSet.alphanumerics.contains(scalar) {
                current.unicodeScalars.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}" {
                continue
            } else if !current.isEmpty {
                result.append(current.lowercased())
                current = ""
            }
        }
        if !current.isEmpty { result.append(current.lowercased()) }
        return result
    }

    /// A URL without scheme case, fragment, tracking parameters and trailing slash; `nil` when not http(s).
    public static func normalise(url text: String) -> String? {
        guard var components = URLComponents(string: text.trimmingCharacters(in: .whitespacesAndNewlines)),
            let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host, !host.isEmpty
        else { return nil }
        components.scheme = "https"
        components.host = host.lowercased()
        components.fragment = nil
        if let items = components.queryItems {
            let kept = items.filter { !$0.name.lowercased().hasPrefix("utm_") && $0.name != "fbclid" }
            components.queryItems = kept.isEmpty ? nil : kept
        }
        if components.path.hasSuffix("/") && components.path.count > 1 { components.path.removeLast() }
        if components.port == 443 || components.port == 80 { components.port = nil }
        return components.string
    }

    /// Estimated Jaccard similarity of two signatures: the share of equal slots.
    public static func jaccard(_ a: [Int64], _ b: [Int64]) -> Double {
        guard a.count == b.count, !a.isEmpty else { return 0 }
        var equal = 0
        for index in a.indices where a[index] == b[index] { equal += 1 }
        return Double(equal) / Double(a.count)
    }

    /// Share of the smaller set contained in the larger, from an estimated Jaccard and the set sizes:
    /// near 1 for a truncated copy even when the Jaccard is low.
    public static func containment(jaccard: Double, sizes a: Int, _ b: Int) -> Double {
        guard a > 0, b > 0 else { return 0 }
        let intersection = jaccard * Double(a + b) / (1 + jaccard)
        return min(1, intersection / Double(min(a, b)))
    }

    static let stopwords: Set<String> = [
        "the", "and", "for", "that", "with", "was", "were", "are", "has", "have", "had", "from", "this", "but",
        "not", "his", "her", "their", "its", "they", "them", "who", "which", "said", "says", "will", "would",
        "been", "also", "after", "over", "into", "than", "more", "about", "other", "some", "when", "where", "what",
        "there", "these", "those", "our", "out", "all", "any", "one", "two", "new", "can", "could", "may", "him",
        "she", "you", "your", "did", "does", "being", "while", "since", "under", "against", "between", "during",
    ]

    /// 64-bit FNV-1a.
    static func fnv(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return mix(hash)
    }

    /// A finaliser that spreads FNV's bits (splitmix64).
    static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    static func hash128(_ text: String) -> (UInt64, UInt64) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x6c62_272e_07bb_0142
        for byte in text.utf8 {
            a ^= UInt64(byte)
            a = a &* 0x100_0000_01b3
            b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37
        }
        return (mix(a), mix(b ^ UInt64(text.utf8.count)))
    }

    static func hex(_ pair: (UInt64, UInt64)) -> String {
        func pad(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }
        return pad(pair.0) + pad(pair.1)
    }

    /// Per-slot salts, fixed so signatures stay comparable across runs and machines.
    static let salts: [UInt64] = (0..<slots).map { mix(UInt64($0) &* 0x2545_f491_4f6c_dd1d &+ 0x1234_5678) }

    static let bandSalts: [UInt64] = (0..<bands).map { mix(UInt64($0) &* 0x9e6c_63d0_676a_9a99 &+ 0x5bd1_e995) }

    static func minHash(_ hashes: Set<UInt64>) -> [Int64] {
        guard !hashes.isEmpty else { return [] }
        var minimum = [UInt64](repeating: .max, count: slots)
        for hash in hashes {
            for slot in 0..<slots {
                let value = mix(hash ^ salts[slot])
                if value < minimum[slot] { minimum[slot] = value }
            }
        }
        // Keep 62 bits so the values fit a signed BIGINT in both databases without sign games.
        return minimum.map { Int64(bitPattern: $0 >> 2) }
    }
}
