import Foundation

/// Places by name: GeoNames cities, admin-1 and admin-2 regions and countries, with Parley's extra names.
///
/// A compact file (`gazetteer.bin`, built by `parley lexicon build-gazetteer`) read without parsing:
/// lookups binary-search a sorted key table of folded names. Immutable and `Sendable`.
public struct Gazetteer: Sendable {
    /// What kind of place a record is.
    public enum FeatureClass: UInt8, Sendable, Codable {
        /// A country or territory.
        case country = 0
        /// A first-level region (province, state).
        case admin1 = 1
        /// A second-level region (district).
        case admin2 = 2
        /// A populated place.
        case city = 9
    }

    /// One place.
    public struct Place: Hashable, Sendable, Codable {
        /// The record number in the gazetteer (stable for one file).
        public var id: Int
        /// The place's main name.
        public var name: String
        /// ISO 3166-1 alpha-2 country code.
        public var country: String
        /// ISO 3166-1 alpha-3 code of the country (for actor codes).
        public var country3: String?
        /// GeoNames admin code of the place itself (`PK.03`) for regions.
        public var adminCode: String?
        /// GeoNames admin-1 code of the region the place is in (`PK.03`).
        public var admin1Code: String?
        /// Name of that region ("Khyber Pakhtunkhwa").
        public var admin1Name: String?
        /// Latitude, or `nil` when the source has none (most districts).
        public var latitude: Double?
        /// Longitude, or `nil`.
        public var longitude: Double?
        /// Population (0 when unknown).
        public var population: Int
        /// What kind of place it is.
        public var featureClass: FeatureClass
        /// The region of an earlier division the place lay in, where sources still use it (``FormerRegions``).
        public var formerAdmin1Name: String? = nil
    }

    static let magic = Array("PRLYGAZ3".utf8)
    static let recordSize = 24
    private let bytes: [UInt8]
    private let placeCount: Int
    private let keyCount: Int
    private let recordsStart: Int
    private let keyIndexStart: Int
    private let blobStart: Int
    /// For each first two bytes of a key (the second 0 for a one-byte key), where keys with them start in
    /// the sorted key index, and one past the last bucket: a lookup searches one bucket.
    private let bucketStarts: [Int32]

    /// Reads a gazetteer file's bytes.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - file: the name used in messages.
    /// - Throws: ``PipelineError`` `.invalidModel` when the bytes are not a gazetteer of this version.
    public init(data: Data, file: String = "gazetteer.bin") throws {
        guard data.count >= 24, Array(data.prefix(8)) == Gazetteer.magic else {
            throw PipelineError(
                .invalidModel, "not a Parley gazetteer (rebuild with 'parley lexicon build-gazetteer')", file: file)
        }
        let bytes = [UInt8](data)
        self.bytes = bytes
        func u32(_ at: Int) -> Int {
            Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
        }
        placeCount = u32(8)
        keyCount = u32(12)
        let blobSize = u32(16)
        recordsStart = 24
        keyIndexStart = recordsStart + placeCount * Gazetteer.recordSize
        blobStart = keyIndexStart + keyCount * 4
        guard placeCount >= 0, keyCount >= 0, blobStart + blobSize == data.count else {
            throw PipelineError(.invalidModel, "gazetteer file is truncated or damaged", file: file)
        }
        // Every offset must point inside the file, so that no lookup can read past it.
        var bucketCounts = [Int32](repeating: 0, count: 1 << 16)
        var sorted = true
        var previousBucket = 0
        for index in 0..<keyCount {
            let offset = u32(keyIndexStart + index * 4)
            guard offset < blobSize else {
                throw PipelineError(.invalidModel, "gazetteer key \(index) points outside the file", file: file)
            }
            let bucket = Gazetteer.bucket(bytes, at: blobStart + offset)
            sorted = sorted && bucket >= previousBucket
            previousBucket = bucket
            bucketCounts[bucket] += 1
        }
        if sorted {
            var starts = [Int32](repeating: 0, count: (1 << 16) + 1)
            for bucket in 0..<(1 << 16) { starts[bucket + 1] = starts[bucket] + bucketCounts[bucket] }
            bucketStarts = starts
        } else {
            bucketStarts = []
        }
        for index in 0..<placeCount {
            let at = recordsStart + index * Gazetteer.recordSize
            let admin1 = u32(at + 16)
            guard u32(at + 12) < blobSize, admin1 == 0xFFFF_FFFF || admin1 < placeCount else {
                throw PipelineError(.invalidModel, "gazetteer place \(index) is damaged", file: file)
            }
        }
    }

    /// The bundled gazetteer.
    /// - Throws: ``PipelineError`` when it is missing or damaged.
    public static func bundled() throws -> Gazetteer {
        guard let url = DefaultLexicon.directory?.appendingPathComponent("gazetteer.bin") else {
            throw PipelineError(.invalidModel, "the bundled gazetteer is missing")
        }
        return try load(url)
    }

