import Foundation

/// Finds commitments — demands, threats, promises, agreements and ceasefires — among coded events, and follows
/// each through the later events that keep, meet, reject, carry out or violate it.
///
/// The rules, each named in the history it writes:
/// - `demand`, `threat`, `promise`, `agreement`, `ceasefire`: an asserted (not negated) event makes a commitment:
///   CAMEO 10x a demand, 13x or a hypothetical use of force (18x–20x, "would strike … if") a threat, 03x or a
///   cooperative event (04x–08x) told in the future a promise, 057 an agreement, and 0871 or an intent or yield
///   whose evidence is a truce (a truce pattern, or 0356/087x in a sentence naming a ceasefire) a ceasefire.
///   Demands and threats need a coded target, agreements two parties.
/// - `*-restated`: the same commitment made again between the same parties while it is unsettled joins the first.
/// - `ceasefire-violation`: force (CAMEO 18x–20x) by one party against another ends a ceasefire: `violated`
///   (a one-party ceasefire: force by that party against anyone not acting for it).
/// - `threat-carried-out`: the threatener does what it threatened to the target: force (18x–20x) for threats of
///   force, protest (14x) for threats of protest, sanctions or reduced relations (16x–17x) for the others.
/// - `promise-kept`: the promiser does what it promised towards the other party (CAMEO's 03x intents mirror the
///   acts of 04x–08x: 036 meet is kept by 04x or 057, 033 aid by 07x, …); meetings count in either direction.
/// - `demand-met`: the target yields (08x) or does what was demanded (10x mirror 03x) towards the demander.
/// - `demand-rejected`: the target rejects (12x) the demander.
/// - `agreement-rejected`: a party rejects (12x) another party.
///
/// Actors match by party: a state party (a country code alone, or with a government, military, police, judicial,
/// intelligence or legislative role) is acted for by any state actor of that country (`PAKMIL` acts for `PAK`);
/// a non-state party (`AFGREB`, `IGOUNO`) only by codes that begin with its code. The side acted upon belongs to
/// a state party when it is of that country, whatever its role.
///
/// A later event counts only when it is asserted (not negated, hypothetical or future) and both it and the
/// commitment have a day, its day after the commitment's: events of the same day are not counted, as their order
/// is unknown, and an earlier event recounted with only the publication date as its day has no day of its own.
/// Reported or alleged events (``Modality/reported``) are claims: they are written in the history with their
/// claimant, and make the status ``Commitment/Status/alleged`` until an established event settles it.
public struct CommitmentTracker: Sendable {
    /// An event as the tracker reads it, with the document it came from and its day.
    public struct Input: Sendable {
        /// The coded event.
        public var event: Event
        /// The id of the document it was coded from.
        public var document: String
        /// The event's day: its own date, else its document's publication date.
        public var date: Day?
        /// Whether the event's sentence names a ceasefire or truce (read only for de-escalation codes).
        public var namesTruce: Bool

        /// Creates a tracker input.
        /// - Parameters:
        ///   - event: the coded event.
        ///   - document: the id of its document.
        ///   - published: the document's publication date, standing in when the event has no date.
        ///   - sentence: the event's sentence, when at hand: an intent to de-escalate (0356) or a de-escalation
        ///     (087x) in a sentence that names a ceasefire or truce makes a ceasefire.
        public init(_ event: Event, document: String, published: Day?, sentence: @autoclosure () -> String? = nil) {
            self.event = event
            self.document = document
            date = event.date ?? published
            namesTruce = false
            if event.cameo.hasPrefix("0356") || event.cameo.hasPrefix("087"), let text = sentence()?.lowercased() {
                namesTruce = CommitmentTracker.truceWords.contains { text.contains($0) }
            }
        }
    }

    /// Most steps kept in one commitment's history; later violations of a long-broken ceasefire are dropped.
    public var historyLimit: Int

    /// Creates a tracker.
    /// - Parameter historyLimit: most steps kept in one commitment's history.
    public init(historyLimit: Int = 100) {
        self.historyLimit = historyLimit
    }

