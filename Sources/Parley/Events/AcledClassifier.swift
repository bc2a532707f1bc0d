import Foundation

/// ACLED event types and sub-event types for coded events and whole reports.
///
/// The CAMEO code gives a first ACLED type (`codes.tsv`); the words of the event's sentence refine it
/// the way ACLED's codebook separates its sub-events: a protest met by arrests or tear gas is a
/// "Protest with intervention", one fired on is "Excessive force against protesters", one that turns
/// to stone-pelting is a "Violent demonstration"; violence by a mob without a protest is "Mob violence";
/// an explosion is a grenade, suicide bomb, air strike or shelling by the weapon named. Protesters attacked by
/// others are an intervention, or excessive force when seriously hurt; demonstrators who block roads with
/// barricades or fires, storm offices or attack people make a violent demonstration; crude bombs, arson and
/// stone pelting by crowds are mob violence; a battle needs armed actors. A report with no coded event is
/// classified from its words alone (``classify(_:)``); a coded riot or battle is read by the words around it.
public struct AcledClassifier: Sendable {
    public init() {}

    /// Word cues, matched against lowercased words and word prefixes.
    struct Cues {
        static let protest: [String] = [
            "protest", "demonstrat", "rally", "rallies", "dharna", "sit-in", "gherao", "agitat", "slogan", "marched",
            "marching", "marcher", "bandh", "hartal", "shutdown", "picket", "boycott", "sloganeer", "effigy", "candle",
        ]
        /// Two-word forms of protest: "human chain", "hunger strike".
        static let protestPhrases: [(String, String)] = [("human", "chain"), ("hunger", "strike")]
        /// Who strikes in a labour strike (an air or artillery strike is no protest).
        static let strikers: [String] = [
            "worker", "employee", "teacher", "doctor", "nurse", "driver", "transporter", "trader", "staff", "labour",
            "labor", "union", "hunger", "general", "student", "farmer", "lawyer", "shopkeeper", "strikers",
        ]
        /// Victims that make an armed attack violence against civilians rather than a battle.
        static let civilianTargets: [String] = [
            "civilian", "villager", "worker", "passenger", "student", "communit", "population", "worshipper",
            "patient", "hospital", "school", "children", "residents", "pilgrim", "commuter", "wedding", "market",
            "teacher", "farmer", "rehabilitation",
        ]
        /// Words of fighting that make a battle the main event when told before ground is taken.
        static let battleWords: [String] = [
            "attack", "clash", "fighting", "battle", "ambush", "assault", "gunfight", "firefight", "fought",
        ]
        /// Words that say both sides fought.
        static let fighting: [String] = [
            "clash", "gunfight", "firefight", "battle", "exchange", "skirmish", "fighting", "fought", "repulsed",
        ]
        static let intervention: [String] = [
            "arrest", "detain", "disperse", "lathi", "lathicharge", "cane-charge", "baton", "teargas", "tear",
            "water-cannon", "cannon", "custody", "rounded", "stopped", "removed", "prevented", "foiled", "intercepted",
            "interven", "canecharg", "cane", "evict", "escorted", "bundled", "whisked", "thwart", "booked",
            "halted", "roughed", "pushed", "manhandl", "jostl", "picked",
        ]
        /// Words of attacking people or what they hold.
        static let attackOnPeople: [String] = [
            "attack", "assault", "beat", "stabb", "thrash", "manhandl", "heckl", "hurled", "fired",
        ]
        /// What an attack on a protest hits: the protest or the people in it.
        static let protestTarget: [String] = [
            "rally", "rallies", "procession", "protest", "demonstrat", "agitat", "marcher", "dharna", "hartal",
            "bandh", "sit-in", "march", "chain",
        ]
        /// Harm serious enough to make an attack on protesters excessive force.
        static let seriousHarm: [String] = [
            "injur", "stabb", "killed", "died", "dead", "death", "hospital", "wounded", "gunshot", "bullet", "shot",
            "bomb",
        ]
        /// Blocking roads: violent in ACLED's codebook when done with barricades, fires or force.
        static let roadBlock: [String] = [
            "barricad", "blockade", "bonfire", "tyres", "tires", "forcibl", "forceful", "unruly", "vandalis",
            "vandaliz", "locked", "confined", "gheraoed", "violence", "stormed", "barge", "threw", "flames", "forced",
            "forcing", "hostage", "defaced", "demolish", "destroyed", "locking",
        ]
        static let arrest: [String] = ["arrest", "arrested", "detained", "apprehended", "nabbed"]
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
            "burn", "smash", "scuffle", "hurled", "arson",
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
            "beat", "assault", "manhandl", "thrash", "hurt", "head-butt", "roughed", "heckl", "slapped", "tortur",
            "bludgeon", "slashed",
        ]
        /// Blades and firearms' kin that an organised attacker carries; ACLED's rioters fight with sticks, stones
        /// and fists.
        static let blade: [String] = [
            "sharp", "hacked", "hacking", "machete", "knife", "knives", "sword", "axe", "dagger", "stabb", "chopper",
            "sickle",
        ]
        /// Words of a crowd: a blade in a crowd's hands still makes mob violence.
        static let crowd: [String] = ["mob", "lynch", "crowd", "rioter"]
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
        /// Disasters and accidents: not political violence in ACLED's scope, whoever died.
        static let disaster: [String] = [
            "earthquake", "tremor", "quake", "flood", "rainfall", "landslide", "volcan", "erupt", "cyclone",
            "hurricane", "typhoon", "tsunami", "avalanche", "wildfire", "crash", "collision", "overturn",
            "accident", "poisoning", "leak", "spill", "derail", "capsiz", "aground", "blaze", "firefighter",
        ]
        /// Ordinary and organised crime: outside ACLED's scope unless someone is harmed.
        static let crime: [String] = [
            "smuggl", "counterfeit", "fake", "corruption", "scam", "robbery", "robberies", "robbed", "robbing",
            "stealing", "stolen", "theft", "pornograph", "fraud", "narcotic", "drug", "trafficker", "heroin",
            "cocaine", "burglar",
        ]
        /// Diplomatic measures: no event of ACLED's unless force or protest is reported with them.
        static let diplomacy: [String] = ["diplomat", "sanction", "embassy", "consulate", "ambassador", "envoy"]
        /// Words of political violence or protest that keep a report in scope despite the words above.
        static let inScope: [String] = [
            "attack", "militant", "rebel", "insurgent", "troops", "soldier", "protest", "demonstrat", "riot",
            "clash", "gunmen", "shot", "bomb", "grenade", "mob", "lynch", "abduct", "kidnap", "rape", "airstrike",
            "shell", "fighting", "rally", "rallies",
        ]
        static let harmToPeople: [String] = [
            "kill", "murder", "stab", "beat", "assault", "injur", "hurt", "dead", "died",
        ]
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

