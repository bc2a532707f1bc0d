import Foundation

/// Finds actor mentions in sentences and resolves each to the code its actor held on the sentence's date.
///
/// Longest match over folded words; a country, demonym, capital or actor followed by agents composes
/// ("Pakistani delegation" → `PAKGOV`, "Taliban forces" → `AFGMIL` after 2021-08-15); a title before a
/// name joins it ("Defence Minister Khawaja Muhammad Asif"), and a title before an unknown proper name
/// introduces a person; "the head of X" is X; capitals stand for their government unless used as a
/// place ("in Kabul"); later surnames, "the minister" and "he" refer back to earlier mentions.
/// Uses part-of-speech tags when present.
public struct ActorRecognizer: PipelineStage {
    /// Options.
    public struct Configuration: Sendable {
        /// Give agents without a country ("police", "protesters") the article's main country when one
        /// country clearly dominates its mentions.
        public var assumeHomeCountry = true
        /// How many sentences back a pronoun or "the minister" may look for its antecedent.
        public var coreferenceWindow = 4
        /// Place names found in this gazetteer vote for the article's main country.
        public var gazetteer: Gazetteer?
        /// With a dependency parse: a bare country name that is the subject of a verb ("… that Afghanistan take
        /// action") stands for its government when another sentence of the article names that government as a
        /// party ("Kabul", "the Taliban regime" → `AFGGOV`). A country used as a place ("strikes inside
        /// Afghanistan") stays `AFG`.
        public var countrySubjectsAsGovernment = true

        /// Creates the default configuration.
        public init() {}
    }

    public let name = "actors"
    public let requires: Set<Annotation> = [.tokens, .sentences]
    public let assigns: Set<Annotation> = [.actors]
    /// The compiled lexicon.
    public let dictionary: ActorDictionary
    /// Options.
    public let configuration: Configuration

    /// Creates a recognizer.
    /// - Parameters:
    ///   - dictionary: the compiled lexicon.
    ///   - configuration: options.
    public init(dictionary: ActorDictionary, configuration: Configuration = Configuration()) {
        self.dictionary = dictionary
        self.configuration = configuration
    }

    /// A word piece of a token.
    struct Piece {
        var text: String
        var token: Int
        var isCaps: Bool
        var endsToken: Bool
    }

    /// A lexicon hit before composition.
    struct Hit {
        var tokens: Range<Int>
        var target: ActorDictionary.Target
        var isStem: Bool
        /// Named actors written the same way as the target (see ``ActorDictionary/Match/namesakes``).
        var namesakes: [Int] = []
    }

    static let locatives: Set<String> = [
        "in", "at", "near", "from", "to", "into", "inside", "outside", "across", "around", "toward", "towards",
        "via", "through", "over", "within", "between", "reached", "visited", "left", "seized", "captured", "entered",
        "overran", "fled", "took",
    ]
    static let attributiveSuffixes: Set<String> = [
        "backed", "based", "led", "sponsored", "supported", "run", "controlled", "administered", "held", "allied",
        "linked", "affiliated", "aligned", "born", "funded", "trained",
    ]
    static let placeMarkers: Set<String> = [
        "in", "at", "near", "of", "from", "outside", "inside", "across", "around", "towards", "toward", ",", "(",
        "and", "district", "province", "city",
    ]
    static let placeNouns: Set<String> = [
        "district", "province", "city", "town", "village", "tehsil", "agency", "region", "valley", "area", "division",
        "county", "state", "governorate",
    ]
    static let determiners: Set<String> = [
        "the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those",
    ]
    static let pronouns: [String: Bool] = ["he": true, "she": true]  // value: singular person
    static let headNouns: Set<String> = [
        "head", "chief", "leader", "leaders", "spokesman", "spokesperson", "spokeswoman",
        "members", "member", "commander", "commanders", "chairman", "director",
    ]

