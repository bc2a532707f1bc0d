import Foundation

/// A place the gazetteer knows under some name.
public struct PlaceCandidate: Hashable, Codable, Sendable {
    /// What the place is.
    public enum Kind: String, Hashable, Codable, Sendable {
        case city, admin1, admin2, country
    }

    public var name: String
    public var kind: Kind
    /// ISO 3166-1 alpha-3 country code.
    public var country: String
    /// The admin-1 region's name, when known (for a region itself, its own name).
    public var admin1: String?
    public var latitude: Double?
    public var longitude: Double?
    public var population: Int
    public var geonamesID: Int?
    /// The region of an earlier division of the country the place lay in (Nepal's development regions).
    public var formerAdmin1: String?

    /// Creates a candidate.
    public init(
        name: String, kind: Kind, country: String, admin1: String? = nil, latitude: Double? = nil,
        longitude: Double? = nil, population: Int = 0, geonamesID: Int? = nil, formerAdmin1: String? = nil
    ) {
        self.formerAdmin1 = formerAdmin1
        self.name = name
        self.kind = kind
        self.country = country
        self.admin1 = admin1
        self.latitude = latitude
        self.longitude = longitude
        self.population = population
        self.geonamesID = geonamesID
    }
}

/// What the place resolver needs from a gazetteer: the candidates for a folded name.
///
/// Lexicon's `Gazetteer` conforms through a small extension; ``PlaceTable`` is an in-memory one.
public protocol PlaceLookup: Sendable {
    /// Every place known under a name folded with ``TextFolding/placeKey(_:)``.
    func placeCandidates(folded foldedName: String) -> [PlaceCandidate]
    /// The longest name, in words, worth looking up.
    var longestName: Int { get }
}

/// An in-memory gazetteer: candidates indexed by folded name.
public struct PlaceTable: PlaceLookup {
    private var index: [String: [PlaceCandidate]] = [:]
    public private(set) var longestName = 1

    /// Creates a table.
    /// - Parameter entries: each place with the names (name and aliases) it is known by.
    public init(_ entries: [(names: [String], place: PlaceCandidate)] = []) {
        for entry in entries { add(entry.place, names: entry.names) }
    }

    /// Adds a place under some names.
    public mutating func add(_ place: PlaceCandidate, names: [String]) {
        var seen: Set<String> = []
        for name in names {
            let folded = TextFolding.placeKey(name)
            guard !folded.isEmpty, seen.insert(folded).inserted else { continue }
            index[folded, default: []].append(place)
            longestName = max(longestName, folded.split(separator: " ").count)
        }
    }

    public func placeCandidates(folded foldedName: String) -> [PlaceCandidate] { index[foldedName] ?? [] }

