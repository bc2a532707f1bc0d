import Foundation

/// A demand, threat, promise, agreement or ceasefire, followed over time: who made it, towards whom, what it
/// expects, and each later event that changed its status, with the rule that did.
///
/// A commitment is derived from coded events (see ``CommitmentTracker``); nothing of it is stored.
public struct Commitment: Hashable, Codable, Sendable {
    /// What was committed to.
    public enum Kind: String, Hashable, Codable, Sendable, CaseIterable {
        /// CAMEO 10x: the source demands something of the target.
        case demand
        /// CAMEO 13x, or conditional use of force ("would strike … if"): the source threatens the target.
        case threat
        /// CAMEO 03x, or a cooperative event told in the future tense: the source promises the target.
        case promise
        /// CAMEO 057: the parties sign a formal agreement.
        case agreement
        /// CAMEO 0871, or an intent or yield whose evidence is a ceasefire or truce: the parties stop fighting.
        case ceasefire
    }

    /// Where a commitment stands.
    public enum Status: String, Hashable, Codable, Sendable, CaseIterable {
        /// Nothing has settled it yet.
        case open
        /// A promise the promiser carried out.
        case kept
        /// A demand the target complied with.
        case met
        /// A demand the target rejected, or an agreement a party repudiated.
        case rejected
        /// A threat the threatener carried out.
        case carriedOut = "carried_out"
        /// A ceasefire broken by force between its parties.
        case violated
        /// Only claims, no established event, say its status changed (see ``Commitment/history``).
        case alleged
    }

    /// One step of a commitment's history: the event that made it or changed its status, and why.
    public struct Change: Hashable, Codable, Sendable {
        /// The status the event gives (or claims to give) the commitment.
        public var status: Status
        /// The event's id (`<document id>-e<n>`).
        public var event: String
        /// The document the event comes from.
        public var document: String
        /// The event's day: its own date, else its document's publication date.
        public var date: Day?
        /// The event's CAMEO code.
        public var cameo: String
        /// The rule's name: `ceasefire-violation`, `threat-carried-out`, ….
        public var rule: String
        /// The rule applied to this event, in words: `rule ceasefire-violation: 190 by PAKMIL against AFG …`.
        public var explanation: String
        /// Whether the event is only reported or alleged by someone (a claim, not an established fact).
        public var claim: Bool
        /// Who makes the claim, when the text names them.
        public var claimant: ActorReference?

        /// Creates a step of a commitment's history.
        /// - Parameters:
        ///   - status: the status the event gives or claims.
        ///   - event: the event's id.
        ///   - document: its document's id.
        ///   - date: its day.
        ///   - cameo: its CAMEO code.
        ///   - rule: the rule's name.
        ///   - explanation: the rule applied, in words.
        ///   - claim: whether the event is only a claim.
        ///   - claimant: who claims it.
        public init(
            status: Status, event: String, document: String, date: Day?, cameo: String, rule: String,
            explanation: String, claim: Bool = false, claimant: ActorReference? = nil
        ) {
            self.status = status
            self.event = event
            self.document = document
            self.date = date
            self.cameo = cameo
            self.rule = rule
            self.explanation = explanation
            self.claim = claim
            self.claimant = claimant
        }
    }

    /// The id of the event that made the commitment (`<document id>-e<n>`).
    public var id: String
    /// What was committed to.
    public var kind: Kind
    /// The status set by the last established (not merely claimed) change; ``Status/alleged`` when only claims
    /// changed it.
    public var status: Status
    /// Who made it: the demander, the threatener, the promiser, the parties to a ceasefire or agreement.
    public var holder: [ActorReference]
    /// Whom it is directed at: the demand's or threat's target, the other parties.
    public var counterpart: [ActorReference]
    /// Whether each side committed towards the other ("Pakistan and Afghanistan agreed …"); ceasefires and
    /// agreements bind all their parties either way.
    public var mutual: Bool
    /// Mediators, hosts and other third parties of the events that made or restated it.
    public var thirdParties: [ActorReference]
    /// The day it was made (its event's date, else its document's publication date).
    public var date: Day?
    /// The document it was made in.
    public var document: String
    /// The CAMEO code of the event that made it.
    public var cameo: String
    /// What would settle it, in words.
    public var expects: String
    /// The event that made it, then every event that restated it or changed its status, in date order.
    public var history: [Change]

    /// Creates a commitment.
    /// - Parameters:
    ///   - id: the id of the event that made it.
    ///   - kind: what was committed to.
    ///   - status: where it stands.
    ///   - holder: who made it.
    ///   - counterpart: whom it is directed at.
    ///   - mutual: whether each side committed towards the other.
    ///   - thirdParties: mediators and other third parties.
    ///   - date: the day it was made.
    ///   - document: the document it was made in.
    ///   - cameo: the CAMEO code of the event that made it.
    ///   - expects: what would settle it, in words.
    ///   - history: the steps so far.
    public init(
        id: String, kind: Kind, status: Status = .open, holder: [ActorReference], counterpart: [ActorReference],
        mutual: Bool = false, thirdParties: [ActorReference] = [], date: Day?, document: String, cameo: String,
        expects: String,
        history: [Change] = []
    ) {
        self.id = id
        self.kind = kind
        self.status = status
        self.holder = holder
        self.counterpart = counterpart
        self.mutual = mutual
        self.thirdParties = thirdParties
        self.date = date
        self.document = document
        self.cameo = cameo
        self.expects = expects
        self.history = history
    }

    enum CodingKeys: String, CodingKey {
        case id, kind, status, holder, counterpart, mutual
        case thirdParties = "third_parties"
        case date, document, cameo, expects, history
    }
}
