import Foundation

/// Finds place names, resolves them against a gazetteer using the article's context, and locates events.
///
/// A capitalised name is a place when the gazetteer knows it and the text marks it as one (after "in",
/// "near", "at", …, before "district"/"province", inside a "(Town, Region)" list) or it names a
/// country or region. Candidates are ranked by the region named next to them, the countries of the
/// article (its other places and its actors) and population. Each event is located at the most precise
/// place of its sentence (nearest the trigger among equals), else the dateline; a threat is not
/// located at its target.
public struct PlaceResolver: PipelineStage {
    public let name = "places"
    public let requires: Set<Annotation> = []
    public let assigns: Set<Annotation> = [.places]
    /// The gazetteer.
    public let lookup: any PlaceLookup

    /// Creates the stage.
    /// - Parameter lookup: the gazetteer to resolve names against.
    public init(lookup: any PlaceLookup) {
        self.lookup = lookup
    }

    static let locatives: Set<String> = [
        "in", "near", "at", "from", "outside", "inside", "across", "around", "toward", "towards", "to", "of", "into",
        "through", "within", "between", "and", "including", "via", "along", "on",
    ]
    static let regionWords: [String: PlaceCandidate.Kind] = [
        "district": .admin2, "province": .admin1, "state": .admin1, "region": .admin1, "division": .admin1,
        "agency": .admin2, "tehsil": .admin2, "upazila": .admin2, "city": .city, "town": .city, "village": .city,
        "area": .city, "valley": .admin2, "county": .admin2, "municipality": .city, "block": .city, "taluk": .admin2,
        "mandal": .admin2, "subdivision": .admin2, "sub-division": .admin2,
    ]
    static let notPlaces: Set<String> = [
        "the", "a", "an", "police", "army", "he", "she", "they", "it", "on", "in", "at", "and", "of", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "this", "that", "more",
        "over", "party", "congress", "taliban", "national", "league", "union", "janata", "bharatiya", "samajwadi",
        "students", "workers", "government", "minister", "president", "chief", "security", "forces", "force",
        "national conference", "people", "islamic state", "state",
    ]
    /// Words that start place names ("North Waziristan", "Upper Dir") but are no place alone.
    static let notPlaceNames: Set<String> = [
        "north", "south", "east", "west", "central", "upper", "lower", "new", "old", "sector", "northern", "southern",
        "eastern", "western",
    ]

    /// Nouns after a name that make it a road's name.
    static let roadNouns: Set<String> = ["road", "highway", "motorway", "expressway", "street", "avenue", "roadway", "rd"]
    /// Nouns after a name that make it a family, tribe or group rather than a place.
    static let groupNouns: Set<String> = [
        "clan", "clans", "tribe", "tribes", "tribesmen", "tribesman", "caste", "community", "family", "families",
    ]

    struct Found {
        var words: Range<Int>
        var name: String
        var candidates: [PlaceCandidate]
        var cue: PlaceCandidate.Kind?
        var near: Bool
        var strong: Bool
    }