    /// Loads the GeoNames-derived files of a gazetteer directory (`geonames/cities1000.tsv`,
    /// `geonames/admin1CodesASCII.txt`, `subdivisions/subdivisions.tsv`, `countries/countries.tsv`).
    ///
    /// For evaluation and for users with their own gazetteer folder; the shipped gazetteer is the lexicon's.
    /// - Parameter directory: the folder holding those files.
    /// - Throws: ``PipelineError`` (`io`) naming the file that cannot be read, (`invalidLexicon`) with its line when malformed.
    public static func load(directory: URL) throws -> PlaceTable {
        func lines(_ path: String) throws -> [[Substring]] {
            let url = directory.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw PipelineError(.io, "cannot read the gazetteer file", file: url.path)
            }
            return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true)
                .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        }
        var table = PlaceTable()
        // Countries.
        var iso3: [String: String] = [:]
        for (number, row) in try lines("countries/countries.tsv").enumerated().dropFirst() {
            guard row.count >= 17 else {
                throw PipelineError(.invalidLexicon, "expected 17 columns", file: "countries/countries.tsv", line: number + 1)
            }
            iso3[String(row[0])] = String(row[1])
            let place = PlaceCandidate(
                name: String(row[3]), kind: .country, country: String(row[1]), latitude: Double(row[10]),
                longitude: Double(row[11]), population: Int(row[13]) ?? 0, geonamesID: Int(row[15]))
            var names = [String(row[3]), String(row[4]), String(row[5])]
            names += row[16].split(separator: "|").map(String.init)
            table.add(place, names: names)
        }
        // Admin-1 regions with centroids and aliases.
        var admin1Names: [String: String] = [:]
        for row in try lines("geonames/admin1CodesASCII.txt") where row.count >= 3 {
            admin1Names[String(row[0])] = String(row[2])
        }
        let extraAliases: [String: [String]] = [
            "PK.03": ["NWFP", "North-West Frontier Province", "North West Frontier Province", "KP", "KPK"],
            "IN.12": ["J&K", "J & K", "Jammu & Kashmir"], "PK.06": ["AJK", "Azad Kashmir", "Azad Jammu & Kashmir"],
            "PK.07": ["Gilgit Baltistan", "Northern Areas", "GB"], "IN.25": ["TN"], "IN.36": ["UP"], "IN.28": ["WB"],
        ]
        for (number, row) in try lines("subdivisions/subdivisions.tsv").enumerated().dropFirst() {
            guard row.count >= 12 else {
                throw PipelineError(.invalidLexicon, "expected 12 columns", file: "subdivisions/subdivisions.tsv", line: number + 1)
            }
            guard row[1] == "1", let country = iso3[String(row[0])] else { continue }
            let code = String(row[4])
            let name = admin1Names[code] ?? String(row[2])
            let place = PlaceCandidate(
                name: name, kind: .admin1, country: country, admin1: name, latitude: Double(row[9]), longitude: Double(row[10]),
                population: 0, geonamesID: Int(row[5]))
            var names = [String(row[2]), name]
            names += row[11].split(separator: "|").map(String.init).filter { $0.count > 3 }
            // The ISO 3166-2 suffix ("IN-AP" → "AP"), matched only as a capitalised abbreviation in a list.
            if let suffix = row[3].split(separator: "-").last, row[3].contains("-"), (2...3).contains(suffix.count),
                suffix.allSatisfy(\.isLetter)
            {
                names.append(String(suffix))
            }
            names += extraAliases[code] ?? []
            table.add(place, names: names)
        }
        // Cities.
        var cityByName: [String: PlaceCandidate] = [:]
        for (number, row) in try lines("geonames/cities1000.tsv").enumerated().dropFirst() {
            guard row.count >= 9 else {
                throw PipelineError(.invalidLexicon, "expected 9 columns", file: "geonames/cities1000.tsv", line: number + 1)
            }
            guard let country = iso3[String(row[4])] else { continue }
            let place = PlaceCandidate(
                name: String(row[1]), kind: .city, country: country, admin1: admin1Names["\(row[4]).\(row[5])"],
                latitude: Double(row[2]), longitude: Double(row[3]), population: Int(row[6]) ?? 0, geonamesID: Int(row[0]))
            var names = [String(row[1])]
            if place.population >= 5000 || ["PK", "AF", "IN", "BD", "NP", "LK"].contains(String(row[4])) {
                names += row[8].split(separator: "|").map(String.init)
            }
            table.add(place, names: names)
            cityByName["\(row[4]).\(row[5])/\(TextFolding.placeKey(row[1]))", default: place] = place
        }
        // Admin-2 districts: coordinates of the same-named town of their region when there is one.
        for row in try lines("geonames/admin2Codes.txt") where row.count >= 3 {
            let code = row[0].split(separator: ".")
            guard code.count == 3, let country = iso3[String(code[0])] else { continue }
            let region = "\(code[0]).\(code[1])"
            var name = String(row[2])
            for suffix in [" District", " Agency", " Tehsil", " Upazila", " Division", " Municipality", " Province"] where name.hasSuffix(suffix) {
                name.removeLast(suffix.count)
            }
            let town = cityByName["\(region)/\(TextFolding.placeKey(name))"]
            let place = PlaceCandidate(
                name: name, kind: .admin2, country: country, admin1: admin1Names[region], latitude: town?.latitude,
                longitude: town?.longitude, population: town?.population ?? 0, geonamesID: Int(row[3]))
            table.add(place, names: [name, String(row[1])])
        }
        return table
    }
}