    /// The commitments made in one document, followed through its own later-dated events.
    /// - Parameter document: a coded document.
    /// - Returns: the commitments in the order they were made; empty, at the cost of one pass over the events'
    ///   codes, when no event makes one.
    public func commitments(in document: Document) -> [Commitment] {
        guard document.events.contains(where: { Self.kind(of: $0) != nil || $0.cameo.hasPrefix("087") }) else {
            return []
        }
        return track(
            document.events.map { event in
                Input(
                    event, document: document.id, published: document.metadata.published,
                    sentence: event.sentence < document.sentences.count
                        ? String(document.text(in: document.sentences[event.sentence].range)) : nil)
            })
    }

    /// Finds the commitments among events and follows them.
    /// - Parameter inputs: events from one or more documents, in any order: they are read by day (events
    ///   without a day last), keeping the given order within a day.
    /// - Returns: the commitments in the order they were made.
    public func track(_ inputs: [Input]) -> [Commitment] {
        let ordered = inputs.enumerated().sorted { left, right in
            switch (left.element.date, right.element.date) {
            case (let a?, let b?) where a != b: return a < b
            case (nil, _?): return false
            case (_?, nil): return true
            default: return left.offset < right.offset
            }
        }.map(\.element)
        var tracked: [Tracked] = []
        // Commitments by the party keys of their holders and counterparts, to find the ones an event can touch.
        var byParty: [String: [Int]] = [:]
        // Accusations by document and sentence: their speakers allege the acts coded beside them.
        var accusations: [String: [Event]] = [:]
        for input in inputs where input.event.cameo.hasPrefix("11") {
            accusations["\(input.document)\u{1}\(input.event.sentence)", default: []].append(input.event)
        }
        for input in ordered {
            let event = input.event
            let day = Self.statusDay(input)
            if let day, !event.modality.negated, !event.modality.hypothetical, !event.modality.future {
                var candidates = Set<Int>()
                for actor in event.source {
                    if let party = Party(actor) { candidates.formUnion(byParty[party.key] ?? []) }
                }
                for index in candidates.sorted() where tracked[index].accepts(day) {
                    tracked[index].apply(
                        input, day: day, accusations: accusations["\(input.document)\u{1}\(event.sentence)"] ?? [],
                        limit: historyLimit)
                }
            }
            guard let kind = Self.kind(of: event, namesTruce: input.namesTruce), var new = Tracked(input, kind: kind)
            else {
                continue
            }
            // Only commitments of the same parties can be restated: look among those of its first holder.
            if let same = (byParty[new.holder[0].key] ?? []).last(where: { tracked[$0].restates(new) }) {
                tracked[same].restate(input, limit: historyLimit)
                continue
            }
            new.commitment.history = [new.made(input)]
            for key in Set((new.holder + new.counterpart).map(\.key)) {
                byParty[key, default: []].append(tracked.count)
            }
            tracked.append(new)
        }
        return tracked.map(\.commitment)
    }

    // MARK: Which events make commitments

    /// The CAMEO roots of force: assault, fight, mass violence.
    static let forceRoots: Set<Substring> = ["18", "19", "20"]
    /// Words that name a ceasefire.
    static let truceWords = ["ceasefire", "cease-fire", "cease fire", "truce", "armistice"]

    /// Whether an event declares a ceasefire: CAMEO 0871, or an intent (03x) or yield (08x) whose evidence is a
    /// truce: a truce pattern (`agree.truce`) or a rule that folded in a ceasefire (`030 + 0871 → 0356`).
    static func isCeasefire(_ event: Event) -> Bool {
        if event.cameo.hasPrefix("0871") { return true }
        let root = event.cameo.prefix(2)
        guard root == "03" || root == "08" else { return false }
        return event.evidence.pattern.contains("truce")
            || event.evidence.entries.contains { $0.hasPrefix("rule ") && $0.contains("0871") }
    }