    /// Who attacks a protest, when the text tells of protesters being attacked.
    enum ProtestAttackers { case police, others }

    /// Who attacks a protest: an attack word followed by the protest it hits ("BCL men attacked a rally",
    /// "attacked students who were demonstrating") or by its agent ("injured in an attack by ruling party
    /// men"), `nil` when the protesters are the attackers or the attack hits the police.
    /// - Parameter words: lowercased words of the text.
    static func protestAttackedBy(_ words: [String]) -> ProtestAttackers? {
        for index in words.indices {
            if let attackers = attackOnProtest(words, at: index) { return attackers }
        }
        return nil
    }

    /// Who attacks a protest with the attack word at `index`, `nil` when that word is no attack on one.
    static func attackOnProtest(_ words: [String], at index: Int) -> ProtestAttackers? {
        guard isAttack(words, at: index), !isGrievance(words, before: index) else { return nil }
        let before = words[max(0, index - 4)..<index]
        let after = words[(index + 1)..<min(words.count, index + 11)]
        let policeBefore = before.contains { word in Cues.police.contains { word.hasPrefix($0) } }
        let protestAfter = after.contains { word in Cues.protestTarget.contains { word.hasPrefix($0) } }
        let agentAfter = after.prefix(5).contains("by")
        let protestersBefore = before.contains { word in
            ["protester", "protestor", "demonstrator", "agitator", "marcher"].contains { word.hasPrefix($0) }
        }
        if protestAfter && !protestersBefore {
            return policeBefore ? .police : .others
        }
        // "students protested … and BCL members assaulted them": the protesters told first.
        let protestEarlier = words[..<index].contains { word in Cues.protestTarget.contains { word.hasPrefix($0) } }
        if after.first == "them" && protestEarlier && !protestersBefore {
            return policeBefore ? .police : .others
        }
        // "protesting teachers were injured in an attack of BCL men", "a human chain came under attack": a nominal
        // attack whose victims, the protest, are told first.
        let nominal =
            words[index].hasPrefix("attack")
            && before.suffix(2).contains { ["in", "by", "under", "an", "the"].contains($0) }
        if nominal && (protestEarlier || protestersBefore) {
            let agent = after.prefix(6)
            return agent.contains { word in Cues.police.contains { word.hasPrefix($0) } } ? .police : .others
        }
        // "protesters … were assaulted": protesters as the victims of a passive attack.
        let passive = index > 0 && ["were", "was", "been", "being"].contains(words[index - 1])
        if passive && protestersBefore {
            let agent = after.drop { $0 != "by" }.dropFirst().prefix(3)
            return agent.contains { word in Cues.police.contains { word.hasPrefix($0) } } ? .police : .others
        }
        // "were attacked by", "in an attack by": the victims are named before; police victims make the
        // protest violent, not attacked.
        if agentAfter && !policeBefore && !protestersBefore {
            let agent = after.drop { $0 != "by" }.dropFirst().prefix(3)
            if agent.contains(where: { word in
                ["protester", "protestor", "demonstrator"].contains { word.hasPrefix($0) }
            }) {
                return nil
            }
            return agent.contains { word in Cues.police.contains { word.hasPrefix($0) } } ? .police : .others
        }
        return nil
    }