    public func process(_ document: inout Document) throws {
        let text = FactText(document)
        let found = mentions(in: text)
        // Context: countries and regions named unambiguously, and actors' countries.
        var countries: [String: Double] = [:]
        for mention in document.actors {
            if let code = mention.code, code.count >= 3 { countries[String(code.prefix(3)), default: 0] += 0.5 }
        }
        for word in text.words {
            if let code = CasualtyCounter.defaultDemonyms[word.lower], code != "IGO" { countries[code, default: 0] += 0.5 }
        }
        var ownVotes: [[String: Double]] = []  // each mention's own share of `filterVotes`
        var filterVotes = countries  // actors and demonyms so far
        for mention in found {
            var votes: [String: Double] = [:]
            let kinds = Set(mention.candidates.map(\.country))
            if kinds.count == 1, let only = kinds.first { votes[only, default: 0] += 2 }
            for candidate in mention.candidates where candidate.kind == .country || candidate.kind == .admin1 {
                votes[candidate.country, default: 0] += 1
            }
            countries.merge(votes, uniquingKeysWith: +)
            // Only names that stand out (a country, a region, a large town) vouch for a country against a small
            // namesake abroad.
            let weighty = mention.candidates.contains { $0.kind == .country || $0.kind == .admin1 || $0.population >= 100_000 }
            ownVotes.append(weighty ? votes : [:])
            if weighty { filterVotes.merge(votes, uniquingKeysWith: +) }
        }
        // Coherence: how many mentions could lie in each country.
        var support: [String: Int] = [:]
        for mention in found {
            for country in Set(mention.candidates.map(\.country)) { support[country, default: 0] += 1 }
        }
        var places: [PlaceMention] = []
        var containedIn: Set<Int> = []  // mentions written as the container of an earlier one ("Tirupattur (Vellore, TN)")
        // The mentions of each sentence, found once: a long report has thousands of them.
        var mentionsBySentence: [Int: [Int]] = [:]
        for (position, mention) in found.enumerated() {
            mentionsBySentence[text.words[mention.words.lowerBound].sentence, default: []].append(position)
        }
        for (position, mention) in found.enumerated() {
            // Regions named in the same sentence (e.g. "(Rohtak, Haryana)", "Kunar Province").
            let sentence = text.words[mention.words.lowerBound].sentence
            let neighbours = (mentionsBySentence[sentence] ?? []).filter { $0 != position }
                .map { (offset: $0, element: found[$0]) }
            let nearbyRegions = Set(
                neighbours
                    .flatMap { $0.element.candidates.filter { $0.kind == .admin1 }.map { "\($0.country)/\($0.admin1 ?? "")" } })
            let nearbyCountries = Set(
                neighbours
                    .flatMap { $0.element.candidates.filter { $0.kind == .country }.map(\.country) })
            // A region or country named in the same sentence restricts the candidates to its country.
            let sentenceCountries = Set(nearbyRegions.map { String($0.split(separator: "/").first ?? "") }).union(nearbyCountries)
            var pool = mention.candidates
            let regionsOnly = neighbours
                .filter { entry in entry.element.candidates.allSatisfy { $0.kind == .admin1 } && Set(entry.element.candidates.map(\.country)).count == 1 }
                .compactMap { $0.element.candidates.first?.country }
            if let required = regionsOnly.first, mention.candidates.contains(where: { $0.kind != .admin1 && $0.kind != .country }),
                !mention.candidates.contains(where: { $0.kind == .country })
            {
                pool = pool.filter { $0.country == required }
            }
            _ = sentenceCountries
            // And to the named region itself when the gazetteer has the place there ("Barmal district, Paktika province").
            let namedRegions = neighbours
                .compactMap { entry -> String? in
                    let regions = entry.element.candidates.filter { $0.kind == .admin1 }
                    return regions.count == 1 && (entry.element.cue == .admin1 || entry.element.candidates.count == 1) ? "\(regions[0].country)/\(regions[0].admin1 ?? "")" : nil
                }
            let inRegion = pool.filter { $0.kind != .admin1 && namedRegions.contains("\($0.country)/\($0.admin1 ?? "")") }
            if !inRegion.isEmpty { pool = inRegion }
            // Containers written right after the name: "Lalpur upazila (Natore, Rajshahi)", "Mama Khel, Bannu",
            // "Barmal district, Paktika province". The place must lie in one of them when the gazetteer says so;
            // a small namesake elsewhere is dropped.
            let (containers, containerPositions) = containerRegions(of: position, in: found, text: text)
            if !containers.isEmpty, mention.candidates.contains(where: { $0.kind == .city || $0.kind == .admin2 }) {
                containedIn.formUnion(containerPositions)
            }
            if !containers.isEmpty, mention.candidates.contains(where: { $0.kind == .city || $0.kind == .admin2 }) {
                let inside = pool.filter { containers.contains("\($0.country)/\($0.admin1 ?? "")") && $0.kind != .country }
                if !inside.isEmpty {
                    pool = inside
                } else {
                    let countriesInside = Set(containers.map { String($0.split(separator: "/").first ?? "") })
                    pool = pool.filter { countriesInside.contains($0.country) && ($0.population >= 100_000 || $0.kind == .admin1) }
                }
            }
            // When the article is clearly about one country, a small town abroad is a false friend
            // ("Clifton", "Paradise" in a Karachi story): leave the name unresolved instead.
            // A name does not vouch for itself: "Deil village (…, Sylhet)" is not in the Netherlands just because
            // the only Deil the gazetteer knows is there.
            var others = filterVotes
            for (country, vote) in ownVotes[position] { others[country, default: 0] -= vote }
            // Abroad, a name that is only an alternate or former one of a place ("Molotov" for Perm) is no evidence.
            if let dominant = others.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), dominant.value >= 2 {
                let folded = TextFolding.placeKey(mention.name)
                pool = pool.filter {
                    $0.country == dominant.key || others[$0.country, default: 0] >= 2
                        || ($0.kind == .country || $0.kind == .admin1 || $0.population >= 500_000)
                            && ($0.kind == .country || TextFolding.placeKey($0.name) == folded)
                }
            }
            var best: (PlaceCandidate, Double, String)?
            for candidate in pool {
                var score = log10(Double(candidate.population) + 10)
                var reason = "population"
                // Known by this very name rather than an alternate one.
                if TextFolding.placeKey(candidate.name) == TextFolding.placeKey(mention.name) { score += 2 }
                if nearbyRegions.contains("\(candidate.country)/\(candidate.admin1 ?? "")") && candidate.kind != .admin1 {
                    score += 8
                    reason = "region named nearby"
                }
                if nearbyCountries.contains(candidate.country) && candidate.kind != .country {
                    score += 4
                    reason = "country named nearby"
                }
                score += min(countries[candidate.country] ?? 0, 6)
                score += 2.5 * Double(min((support[candidate.country] ?? 1) - 1, 4))
                switch (candidate.kind, mention.cue) {
                case (.admin1, .some(.admin1)), (.admin2, .some(.admin2)), (.city, .some(.city)): score += 3
                case (.admin1, _): score += 2.5
                case (.country, _): score += 3
                default: break
                }
                if best == nil || score > best!.1 { best = (candidate, score, reason) }
            }
            let range = text.words[mention.words.lowerBound].range.lowerBound..<text.words[mention.words.upperBound - 1].range.upperBound
            var place = PlaceMention(range: range, text: text.text(range), sentence: sentence)
            if let (candidate, _, reason) = best {
                var precision: Int
                switch candidate.kind {
                case .city: precision = mention.near || mention.cue == .admin2 ? 2 : 1
                case .admin2: precision = 2
                case .admin1: precision = 3
                case .country: precision = 4
                }
                if candidate.latitude == nil { precision = max(precision, 3) }
                place.location = Location(
                    name: candidate.name, country: candidate.country, admin1: candidate.admin1, latitude: candidate.latitude,
                    longitude: candidate.longitude, precision: precision, geonamesID: candidate.geonamesID,
                    formerAdmin1: candidate.formerAdmin1)
                place.kind = candidate.kind.rawValue
                place.reason = reason
            }
            places.append(place)
        }
        document.places = places
        // A container only locates an event when the place it contains is unresolved.
        var containers: Set<Int> = []
        for position in containedIn where position < places.count {
            let resolvedInside = (0..<position).contains { inner in
                places[inner].location != nil && places[inner].sentence == places[position].sentence
                    && (places[inner].location?.precision ?? 4) < 3
            }
            if resolvedInside { containers.insert(places[position].range.lowerBound) }
        }
        locateEvents(&document, text: text, containers: containers)
    }

    /// Words that may stand between a place and the places listed as its containers.
    static let containerJoiners: Set<String> = [
        ",", "(", ")", "district", "upazila", "province", "tehsil", "village", "town", "city", "area", "agency",
        "division", "state", "of", "in", "region", "block", "municipality", "rural", "the",
    ]

    /// The (country/admin1) pairs of the places listed right after a mention as its containers.
    func containerRegions(of position: Int, in found: [Found], text: FactText) -> (Set<String>, [Int]) {
        var result: Set<String> = []
        var positions: [Int] = []
        var end = found[position].words.upperBound
        let sentence = text.words[found[position].words.lowerBound].sentence
        let joiners = Self.containerJoiners
        // Mentions come in text order, so those of the same sentence follow this one without a gap.
        for (offset, next) in found[(position + 1)...].prefix(while: { text.words[$0.words.lowerBound].sentence == sentence })
            .enumerated()
        {
            let between = text.words[end..<next.words.lowerBound]
            guard between.count <= 4, between.allSatisfy({ joiners.contains($0.lower) }), between.contains(where: { [",", "(", "of"].contains($0.lower) }) || between.isEmpty == false else { break }
            // Regions contain; a town named as container stands for its region.
            let kinds = next.candidates.filter { $0.kind == .admin1 || $0.kind == .admin2 || $0.kind == .city }
            let regions = Set(kinds.map { "\($0.country)/\($0.admin1 ?? "")" })
            if !regions.isEmpty && regions.count <= 3 { result.formUnion(regions) }
            positions.append(position + 1 + offset)
            end = next.words.upperBound
        }
        return (result, positions)
    }

    /// Capitalised names the gazetteer knows, with the cues around them.
    func mentions(in text: FactText) -> [Found] {
        let words = text.words
        var result: [Found] = []
        for sentence in text.sentences {
            var index = sentence.words.lowerBound
            while index < sentence.words.upperBound {
                guard words[index].isCapitalized, !PlaceResolver.notPlaces.contains(words[index].lower) || words[index].form.count <= 3 && words[index].form == words[index].form.uppercased() && words[index].form.count > 1 && !["THE", "AND"].contains(words[index].form) else {
                    index += 1
                    continue
                }
                var match: (end: Int, candidates: [PlaceCandidate])?
                var length = min(lookup.longestName, 5)
                while length >= 1 {
                    let end = index + length
                    if end <= sentence.words.upperBound, !words[index..<end].contains(where: { $0.isPunctuation && $0.form != "&" }) {
                        let name = TextFolding.placeKey(text.text(words: index, end - 1))
                        var candidates = lookup.placeCandidates(folded: name)
                        // Abbreviations match only as written in capitals.
                        if name.count <= 3 {
                            let listed = index > sentence.words.lowerBound && ["(", ","].contains(words[index - 1].form)
                            candidates = words[index].form == words[index].form.uppercased() && listed
                                ? candidates.filter { $0.kind == .admin1 || $0.kind == .country } : []
                        }
                        if !candidates.isEmpty, !PlaceResolver.notPlaceNames.contains(name),
                            !PlaceResolver.notPlaces.contains(name) || candidates.contains(where: { $0.kind == .country }) && name != "state"
                        {
                            match = (end, candidates)
                            break
                        }
                    }
                    length -= 1
                }
                guard let (end, candidates) = match else {
                    index += 1
                    continue
                }
                let previous = index > sentence.words.lowerBound ? words[index - 1].lower : ""
                // The tail of a hyphenated name ("Dara-i-Takht") or a name followed by a hyphenated tail.
                let attachedBefore = index > sentence.words.lowerBound && words[index - 1].form == "-"
                    && words[index - 1].range.upperBound == words[index].range.lowerBound
                let attachedAfter = end + 1 < sentence.words.upperBound && words[end].form == "-"
                    && words[end].range.lowerBound == words[end - 1].range.upperBound
                    && words[end + 1].range.lowerBound == words[end].range.upperBound && words[end + 1].isCapitalized
                if attachedBefore || attachedAfter, !candidates.contains(where: { $0.kind == .country || $0.kind == .admin1 }) {
                    index = end
                    continue
                }
                // A road is named after the places it leads to: "Kashmir Road in Rawalpindi", "the Kabul-Kandahar highway".
                var after = end
                while after + 1 < sentence.words.upperBound, words[after].form == "-", words[after + 1].isCapitalized { after += 2 }
                if after < sentence.words.upperBound, PlaceResolver.roadNouns.contains(words[after].lower) {
                    index = after
                    continue
                }
                // A family or group name: "the Chandia clan", "Bugti tribesmen".
                if end < sentence.words.upperBound, PlaceResolver.groupNouns.contains(words[end].lower),
                    !candidates.contains(where: { $0.kind == .country })
                {
                    index = end
                    continue
                }
                // Part of a longer name the gazetteer does not know ("Jahangir Puri", "Vijay Ghat").
                if index > sentence.words.lowerBound, words[index - 1].isCapitalized, !PlaceResolver.locatives.contains(previous),
                    index - 1 > sentence.words.lowerBound, !words[index - 1].lower.hasSuffix("'s"),
                    !result.contains(where: { $0.words.upperBound == index })
                {
                    index = end
                    continue
                }
                let next = end < sentence.words.upperBound ? words[end].lower : ""
                // Followed by another capitalised word that is not a place: a longer name ("Bikram Singh",
                // "Forest Department"), unless this is a country or region.
                if end < sentence.words.upperBound, words[end].isCapitalized, PlaceResolver.regionWords[next] == nil,
                    !candidates.contains(where: { $0.kind == .country || $0.kind == .admin1 }),
                    lookup.placeCandidates(folded: TextFolding.placeKey(words[end].form)).isEmpty
                {
                    index = end
                    continue
                }
                var cue = PlaceResolver.regionWords[next]
                let near = ["near", "outside", "outskirts", "around"].contains(previous)
                    || (index >= 2 && words[index - 2].lower == "outskirts")
                var consumed = end
                if cue != nil { consumed += 1 }
                // "at the Dambulla stadium", "in the Kalapara area": a locative before the article counts too.
                let locativeArticle = previous == "the" && index >= sentence.words.lowerBound + 2
                    && PlaceResolver.locatives.contains(words[index - 2].lower) && words[index - 2].lower != "of"
                let strong = PlaceResolver.locatives.contains(previous) || locativeArticle || cue != nil || previous == "(" || previous == ","
                    || candidates.contains { $0.kind == .country || $0.kind == .admin1 }
                    || candidates.contains { $0.population >= 100_000 }
                // Multiword names that are not places ("Islamic State") are caught by notPlaces.
                if strong {
                    var kept = candidates
                    if cue == .admin1 { kept = kept.filter { $0.kind == .admin1 }.isEmpty ? kept : kept.filter { $0.kind == .admin1 } }
                    if cue == .admin2, kept.contains(where: { $0.kind == .city }) { kept = kept.filter { $0.kind != .country } }
                    if cue == .city || cue == .admin2 { kept = kept.filter { $0.kind != .admin1 }.isEmpty ? kept : kept.filter { $0.kind != .admin1 } }
                    if cue == nil && next == "district" { cue = .admin2 }
                    result.append(Found(words: index..<end, name: text.text(words: index, end - 1), candidates: kept, cue: cue, near: near, strong: strong))
                }
                index = consumed
            }
        }
        return result
    }

    /// A dateline ("ISLAMABAD:", "KABUL (Reuters) -") at the start of the text, resolved.
    func dateline(_ document: Document, text: FactText) -> PlaceMention? {
        for sentence in text.sentences.prefix(4) {
            let words = text.words[sentence.words]
            guard let first = words.first, first.form.count > 2, first.form == first.form.uppercased(), first.form.contains(where: \.isLetter) else { continue }
            var end = sentence.words.lowerBound
            while end < sentence.words.upperBound, text.words[end].form == text.words[end].form.uppercased(), text.words[end].form.contains(where: \.isLetter) { end += 1 }
            guard end < sentence.words.upperBound, [":", "(", "-", "—", "–", ","].contains(text.words[end].form) else { continue }
            let name = TextFolding.placeKey(text.text(words: sentence.words.lowerBound, end - 1))
            guard let candidate = lookup.placeCandidates(folded: name).max(by: { $0.population < $1.population }) else { continue }
            let range = first.range.lowerBound..<text.words[end - 1].range.upperBound
            return PlaceMention(range: range, text: text.text(range), sentence: first.sentence,
                location: Location(name: candidate.name, country: candidate.country, admin1: candidate.admin1, latitude: candidate.latitude,
                    longitude: candidate.longitude, precision: candidate.kind == .city ? 1 : 3, geonamesID: candidate.geonamesID,
                    formerAdmin1: candidate.formerAdmin1),
                kind: candidate.kind.rawValue, reason: "dateline")
        }
        return nil
    }

    func locateEvents(_ document: inout Document, text: FactText, containers: Set<Int> = []) {
        let dateline = dateline(document, text: text)
        for index in document.events.indices {
            let event = document.events[index]
            let trigger = event.evidence.trigger
            let sentence = text.sentence(containing: trigger.lowerBound) ?? event.sentence
            var pool = document.places.filter { $0.sentence == sentence && $0.location != nil }
            let inside = pool.filter { !containers.contains($0.range.lowerBound) }
            if !inside.isEmpty { pool = inside }
            // A threat happens where it is made, not at its target.
            if event.cameo.hasPrefix("13") || event.plover?.event == "THREATEN" {
                pool = pool.filter { $0.range.upperBound <= trigger.lowerBound }
            }
            // Clause first: places between the nearest punctuation marks around the trigger.
            let clause = clauseRange(text, sentence: sentence, around: trigger)
            let inClause = pool.filter { clause.contains($0.range.lowerBound) }
            let chosen = (inClause.isEmpty ? pool : inClause).min { a, b in
                let pa = a.location!.precision * 2 + (a.location!.latitude == nil ? 1 : 0)
                let pb = b.location!.precision * 2 + (b.location!.latitude == nil ? 1 : 0)
                if pa != pb { return pa < pb }
                return distance(a.range, trigger) < distance(b.range, trigger)
            }
            document.events[index].location = chosen?.location ?? dateline?.location
        }
    }

    private func clauseRange(_ text: FactText, sentence: Int, around trigger: Range<Int>) -> Range<Int> {
        guard sentence < text.sentences.count else { return trigger }
        let words = text.sentences[sentence].words
        var start = text.sentences[sentence].range.lowerBound
        var end = text.sentences[sentence].range.upperBound
        for index in words {
            let word = text.words[index]
            guard [";", ":", "—", "–"].contains(word.form) || (word.form == "," && index + 1 < words.upperBound && ["which", "while", "but", "whereas"].contains(text.words[index + 1].lower)) else { continue }
            if word.range.upperBound <= trigger.lowerBound { start = word.range.upperBound }
            if word.range.lowerBound >= trigger.upperBound && word.range.lowerBound < end { end = word.range.lowerBound }
        }
        return start..<end
    }

    private func distance(_ a: Range<Int>, _ b: Range<Int>) -> Int {
        if a.upperBound <= b.lowerBound { return b.lowerBound - a.upperBound }
        if b.upperBound <= a.lowerBound { return a.lowerBound - b.upperBound }
        return 0
    }
}

