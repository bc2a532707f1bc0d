import ArgumentParser
import Foundation
import Parley

func ratio(_ hits: Int, _ total: Int) -> String {
    total == 0 ? "n/a" : String(format: "%.3f (%d/%d)", Double(hits) / Double(total), hits, total)
}

/// `parley eval ucdp`: killed counts from UCDP GED Pakistan headlines.
struct EvalUCDPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ucdp",
        abstract: "Score killed counts on UCDP GED headlines (exact on consistent records, within [low, high] on all).")

    @Argument(help: "The gold JSONL file (ucdp_ged_pakistan_headlines_dev.jsonl).")
    var file: String

    @Flag(help: "Print each miss.")
    var verbose = false

    func run() throws {
        let pipeline = try StandardPipeline.make(upTo: .events)
        var exact = 0
        var consistent = 0
        var within = 0
        var total = 0
        for record in try readGoldRecords(file) {
            guard let text = record["text"] as? String, let gold = record["gold"] as? [String: Any] else { continue }
            let meta = record["text_meta"] as? [String: Any]
            let published = (meta?["published"] as? String).flatMap { Day(parsing: $0) }
            let document = try pipeline(
                Document(id: record["id"] as? String ?? "?", text: text, metadata: ArticleMetadata(published: published)))
            let killed = document.casualtyTotal("killed")
            let best = gold["deaths_best"] as? Int ?? -1
            let low = gold["deaths_low"] as? Int ?? best
            let high = gold["deaths_high"] as? Int ?? best
            total += 1
            let isWithin = (low...max(low, high)).contains(killed)
            if isWithin { within += 1 }
            if (gold["headline_consistent_with_best"] as? Bool) == true {
                consistent += 1
                if killed == best { exact += 1 } else if verbose { print("miss best=\(best) got=\(killed): \(text)") }
            } else if !isWithin && verbose {
                print("out of range [\(low), \(high)] got=\(killed): \(text)")
            }
        }
        print("UCDP headlines (\(file.split(separator: "/").last ?? ""))")
        print("  killed == best (consistent records)  \(ratio(exact, consistent))")
        print("  killed within [low, high] (all)      \(ratio(within, total))")
    }
}