    /// Whether a shot at `index` went into the air ("fired in the air to disperse them"): a warning, not force.
    static func isWarningShot(_ words: [String], at index: Int) -> Bool {
        let after = words[(index + 1)..<min(words.count, index + 4)]
        return after.contains("air") || after.contains("blank")
    }

    /// Whether serious harm is reported: an injury, death or wound that is not negated ("no injuries were
    /// reported", "number of injuries was not reported").
    /// - Parameter words: lowercased words of the text.
    static func reportsSeriousHarm(_ words: [String]) -> Bool {
        words.indices.contains { index in
            guard Cues.seriousHarm.contains(where: { words[index].hasPrefix($0) }) else { return false }
            let before = words[max(0, index - 2)..<index]
            let after = words[(index + 1)..<min(words.count, index + 4)]
            return !before.contains { ["no", "not", "without"].contains($0) } && !after.contains("not")
        }
    }

    /// Whether the word at `index` attacks people: "attacked", "assaulted", "beat", "opened fire".
    static func isAttack(_ words: [String], at index: Int) -> Bool {
        let word = words[index]
        if word == "opened" { return index + 1 < words.count && words[index + 1] == "fire" }
        return Cues.attackOnPeople.contains { word.hasPrefix($0) }
    }

    /// Whether the words before `index` give a protest's grievance ("demanding action against the man who
    /// assaulted", "in protest after a surgeon was assaulted"), not an act at the protest.
    static func isGrievance(_ words: [String], before index: Int) -> Bool {
        let grievance = ["against", "over", "after", "condemn", "demand", "death", "killing", "previous", "earlier"]
        // The grievance is told in the same clause: look back to the nearest "and", "but", "when" or "while".
        let window = words[max(0, index - 8)..<index]
        let clause =
            window.lastIndex { ["and", "but", "when", "while", "as"].contains($0) }.map {
                window[(window.index(after: $0))...]
            } ?? window
        return clause.contains { word in grievance.contains { word.hasPrefix($0) } }
            || words[(index + 1)..<min(words.count, index + 6)].contains { ["previous", "earlier"].contains($0) }
    }

    /// Whether the text tells of sexual violence as its event, not as the grievance behind a riot or an attack
    /// ("a mob beat a man accused of molesting a girl", "rioting over the rape-murder of a minor").
    /// - Parameter words: lowercased words of the text.
    static func reportsSexualViolence(_ words: [String]) -> Bool {
        let causeWords: Set<String> = ["over", "for", "after", "case", "tried", "trying", "attempted"]
        let causePrefixes = [
            "accus", "suspicion", "charge", "aftermath", "verdict", "convict", "justice", "implying", "molester",
            "investigat",
        ]
        for index in words.indices where Cues.sexual.contains(where: { words[index].hasPrefix($0) }) {
            let before = words[max(0, index - 6)..<index]
            let after = words[(index + 1)..<min(words.count, index + 3)]
            if before.contains(where: { word in
                causeWords.contains(word) || causePrefixes.contains { word.hasPrefix($0) }
            }) {
                continue
            }
            // "targeted after a girl from the town was allegedly raped": the earlier crime a riot answers.
            if words[max(0, index - 10)..<index].contains(where: { ["after", "following"].contains($0) })
                && words[max(0, index - 3)..<index].contains(where: {
                    ["was", "were", "been", "allegedly"].contains($0)
                })
            {
                continue
            }
            // "the verdict convicting the sect's chief of rape": a court's finding, however long the name.
            if words[max(0, index - 10)..<index].contains(where: { $0.hasPrefix("convict") || $0.hasPrefix("verdict") })
            {
                continue
            }
            if after.contains(where: { word in ["accus", "case", "charge", "victim"].contains { word.hasPrefix($0) } })
            {
                continue
            }
            return true
        }
        return false
    }