    public func process(_ document: inout Document) throws {
        let day = document.metadata.published
        var mentions: [ActorMention] = []
        let folded = document.tokens.map { TextFolding.fold($0.form) }
        var surnames: [String: Int] = [:]
        for (sentenceIndex, sentence) in document.sentences.enumerated() {
            mentions += recognize(
                sentence: sentence, index: sentenceIndex, in: document, folded: folded, day: day, earlier: mentions,
                surnames: &surnames)
        }
        if configuration.countrySubjectsAsGovernment {
            governCountrySubjects(&mentions, in: document)
        }
        if configuration.assumeHomeCountry, let home = homeCountry(of: document, mentions: mentions) {
            for index in mentions.indices {
                guard let code = mentions[index].code, mentions[index].antecedent == nil,
                    dictionary.country(of: code) == nil, code != "---"
                else { continue }
                mentions[index].code = home + code
                mentions[index].confidence = min(mentions[index].confidence, 0.5)
                mentions[index].entry = (mentions[index].entry ?? "") + " + home country \(home)"
            }
        }
        document.actors = mentions
    }

    /// Recodes bare country names that act as the subject of a verb to the government the article names in
    /// another sentence. One sentence alone ("Russia warned the United States, Washington said") sets up no
    /// government as a party of the story, so its country names stay countries.
    func governCountrySubjects(_ mentions: inout [ActorMention], in document: Document) {
        var governments: [String: [Int]] = [:]
        for (index, mention) in mentions.enumerated() {
            guard let code = mention.code, mention.confidence >= 0.7, code.count == 6, code.hasSuffix("GOV"),
                let country = dictionary.country(of: code)
            else { continue }
            governments[country, default: []].append(index)
        }
        guard !governments.isEmpty else { return }
        for index in mentions.indices {
            let mention = mentions[index]
            guard let code = mention.code, code.count == 3, !mention.isPerson, mention.antecedent == nil,
                dictionary.registry.kind(of: code) == .country,
                let government = governments[code]?.first(where: { mentions[$0].sentence != mention.sentence }),
                let head = Self.headToken(of: mention.span.tokens, in: document),
                document.tokens[head].relation == "nsubj", let verb = document.tokens[head].head,
                document.tokens[verb].upos == "VERB"
            else { continue }
            mentions[index].code = code + "GOV"
            mentions[index].entry =
                (mention.entry ?? "") + " + subject of '\(document.tokens[verb].form)': the government named as "
                + "'\(mentions[government].text)'"
        }
    }

    /// The token of a span that the rest of the span depends on: the first whose head lies outside it.
    static func headToken(of span: Range<Int>, in document: Document) -> Int? {
        guard !span.isEmpty, span.upperBound <= document.tokens.count else { return nil }
        return span.first { token in
            guard let head = document.tokens[token].head else { return document.tokens[token].relation != nil }
            return !span.contains(head)
        }
    }