    /// What commitment an event makes, if any.
    /// - Parameters:
    ///   - event: the event.
    ///   - namesTruce: whether its sentence names a ceasefire, for de-escalation codes.
    static func kind(of event: Event, namesTruce: Bool = false) -> Commitment.Kind? {
        let modality = event.modality
        guard !modality.negated, event.cameo.count >= 2, event.cameo.first?.isNumber == true else { return nil }
        let root = event.cameo.prefix(2)
        if modality.hypothetical { return forceRoots.contains(root) ? .threat : nil }
        if namesTruce || isCeasefire(event) { return .ceasefire }
        switch root {
        case "10": return .demand
        case "13": return .threat
        case "03": return .promise
        default: break
        }
        if event.cameo.hasPrefix("057") { return modality.future ? .promise : .agreement }
        if modality.future, ["04", "05", "06", "07", "08"].contains(root) { return .promise }
        return nil
    }

    /// The day an event counts on as a later event: none for an earlier event recounted with only the
    /// publication date standing in for its own.
    static func statusDay(_ input: Input) -> Day? {
        if input.event.modality.historical, input.event.datePrecision == "publication" || input.event.date == nil {
            return nil
        }
        return input.date
    }

    /// The code prefixes of the acts that carry out an intent (03x) or a demand (10x): CAMEO numbers them alike.
    static func fulfilling(_ code: String) -> [String] {
        let digits = Array(code)
        guard digits.count >= 3 else { return ["04", "05", "06", "07", "08"] }
        if code.hasPrefix("0356") || code.hasPrefix("1056") { return ["087"] }
        switch digits[2] {
        case "1": return ["06"]
        case "2": return ["05"]
        case "3": return ["07"]
        case "4", "5": return ["08"]
        case "6": return ["04", "057"]
        case "7": return ["057", "08"]
        case "8", "9": return ["04"]
        default: return ["04", "05", "06", "07", "08"]
        }
    }

    /// The code prefixes of the acts that carry out a threat.
    static func carryingOut(_ event: Event) -> [String] {
        let code = event.cameo
        if event.modality.hypothetical { return ["18", "19", "20"] }
        if code.hasPrefix("137") { return ["175", "18", "19", "20"] }
        if code.hasPrefix("130") || code.hasPrefix("138") || code.hasPrefix("139") { return ["18", "19", "20"] }
        if code.hasPrefix("133") { return ["14"] }
        return ["16", "17"]
    }
}

/// A side of a commitment, as actors act for it.
struct Party: Hashable, Sendable {
    /// The country (`PAK`) of a state party, else the code's first six characters (`AFGREB`, `IGOUNO`).
    var key: String
    var isState: Bool

    /// The roles of actors that act for their state.
    static let stateSectors: Set<String> = ["GOV", "MIL", "COP", "JUD", "SPY", "LEG", "FRM", "NAV", "AFC", "UIS"]
    /// Code prefixes that name no country.
    static let international: Set<Substring> = ["IGO", "NGO", "NGM", "IMG", "MNC"]

    init?(_ actor: ActorReference) {
        let code = actor.code
        guard code.count >= 3, !code.hasPrefix("-") else { return nil }
        let prefix = code.prefix(3)
        if !Self.international.contains(prefix), actor.sector.map(Self.stateSectors.contains) ?? true {
            key = String(prefix)
            isState = true
        } else {
            key = String(code.prefix(6))
            isState = false
        }
    }

    /// Whether an actor acts for this party.
    func isActed(by actor: ActorReference) -> Bool {
        guard isState else { return actor.code.hasPrefix(key) }
        return Party(actor) == self
    }

    /// Whether an actor is of this party, as the side acted upon.
    func includes(_ actor: ActorReference) -> Bool {
        actor.code.hasPrefix(key)
    }
}

/// A commitment being followed, with its parties.
struct Tracked: Sendable {
    var commitment: Commitment
    var holder: [Party]
    var counterpart: [Party]
    /// The acts that settle it (code prefixes), for promises, demands and threats.
    var expected: [String]
    /// Whether it can change no more.
    var closed = false
    /// The document, sentence and status of the last step: one sentence gives one step of a status ("bombed …,
    /// killing seven" is coded twice).
    var lastStep: (document: String, sentence: Int, status: Commitment.Status)?