    /// Whether a crowd's act carries a demand: a road blockade, "rioted against the decision",
    /// "vandalised the office demanding …" (a demonstration, in ACLED's terms, not mob violence).
    /// - Parameter words: lowercased words of the text.
    static func protestsWithDemands(_ words: [String]) -> Bool {
        if has(words, ["blockade", "desmonstrat"]) { return true }
        return words.indices.contains { index in
            let word = words[index]
            let after = words[(index + 1)..<min(words.count, index + 7)]
            if word == "demanding" { return true }
            // "rioted against anomalies in the results", "riots erupted … against the land grab".
            if word.hasPrefix("riot") && after.contains("against") { return true }
            // "blocked the highway", "blocked trains": a road blockade.
            if word == "blocked" || word == "blocking" {
                return after.prefix(4).contains { word in
                    ["road", "highway", "route", "train", "traffic", "rail", "street", "nh"].contains {
                        word.hasPrefix($0)
                    }
                }
            }
            return false
        }
    }

    /// Whether people at a protest are hurt: an assault, beating, shooting or injury that is not the
    /// protest's grievance ("demanding action against the man who assaulted a doctor") and not negated.
    /// - Parameter words: lowercased words of the text.
    static func harmsProtesters(_ words: [String]) -> Bool {
        let harm = ["assault", "beat", "tortur", "injur", "wound", "attack", "shot", "fired", "firing", "stabb"]
        return words.indices.contains { index in
            guard harm.contains(where: { words[index].hasPrefix($0) }) else { return false }
            if isGrievance(words, before: index) || isWarningShot(words, at: index) { return false }
            // The cause a protest is held for, however far back it starts ("against the teacher for torturing").
            let cause = ["against", "over", "after", "for", "demanding", "condemning", "alleging", "accusing"]
            if words[max(0, index - 10)..<index].contains(where: { cause.contains($0) }) { return false }
            let before = words[max(0, index - 2)..<index]
            return !before.contains { ["no", "not", "without", "any"].contains($0) }
        }
    }

    /// Whether state forces are at a protest: named, but not as the place ("at the police station") or in
    /// the protest's grievance ("condemning police violence", "against the military government").
    /// - Parameter words: lowercased words of the text.
    static func forcesAtProtest(_ words: [String]) -> Bool {
        words.indices.contains { index in
            guard Cues.stateForces.contains(where: { words[index].hasPrefix($0) }) else { return false }
            if index + 1 < words.count && ["station", "stations", "informer", "informers"].contains(words[index + 1]) {
                return false
            }
            return !isGrievance(words, before: index)
        }
    }

    /// Whether a road, railway or traffic is blocked: "blocked the highway", "blocking trains".
    /// - Parameter words: lowercased words of the text.
    static func blocksTraffic(_ words: [String]) -> Bool {
        let ways = ["road", "highway", "route", "train", "traffic", "rail", "street", "nh", "track", "thoroughfare"]
        return words.indices.contains { index in
            ["blocked", "blocking", "block", "blockaded", "obstructed"].contains(words[index])
                && words[(index + 1)..<min(words.count, index + 5)].contains { word in
                    ways.contains { word.hasPrefix($0) }
                }
        }
    }

    /// Whether a shutdown or strike is enforced on others: "enforced a shutdown", "enforcing the bandh".
    /// - Parameter words: lowercased words of the text.
    static func enforcesShutdown(_ words: [String]) -> Bool {
        let closures = ["shutdown", "shut", "bandh", "hartal", "strike", "shutter", "closure"]
        return words.indices.contains { index in
            words[index].hasPrefix("enforc")
                && words[(index + 1)..<min(words.count, index + 6)].contains { word in
                    closures.contains { word.hasPrefix($0) }
                }
        }
    }

    /// Whether the text tells of shelling: a shell, mortar or missile that is not a tear-gas or smoke shell.
    /// - Parameter words: lowercased words of the text.
    static func hasShelling(_ words: [String]) -> Bool {
        let crowdControl = ["tear", "teargas", "smoke", "gas", "pava", "pepper", "tear-gas", "tear-smoke"]
        return words.indices.contains { index in
            Cues.shelling.contains { words[index].hasPrefix($0) }
                && !words[max(0, index - 2)..<index].contains { word in crowdControl.contains(word) }
        }
    }

    /// Whether something is set on fire: "set fire to", "set a bus on fire", "set ablaze", "were set afire".
    /// - Parameter words: lowercased words of the text.
    static func setsFire(_ words: [String]) -> Bool {
        words.indices.contains { index in
            ["set", "sets"].contains(words[index])
                && words[(index + 1)..<min(words.count, index + 8)].contains {
                    ["fire", "afire", "ablaze", "alight"].contains($0)
                }
        }
    }

