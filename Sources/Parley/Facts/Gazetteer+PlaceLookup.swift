import Foundation

extension Gazetteer: PlaceLookup {
    /// The gazetteer's places for a name folded with ``PlaceTable/fold(_:)``, as place candidates.
    public func places(named foldedName: String) -> [PlaceCandidate] {
        candidates(for: foldedName).compactMap { place in
            let kind: PlaceCandidate.Kind =
                switch place.featureClass {
                case .country: .country
                case .admin1: .admin1
                case .admin2: .admin2
                case .city: .city
                }
            guard let country = place.country3 ?? country3(forISO2: place.country) else { return nil }
            return PlaceCandidate(
                name: place.name, kind: kind, country: country, admin1: place.admin1Name, latitude: place.latitude,
                longitude: place.longitude, population: place.population, geonamesID: nil)
        }
    }

    /// Place names in the gazetteer have at most this many words worth trying.
    public var longestName: Int { 5 }
}