    init?(_ input: CommitmentTracker.Input, kind: Commitment.Kind) {
        let event = input.event
        var holder = Self.parties(event.source)
        var counterpart = Self.parties(event.target).filter { !holder.contains($0) }
        var mutual = false
        switch kind {
        case .demand, .threat:
            guard !holder.isEmpty, !counterpart.isEmpty else { return nil }
        case .promise, .agreement, .ceasefire:
            if counterpart.isEmpty, holder.count > 1 {
                // "Pakistan and Afghanistan agreed …": each party commits towards the others.
                counterpart = Array(holder.dropFirst())
                holder = [holder[0]]
                mutual = true
            }
            guard !holder.isEmpty else { return nil }
            // An agreement binds two parties at least; a ceasefire or promise may be one party's own.
            if kind == .agreement, counterpart.isEmpty { return nil }
        }
        self.holder = holder
        self.counterpart = counterpart
        switch kind {
        case .demand: expected = CommitmentTracker.fulfilling(event.cameo)
        case .promise:
            expected =
                event.cameo.hasPrefix("03")
                ? CommitmentTracker.fulfilling(event.cameo) : [String(event.cameo.prefix(event.cameo == "057" ? 3 : 2))]
        case .threat: expected = CommitmentTracker.carryingOut(event)
        case .agreement, .ceasefire: expected = []
        }
        let sides = event.source.filter { actor in holder.contains { $0.isActed(by: actor) } }
        let others = (event.source + event.target).filter { actor in counterpart.contains { $0.isActed(by: actor) } }
        commitment = Commitment(
            id: event.id, kind: kind, holder: sides.isEmpty ? event.source : sides,
            counterpart: Self.unique(others), mutual: mutual,
            thirdParties: event.thirdParties, date: input.date, document: input.document, cameo: event.cameo,
            expects: "")
        commitment.expects = expectation()
    }

    static func parties(_ actors: [ActorReference]) -> [Party] {
        var seen: [Party] = []
        for actor in actors { if let party = Party(actor), !seen.contains(party) { seen.append(party) } }
        return seen
    }

    static func unique(_ actors: [ActorReference]) -> [ActorReference] {
        var seen = Set<String>()
        return actors.filter { seen.insert($0.code).inserted }
    }

    var parties: [Party] { holder + counterpart }

    static func names(_ parties: [Party]) -> String {
        parties.isEmpty ? "anyone" : parties.map(\.key).joined(separator: ", ")
    }

    func expectation() -> String {
        let (from, to) = (Self.names(holder), Self.names(counterpart))
        let codes = expected.joined(separator: ", ")
        switch commitment.kind {
        case .ceasefire:
            return counterpart.isEmpty
                ? "no force (CAMEO 18-20) by \(from) after the ceasefire's day"
                : "no force (CAMEO 18-20) between \(Self.names(parties)) after the ceasefire's day"
        case .threat: return "carried out when \(from) does \(codes) to \(to)"
        case .promise: return "kept when \(from) does \(codes) with \(to)"
        case .demand:
            return "met when \(to) yields (08) or does \(codes) towards \(from); rejected by 12 towards \(from)"
        case .agreement: return "rejected when a party rejects (12) another: \(Self.names(parties))"
        }
    }

    /// Whether an event of this day can change the commitment.
    func accepts(_ day: Day) -> Bool {
        guard !closed, let made = commitment.date else { return false }
        return day > made
    }

    /// Whether a new commitment is this one made again.
    func restates(_ other: Tracked) -> Bool {
        guard !closed, commitment.kind == other.commitment.kind, commitment.status != .violated else { return false }
        switch commitment.kind {
        case .ceasefire, .agreement:
            return Set(parties) == Set(other.parties)
        case .demand, .threat, .promise:
            return holder == other.holder && counterpart == other.counterpart
                && commitment.cameo.prefix(3) == other.commitment.cameo.prefix(3)
        }
    }

    static func describe(_ actors: [ActorReference]) -> String {
        actors.isEmpty ? "-" : actors.map(\.code).joined(separator: "+")
    }

    static func claimant(_ event: Event) -> ActorReference? {
        event.modality.speaker ?? event.attribution?.speaker
    }

