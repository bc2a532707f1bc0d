import Foundation

/// ACLED event types and sub-event types for coded events and whole reports.
///
/// The CAMEO code gives a first ACLED type (`codes.tsv`); the words of the event's sentence refine it
/// the way ACLED's codebook separates its sub-events: a protest met by arrests or tear gas is a
/// "Protest with intervention", one fired on is "Excessive force against protesters", one that turns
/// to stone-pelting is a "Violent demonstration"; violence by a mob without a protest is "Mob violence";
/// an explosion is a grenade, suicide bomb, air strike or shelling by the weapon named. A report with no
/// coded event is classified from its words alone (``classify(_:)``).
public struct AcledClassifier: Sendable {
    public init() {}

    /// Word cues, matched against lowercased words and word prefixes.
    struct Cues {
        static let protest: [String] = [
            "protest", "demonstrat", "rally", "rallies", "dharna", "sit-in", "gherao", "agitat", "slogan", "march",
            "marched", "bandh", "hartal", "shutdown", "picket", "boycott", "strike", "sloganeer", "effigy", "candle",
        ]
        static let intervention: [String] = [
            "arrest", "detain", "disperse", "lathi", "lathicharge", "cane-charge", "baton", "teargas", "tear",
            "water-cannon", "cannon", "custody", "rounded", "stopped", "removed", "prevented", "foiled", "intercepted",
        ]
        static let force: [String] = ["fired", "firing", "opened", "shot", "killed", "bullet", "live", "died"]
        /// Lethal force used on protesters (by the state forces named with them); beatings, tear gas and
        /// baton charges are interventions in ACLED's codebook.
        static let harmToProtesters: [String] = ["killed", "killing", "died", "dead", "shot", "bullet", "live"]
        /// Violence by the protesters themselves (not the word "violent", which also describes dispersals).
        static let protesterViolence: [String] = [
            "pelt", "stone", "brick", "vandal", "torch", "ablaze", "ransack", "arson", "smash", "hurled", "rioter",
            "petrol", "molotov",
        ]
        /// Violence by the demonstrators themselves.
        static let violent: [String] = [
            "pelt", "stone", "brick", "vandal", "torch", "ablaze", "ransack", "violent", "riot", "clash", "damag",
            "burn", "smash", "scuffle", "hurled", "arson", "gherao",
        ]
        static let police: [String] = [
            "police", "policemen", "security", "forces", "troops", "personnel", "cops", "paramilitary",
        ]
        /// Violence between groups or by a crowd.
        static let mob: [String] = [
            "mob", "lynch", "clash", "scuffle", "altercation", "brawl", "rioter", "pelt", "brickbat", "stone",
            "torch", "vandal", "ransack", "faction", "rival", "groups", "fought",
        ]
        static let harm: [String] = [
            "beat", "beaten", "assault", "attack", "lynch", "clash", "scuffle", "injur", "hurt", "thrash", "stab",
            "hack", "torch", "vandal", "pelt", "kill",
        ]
        /// Civilian collectives whose beating or assault ACLED counts as mob violence.
        static let collective: [String] = [
            "locals", "villagers", "people", "students", "supporters", "activists", "members", "group", "workers",
            "crowd", "residents", "cadres", "relatives", "family",
        ]
        static let beating: [String] = [
            "beat", "assault", "manhandl", "thrash", "hurt", "head-butt", "roughed", "heckl",
        ]
        static let firearm: [String] = ["fired", "firing", "shot", "gunmen", "gun", "bullet", "pistol", "rifle"]
        static let sexual: [String] = [
            "rape", "raped", "molest", "gang-rape", "gangrape", "stripped", "sexual", "naked", "disrobed",
        ]
        static let abduction: [String] = ["abduct", "kidnap", "hostage", "disappear", "missing", "captive"]
        static let killing: [String] = [
            "killed", "shot", "stabbed", "murder", "hacked", "bodies", "body", "dead", "slain", "beheaded",
            "assassinat",
            "lynched", "gunned", "attacked", "injured", "wounded",
        ]
        static let armedClash: [String] = [
            "clash", "gunfight", "encounter", "exchange", "firefight", "battle", "fighting", "skirmish", "engaged",
            "offensive", "repulsed", "ambush",
        ]
        static let armed: [String] = [
            "militants", "militant", "rebels", "rebel", "insurgents", "taliban", "maoists", "maoist", "army", "troops",
            "soldiers", "forces", "terrorists", "fighters", "isis", "isil", "al-shabaab", "naxal", "naxals",
        ]
        /// State forces and non-state armed groups: ACLED's Battles need armed actors on both sides.
        static let stateForces: [String] = [
            "police", "policemen", "army", "soldier", "troops", "security", "military", "personnel", "jawan", "crpf",
            "bsf", "forces", "checkpoint", "paramilitary", "sentries",
        ]
        static let nonState: [String] = [
            "militant", "rebel", "insurgent", "taliban", "maoist", "terrorist", "fighters", "isis", "isil", "daesh",
            "naxal", "gunmen", "jihadist", "al-shabaab", "boko", "militia", "hezbollah", "hamas", "attackers",
        ]
        static let grenade: [String] = ["grenade"]
        static let suicide: [String] = ["suicide", "self-detonat"]
        static let chemical: [String] = ["chemical", "chlorine", "sarin", "toxic", "gas"]
        static let air: [String] = [
            "airstrike", "air", "drone", "jets", "warplane", "aircraft", "helicopter", "bombard",
        ]
        static let shelling: [String] = ["shell", "artillery", "mortar", "missile", "rocket", "howitzer"]
        static let explosive: [String] = [
            "ied", "landmine", "mine", "roadside", "bomb", "explosi", "blast", "detonat", "exploded", "car-bomb",
        ]
        static let disrupted: [String] = [
            "defus", "found", "recovered", "seized", "cache", "stash", "unearthed", "dismantl", "neutralis",
            "neutraliz",
            "intercept",
        ]
        static let territoryGain: [String] = ["recaptur", "retook", "retake", "regain", "liberat", "cleared"]
        /// Taking ground ("took control" and "took over" are checked as pairs).
        static let territoryTake: [String] = ["captur", "seize", "seized", "overran", "overrun", "fell"]
        static let transfer: [String] = ["handed", "handover", "withdr", "evacuat", "pulled", "pull"]
        static let agreement: [String] = [
            "agreement", "agreed", "ceasefire", "cease-fire", "truce", "deal", "accord", "signed", "peace", "pact",
            "treaty", "surrender", "prisoner",
        ]
        static let looting: [String] = [
            "loot", "looted", "plunder", "torched", "burnt", "burned", "destroyed", "demolish",
        ]
        static let base: [String] = ["base", "outpost", "observation", "headquarter", "camp", "post"]
        static let setup: [String] = ["set", "established", "establish", "built", "opened", "created", "deployed"]
        static let group: [String] = [
            "formed", "merged", "joined", "split", "defected", "dissolved", "renamed", "recruit", "pull", "withdr",
        ]
    }