    /// Whether state forces take part: a word for them that is not a police informer or a police station
    /// named as the place ("under Gola police station", "police station area").
    /// - Parameter words: lowercased words of the text.
    static func namesStateForces(_ words: [String]) -> Bool {
        words.indices.contains { index in
            guard Cues.stateForces.contains(where: { words[index].hasPrefix($0) }) else { return false }
            guard words[index] == "police", index + 1 < words.count else { return true }
            let next = words[index + 1]
            if next.hasPrefix("informer") || next.hasPrefix("informant") { return false }
            if next == "station" {
                let around = words[max(0, index - 4)..<min(words.count, index + 4)]
                return !around.contains { ["under", "area", "limits", "jurisdiction"].contains($0) }
            }
            return true
        }
    }

    /// Whether demonstrators use force themselves: an attack or a road block by someone other than the police,
    /// or something set on fire.
    /// - Parameter words: lowercased words of the text.
    static func protestersUseForce(_ words: [String]) -> Bool {
        for (index, word) in words.enumerated() {
            let before = words[max(0, index - 6)..<index]
            let byPolice = before.contains { word in Cues.police.contains { word.hasPrefix($0) } }
            if Cues.roadBlock.contains(where: { word.hasPrefix($0) }) && !byPolice { return true }
            if isAttack(words, at: index) && !byPolice && !isGrievance(words, before: index)
                && attackOnProtest(words, at: index) == nil
            {
                // "attacked ... by", "were assaulted": a passive attack names its victims first.
                let after = words[(index + 1)..<min(words.count, index + 4)]
                if before.suffix(2).contains(where: { ["were", "was", "been", "being"].contains($0) }) { continue }
                if after.contains("by") { continue }
                return true
            }
            if (word == "set" || word == "sets") && setsFire(Array(words[index...].prefix(8))) { return true }
        }
        return false
    }

    /// Whether the text speaks of a protest: its words, a labour strike (not an air strike), a march (not the
    /// month of March).
    /// - Parameter words: lowercased words of the text.
    public static func mentionsProtest(_ words: [String]) -> Bool {
        if has(words, Cues.protest) { return true }
        if zip(words, words.dropFirst()).contains(where: { pair in Cues.protestPhrases.contains { $0 == pair } }) {
            return true
        }
        if words.contains(where: { $0 == "strike" || $0 == "strikes" }) && has(words, Cues.strikers)
            && !has(words, Cues.air + Cues.shelling + ["military", "army", "troops", "militant"])
        {
            return true
        }
        for (index, word) in words.enumerated() where word == "march" || word == "marches" {
            // "on 16 March", "March 7": a date.
            let before = index > 0 ? words[index - 1] : ""
            let after = index + 1 < words.count ? words[index + 1] : ""
            if before.first?.isNumber == true || after.first?.isNumber == true { continue }
            if ["in", "of", "since", "until", "from", "last", "next", "this", "early", "late", "mid", "by"].contains(
                before)
            {
                continue
            }
            return true
        }
        return false
    }

    /// The armed actor named just before the first word of taking ground: `true` for state forces, `false` for
    /// a non-state group, `nil` when none is named there ("militants gained control of the base").
    static func captor(_ words: [String]) -> Bool? {
        guard let verb = takingIndex(words) else { return nil }
        for word in words[max(0, verb - 8)..<verb].reversed() {
            if Cues.nonState.contains(where: { word.hasPrefix($0) }) { return false }
            if Cues.stateForces.contains(where: { word.hasPrefix($0) }) { return true }
        }
        return nil
    }

