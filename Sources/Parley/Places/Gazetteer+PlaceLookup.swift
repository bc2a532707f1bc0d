import Foundation

extension Gazetteer: PlaceLookup {
    /// Every place known under a folded name, as the place resolver wants them.
    /// - Parameter foldedName: a name folded with ``TextFolding/placeKey(_:)``.
    public func placeCandidates(folded foldedName: String) -> [PlaceCandidate] {
        candidates(folded: foldedName).compactMap { place in
            let kind: PlaceCandidate.Kind
            switch place.featureClass {
            case .city: kind = .city
            case .admin1: kind = .admin1
            case .admin2: kind = .admin2
            case .country: kind = .country
            }
            guard let country = place.country3 ?? country3(forISO2: place.country) else { return nil }
            return PlaceCandidate(
                name: place.name, kind: kind, country: country, admin1: place.admin1Name,
                latitude: place.latitude, longitude: place.longitude, population: place.population,
                geonamesID: nil, formerAdmin1: place.formerAdmin1Name)
        }
    }

    /// Names of up to five words are looked up.
    public var longestName: Int { 5 }
}