    /// Reads a gazetteer file.
    /// - Throws: ``PipelineError`` `.io` or `.invalidModel`.
    public static func load(_ url: URL) throws -> Gazetteer {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw PipelineError(.io, "cannot read gazetteer: \(error.localizedDescription)", file: url.path)
        }
        return try Gazetteer(data: data, file: url.lastPathComponent)
    }

    /// The ISO 3166-1 alpha-3 code of a country given by its alpha-2 code.
    public func country3(forISO2 code: String) -> String? {
        var index = 0
        while index < placeCount {
            let at = recordsStart + index * Gazetteer.recordSize
            guard bytes[at + 22] == FeatureClass.country.rawValue else { return nil }
            if bytes[at + 20] == code.utf8.first, bytes[at + 21] == code.utf8.dropFirst().first {
                return place(index).country3
            }
            index += 1
        }
        return nil
    }

    /// How many places it holds.
    public var count: Int { placeCount }

    private func u32(_ at: Int) -> Int {
        Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
    private func i32(_ at: Int) -> Int32 { Int32(bitPattern: UInt32(u32(at))) }
    /// The main name of a place (as ``place(_:)`` reads it).
    private func name(of id: Int) -> String {
        string(at: u32(recordsStart + id * Gazetteer.recordSize + 12)).0
    }

    /// A zero-terminated string in the blob and the offset after it.
    private func string(at offset: Int) -> (String, Int) {
        var end = blobStart + offset
        while end < bytes.count, bytes[end] != 0 { end += 1 }
        return (String(decoding: bytes[(blobStart + offset)..<end], as: UTF8.self), end + 1 - blobStart)
    }

    /// The place with a record number.
    public func place(_ id: Int) -> Place {
        let at = recordsStart + id * Gazetteer.recordSize
        let latitude = i32(at)
        let longitude = i32(at + 4)
        let population = u32(at + 8)
        let (name, afterName) = string(at: u32(at + 12))
        let (code, _) = string(at: afterName)
        let admin1 = u32(at + 16)
        let countryBytes = [bytes[at + 20], bytes[at + 21]]
        let featureClass = FeatureClass(rawValue: bytes[at + 22]) ?? .city
        var place = Place(
            id: id, name: name, country: String(decoding: countryBytes, as: UTF8.self), country3: nil,
            adminCode: nil, admin1Code: nil, admin1Name: nil,
            latitude: latitude == Int32.min ? nil : Double(latitude) / 100_000,
            longitude: longitude == Int32.min ? nil : Double(longitude) / 100_000, population: population,
            featureClass: featureClass)
        let former = Int(bytes[at + 23])
        if former > 0, former <= FormerRegions.names.count { place.formerAdmin1Name = FormerRegions.names[former - 1] }
        switch featureClass {
        case .country: place.country3 = code
        case .admin1, .admin2: place.adminCode = code
        case .city: break
        }
        if admin1 != 0xFFFF_FFFF, admin1 < placeCount {
            let region = self.place(admin1)
            place.admin1Code = region.adminCode
            place.admin1Name = region.name
        } else if featureClass == .admin1 {
            place.admin1Code = place.adminCode
            place.admin1Name = name
        }
        return place
    }

    /// The places a name may stand for, largest population first.
    /// - Parameter name: a place name as written ("Peshawar", "NWFP", "Türkiye"); folded before lookup.
    public func candidates(for name: String) -> [Place] {
        candidates(folded: TextFolding.placeKey(name))
    }

    /// The places a lookup key may stand for (see ``TextFolding/placeKey(_:)``).
    ///
    /// Places whose main name is the key come first; places that only have it as an alternate or
    /// historical name ("Islamabad" for Chittagong) are returned only when no place has it as main name,
    /// unless `includeAlternates` is set.
    public func candidates(folded key: String, includeAlternates: Bool = false) -> [Place] {
        var ids = postings(for: key)
        if !includeAlternates {
            // Only the names are needed to choose: read whole records for the chosen places alone.
            let main = ids.filter { TextFolding.placeKey(name(of: $0)) == key }
            if !main.isEmpty { ids = main }
        }
        return ids.map(place).sorted {
            ($0.featureClass == .country ? 1 : 0, $0.population) > ($1.featureClass == .country ? 1 : 0, $1.population)
        }
    }

    /// Whether a folded name is in the gazetteer.
    public func contains(folded key: String) -> Bool { !postings(for: key).isEmpty }

    /// The bucket of the key at an offset: its first two bytes, the second 0 after a one-byte key.
    private static func bucket(_ bytes: [UInt8], at offset: Int) -> Int {
        guard offset < bytes.count else { return 0 }
        let first = Int(bytes[offset])
        guard first != 0, offset + 1 < bytes.count else { return 0 }
        return first << 8 | Int(bytes[offset + 1])
    }

    private func postings(for key: String) -> [Int] {
        let target = Array(key.utf8)
        var low = 0
        var high = keyCount
        if !bucketStarts.isEmpty {
            // The same bucket as the stored key the search compares equal to (bytes up to a 0).
            let first = Int(target.first ?? 0)
            let bucket = first == 0 ? 0 : first << 8 | (target.count > 1 ? Int(target[1]) : 0)
            low = Int(bucketStarts[bucket])
            high = Int(bucketStarts[bucket + 1])
        }
        while low < high {
            let mid = (low + high) / 2
            let offset = u32(keyIndexStart + mid * 4)
            let order = compare(target, at: blobStart + offset)
            if order == 0 {
                var at = blobStart + offset + target.count + 1
                var count = Int(bytes[at])
                at += 1
                if count == 255 {
                    count = u32(at)
                    at += 4
                }
                guard at + count * 3 <= bytes.count else { return [] }
                return (0..<count).map { index in
                    let base = at + index * 3
                    return Int(bytes[base]) | Int(bytes[base + 1]) << 8 | Int(bytes[base + 2]) << 16
                }
            } else if order < 0 {
                high = mid
            } else {
                low = mid + 1
            }
        }
        return []
    }

    /// Compares bytes with the zero-terminated key at an offset: <0, 0, >0.
    private func compare(_ target: [UInt8], at offset: Int) -> Int {
        var index = 0
        while true {
            guard offset + index < bytes.count else { return 1 }
            let stored = bytes[offset + index]
            let wanted: UInt8 = index < target.count ? target[index] : 0
            if stored == 0 && wanted == 0 { return 0 }
            if wanted != stored { return Int(wanted) - Int(stored) }
            index += 1
        }
    }
}