    func made(_ input: CommitmentTracker.Input) -> Commitment.Change {
        let event = input.event
        let kind = commitment.kind.rawValue
        var text = "rule \(kind): \(event.cameo) by \(Self.describe(event.source))"
        if commitment.mutual {
            text += " (mutual)"
        } else if !commitment.counterpart.isEmpty {
            let preposition = commitment.kind == .ceasefire || commitment.kind == .agreement ? "with" : "towards"
            text += " \(preposition) \(Self.describe(commitment.counterpart))"
        }
        text += " on \(input.date?.description ?? "an unknown day")"
        if event.modality.hypothetical {
            text += " (conditional force)"
        } else if event.modality.future {
            text += " (future)"
        }
        if !event.thirdParties.isEmpty {
            text +=
                " (" + event.thirdParties.map { "\($0.role ?? "third party") \($0.code)" }.joined(separator: ", ")
                + ")"
        }
        return change(.open, input, rule: kind, explanation: text, changesStatus: false)
    }

    /// A step of the history. An event that changes the status is a claim when it is reported (or said by a
    /// speaker) and the speaker does not act for its doer (an admission is no claim).
    func change(
        _ status: Commitment.Status, _ input: CommitmentTracker.Input, rule: String, explanation: String,
        changesStatus: Bool = true
    ) -> Commitment.Change {
        let event = input.event
        let claimant = Self.claimant(event)
        let reported = event.modality.reported || claimant != nil
        let admission = claimant.flatMap(Party.init).map { speaker in event.source.contains { Party($0) == speaker } }
        let claim = reported && changesStatus && admission != true
        var text = explanation
        if reported {
            text += claim ? ", alleged by \(Self.name(claimant))" : ", reported by \(Self.name(claimant))"
        }
        return Commitment.Change(
            status: status, event: event.id, document: input.document, date: input.date, cameo: event.cameo,
            rule: rule, explanation: text, claim: claim, claimant: claim ? claimant : nil)
    }

    /// An actor's code, or its words when it has no code ("Afghan officials").
    static func name(_ actor: ActorReference?) -> String {
        guard let actor else { return "an unnamed source" }
        return actor.code.isEmpty || actor.code.allSatisfy({ $0 == "-" }) ? "'\(actor.text)'" : actor.code
    }

    mutating func restate(_ input: CommitmentTracker.Input, limit: Int) {
        let event = input.event
        for party in event.thirdParties where !commitment.thirdParties.contains(party) {
            commitment.thirdParties.append(party)
        }
        guard commitment.history.count < limit else { return }
        let rule = "\(commitment.kind.rawValue)-restated"
        commitment.history.append(
            change(
                commitment.status, input, rule: rule,
                explanation:
                    "rule \(rule): \(event.cameo) by \(Self.describe(event.source)) on \(input.date?.description ?? "an unknown day") restates \(commitment.id)",
                changesStatus: false))
    }

