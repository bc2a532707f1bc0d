import Foundation

/// Builds the compact gazetteer file from the GeoNames-derived tables in `../shared/data/gazetteer/`.
public struct GazetteerBuilder: Sendable {
    /// Options.
    public struct Configuration: Sendable {
        /// Alternate names are kept for cities at least this populous (all names of regions and countries are kept).
        public var alternateNamePopulation = 100_000
        /// Countries (ISO2) whose admin-2 districts are included.
        public var admin2Countries: Set<String> = ["PK", "AF", "IN", "BD", "NP", "LK", "IR", "BT", "MM"]
        /// Countries (ISO2) whose towns keep all their alternate names whatever their size (spellings vary most
        /// there: "Lashkar Gah"/"Lashkargah", "Chishti Sharif"/"Chisht-e Sharif").
        public var alternateNameCountries: Set<String> = ["PK", "AF", "IN", "BD", "NP", "LK"]
        /// Creates the default configuration.
        public init() {}
    }

    /// Options.
    public var configuration: Configuration

    /// Creates a builder.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    struct Record {
        var geonameid: Int
        var name: String
        var code: String
        var latitude: Double?
        var longitude: Double?
        var population: Int
        var country: String
        var featureClass: Gazetteer.FeatureClass
        var admin1: Int?
        /// 1 + the index of the place's former region in ``FormerRegions/names``, 0 for none.
        var formerRegion: UInt8 = 0
    }

    /// Builds the gazetteer.
    /// - Parameters:
    ///   - directory: the `gazetteer` data folder (with `countries/`, `subdivisions/`, `geonames/`).
    ///   - aliases: extra names (``Lexicon/places``).
    /// - Returns: the file's bytes and warnings.
    /// - Throws: ``PipelineError`` when a table is missing or malformed.
    public func build(from directory: URL, aliases: [PlaceAlias]) throws -> (Data, [Diagnostic]) {
        var records: [Record] = []
        var keys: [String: Set<Int>] = [:]
        var warnings: [Diagnostic] = []
        var byGeonameid: [Int: Int] = [:]
        var byAdminCode: [String: Int] = [:]
        var byCountry: [String: Int] = [:]
        func key(_ name: some StringProtocol) -> String { TextFolding.placeKey(name) }
        func add(_ record: Record, names: [String]) {
            let index = records.count
            records.append(record)
            if record.geonameid > 0 { byGeonameid[record.geonameid] = index }
            for name in names {
                let folded = key(name)
                if !folded.isEmpty { keys[folded, default: []].insert(index) }
            }
        }
        func table(_ path: String, header: Bool = true) throws -> [[Substring]] {
            let url = directory.appendingPathComponent(path)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw PipelineError(.io, "cannot read gazetteer table", file: url.path)
            }
            var rows = text.split(separator: "\n", omittingEmptySubsequences: true).map {
                $0.split(separator: "\t", omittingEmptySubsequences: false)
            }
            if header, !rows.isEmpty { rows.removeFirst() }
            return rows
        }

        // Countries.
        for row in try table("countries/countries.tsv") where row.count >= 17 {
            let record = Record(
                geonameid: Int(row[15]) ?? 0, name: String(row[3]), code: String(row[1]),
                latitude: Double(row[10]), longitude: Double(row[11]), population: Int(row[13]) ?? 0,
                country: String(row[0]), featureClass: .country, admin1: nil)
            byCountry[String(row[0])] = records.count
            add(
                record,
                names: [row[3], row[4], row[5]].map(String.init) + row[16].split(separator: "|").map(String.init))
        }
        // Regions.
        let subdivisions = try table("subdivisions/subdivisions.tsv")
        for level in ["1", "2"] {
            for row in subdivisions where row.count >= 12 && row[1] == level {
                let country = String(row[0])
                if level == "2" && !configuration.admin2Countries.contains(country) { continue }
                let code = String(row[4])
                guard !code.isEmpty else { continue }
                let record = Record(
                    geonameid: Int(row[5]) ?? 0, name: String(row[2]), code: code, latitude: Double(row[9]),
                    longitude: Double(row[10]), population: 0, country: country,
                    featureClass: level == "1" ? .admin1 : .admin2,
                    admin1: level == "2" ? byAdminCode[String(row[7])] : nil)
                if level == "1" { byAdminCode[code] = records.count }
                var names = [String(row[2])] + row[11].split(separator: "|").map(String.init)
                // "Swat District" is also "Swat", "Barisal Division" also "Barisal".
                for name in names {
                    for suffix in [" District", " Province", " Agency", " Division"] where name.hasSuffix(suffix) {
                        names.append(String(name.dropLast(suffix.count)))
                    }
                }
                add(record, names: names.filter { $0.count > 2 || level == "1" })
            }
        }
        // Cities.
        for row in try table("geonames/cities1000.tsv") where row.count >= 9 {
            let country = String(row[4])
            let population = Int(row[6]) ?? 0
            let record = Record(
                geonameid: Int(row[0]) ?? 0, name: String(row[1]), code: "", latitude: Double(row[2]),
                longitude: Double(row[3]), population: population, country: country, featureClass: .city,
                admin1: byAdminCode["\(country).\(row[5])"])
            var names = [String(row[1])]
            if population >= configuration.alternateNamePopulation || configuration.alternateNameCountries.contains(country) {
                names += row[8].split(separator: "|").map(String.init)
            }
            add(record, names: names)
        }
        // Districts have no coordinates of their own: take those of the same-named town of their region
        // ("Lakki Marwat District" → Lakki Marwat), the district seat in most of South Asia.
        // The town may be known by that name only as an alternate ("Jhang" for Jhang Sadr).
        for index in records.indices where records[index].featureClass == .admin2 && records[index].latitude == nil {
            var name = records[index].name
            for suffix in [" District", " Agency", " Tehsil", " Upazila", " Division", " Province", " Zila", " Sadar"]
            where name.hasSuffix(suffix) {
                name.removeLast(suffix.count)
            }
            let towns = (keys[key(name)] ?? []).filter {
                records[$0].featureClass == .city && records[$0].admin1 == records[index].admin1 && records[$0].latitude != nil
            }
            guard let town = towns.max(by: { (records[$0].population, -$0) < (records[$1].population, -$1) }) else { continue }
            records[index].latitude = records[town].latitude
            records[index].longitude = records[town].longitude
        }
        assignFormerRegions(&records, keys: keys)
        // Parley's extra names.
        for alias in aliases {
            let target: Int?
            if let id = Int(alias.target) {
                target = byGeonameid[id]
            } else if alias.target.contains(".") {
                target = byAdminCode[alias.target]
            } else {
                target = byCountry[alias.target]
            }
            guard let target else {
                warnings.append(
                    Diagnostic(
                        .warning, file: alias.source.file, line: alias.source.line,
                        message: "place target '\(alias.target)' not in the gazetteer"))
                continue
            }
            keys[key(alias.name), default: []].insert(target)
        }
        return (encode(records, keys: keys), warnings)
    }

    /// Gives Nepal's districts, towns and wholly contained provinces their former development region: a district
    /// by the table of ``FormerRegions``, a town by the nearest district seat. Districts without coordinates
    /// take their seat's.
    func assignFormerRegions(_ records: inout [Record], keys: [String: Set<Int>]) {
        var table: [String: FormerRegions.District] = [:]
        for district in FormerRegions.nepal { table[TextFolding.placeKey(district.name)] = district }
        var seeds: [(latitude: Double, longitude: Double, region: Int)] = []
        var regionsOfProvince: [Int: Set<Int>] = [:]
        for index in records.indices where records[index].country == "NP" && records[index].featureClass == .admin2 {
            guard let district = table[TextFolding.placeKey(records[index].name)] else { continue }
            records[index].formerRegion = UInt8(district.region + 1)
            if let province = records[index].admin1 { regionsOfProvince[province, default: []].insert(district.region) }
            if records[index].latitude == nil {
                let seats = (keys[TextFolding.placeKey(district.seat)] ?? []).filter {
                    records[$0].featureClass == .city && records[$0].country == "NP" && records[$0].latitude != nil
                }
                if let seat = seats.max(by: { (records[$0].population, -$0) < (records[$1].population, -$1) }) {
                    records[index].latitude = records[seat].latitude
                    records[index].longitude = records[seat].longitude
                }
            }
            if let latitude = records[index].latitude, let longitude = records[index].longitude {
                seeds.append((latitude, longitude, district.region))
            }
        }
        for (province, regions) in regionsOfProvince where regions.count == 1 {
            records[province].formerRegion = UInt8(regions.first! + 1)
        }
        guard !seeds.isEmpty else { return }
        for index in records.indices where records[index].country == "NP" && records[index].featureClass == .city {
            guard let latitude = records[index].latitude, let longitude = records[index].longitude else { continue }
            let scale = cos(latitude * .pi / 180)
            let nearest = seeds.min { a, b in
                let da = pow(a.latitude - latitude, 2) + pow((a.longitude - longitude) * scale, 2)
                let db = pow(b.latitude - latitude, 2) + pow((b.longitude - longitude) * scale, 2)
                return da < db
            }!
            records[index].formerRegion = UInt8(nearest.region + 1)
        }
    }

    func encode(_ records: [Record], keys: [String: Set<Int>]) -> Data {
        var blob: [UInt8] = []
        var out: [UInt8] = Gazetteer.magic
        func u32(_ value: Int, into array: inout [UInt8]) {
            let v = UInt32(truncatingIfNeeded: value)
            array += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
        }
        var recordBytes: [UInt8] = []
        recordBytes.reserveCapacity(records.count * Gazetteer.recordSize)
        var nameOffsets: [String: Int] = [:]
        for record in records {
            let stored = record.name + "\u{0}" + record.code
            let offset: Int
            if let known = nameOffsets[stored] {
                offset = known
            } else {
                offset = blob.count
                blob += Array(record.name.utf8) + [0] + Array(record.code.utf8) + [0]
                nameOffsets[stored] = offset
            }
            let latitude = record.latitude.map { Int(($0 * 100_000).rounded()) } ?? Int(Int32.min)
            let longitude = record.longitude.map { Int(($0 * 100_000).rounded()) } ?? Int(Int32.min)
            u32(latitude, into: &recordBytes)
            u32(longitude, into: &recordBytes)
            u32(record.population, into: &recordBytes)
            u32(offset, into: &recordBytes)
            u32(record.admin1 ?? 0xFFFF_FFFF, into: &recordBytes)
            let country = Array(record.country.utf8)
            recordBytes += [
                country.first ?? 0x3F, country.count > 1 ? country[1] : 0x3F, record.featureClass.rawValue,
                record.formerRegion,
            ]
        }
        var keyIndex: [UInt8] = []
        let sortedKeys = keys.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        for key in sortedKeys {
            u32(blob.count, into: &keyIndex)
            blob += Array(key.utf8) + [0]
            // Postings: a count byte (255: a 4-byte count follows), then 3-byte record numbers.
            let ids = keys[key]!.sorted()
            if ids.count < 255 {
                blob.append(UInt8(ids.count))
            } else {
                blob.append(255)
                u32(ids.count, into: &blob)
            }
            for id in ids { blob += [UInt8(id & 0xFF), UInt8(id >> 8 & 0xFF), UInt8(id >> 16 & 0xFF)] }
        }
        u32(records.count, into: &out)
        u32(sortedKeys.count, into: &out)
        u32(blob.count, into: &out)
        u32(0, into: &out)
        return Data(out + recordBytes + keyIndex + blob)
    }
}