/// `parley eval acled-facts`: fatalities, date, admin1 and coordinates from ACLED notes.
struct EvalAcledFactsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "acled-facts",
        abstract: "Score fatalities, event date, admin1 and location on ACLED notes (Pakistan+Afghanistan rows and all rows).")

    @Argument(help: "The gold JSONL file (acled_notes_southasia_dev.jsonl).")
    var file: String

    @Option(help: "A gazetteer folder (geonames/, subdivisions/, countries/) to use instead of the bundled gazetteer.")
    var gazetteer: String?

    @Option(help: "Print misses of one field: fatalities, date, admin1, location.")
    var misses: String?

    func run() throws {
        let places = try gazetteer.map { try PlaceTable.load(directory: URL(fileURLWithPath: $0)) }
        let pipeline = try StandardPipeline.make(upTo: .events, places: places)
        let regions: any PlaceLookup = try places ?? Gazetteer.bundled()
        struct Tally { var n = 0, fatalities = 0, date = 0, admin1 = 0, location = 0 }
        var all = Tally()
        var south = Tally()
        let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        for record in try readGoldRecords(file) {
            guard let text = record["text"] as? String, let gold = record["gold"] as? [String: Any],
                let year = gold["year"] as? Int
            else { continue }
            // The note's dates are resolved against the event's year.
            let document = try pipeline(
                Document(id: record["id"] as? String ?? "?", text: text,
                    metadata: ArticleMetadata(published: Day(year: year, month: 12, day: 31), publishedSource: .guessed)))
            let goldDate = acledDay(gold["event_date"] as? String ?? "", months: months)
            let fatalities = document.casualtyTotal("killed")
            let location = document.primaryLocation
            // Region names compared without their type word ("Rajshahi Division" = "Rajshahi", "Eastern Development
            // Region" = "East").
            let fold = { (value: String?) -> String in
                var words = value.map { TextFolding.placeKey($0).split(separator: " ").map(String.init) } ?? []
                words.removeAll {
                    ["division", "province", "state", "region", "of", "nct", "union", "territory", "development"].contains($0)
                }
                words = words.map { ["eastern": "east", "western": "west", "northern": "north", "southern": "south"][$0] ?? $0 }
                return words.joined(separator: " ")
            }
            var distance = Double.infinity
            if let lat = location?.latitude, let lon = location?.longitude, let glat = gold["latitude"] as? Double,
                let glon = gold["longitude"] as? Double
            {
                distance = haversine(lat, lon, glat, glon)
            }
            // The gold region may carry a former or alternate name of the predicted one ("Chittagong" for
            // "Chattogram"): the gazetteer's names of the region count as the same region.
            let goldAdmin1 = gold["admin1"] as? String
            var goldRegions: Set<String> = [fold(goldAdmin1)]
            let goldKey = TextFolding.placeKey(goldAdmin1 ?? "")
            if let bundled = regions as? Gazetteer {
                for place in bundled.candidates(folded: goldKey, includeAlternates: true) where place.featureClass == .admin1 {
                    goldRegions.insert(fold(place.name))
                }
            } else {
                for candidate in regions.placeCandidates(folded: goldKey) where candidate.kind == .admin1 {
                    goldRegions.insert(fold(candidate.name))
                }
            }
            // A place in Nepal also names the development region it lay in (the admin-1 of data coded before 2019).
            let predictedRegions = [location?.admin1, location?.formerAdmin1].map(fold).filter { !$0.isEmpty }
            let hits = (
                fatalities == (gold["fatalities"] as? Int ?? -1), document.primaryDate == goldDate,
                predictedRegions.contains(where: goldRegions.contains), distance <= 25
            )
            let country = gold["country"] as? String ?? ""
            for pakAfg in [false, true] where !pakAfg || country == "Pakistan" || country == "Afghanistan" {
                var tally = pakAfg ? south : all
                tally.n += 1
                if hits.0 { tally.fatalities += 1 }
                if hits.1 { tally.date += 1 }
                if hits.2 { tally.admin1 += 1 }
                if hits.3 { tally.location += 1 }
                if pakAfg { south = tally } else { all = tally }
            }
            if let misses {
                let miss: String? =
                    switch misses {
                    case "fatalities" where !hits.0: "gold=\(gold["fatalities"] ?? "?") got=\(fatalities)"
                    case "date" where !hits.1: "gold=\(goldDate?.description ?? "?") got=\(document.primaryDate?.description ?? "nil")"
                    case "admin1" where !hits.2:
                        "gold=\(gold["admin1"] ?? "?") [\(goldRegions.sorted().joined(separator: "; "))] got=\(location?.admin1 ?? "nil")"
                            + " / \(location?.formerAdmin1 ?? "-") (\(location?.name ?? "-"))"
                    case "location" where !hits.3: "gold=\(gold["location"] ?? "?") got=\(location?.name ?? "nil") \(Int(min(distance, 99999))) km"
                    default: nil
                    }
                if let miss { print("\(record["id"] as? String ?? "?") \(miss) | \(text.prefix(220))") }
            }
        }
        print("ACLED notes (\(file.split(separator: "/").last ?? ""))")
        for (label, tally) in [("Pakistan+Afghanistan", south), ("all rows", all)] {
            print("  \(label): \(tally.n) records")
            print("    fatalities exact      \(ratio(tally.fatalities, tally.n))")
            print("    event date exact      \(ratio(tally.date, tally.n))")
            print("    admin1 correct        \(ratio(tally.admin1, tally.n))")
            print("    location within 25 km \(ratio(tally.location, tally.n))")
        }
    }
}

/// An ACLED event date: "05 June 2018", "9-Apr-99" (two-digit years are 19xx from 50 on, else 20xx).
func acledDay(_ text: String, months: [String]) -> Day? {
    let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" })
    guard parts.count == 3, let day = Int(parts[0]), var year = Int(parts[2]) else { return nil }
    let name = parts[1].lowercased()
    guard let month = months.firstIndex(where: { $0 == name || (name.count == 3 && $0.hasPrefix(name)) }) else { return nil }
    if parts[2].count == 2 { year += year >= 50 ? 1900 : 2000 }
    return Day(year: year, month: month + 1, day: day)
}

/// Great-circle distance in kilometres.
func haversine(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
    let radians = Double.pi / 180
    let dLat = (lat2 - lat1) * radians
    let dLon = (lon2 - lon1) * radians
    let a = sin(dLat / 2) * sin(dLat / 2) + cos(lat1 * radians) * cos(lat2 * radians) * sin(dLon / 2) * sin(dLon / 2)
    return 6371 * 2 * atan2(sqrt(a), sqrt(1 - a))
}