    /// The article's main country: the one that at least half of the country evidence points to.
    ///
    /// Evidence: the countries of confident actor mentions (one vote each) and, with a gazetteer, of
    /// place names in context ("in Swat district", "near Quetta"; one to three votes by size).
    /// - Parameters:
    ///   - document: a tokenized document.
    ///   - mentions: its actor mentions (``Document/actors`` after this stage).
    /// - Returns: a three-letter country code, or `nil` when no country dominates.
    public func homeCountry(of document: Document, mentions: [ActorMention]) -> String? {
        var votes: [String: Int] = [:]
        for mention in mentions {
            if let code = mention.code, let country = dictionary.country(of: code), mention.confidence >= 0.7,
                dictionary.registry.kind(of: country) != .international
            {
                votes[country, default: 0] += 1
            }
        }
        if let gazetteer = configuration.gazetteer {
            let covered = Set(mentions.flatMap { $0.span.tokens })
            for (country, count) in placeCountries(document, gazetteer: gazetteer, covered: covered, prior: votes) {
                votes[country, default: 0] += count
            }
        }
        let total = votes.values.reduce(0, +)
        guard let (home, count) = votes.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), total > 0,
            Double(count) / Double(total) >= 0.5
        else { return nil }
        return home
    }

    /// Countries of the places named in a document, with votes: capitalized words outside actor mentions found
    /// in the gazetteer. A name found in one country only counts twice; a name found in several countries
    /// counts once, for the country the rest of the article points to (else the most populous place).
    func placeCountries(
        _ document: Document, gazetteer: Gazetteer, covered: Set<Int>, prior: [String: Int]
    ) -> [String: Int] {
        var votes: [String: Int] = [:]
        var ambiguous: [[(country: String, population: Int)]] = []
        var cache: [String: [(country: String, population: Int)]] = [:]
        func countries(_ key: String) -> [(country: String, population: Int)] {
            if let cached = cache[key] { return cached }
            var result: [(country: String, population: Int)] = []
            for place in gazetteer.candidates(folded: key) {
                guard let code = place.country3 ?? gazetteer.country3(forISO2: place.country) else { continue }
                if !result.contains(where: { $0.country == code }) {
                    result.append((code, place.featureClass == .city ? place.population : 10_000_000))
                }
            }
            cache[key] = result
            return result
        }
        for sentence in document.sentences {
            var index = sentence.tokens.lowerBound
            while index < sentence.tokens.upperBound {
                let token = document.tokens[index]
                // A place name stands after a locative word or before a place noun ("Swat district").
                let before = index > sentence.tokens.lowerBound ? TextFolding.fold(document.tokens[index - 1].form) : ""
                guard !covered.contains(index), let first = token.form.first, first.isUppercase, token.form.count > 2,
                    !TextFolding.isAllCaps(token.form),
                    ActorRecognizer.placeMarkers.contains(before)
                        || (1...3).contains(where: { offset in
                            index + offset < sentence.tokens.upperBound
                                && ActorRecognizer.placeNouns.contains(
                                    TextFolding.fold(document.tokens[index + offset].form))
                        })
                else {
                    index += 1
                    continue
                }
                // The whole run of capitalized words names the place ("Orangi Town", "Dera Ismail Khan"),
                // or the run without a trailing place noun ("Swat District" → "Swat").
                var runEnd = index
                while runEnd < sentence.tokens.upperBound, runEnd - index < 5, !covered.contains(runEnd),
                    document.tokens[runEnd].form.first?.isUppercase == true
                {
                    runEnd += 1
                }
                let length = max(1, runEnd - index)
                var words = document.tokens[index..<(index + length)].map { TextFolding.placeKey($0.form) }.filter {
                    !$0.isEmpty
                }
                var found = countries(words.joined(separator: " "))
                while found.isEmpty, words.count > 1, ActorRecognizer.placeNouns.contains(words[words.count - 1]) {
                    words.removeLast()
                    found = countries(words.joined(separator: " "))
                }
                let sizes = found.map(\.population).sorted(by: >)
                if found.count == 1 || (sizes.count > 1 && sizes[0] / 20 >= max(1, sizes[1])) {
                    // Towns count by size: a large city or a region says more than a village.
                    let weight = sizes[0] >= 100_000 ? 3 : sizes[0] >= 10_000 ? 2 : 1
                    votes[found.max(by: { $0.population < $1.population })!.country, default: 0] += weight
                } else if found.count > 1 {
                    ambiguous.append(found)
                }
                index += length
            }
        }
        for options in ambiguous {
            let known = options.filter { (votes[$0.country] ?? 0) + (prior[$0.country] ?? 0) > 0 }
            let pick = (known.isEmpty ? options : known).max {
                ((votes[$0.country] ?? 0) + (prior[$0.country] ?? 0), $0.population)
                    < ((votes[$1.country] ?? 0) + (prior[$1.country] ?? 0), $1.population)
            }
            if let pick { votes[pick.country, default: 0] += 1 }
        }
        return votes
    }

    /// Folded pieces of a sentence's tokens.
    func pieces(of tokens: ArraySlice<Token>, folded allFolded: [String]) -> [Piece] {
        var result: [Piece] = []
        for index in tokens.indices {
            let form = tokens[index].form
            var folded = allFolded[index]
            if folded.hasSuffix("'s") && folded.count > 2 { folded.removeLast(2) }
            let parts = TextFolding.wordPieces(folded)
            // "Capitals" for acronym matching: the form has an upper-case letter after its first character.
            let caps = TextFolding.hasInnerCapital(form)
            for (offset, part) in parts.enumerated() {
                result.append(Piece(text: part, token: index, isCaps: caps, endsToken: offset == parts.count - 1))
            }
        }
        return result
    }

    /// The raw lexicon hits of a sentence, longest first, left to right.
    func hits(in tokens: ArraySlice<Token>, folded: [String]) -> [Hit] {
        let pieces = pieces(of: tokens, folded: folded)
        let words = pieces.map(\.text)
        let caps = pieces.map(\.isCaps)
        var result: [Hit] = []
        var index = 0
        while index < pieces.count {
            let startsToken = index == 0 || pieces[index - 1].token != pieces[index].token
            if startsToken,
                let match = dictionary.longestMatch(
                    in: words, at: index, allCaps: caps,
                    isBoundary: {
                        // A name may end inside a hyphenated word before "-backed", "-based", "-led" ….
                        pieces[$0].endsToken
                            || ($0 + 1 < pieces.count && pieces[$0 + 1].token == pieces[$0].token
                                && ActorRecognizer.attributiveSuffixes.contains(pieces[$0 + 1].text))
                    })
            {
                let last = pieces[index + match.length - 1].token
                result.append(
                    Hit(
                        tokens: pieces[index].token..<(last + 1), target: match.target, isStem: match.isStem,
                        namesakes: match.namesakes))
                index += match.length
            } else {
                index += 1
            }
        }
        return result
    }

    /// Whether words open their sentence as a dateline, the place a story was filed from ("ISLAMABAD:",
    /// "KABUL (Reuters) -", "DOHA —"): a capitalised place before a colon, dash or news agency is no party.
    func isDateline(_ words: Range<Int>, in document: Document, sentence: Sentence) -> Bool {
        guard words.lowerBound == sentence.tokens.lowerBound, words.upperBound < sentence.tokens.upperBound else {
            return false
        }
        let forms = document.tokens[words].map(\.form)
        guard forms.joined().count >= 3, forms.allSatisfy(TextFolding.isAllCaps) else { return false }
        return [":", "—", "–", "-", "--", "("].contains(document.tokens[words.upperBound].form)
    }

    func recognize(
        sentence: Sentence, index sentenceIndex: Int, in document: Document, folded: [String], day: Day?,
        earlier: [ActorMention], surnames: inout [String: Int]
    ) -> [ActorMention] {
        let tokens = document.tokens[sentence.tokens]
        guard !tokens.isEmpty else { return [] }
        let hits = hits(in: tokens, folded: folded).filter { !isDateline($0.tokens, in: document, sentence: sentence) }
        var mentions: [ActorMention] = []
        func lower(_ token: Int) -> String { folded[token] }
        func isPossessive(_ token: Int) -> Bool {
            let form = folded[token]
            return form == "'s" || form == "'"
        }
        func isProperName(_ token: Int) -> Bool {
            let t = document.tokens[token]
            if let upos = t.upos { return upos == "PROPN" }
            guard let first = t.form.first, first.isUppercase, t.form.count > 1 else { return false }
            return !ActorRecognizer.determiners.contains(lower(token)) && !t.form.allSatisfy({ $0.isUppercase })
        }

        var covered = Set<Int>()
        let hitTokens = Set(hits.flatMap { $0.tokens })
        var hitIndex = 0
        while hitIndex < hits.count {
            // Gather a chunk: hits joined directly or by a possessive.
            var chunk = [hits[hitIndex]]
            var next = hitIndex + 1
            while next < hits.count {
                let gapStart = chunk.last!.tokens.upperBound
                let gap = gapStart..<hits[next].tokens.lowerBound
                if gap.isEmpty || (gap.count == 1 && isPossessive(gap.lowerBound)) {
                    chunk.append(hits[next])
                    next += 1
                } else {
                    break
                }
            }
            hitIndex = next
            for mention in compose(
                chunk, sentence: sentenceIndex, document: document, folded: folded, day: day,
                earlier: earlier, local: mentions,
                isProperName: { isProperName($0) && !hitTokens.contains($0) })
            {
                mentions.append(mention)
                covered.formUnion(mention.span.tokens)
            }
        }

        // "the government of X", "officials of the X": an agent followed by "of" and a country composes.
        var merged = 0
        while merged + 1 < mentions.count {
            let agent = mentions[merged]
            let owner = mentions[merged + 1]
            guard agent.span.tokens.upperBound <= owner.span.tokens.lowerBound else {
                merged += 1
                continue
            }
            let gap = agent.span.tokens.upperBound..<owner.span.tokens.lowerBound
            guard let agentCode = agent.code, dictionary.country(of: agentCode) == nil, !agent.isPerson,
                agent.antecedent == nil, owner.antecedent == nil, let ownerCode = owner.code,
                dictionary.country(of: ownerCode) != nil, !owner.isPerson,
                (gap.count == 1 && lower(gap.lowerBound) == "of")
                    || (gap.count == 2 && lower(gap.lowerBound) == "of" && lower(gap.lowerBound + 1) == "the")
            else {
                merged += 1
                continue
            }
            var combined = makeMention(
                agent.span.tokens.lowerBound..<owner.span.tokens.upperBound, document: document,
                sentence: sentenceIndex,
                code: dictionary.compose(ownerCode, with: AgentEntry(phrase: "", code: agentCode)),
                confidence: 0.85, entry: [owner.entry, agent.entry].compactMap { $0 }.joined(separator: " + "),
                isPerson: false)
            combined.antecedent = nil
            mentions[merged] = combined
            mentions.remove(at: merged + 1)
            let removed = earlier.count + merged + 1
            for index in mentions.indices {
                if let antecedent = mentions[index].antecedent, antecedent >= removed {
                    mentions[index].antecedent = antecedent == removed ? removed - 1 : antecedent - 1
                }
            }
            merged += 1
        }

        // "the head of X": widen X's mention.
        for index in mentions.indices {
            let start = mentions[index].span.tokens.lowerBound
            guard start >= sentence.tokens.lowerBound + 2, lower(start - 1) == "of",
                ActorRecognizer.headNouns.contains(lower(start - 2))
            else { continue }
            var from = start - 2
            if from > sentence.tokens.lowerBound, ActorRecognizer.determiners.contains(lower(from - 1)) { from -= 1 }
            mentions[index].span.tokens = from..<mentions[index].span.tokens.upperBound
            mentions[index].range = document.tokens[from].range.lowerBound..<mentions[index].range.upperBound
            mentions[index].text = String(document.text(in: mentions[index].range))
        }

        // Coreference: surnames of earlier persons, pronouns.
        func mention(_ index: Int) -> ActorMention {
            index < earlier.count ? earlier[index] : mentions[index - earlier.count]
        }
        for (offset, found) in mentions.enumerated()
        where found.isPerson && found.code != nil && found.antecedent == nil {
            let words = found.span.tokens.filter { isProperName($0) }.map { folded[$0] }
            if let last = words.last { surnames[last] = earlier.count + offset }
        }
        for token in sentence.tokens where !covered.contains(token) {
            let form = lower(token)
            if let antecedentIndex = surnames[form], isProperName(token) {
                var target = antecedentIndex
                while let up = mention(target).antecedent { target = up }
                let antecedent = mention(target)
                var surname = makeMention(
                    token..<(token + 1), document: document, sentence: sentenceIndex,
                    code: antecedent.code, confidence: 0.8, entry: antecedent.entry, isPerson: true)
                surname.antecedent = target
                mentions.append(surname)
                covered.insert(token)
            } else if ActorRecognizer.pronouns[form] != nil,
                document.tokens[token].upos == nil || document.tokens[token].upos == "PRON"
            {
                // The most recent person within the window, in earlier sentences or before the pronoun.
                let offset = document.tokens[token].range.lowerBound
                var found: Int?
                var bestStart = -1
                var index = earlier.count + mentions.count - 1
                while index >= 0 {
                    let m = mention(index)
                    if m.sentence < sentenceIndex - configuration.coreferenceWindow { break }
                    if m.isPerson && m.code != nil && m.range.upperBound <= offset && m.range.lowerBound > bestStart {
                        found = index
                        bestStart = m.range.lowerBound
                    }
                    index -= 1
                }
                guard var target = found else { continue }
                while let up = mention(target).antecedent { target = up }
                let antecedent = mention(target)
                var pronoun = makeMention(
                    token..<(token + 1), document: document, sentence: sentenceIndex,
                    code: antecedent.code, confidence: 0.6, entry: antecedent.entry, isPerson: true)
                pronoun.antecedent = target
                mentions.append(pronoun)
            }
        }
        // Text order; antecedents inside this sentence follow their mentions to their new places.
        let base = earlier.count
        let order = mentions.indices.sorted {
            (mentions[$0].span.tokens.lowerBound, $0) < (mentions[$1].span.tokens.lowerBound, $1)
        }
        var newIndex: [Int: Int] = [:]
        for (position, old) in order.enumerated() { newIndex[base + old] = base + position }
        return order.map { old in
            var mention = mentions[old]
            if let antecedent = mention.antecedent, let moved = newIndex[antecedent] { mention.antecedent = moved }
            return mention
        }
    }

    func makeMention(
        _ tokens: Range<Int>, document: Document, sentence: Int, code: String?, confidence: Double, entry: String?,
        isPerson: Bool
    ) -> ActorMention {
        let range =
            document.tokens[tokens.lowerBound].range
            .lowerBound..<document.tokens[tokens.upperBound - 1].range.upperBound
        return ActorMention(
            span: Span(tokens: tokens, label: "actor"), range: range, text: String(document.text(in: range)),
            code: code,
            sentence: sentence, confidence: confidence, entry: entry, isPerson: isPerson)
    }

    /// Turns a chunk of adjacent hits into mentions.
    func compose(
        _ chunk: [Hit], sentence: Int, document: Document, folded: [String], day: Day?, earlier: [ActorMention],
        local: [ActorMention], isProperName: (Int) -> Bool
    ) -> [ActorMention] {
        let actors = dictionary.lexicon.actors
        let agents = dictionary.lexicon.agents
        var code: String?
        var entries: [String] = []
        var confidence = 0.95
        var isPerson = false
        var hasAgent = false
        var lastAgent: AgentEntry?
        var lastAgentTokens = 0..<0
        var result: [ActorMention] = []
        var start = chunk[0].tokens.lowerBound
        var end = chunk[0].tokens.upperBound
        var definite = false
        let sentenceRange = document.sentences[sentence].tokens
        func fold(_ token: Int) -> String { folded[token] }

        func flush() {
            guard !entries.isEmpty else { return }
            var mentionCode = code
            var mentionConfidence = confidence
            var antecedent: Int?
            var entry = entries.joined(separator: " + ")
            // A title alone ("the defence minister") refers back to a person holding it, else stays generic.
            if code == nil, let agent = lastAgent {
                mentionCode = agent.code
                mentionConfidence = 0.6
                if let owner = possessiveOwner(
                    before: start, sentence: sentence, document: document, folded: folded, earlier: earlier,
                    local: local + result), let ownerCode = owner.mention.code
                {
                    // "its troops", "their forces": the agent of the actor the pronoun refers back to.
                    mentionCode = dictionary.compose(ownerCode, with: agent)
                    mentionConfidence = 0.6
                    entry = "\(entry) (of '\(fold(start - 1))' → \(owner.mention.text))"
                } else if definite,
                    let found = findTitleAntecedent(
                        words: Set(lastAgentTokens.flatMap { TextFolding.pieces(document.tokens[$0].form) }),
                        before: document.tokens[start].range.lowerBound, sentence: sentence, earlier: earlier,
                        local: local)
                {
                    let target = found < earlier.count ? earlier[found] : local[found - earlier.count]
                    antecedent = found
                    mentionCode = target.code
                    mentionConfidence = 0.7
                    entry = (target.entry ?? "") + " (via \(agent.reference))"
                    isPerson = target.isPerson
                }
            }
            var mention = makeMention(
                start..<end, document: document, sentence: sentence, code: mentionCode,
                confidence: mentionConfidence, entry: entry, isPerson: isPerson)
            mention.antecedent = antecedent
            result.append(mention)
        }

        for (offset, hit) in chunk.enumerated() {
            let stemPenalty = hit.isStem ? 0.1 : 0
            switch hit.target {
            case .agent(let index):
                let agent = agents[index]
                if let current = code {
                    if isPerson {
                        // An agent after a person ends the person's mention.
                        flush()
                        code = nil
                        entries = []
                        isPerson = false
                        start = hit.tokens.lowerBound
                    } else {
                        code = dictionary.compose(current, with: agent)
                    }
                }
                entries.append(agent.reference)
                hasAgent = true
                lastAgent = agent
                lastAgentTokens = hit.tokens
                end = hit.tokens.upperBound
            case .actor(let index), .demonym(let index), .capital(let index):
                let entry = actors[dictionary.namesake(of: index, among: hit.namesakes, on: day)]
                // A capital after a locative preposition is a place, not an actor.
                if case .capital = hit.target, offset == 0, hit.tokens.lowerBound > sentenceRange.lowerBound,
                    ActorRecognizer.locatives.contains(fold(hit.tokens.lowerBound - 1)),
                    chunk.count == 1
                {
                    return []
                }
                guard let role = entry.role(on: day) ?? entry.roles.first else {
                    if entries.isEmpty {
                        entries.append(entry.reference)
                        end = hit.tokens.upperBound
                    }
                    continue
                }
                var roleCode = role.code
                if case .capital = hit.target, roleCode.count == 3, dictionary.country(of: roleCode) != nil {
                    roleCode += "GOV"
                }
                if entry.kind == .person && hasAgent {
                    // "Defence Minister Khawaja Muhammad Asif": the title joins the person.
                    code = roleCode
                    entries.append(entry.reference)
                    isPerson = true
                    end = hit.tokens.upperBound
                    confidence = 0.95 - stemPenalty
                } else if code != nil {
                    // Two actors side by side ("Pakistan Taliban"): close the first, start again.
                    flush()
                    code = roleCode
                    entries = [entry.reference]
                    start = hit.tokens.lowerBound
                    end = hit.tokens.upperBound
                    hasAgent = false
                    lastAgent = nil
                    isPerson = entry.kind == .person
                    confidence = 0.95 - stemPenalty
                } else {
                    if hasAgent {
                        // An agent before a country ("officials Pakistan") rarely composes; keep it separate.
                        flush()
                        entries = []
                        hasAgent = false
                        lastAgent = nil
                        start = hit.tokens.lowerBound
                    }
                    code = roleCode
                    entries.append(entry.reference)
                    isPerson = entry.kind == .person
                    end = hit.tokens.upperBound
                    switch hit.target {
                    case .capital: confidence = 0.8
                    case .demonym: confidence = 0.75
                    default: confidence = 0.95 - stemPenalty
                    }
                }
                if case .demonym = hit.target, offset + 1 < chunk.count { confidence = 0.9 }
            }
        }
        // A determiner before the chunk: part of the mention, and a sign of a definite title.
        if start > sentenceRange.lowerBound, ActorRecognizer.determiners.contains(fold(start - 1)) {
            definite = fold(start - 1) == "the"
        }
        // A title followed by an unknown proper name introduces a person ("Information Minister Attaullah Tarar").
        if hasAgent, !isPerson, end < sentenceRange.upperBound, isProperName(end) {
            var nameEnd = end
            while nameEnd < sentenceRange.upperBound, isProperName(nameEnd), nameEnd - end < 4 { nameEnd += 1 }
            let known = document.tokens[end..<nameEnd].contains { TextFolding.fold($0.form) == "of" }
            if !known,
                lastAgent.map({
                    ["GOV", "MIL", "SPY", "JUD", "LEG", "OPP", "REB", "COP"].contains(String($0.code.prefix(3)))
                }) == true
            {
                if code == nil, let agent = lastAgent { code = agent.code }
                end = nameEnd
                isPerson = true
                confidence = min(confidence, 0.75)
                entries.append("new person with title")
            }
        }
        flush()
        return result
    }

    /// Possessive pronouns that refer back to a non-person actor: "its troops", "their forces".
    static let possessivePronouns: Set<String> = ["its", "their"]

    /// The actor a possessive pronoun before a token refers back to ("Pakistan said its troops …"): the subject
    /// mention nearest before the pronoun in its sentence, else the nearest country or organisation mention
    /// before it, within the coreference window. Persons, agents without a country and mentions that themselves
    /// refer back are skipped; `nil` when the word before is no such pronoun or nothing fits.
    func possessiveOwner(
        before token: Int, sentence: Int, document: Document, folded: [String], earlier: [ActorMention],
        local: [ActorMention]
    ) -> (index: Int, mention: ActorMention)? {
        let sentenceRange = document.sentences[sentence].tokens
        guard token > sentenceRange.lowerBound, ActorRecognizer.possessivePronouns.contains(folded[token - 1]) else {
            return nil
        }
        let offset = document.tokens[token - 1].range.lowerBound
        func fits(_ mention: ActorMention) -> Bool {
            guard let code = mention.code, !mention.isPerson, mention.antecedent == nil,
                mention.range.upperBound <= offset
            else { return false }
            return dictionary.country(of: code) != nil
        }
        func isSubject(_ mention: ActorMention) -> Bool {
            mention.span.tokens.contains { (document.tokens[$0].relation ?? "").hasPrefix("nsubj") }
        }
        // Newest first, within the window.
        var nearest: (index: Int, mention: ActorMention)?
        var index = earlier.count + local.count - 1
        while index >= 0 {
            let mention = index < earlier.count ? earlier[index] : local[index - earlier.count]
            if mention.sentence < sentence - configuration.coreferenceWindow { break }
            if nearest != nil && mention.sentence < sentence { break }
            if fits(mention) {
                if mention.sentence == sentence && isSubject(mention) { return (index, mention) }
                if nearest == nil { nearest = (index, mention) }
            }
            index -= 1
        }
        return nearest
    }

    /// An earlier mention holding a title: a person whose words or role title include the title's words.
    func findTitleAntecedent(
        words: Set<String>, before offset: Int, sentence: Int, earlier: [ActorMention], local: [ActorMention]
    ) -> Int? {
        func mention(_ index: Int) -> ActorMention {
            index < earlier.count ? earlier[index] : local[index - earlier.count]
        }
        var index = earlier.count + local.count - 1
        while index >= 0 {
            let candidate = mention(index)
            if candidate.sentence < sentence - configuration.coreferenceWindow * 2 { break }
            defer { index -= 1 }
            guard candidate.range.upperBound <= offset, candidate.code != nil, candidate.isPerson else { continue }
            var matches = !words.isDisjoint(with: TextFolding.pieces(candidate.text))
            if !matches, let entry = candidate.entry {
                // The entry names its parts "file:line name", joined by " + ", perhaps with " (via …)".
                for part in entry.components(separatedBy: " + ") {
                    let reference = part.components(separatedBy: " (via ").first ?? part
                    if let titles = dictionary.personTitles[reference], words.isSubset(of: titles) { matches = true }
                }
            }
            if matches {
                var target = index
                while let up = mention(target).antecedent { target = up }
                return target
            }
        }
        return nil
    }
}