    /// The index of the first word of taking ground ("recaptured", "seized", "took").
    static func takingIndex(_ words: [String]) -> Int? {
        let taking = Cues.territoryGain + Cues.territoryTake + ["took", "taken", "gained", "occup", "recovered"]
        return words.firstIndex { word in taking.contains { word.hasPrefix($0) } }
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
        // Out of ACLED's scope: disasters and accidents, crime with no one harmed, diplomatic measures.
        if !has(Cues.inScope) {
            if has(Cues.disaster) || has(Cues.diplomacy) { return nil }
            if has(Cues.crime) && !has(Cues.harmToPeople) { return nil }
        }
        let protest =
            Self.mentionsProtest(words) || suggested?.eventType == "Protests" || Self.protestsWithDemands(words)
        // A riot coded from a verb ("rioted", "went on a rampage") is a demonstration only when the words tell of
        // a protest; otherwise it is a mob's violence.
        var suggested = suggested
        if suggested?.eventType == "Riots" && !protest {
            suggested = AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        if protest && !has(["rape", "raped", "molest"]) || protest && has(["protest", "demonstrat", "dharna", "rally"])
        {
            let police = has(Cues.police) || has(["officers", "authorities", "military", "soldiers", "army"])
            // State forces hurting or killing protesters who are not themselves violent: excessive force, even
            // when the dispersal is called violent ("security forces violently dispersed a protest").
            // Tear gas, rubber bullets and water cannon disperse a protest (an intervention), they are not lethal.
            let lessLethal = ["tear", "teargas", "rubber", "plastic", "pepper", "water", "pellet"]
            let lethal =
                words.indices.contains { index in
                    let word = words[index]
                    guard Cues.harmToProtesters.contains(where: { word.hasPrefix($0) }) else { return false }
                    // "protested the killing of a boy", "after a girl died": the grievance, not the dispersal.
                    if Self.isGrievance(words, before: index) || Self.isWarningShot(words, at: index) { return false }
                    return !(word.hasPrefix("bullet") && index > 0 && lessLethal.contains(words[index - 1]))
                } || (has(["opened"]) && has(["fire"]))
            let forceUsed = words.indices.contains { index in
                Cues.force.contains { words[index].hasPrefix($0) }
                    && !(index + 1 < words.count && lessLethal.contains { words[index + 1].hasPrefix($0) })
                    && !(words[index].hasPrefix("bullet") && index > 0 && lessLethal.contains(words[index - 1]))
                    && !Self.isGrievance(words, before: index) && !Self.isWarningShot(words, at: index)
            }
            if police && lethal && !has(Cues.protesterViolence) {
                return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
            }
            // Protesters set on by others (party cadres, owners, counter-protesters, police): serious harm by
            // anyone but the police is excessive force, anything less an intervention.
            if let attackers = Self.protestAttackedBy(words), !has(Cues.protesterViolence),
                !Self.protestersUseForce(words)
            {
                if attackers == .others && Self.reportsSeriousHarm(words) {
                    return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
                }
                if attackers == .police && lethal {
                    return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
                }
                return AcledCoding(eventType: "Protests", subEventType: "Protest with intervention")
            }
            // Demonstrators who attack, block roads or barricade them, or set things on fire (ACLED's codebook
            // counts road blocks with barricades or burning tyres as violent).
            // Burning an effigy is a peaceful protest's act.
            let violentWords = words.indices.filter { index in
                !(words[index].hasPrefix("burn")
                    && words[(index + 1)..<min(words.count, index + 5)].contains { $0.hasPrefix("effig") })
            }.map { words[$0] }
            if Self.has(violentWords, Cues.violent) || Self.protestersUseForce(words) {
                return AcledCoding(eventType: "Riots", subEventType: "Violent demonstration")
            }
            if police && forceUsed {
                return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
            }
            // A dispersal that leaves protesters seriously hurt or in hospital: excessive force.
            if police && has(Cues.intervention) && has(["seriously", "critically", "severe", "grievous", "hospital"])
                && Self.reportsSeriousHarm(words)
            {
                return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
            }
            // "police blocked the march", "police used force", "police cleared the protest".
            let policeStopped = words.indices.contains { index in
                ["blocked", "cleared", "force", "barricades"].contains(words[index])
                    && words[max(0, index - 4)..<index].contains { word in Cues.police.contains { word.hasPrefix($0) } }
            }
            if has(Cues.intervention) || policeStopped {
                return AcledCoding(eventType: "Protests", subEventType: "Protest with intervention")
            }
            // A peaceful protest is one no one disrupts (ACLED's codebook): the checks below find what keeps
            // one from being peaceful when the words above did not.
            // Protesters killed or shot by anyone, with no violence of their own: excessive force.
            if lethal || Self.harmsProtesters(words) {
                return AcledCoding(eventType: "Protests", subEventType: "Excessive force against protesters")
            }
            // Forces deployed at a protest (not a police station named as its place): an intervention.
            if Self.forcesAtProtest(words) {
                return AcledCoding(eventType: "Protests", subEventType: "Protest with intervention")
            }
            // Demonstrators who block a road or train, or force a shutdown: a violent demonstration.
            if Self.blocksTraffic(words) || Self.enforcesShutdown(words) {
                return AcledCoding(eventType: "Riots", subEventType: "Violent demonstration")
            }
            if suggested?.eventType == "Protests" && suggested?.subEventType != "Peaceful protest"
                || suggested?.eventType == "Riots"
            {
                return suggested
            }
            return AcledCoding(eventType: "Protests", subEventType: "Peaceful protest")
        }
        if Self.reportsSexualViolence(words) {
            return AcledCoding(eventType: "Violence against civilians", subEventType: "Sexual violence")
        }
        if has(Cues.abduction) || suggested?.subEventType == "Abduction/forced disappearance" {
            // Abducted and then killed: ACLED codes the killing, an attack.
            if has(["killed", "murdered", "strangled", "beheaded", "body", "bodies", "shot"]) {
                return AcledCoding(eventType: "Violence against civilians", subEventType: "Attack")
            }
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
        if has(["airstrike", "air-strike", "drone", "warplane"])
            || (has(Cues.air) && has(["strike", "strikes", "raid", "bomb"]))
        {
            return AcledCoding(eventType: explosions, subEventType: "Air/drone strike")
        }
        // Crude and petrol bombs thrown by rioters, party activists or unnamed assailants, and bombs hurled in a
        // clash between groups: ACLED counts them as mob violence, not remote violence.
        let crudeBomb =
            has(["crude", "petrol", "molotov", "cocktail", "handmade", "hand-made", "country-made"])
            && has(["bomb", "bombs", "bombing"])
        if (crudeBomb || has(["rioter", "rioting", "factional", "faction"]) && has(Cues.explosive))
            && !has(Cues.nonState)
        {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        if Self.hasShelling(words) {
            return AcledCoding(eventType: explosions, subEventType: "Shelling/artillery/missile attack")
        }
        if has(Cues.explosive) {
            return AcledCoding(eventType: explosions, subEventType: "Remote explosive/landmine/IED")
        }
        let places = [
            "territory", "village", "town", "city", "area", "district", "control", "villages", "base", "province",
            "camp", "hill", "post", "region", "localit", "crossing", "field",
        ]
        let tookControl =
            has(["took", "taken", "take", "takes", "gained", "seiz", "establish"]) && has(["control", "over"])
        let recovered = has(["recovered", "occupied"]) && has(Cues.stateForces + Cues.nonState)
        // Ground handed over, or entered or left with no one resisting: a non-violent transfer.
        let unresisted = zip(words, words.dropFirst()).contains {
            ["without", "any", "no"].contains($0.0) && $0.1.hasPrefix("resist")
        }
        let handedOver = zip(words, words.dropFirst()).contains {
            ["handed", "hands"].contains($0.0) && $0.1 == "over"
        }
        if (unresisted || handedOver) && has(places + ["withdr", "pulled", "entered", "seiz", "took", "regain"]) {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Non-violent transfer of territory")
        }
        // Ground changes hands between armed actors; party factions "establishing control" of a campus fight.
        if (has(Cues.territoryGain) || has(Cues.territoryTake) || tookControl || recovered) && has(places)
            && has(Cues.armed + Cues.nonState + Cues.stateForces)
        {
            // Fighting told before the taking of ground: the battle is the event, the ground its outcome.
            if let fight = words.firstIndex(where: { word in Cues.battleWords.contains { word.hasPrefix($0) } }),
                let taking = Self.takingIndex(words), fight < taking, has(Cues.armed)
            {
                return AcledCoding(eventType: "Battles", subEventType: "Armed clash")
            }
            // Who took it: the armed actor named with the taking, else the one named first.
            let state = Self.captor(words) ?? Self.stateFirst(words) ?? has(Cues.territoryGain)
            return AcledCoding(
                eventType: "Battles",
                subEventType: state ? "Government regains territory" : "Non-state actor overtakes territory")
        }
        // Rioters and party factions fighting are mob violence even when the forces they fight are named.
        // Stone-pelting crowds are rioters too, and so are youths or villagers clashing with the police.
        let crowd = has(["youth", "youths", "locals", "villagers", "residents", "students", "crowd"])
        if has(["rioter", "rioting", "factional", "stone-pelt", "pelted", "pelting"])
            || has(Cues.mob) && !has(Cues.armed) && !(has(Cues.blade) && !has(Cues.crowd))
            || crowd && has(["clash", "stones", "fight"]) && !has(Cues.nonState)
        {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        // Arson by a crowd, a party's men or an unnamed group (not an armed group or the state): mob violence.
        if Self.setsFire(words) && !has(Cues.nonState) && !has(Cues.stateForces) && !has(["loot", "plunder"]) {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        // "opened fire on", "died in police custody": shooting and deaths in custody.
        let gunfire =
            has(Cues.firearm) || zip(words, words.dropFirst()).contains { $0.0 == "opened" && $0.1 == "fire" }
        let custodyDeath = has(["died", "death", "dead"]) && has(["custody", "custodial"])
        if has(Cues.collective) && has(Cues.beating) && !gunfire && !has(Cues.armed)
            && !has(["police", "unidentified"]) && !(has(Cues.blade) && !has(Cues.crowd))
        {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        // Party men, villagers or a group of people attacking with no firearm or blade, no armed group, no
        // unidentified assailant, no killing or looting: a spontaneous group's violence, mob violence in ACLED's
        // codebook.
        if has(Cues.collective + ["men", "people", "persons", "mob"]) && has(["attack", "assault"]) && !gunfire
            && !has(Cues.blade)
            && !has(
                Cues.armed + Cues.nonState + [
                    "unidentified", "unknown", "armed", "assailant", "police", "killed", "murder", "dead", "death",
                    "died", "loot", "plunder",
                ])
        {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
        }
        // Armed actors clashing are a battle even with no one reported hurt.
        let armedClash = has(Cues.armedClash) && has(Cues.armed)
        // Forces arresting people in raids, with no one hurt or fighting back: arrests, whatever the verb's code.
        let arrestsOnly = has(Cues.arrest) && !has(Cues.armedClash + Cues.harmToPeople + ["fire", "firing", "shot"])
        if has(Cues.beating) || gunfire || custodyDeath || armedClash || has(Cues.killing)
            || suggested?.eventType == "Battles" && !arrestsOnly
            || suggested?.eventType == "Violence against civilians"
        {
            // Gunmen firing on students or passengers with no one fighting back: an attack on civilians.
            let onCivilians = has(Cues.civilianTargets) && !has(Cues.fighting)
            if has(Cues.armedClash) && has(Cues.armed) && !onCivilians {
                return AcledCoding(eventType: "Battles", subEventType: "Armed clash")
            }
            // Armed actors on both sides, or an attack on state forces: a battle, not violence against civilians.
            if Self.namesStateForces(words) && has(Cues.nonState) && !has(Cues.civilianTargets) {
                return AcledCoding(eventType: "Battles", subEventType: "Armed clash")
            }
            if onCivilians && has(Cues.nonState + ["armed"]) {
                return AcledCoding(eventType: "Violence against civilians", subEventType: "Attack")
            }
            // A battle needs armed actors on both sides: fighting with no armed group or army named is an attack.
            if let suggested, suggested.eventType == "Battles", !has(Cues.armed + Cues.nonState) {
                return AcledCoding(eventType: "Violence against civilians", subEventType: "Attack")
            }
            // A killing or beating coded as fighting, with no fighting told and no state forces named but as the
            // attackers of civilians: one-sided violence, an attack in ACLED's codebook (state forces killed are
            // taken to have fought).
            if suggested?.subEventType == "Armed clash" && !has(Cues.armedClash + Cues.fighting)
                && (!Self.namesStateForces(words) || has(Cues.civilianTargets))
            {
                return AcledCoding(eventType: "Violence against civilians", subEventType: "Attack")
            }
            if let suggested, suggested.eventType != "Strategic developments" { return suggested }
            return AcledCoding(eventType: "Violence against civilians", subEventType: "Attack")
        }
        if has(Cues.looting) {
            return AcledCoding(eventType: "Strategic developments", subEventType: "Looting/property destruction")
        }
        if has(Cues.arrest) {
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
        // Violence between groups or an attack by a party's men, with no weapon, armed group or state force
        // named: mob violence.
        if suggested == nil && has(["violence", "clash", "attack", "rioted", "fight"])
            && (has(Cues.collective + ["men"]) || has(["violence"]))
            && !has(Cues.armed) && !has(Cues.nonState)
        {
            return AcledCoding(eventType: "Riots", subEventType: "Mob violence")
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
        Self.attackTypes(words: Self.words(Substring(document.text)), coding: classify(document))
    }

    /// SATP attack types from a report's words and ACLED coding.
    static func attackTypes(words: [String], coding: AcledCoding?) -> Set<String> {
        var result: Set<String>
        if let coding, coding.eventType == "Explosions/Remote violence" {
            result = ["bombing_explosion"]
        } else if coding?.subEventType == "Abduction/forced disappearance" {
            result = ["kidnapping_abduction"]
        } else if coding?.eventType == "Riots" && has(words, Cues.explosive + Cues.grenade) {
            // Crude bombs thrown in a riot: mob violence to ACLED, a bombing by SATP's weapon-based types.
            result = ["bombing_explosion"]
        } else if let coding, ["Battles", "Violence against civilians", "Riots"].contains(coding.eventType) {
            result = ["armed_assault"]
        } else {
            result = ["other"]
        }
        if has(words, Cues.abduction) { result.insert("kidnapping_abduction") }
        if result.count > 1 { result.remove("other") }
        return result
    }
}