    /// Applies a later event: records it when a rule of the commitment's kind matches.
    /// - Parameters:
    ///   - input: the later event.
    ///   - day: its day, after the commitment's.
    ///   - accusations: accusations (CAMEO 11x) coded in the same sentence, whose speakers allege the event.
    ///   - limit: most steps kept in the history.
    mutating func apply(_ input: CommitmentTracker.Input, day: Day, accusations: [Event], limit: Int) {
        let event = input.event
        let code = event.cameo
        let root = code.prefix(2)
        func acts(_ parties: [Party], _ actors: [ActorReference]) -> [ActorReference] {
            actors.filter { actor in parties.contains { $0.isActed(by: actor) } }
        }
        /// Whom (or where) an act of force or cooperation reached among `parties`: coded targets of theirs, else,
        /// with no coded target, a place named in the text in a state party's country.
        func reached(_ parties: [Party], force: Bool) -> String? {
            let targets = event.target.filter { actor in parties.contains { $0.includes(actor) } }
            if !targets.isEmpty { return (force ? " against " : " towards ") + Self.describe(targets) }
            guard force, event.target.isEmpty, let place = event.location, place.precision <= 3,
                let country = place.country, parties.contains(where: { $0.isState && $0.key == country })
            else { return nil }
            return " in \(place.name) (\(country))"
        }
        var found: (status: Commitment.Status, rule: String, by: [ActorReference], object: String)?
        switch commitment.kind {
        case .ceasefire:
            guard CommitmentTracker.forceRoots.contains(root) else { return }
            for party in counterpart.isEmpty ? holder : parties {
                let by = acts([party], event.source)
                guard !by.isEmpty else { continue }
                var object: String?
                if counterpart.isEmpty {
                    let against = event.target.filter { !party.isActed(by: $0) }
                    if !against.isEmpty { object = " against " + Self.describe(against) }
                } else {
                    object = reached(parties.filter { $0 != party }, force: true)
                }
                // CAMEO 196 is the violation of a ceasefire itself, whoever the text names as its target.
                if object == nil, code.hasPrefix("196"), event.target.isEmpty { object = "" }
                if let object {
                    found = (.violated, "ceasefire-violation", by, object)
                    break
                }
            }
        case .threat:
            guard expected.contains(where: code.hasPrefix) else { return }
            let by = acts(holder, event.source)
            let force = CommitmentTracker.forceRoots.contains(root)
            if !by.isEmpty, let object = reached(counterpart, force: force) {
                found = (.carriedOut, "threat-carried-out", by, object)
            }
        case .promise:
            guard expected.contains(where: code.hasPrefix) else { return }
            let by = acts(holder, event.source)
            if !by.isEmpty, counterpart.isEmpty {
                found = (
                    .kept, "promise-kept", by, event.target.isEmpty ? "" : " towards " + Self.describe(event.target)
                )
            } else if !by.isEmpty, let object = reached(counterpart, force: false) {
                found = (.kept, "promise-kept", by, object)
            } else if root == "04" || code.hasPrefix("057") {
                // A meeting or an agreement is kept by either side.
                let other = acts(counterpart, event.source)
                if !other.isEmpty, let object = reached(holder, force: false) {
                    found = (.kept, "promise-kept", other, object)
                }
            }
        case .demand:
            let by = acts(counterpart, event.source)
            guard !by.isEmpty else { return }
            let towards = reached(holder, force: false)
            if root == "12", let towards, commitment.status != .rejected {
                found = (.rejected, "demand-rejected", by, towards)
            } else if root == "08" || expected.contains(where: code.hasPrefix), towards != nil || event.target.isEmpty {
                found = (.met, "demand-met", by, towards ?? "")
            }
        case .agreement:
            guard root == "12" else { return }
            for party in parties {
                let by = acts([party], event.source)
                if !by.isEmpty, let object = reached(parties.filter { $0 != party }, force: false) {
                    found = (.rejected, "agreement-rejected", by, object)
                    break
                }
            }
        }
        guard let found else { return }
        if let last = lastStep, last.document == input.document, last.sentence == event.sentence,
            last.status == found.status
        {
            return
        }
        lastStep = (input.document, event.sentence, found.status)
        let explanation =
            "rule \(found.rule): \(code) by \(Self.describe(found.by))\(found.object) on \(day) after \(commitment.kind.rawValue) of \(commitment.date?.description ?? "?") (\(commitment.id))"
        var step = change(found.status, input, rule: found.rule, explanation: explanation)
        if !step.claim,
            let accusation = accusations.first(where: { accusation in
                accusation.id != event.id && !accusation.source.isEmpty
                    && accusation.target.contains { target in found.by.contains { Party($0) == Party(target) } }
            })
        {
            // "Kabul accused Islamabad of violating the ceasefire": the accuser alleges the act.
            step.claim = true
            step.claimant = accusation.source.first
            step.explanation +=
                ", alleged by \(Self.name(accusation.source.first)) (\(accusation.cameo) \(accusation.id))"
        }
        if commitment.history.count < limit { commitment.history.append(step) }
        if step.claim {
            if commitment.status == .open { commitment.status = .alleged }
        } else {
            commitment.status = found.status
            // A ceasefire keeps recording its violations; the other kinds are settled once kept, met or carried out.
            closed = [.kept, .met, .carriedOut].contains(found.status)
        }
    }
}