extension Document {
    /// Where the report's main event happened: the first event's location, else the first town named
    /// (precision 1–2, with coordinates), else the most precise place named.
    public var primaryLocation: Location? {
        if let location = events.first(where: { $0.location != nil })?.location { return location }
        let resolved = places.filter { $0.location != nil }
        func rank(_ place: PlaceMention) -> Int { place.location!.precision * 2 + (place.location!.latitude == nil ? 1 : 0) }
        if let town = resolved.first(where: { $0.location!.precision <= 2 && $0.location!.latitude != nil }) { return town.location }
        return resolved.min { rank($0) < rank($1) }?.location
    }

    /// When the report's main event happened: a day fronted in the first sentence that names one ("On 4 May, …",
    /// "As reported on May 6, …") — it dates the main clause, while later dates in the sentence may date what
    /// led up to it —, else the first event's date, else the first day-precise expression. A range of days
    /// ("between 16-18 May", "on 24 or 25 May") counts as its middle day (the earlier one of two).
    public var primaryDate: Day? {
        func day(_ expression: TimeExpression) -> Day? {
            guard let start = expression.start else { return nil }
            guard expression.precision == .day, let end = expression.end, end.daysSinceEpoch > start.daysSinceEpoch else { return start }
            return start.adding(days: (end.daysSinceEpoch - start.daysSinceEpoch) / 2)
        }
        let days = dates.filter { $0.precision == .day && $0.start != nil }
        if let first = days.first, isFronted(first) { return day(first) }
        if let event = events.first(where: { $0.date != nil && $0.datePrecision != DatePrecision.publication.rawValue }), let date = event.date {
            let ranged = days.first { $0.start == date && $0.end != nil && $0.sentence == event.sentence }
            return ranged.flatMap(day) ?? date
        }
        return days.first.flatMap(day) ?? dates.first { $0.start != nil }?.start
    }

    /// Whether a time expression opens its sentence (after at most three words such as "As reported") and a
    /// comma closes it.
    private func isFronted(_ expression: TimeExpression) -> Bool {
        let bytes = Array(text.utf8)
        guard expression.range.upperBound <= bytes.count, expression.range.lowerBound <= bytes.count else { return false }
        var after = expression.range.upperBound
        while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
        guard after < bytes.count, bytes[after] == UInt8(ascii: ",") else { return false }
        // The sentence's start: the last sentence-final mark or line break before the expression.
        var start = expression.range.lowerBound
        while start > 0, ![UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "\n")].contains(bytes[start - 1]) {
            start -= 1
        }
        let before = String(decoding: bytes[start..<expression.range.lowerBound], as: UTF8.self)
        return before.split(whereSeparator: { $0 == " " || $0 == "\n" }).count <= 3 && !before.contains(",")
    }
}