    /// Lowercased words of a text, split at anything that is not a letter, digit or hyphen.
    static func words(_ text: Substring) -> [String] {
        // ASCII text is split byte by byte: its letters and digits are A-Z, a-z and 0-9.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var words: [String] = []
            var word: [UInt8] = []
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                    word.append(byte)
                default:
                    if !word.isEmpty {
                        words.append(String(decoding: word, as: UTF8.self))
                        word.removeAll(keepingCapacity: true)
                    }
                }
            }
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            return words
        }
        return text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
    }

    static func has(_ words: [String], _ cues: [String]) -> Bool {
        words.contains { word in
            // An ASCII word starts with a cue exactly when its bytes do (no combining marks to consider).
            if word.utf8.allSatisfy({ $0 < 0x80 }) {
                let bytes = word.utf8
                return cues.contains { cue in
                    bytes.count >= cue.utf8.count && (cue.isEmpty || bytes.first == cue.utf8.first)
                        && bytes.starts(with: cue.utf8)
                }
            }
            return cues.contains { word.hasPrefix($0) }
        }
    }

    /// Whether state forces are named before any non-state armed group (the likely actor of the report).
    static func stateFirst(_ words: [String]) -> Bool? {
        for word in words {
            if Cues.nonState.contains(where: { word.hasPrefix($0) }) { return false }
            if Cues.stateForces.contains(where: { word.hasPrefix($0) }) { return true }
        }
        return nil
    }

    /// The ACLED coding of a text's words, given the ACLED coding its events suggest (if any).
    public func classify(words: [String], suggested: AcledCoding?) -> AcledCoding? {
        let has = { (cues: [String]) in Self.has(words, cues) }
        let protest = has(Cues.protest) || suggested?.eventType == "Protests" || suggested?.eventType == "Riots"
        if protest && !has(["rape", "raped", "molest"]) || protest && has(["protest", "demonstrat", "dharna", "rally"])
        {
            let police = has(Cues.police) || has(["officers", "authorities", "military", "soldiers", "army"])
            // State forces hurting or killing protesters who are not themselves violent: excessive force, even
            // when the dispersal is called violent ("security forces violently dispersed a protest").
            let lethal = has(Cues.harmToProtesters) || (has(["opened"]) && has(["fire"]))
            if police && lethal && !has(Cues.protesterViolence) {
                return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
            }
            if has(Cues.violent) {
                return AcledCoding(eventType: "Riots", subEventType: "Violent demonstration")
            }
            if police && has(Cues.force) {
                return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
            }
            if has(Cues.intervention) {
                return AcledCoding(eventType: "Protests", subEventType: "Protest with intervention")
            }
            if suggested?.eventType == "Protests" || suggested?.eventType == "Riots" { return suggested }
            return AcledCoding(eventType: "Protests", subEventType: "Peaceful protest")
        }
        if has(Cues.sexual) {
            return AcledCoding(eventType: "Violence against civilians", subEventType: "Sexual violence")
        }
        if has(Cues.abduction) || suggested?.subEventType == "Abduction/forced disappearance" {
            return AcledCoding(eventType: "Violence against civilians", subEventType: "Abduction/forced disappearance")
        }
        let explosions = "Explosions/Remote violence"
        if has(Cues.chemical) && has(["attack", "weapon", "used", "shell", "gas"]) && !has(["tear"]) {
            return AcledCoding(eventType: explosions, subEventType: "Chemical weapon")
        }
        if has(Cues.disrupted) && (has(Cues.explosive) || has(["weapon", "arms", "ammunition", "grenade", "firearm"]))
            && !has(["exploded", "blast", "killed", "injured", "wounded", "hurled", "lobbed"])
        {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Disrupted weapons use")
        }
        if has(Cues.grenade) { return AcledCoding(eventType: explosions, subEventType: "Grenade") }
        if has(Cues.suicide) { return AcledCoding(eventType: explosions, subEventType: "Suicide bomb") }
        if has(["airstrike", "airstrikes", "drone"]) || (has(Cues.air) && has(["strike", "strikes", "raid", "bomb"])) {
            return AcledCoding(eventType: explosions, subEventType: "Air/drone strike")
        }
        if has(Cues.shelling) {
            return AcledCoding(eventType: explosions, subEventType: "Shelling/artillery/missile attack")
        }
        if has(Cues.explosive) {
            return AcledCoding(eventType: explosions, subEventType: "Remote explosive/landmine/IED")
        }
        let places = [
            "territory", "village", "town", "city", "area", "district", "control", "villages", "base", "province",
        ]
        let tookControl = has(["took", "taken", "take", "takes", "gained", "seiz"]) && has(["control", "over"])
        if (has(Cues.territoryGain) || has(Cues.territoryTake) || tookControl) && has(places) {
            // Who took it: the armed actor named first.
            let state = Self.stateFirst(words) ?? has(Cues.territoryGain)
            return AcledCoding(
                eventType: "Battles",
                subEventType: state ? "Government regains territory" : "Non-state actor overtakes territory")
        }
        // Rioters and party factions fighting are mob violence even when the forces they fight are named.
        if has(["rioter", "rioting", "factional"]) || has(Cues.mob) && !has(Cues.armed) {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        if has(Cues.collective) && has(Cues.beating) && !has(Cues.firearm) && !has(Cues.armed)
            && !has(["police", "unidentified"])
        {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        if has(Cues.beating) || has(Cues.firearm) || has(Cues.killing) || suggested?.eventType == "Battles"
            || suggested?.eventType == "Violence against civilians"
        {
            if has(Cues.armedClash) && has(Cues.armed) {
                return AcledCoding(eventType: "Battles", subEventType: "Armed clash")
            }
            // Armed actors on both sides, or an attack on state forces: a battle, not violence against civilians.
            if has(Cues.stateForces) && has(Cues.nonState) && !has(["civilian", "villager", "worker", "passenger"]) {
                return AcledCoding(eventType: "Battles", subEventType: "Armed clash")
            }
            if let suggested, suggested.eventType != "Strategic developments" { return suggested }
            return AcledCoding(eventType: "Violence against civilians", subEventType: "Attack")
        }
        if has(Cues.looting) {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Looting/property destruction")
        }
        if has(["arrest", "arrested", "detained", "apprehended", "nabbed"]) {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Arrests")
        }
        if has(Cues.agreement) { return AcledCoding(eventType: "Strategic developments", subEventType: "Agreement") }
        if has(Cues.base) && has(Cues.setup) {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Headquarters or base established")
        }
        if has(Cues.transfer) && has(["territory", "area", "control", "town", "city", "positions"]) {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Non-violent transfer of territory")
        }
        if has(Cues.group) {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Change to group/activity")
        }
        return suggested
    }

    /// Refines the ACLED coding of every event that has one, by the words of its sentence.
    public func refine(_ document: inout Document) {
        var sentenceWords: [Int: [String]] = [:]  // events of one sentence share its words
        for index in document.events.indices {
            guard let suggested = document.events[index].acled else { continue }
            let sentence = document.events[index].sentence
            guard sentence < document.sentences.count else { continue }
            let words =
                sentenceWords[sentence]
                ?? Self.words(document.text(in: document.sentences[sentence].range))
            sentenceWords[sentence] = words
            document.events[index].acled = classify(words: words, suggested: suggested) ?? suggested
        }
    }

    /// The ACLED coding of a whole report: its first factual event with an ACLED type, refined by the
    /// report's words; the words alone when no event has one.
    public func classify(_ document: Document) -> AcledCoding? {
        let factual = document.events.first {
            $0.acled != nil && !$0.modality.negated && !$0.modality.hypothetical && !$0.modality.future
        }
        return classify(words: Self.words(Substring(document.text)), suggested: factual?.acled)
    }

    /// Attack types in SATP's scheme (`armed_assault`, `bombing_explosion`, `kidnapping_abduction`, `other`):
    /// from the report's ACLED coding, plus kidnapping when the report also tells of one.
    public func attackTypes(_ document: Document) -> Set<String> {
        var result: Set<String>
        let coding = classify(document)
        if let coding, coding.eventType == "Explosions/Remote violence" {
            result = ["bombing_explosion"]
        } else if coding?.subEventType == "Abduction/forced disappearance" {
            result = ["kidnapping_abduction"]
        } else if let coding, ["Battles", "Violence against civilians", "Riots"].contains(coding.eventType) {
            result = ["armed_assault"]
        } else {
            result = ["other"]
        }
        if Self.has(Self.words(Substring(document.text)), Cues.abduction) { result.insert("kidnapping_abduction") }
        if result.count > 1 { result.remove("other") }
        return result
    }
}
