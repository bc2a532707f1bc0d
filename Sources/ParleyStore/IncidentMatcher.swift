import Foundation
import Parley

/// Decides when two coded events report the same real-world incident.
///
/// Two reports are one incident when they share the CAMEO root, the modality class and the dyad
/// (same actor codes, or the same countries when the codes differ in detail; the two sides may be swapped
/// for meetings and fights), their dates fall within a tolerance set by the coarser date precision, and
/// their places agree (within ``Configuration/kilometres``, or the same name, or one side unknown).
public struct IncidentMatcher: Sendable {
    /// Tolerances.
    public struct Configuration: Sendable, Hashable {
        /// Days apart for day-precise dates.
        public var dayTolerance = 1
        /// Days apart when one date is only the publication date.
        public var publicationTolerance = 2
        /// Days apart when one date is known to the week or month.
        public var weekTolerance = 7
        public var monthTolerance = 31
        /// Kilometres apart for geocoded places.
        public var kilometres = 50.0

        public init() {}
    }

    /// What the matcher needs to know of an event or incident.
    public struct Key: Sendable, Hashable {
        public var cameoRoot: String
        public var modality: String
        public var source: String
        public var target: String
        public var sourceCountry: String
        public var targetCountry: String
        /// Days since 1970-01-01, or `nil` when undated.
        public var day: Int?
        public var precision: String?
        public var place: String?
        public var admin1: String?
        public var latitude: Double?
        public var longitude: Double?

        public init(
            cameoRoot: String, modality: String, source: String, target: String, sourceCountry: String = "",
            targetCountry: String = "", day: Int?, precision: String? = nil, place: String? = nil,
            admin1: String? = nil, latitude: Double? = nil, longitude: Double? = nil
        ) {
            self.cameoRoot = cameoRoot
            self.modality = modality
            self.source = source
            self.target = target
            self.sourceCountry = sourceCountry
            self.targetCountry = targetCountry
            self.day = day
            self.precision = precision
            self.place = place
            self.admin1 = admin1
            self.latitude = latitude
            self.longitude = longitude
        }

        /// The key of an event, dated by its own date or else the publication date.
        public init(_ event: Event, published: Day?) {
            let date = event.date ?? published
            self.init(
                cameoRoot: IncidentMatcher.root(of: event.cameo), modality: IncidentMatcher.modality(of: event.modality),
                source: event.source.first?.code ?? "", target: event.target.first?.code ?? "",
                sourceCountry: event.source.first?.country ?? "", targetCountry: event.target.first?.country ?? "",
                day: date?.daysSinceEpoch, precision: event.date == nil ? (published == nil ? nil : "publication") : event.datePrecision ?? "day",
                place: event.location?.name, admin1: event.location?.admin1, latitude: event.location?.latitude,
                longitude: event.location?.longitude)
        }
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The widest day distance any pair can match at, for a candidate query.
    public var widestTolerance: Int {
        max(configuration.dayTolerance, configuration.publicationTolerance, configuration.weekTolerance, configuration.monthTolerance)
    }

    /// How far apart two dates may be, from the coarser precision.
    public func tolerance(_ a: String?, _ b: String?) -> Int {
        func days(_ precision: String?) -> Int {
            switch precision {
            case "month": return configuration.monthTolerance
            case "week": return configuration.weekTolerance
            case "publication": return configuration.publicationTolerance
            default: return configuration.dayTolerance
            }
        }
        return max(days(a), days(b))
    }

    /// A score in 0...1 when the two keys are one incident, else `nil`; higher is a better match.
    public func match(_ event: Key, _ incident: Key) -> Double? {
        guard event.cameoRoot == incident.cameoRoot, event.modality == incident.modality else { return nil }
        var score = 1.0
        // Dyad.
        let symmetric = ["04", "19", "20"].contains(event.cameoRoot)
        func sidesMatch(_ a: String, _ b: String, _ countryA: String, _ countryB: String) -> Double? {
            if a == b { return 1 }
            if !countryA.isEmpty && countryA == countryB { return 0.8 }
            if a.isEmpty || b.isEmpty { return 0.5 }
            return nil
        }
        let straight = sidesMatch(event.source, incident.source, event.sourceCountry, incident.sourceCountry)
            .flatMap { s in sidesMatch(event.target, incident.target, event.targetCountry, incident.targetCountry).map { s * $0 } }
        let swapped =
            symmetric
            ? sidesMatch(event.source, incident.target, event.sourceCountry, incident.targetCountry)
                .flatMap { s in sidesMatch(event.target, incident.source, event.targetCountry, incident.sourceCountry).map { s * $0 } }
            : nil
        guard let dyad = [straight, swapped].compactMap({ $0 }).max(), dyad >= 0.5 else { return nil }
        // Both sides unknown on both events is too weak to merge.
        if event.source.isEmpty && event.target.isEmpty { return nil }
        score *= dyad
        // Date.
        switch (event.day, incident.day) {
        case (let a?, let b?):
            let distance = abs(a - b)
            guard distance <= tolerance(event.precision, incident.precision) else { return nil }
            score *= 1 - Double(distance) * 0.05
        case (nil, nil):
            score *= 0.7
        default:
            return nil
        }
        // Place.
        if let la = event.latitude, let lo = event.longitude, let lb = incident.latitude, let lob = incident.longitude {
            let distance = IncidentMatcher.kilometres(la, lo, lb, lob)
            guard distance <= configuration.kilometres else { return nil }
            score *= 1 - distance / (configuration.kilometres * 4)
        } else if let a = event.place?.lowercased(), let b = incident.place?.lowercased(), a != b {
            if let ra = event.admin1?.lowercased(), let rb = incident.admin1?.lowercased(), ra == rb {
                score *= 0.8
            } else {
                return nil
            }
        }
        return score
    }

    /// The two-digit CAMEO root of a code (`190` → `19`); other code systems keep their code.
    public static func root(of code: String) -> String {
        let digits = code.prefix { $0.isNumber }
        return digits.count >= 2 ? String(digits.prefix(2)) : code
    }

    /// The modality class incidents are kept apart by: `negated`, `hypothetical`, `future` or `asserted`
    /// (reported and historical events happened, so they join asserted reports).
    public static func modality(of modality: Modality) -> String {
        if modality.negated { return "negated" }
        if modality.hypothetical { return "hypothetical" }
        if modality.future { return "future" }
        return "asserted"
    }

    /// Great-circle distance in kilometres.
    public static func kilometres(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        let radians = Double.pi / 180
        let dLat = (lat2 - lat1) * radians
        let dLon = (lon2 - lon1) * radians
        let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
        return 6371 * 2 * atan2(a.squareRoot(), (1 - a).squareRoot())
    }
}
