import Foundation
import Parley
import ParleyTesting
import Testing

/// Runs the fact stages on raw text (they split words and sentences themselves when no tokenizer ran).
private func facts(_ text: String, published: String = "2025-10-30", places: PlaceTable? = nil, events: [Event] = []) throws -> Document {
    var document = Document(id: "t", text: text, metadata: ArticleMetadata(published: Day(parsing: published)))
    document.events = events
    try Pipeline(StandardPipeline.factStages(places: places)).process(&document)
    return document
}

/// An event whose trigger is the first occurrence of a word.
private func event(_ id: String, trigger word: String, in text: String, cameo: String = "190") -> Event {
    let range = text.range(of: word)!
    let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    let bytes = start..<(start + word.utf8.count)
    return Event(id: id, sentence: 0, source: [], target: [], cameo: cameo,
        evidence: Evidence(trigger: bytes, triggerTokens: 0..<1, pattern: "test"))
}

@Suite struct CasualtyCounterTests {
    @Test(arguments: [
        ("23 Pakistani soldiers were martyred in the clashes.", 23, nil as String?),
        ("Militants killed at least 12 people in Quetta.", 12, "at least"),
        ("Over 200 Taliban fighters were killed.", 200, "over"),
        ("Two dozen villagers were killed on the road.", 24, nil),
        ("Gunmen kill six policemen in southern Pakistan", 6, nil),
        ("A policeman was shot dead near the market.", 1, nil),
        ("Bomb kills local politician, his brother in Pakistan", 2, nil),
        ("Twenty-three people died in the blast.", 23, nil),
        ("The death toll rose to 41 on Friday.", 41, nil),
        ("Retired colonel shot dead outside his home in Quetta", 1, nil),
        ("Head of a village peace committee killed in roadside blast", 1, nil),
        ("Policewoman escorting vaccinators shot dead in Sukkur", 1, nil),
        ("Two farmers riding a tractor were killed by a landmine.", 2, nil),
        ("Ramesh Kumar Yadav, a grocer from the old town, was hacked to death by robbers.", 1, nil),
        ("A ferry pilot was fatally shot near the jetty.", 1, nil),
    ])
    func readsKilledCounts(text: String, count: Int, qualifier: String?) throws {
        let document = try facts(text)
        let killed = document.casualties.filter { $0.kind == "killed" }
        #expect(killed.first?.count == count)
        #expect(killed.first?.qualifier == qualifier)
    }

    @Test func aSingularDeathNeedsAnUnnegatedSubjectAndNoOtherCount() throws {
        #expect(try facts("No one was killed in the scuffle.").casualties.isEmpty)
        #expect(try facts("The smuggler was sentenced to death on Friday.").casualties.isEmpty)
        #expect(try facts("Traders blocked the road after Anil Verma was shot dead nearby.").casualties.isEmpty)
        let counted = try facts("Three guards were killed when the convoy was ambushed and its driver was shot dead.")
        #expect(counted.casualtyTotal("killed") == 4)
    }

    @Test func vagueAmountsKeepTheirQualifierAndNoCount() throws {
        let document = try facts("Dozens of protesters were injured in the clash.")
        let claim = try #require(document.casualties.first)
        #expect(claim.kind == "injured")
        #expect(claim.count == nil)
        #expect(claim.qualifier == "dozens")
    }

    @Test func rangesGiveLowAndHigh() throws {
        let document = try facts("Between 10 and 15 workers were abducted from the site.")
        let claim = try #require(document.casualties.first)
        #expect(claim.kind == "abducted")
        #expect(claim.low == 10)
        #expect(claim.high == 15)
    }

    @Test func victimsSideComesFromDemonymAndRole() throws {
        let document = try facts("Earlier this month, clashes left 23 Pakistani soldiers martyred and over 200 militants killed, according to security sources.")
        let soldiers = try #require(document.casualties.first { $0.count == 23 })
        #expect(soldiers.who?.code == "PAKMIL")
        let militants = try #require(document.casualties.first { $0.count == 200 })
        #expect(militants.qualifier == "over")
        #expect(militants.claimedBy?.text == "security sources")
        #expect(militants.claimedBy?.role == "unnamed source")
    }

    @Test func competingClaimsAreAllKept() throws {
        let text = "The army said 30 militants were killed. The Taliban said only 4 fighters were killed."
        let document = try facts(text)
        #expect(document.casualties.compactMap(\.count) == [30, 4])
        #expect(document.casualties.map { $0.claimedBy?.text } == ["The army", "The Taliban"])
    }

    @Test func datesAreNotCounts() throws {
        let document = try facts("On 28 April, an opposition activist was killed.")
        #expect(document.casualties.map(\.count) == [1])
    }

    @Test func claimsAttachToTheEventInTheirSentence() throws {
        let text = "Talks resumed in Doha. A drone strike killed 7 militants."
        let document = try facts(text, events: [event("e1", trigger: "resumed", in: text, cameo: "043"), event("e2", trigger: "strike", in: text)])
        #expect(document.events[0].casualties.isEmpty)
        #expect(document.events[1].casualties.map(\.count) == [7])
    }
}

@Suite struct TimeResolverTests {
    @Test(arguments: [
        ("Sources said on Thursday.", "2025-10-30"),
        ("Tarar confirmed on Wednesday that talks ended.", "2025-10-29"),
        ("They reached the airport last night.", "2025-10-29"),
        ("Clashes broke out on October 12.", "2025-10-12"),
        ("Clashes broke out on 12 October.", "2025-10-12"),
        ("The ceasefire of November 20 held.", "2024-11-20"),
        ("The attack happened yesterday.", "2025-10-29"),
    ])
    func resolvesAgainstPublication(text: String, value: String) throws {
        let document = try facts(text)
        #expect(document.dates.first?.value == value)
    }

    @Test func aCalendarDateBesideAWeekdayWins() throws {
        let document = try facts("Two students were hurt in a clash on Thursday afternoon (May 4) at the campus.", published: "2017-12-31")
        #expect(document.dates.map(\.value) == ["2017-05-04"])
        let bracketed = try facts("Police fired at marchers on Sunday [2 February] in the town.", published: "2014-12-31")
        #expect(bracketed.dates.map(\.value) == ["2014-02-02"])
    }

    @Test func sinceAYearDoesNotDateAnEvent() throws {
        let text = "Teachers unpaid since 2012 were charged by police on September 12 in Karachi."
        let document = try facts(text, published: "2017-12-31", events: [event("e1", trigger: "charged", in: text)])
        #expect(document.events[0].date?.description == "2017-09-12")
    }

    @Test func weekdayPrayersAreNotADate() throws {
        let document = try facts("Youths gathered after Friday prayers on June 8 and threw stones.", published: "2018-12-31")
        #expect(document.dates.map(\.value) == ["2018-06-08"])
    }

    @Test func hyphenatedDatesSplitByTheTokenizer() throws {
        var document = Document(id: "t", text: "On 04-August-2018 gunmen abducted three drivers.",
            metadata: ArticleMetadata(published: Day(parsing: "2018-12-31")))
        // Tokens as a tokenizer that splits at hyphens gives them.
        var offset = 0
        for word in ["On", "04", "-", "August", "-", "2018", "gunmen", "abducted", "three", "drivers", "."] {
            let found = try #require(document.text.range(of: word, range: document.text.index(document.text.startIndex, offsetBy: offset)..<document.text.endIndex))
            let start = document.text.distance(from: document.text.startIndex, to: found.lowerBound)
            document.tokens.append(Token(range: start..<(start + word.utf8.count), form: word))
            offset = start + word.utf8.count
        }
        document.sentences = [Sentence(tokens: 0..<document.tokens.count, range: 0..<document.text.utf8.count)]
        try Pipeline(StandardPipeline.factStages(places: nil)).process(&document)
        #expect(document.dates.first?.value == "2018-08-04")
    }

    @Test func futureWeekdayLooksAhead() throws {
        let document = try facts("The delegations will meet on Monday.")
        #expect(document.dates.first?.value == "2025-11-03")
    }

    @Test func periodsHaveTheirPrecision() throws {
        let document = try facts("Earlier this month, firing began. Attacks have surged since 2021. He spoke last week.")
        #expect(document.dates.map(\.value) == ["2025-10", "2021/..", "2025-W43"])
        #expect(document.dates.map(\.precision) == [.month, .year, .week])
    }

    @Test func aDayEarlierIsRelativeToThePreviousDate() throws {
        let document = try facts("Clashes began on October 12. A day earlier, troops had moved in.")
        #expect(document.dates.map(\.value) == ["2025-10-12", "2025-10-11"])
        #expect(document.dates.last?.anchor == "event")
    }

    @Test func rangesKeepBothEnds() throws {
        let document = try facts("Between 18-20 Feb, students protested.", published: "2019-12-31")
        #expect(document.dates.first?.value == "2019-02-18/2019-02-20")
    }

    @Test(arguments: [
        ("Shops were looted in the market on 9/21.", "2019-09-21"),
        ("Shops were looted in the market on 23/8.", "2019-08-23"),
        ("Rioters clashed 11/28/2017 near the depot.", "2017-11-28"),
    ])
    func readsNumericDatesWhenMonthAndDayAreClear(text: String, value: String) throws {
        let document = try facts(text, published: "2019-12-31")
        #expect(document.dates.map(\.value) == [value])
    }

    @Test func leavesAmbiguousOrCountedNumbersAlone() throws {
        #expect(try facts("Crowds gathered on 4/5 in the square.", published: "2019-12-31").dates.isEmpty)
        #expect(try facts("Guards arrived on 10/14 motorbikes.", published: "2019-12-31").dates.isEmpty)
        #expect(try facts("Fishermen caught 9/21 of the quota.", published: "2019-12-31").dates.isEmpty)
    }

    @Test func aFrontedDayDatesTheReportOverEarlierBackground() throws {
        let text = "On 12 March, traders blocked the road after a clash with guards on March 9. They left."
        let document = try facts(text, published: "2019-12-31", events: [event("e1", trigger: "clash", in: text)])
        #expect(document.events[0].date == Day(year: 2019, month: 3, day: 9))
        #expect(document.primaryDate == Day(year: 2019, month: 3, day: 12))
        let reported = try facts("As reported on 6 May, guards beat porters over a dispute that began on 2 May.", published: "2019-12-31")
        #expect(reported.primaryDate == Day(year: 2019, month: 5, day: 6))
        let later = try facts("Traders protested in the town after police beat a vendor on 4 June, officials said.", published: "2019-12-31")
        #expect(later.primaryDate == Day(year: 2019, month: 6, day: 4))
    }

    @Test func aRangeOfDaysCountsAsItsMiddleDay() throws {
        #expect(try facts("Between 14-16 Jan, farmers marched.", published: "2019-12-31").primaryDate == Day(year: 2019, month: 1, day: 15))
        #expect(try facts("On 7 or 8 July, porters struck.", published: "2019-12-31").primaryDate == Day(year: 2019, month: 7, day: 7))
    }

    @Test func eventsTakeTheirGoverningDateElsePublication() throws {
        let text = "Pakistan accepted a ceasefire on October 17. Troops withdrew.\n\nOfficials met the envoy."
        let document = try facts(text, events: [
            event("e1", trigger: "accepted", in: text, cameo: "081"), event("e2", trigger: "withdrew", in: text, cameo: "0874"),
            event("e3", trigger: "met", in: text, cameo: "040"),
        ])
        #expect(document.events[0].date == Day(year: 2025, month: 10, day: 17))
        #expect(document.events[0].datePrecision == "day")
        // The next sentence of the paragraph follows the reported event it continues.
        #expect(document.events[1].date == Day(year: 2025, month: 10, day: 17))
        #expect(document.events[2].date == Day(year: 2025, month: 10, day: 30))
        #expect(document.events[2].datePrecision == "publication")
    }

    @Test func historicalEventsDoNotFallBackToPublication() throws {
        let text = "\n\nThe army once raided the camp."
        var old = event("e1", trigger: "raided", in: text)
        old.modality.historical = true
        let document = try facts(text, events: [old])
        #expect(document.events[0].date == nil)
    }
}

@Suite struct QuoteFinderTests {
    @Test func directQuoteWithSpeakerAfter() throws {
        let text = "Defence Minister Khawaja Muhammad Asif told Geo News that the delegation stayed. “Our delegation had reached the airport last night,” Asif said."
        let document = try facts(text)
        let quote = try #require(document.quotes.first { $0.direct })
        #expect(document.text(in: quote.range).hasPrefix("Our delegation"))
        #expect(quote.speaker?.text == "Khawaja Muhammad Asif")
        #expect(quote.saidTo == "Geo News")
    }

    @Test func pronounSpeakerResolvesToTheLastNamedSpeaker() throws {
        let text = "“Talks will go on,” Asif said.\n\nThe minister warned of strikes. \"Nothing can be achieved,\" he said."
        let document = try facts(text)
        let direct = document.quotes.filter(\.direct)
        #expect(direct.map { $0.speaker?.text } == ["Asif", "Asif"])
    }

    @Test func quoteSpanningParagraphsIsOne() throws {
        let text = "Asif said: “The first part.\n\n“The second part,” he added."
        let document = try facts(text)
        let direct = document.quotes.filter(\.direct)
        #expect(direct.count == 1)
        #expect(document.text(in: direct[0].range).contains("second part"))
    }

    @Test func quoteLeftOpenEndsWithItsParagraph() throws {
        let text = "Asif said: “We will respond.\n\nThe talks resumed on Monday, officials said."
        let document = try facts(text)
        let direct = document.quotes.filter(\.direct)
        #expect(direct.map { String(document.text(in: $0.range)) } == ["We will respond."])
    }

    @Test func nestedSingleQuotesStayInside() throws {
        let text = "She said, \"They called it 'a final offer' yesterday.\""
        let document = try facts(text)
        let direct = document.quotes.filter(\.direct)
        #expect(direct.count == 1)
        #expect(document.text(in: direct[0].range) == "They called it 'a final offer' yesterday.")
    }

    @Test func unnamedSourcesAreNotActors() throws {
        let text = "Pakistan agreed to resume talks, sources said on Thursday."
        let document = try facts(text, events: [event("e1", trigger: "agreed", in: text, cameo: "036")])
        let quote = try #require(document.quotes.first)
        #expect(quote.direct == false)
        #expect(quote.speaker?.unnamed == true)
        #expect(quote.speaker?.actor == nil)
        #expect(document.events[0].attribution?.speaker?.role == "unnamed source")
        #expect(quote.events == ["e1"])
    }

    @Test func accordingToAndPostOnX() throws {
        let text = "In a post on X, he said Pakistan would respond. Troops fired, according to police officials."
        let document = try facts(text)
        #expect(document.quotes.first?.saidTo == "a post on X")
        #expect(document.quotes.last?.speaker?.text == "police officials")
        #expect(document.quotes.last?.speaker?.unnamed == true)
    }

    @Test(arguments: [
        ("Asif said: \u{201C}We will respond.\u{201D}", "We will respond."),
        ("\u{201C}Talks will go on", "Talks will go on"),
        ("He said \u{201C}no\u{201D}", "no"),
        ("\u{201C}\u{201D} and \u{201C}ok,\u{201D} he said.", "ok"),
        ("Dashes \u{2014} and \u{2019}apostrophes\u{2019} are not quote marks. \u{201C}Yes.\u{201D}", "Yes."),
        ("He said ``we will go'' on Monday.", "we will go"),
        ("Il a dit \u{AB}nous partons\u{BB} hier.", "nous partons"),
        ("A stray \u{201D} mark, then \"a quote\".", "a quote"),
    ])
    func curlyQuoteMarksAtTheEdgesOfTheText(text: String, quoted: String) throws {
        let document = try facts(text)
        let direct = document.quotes.filter(\.direct)
        #expect(direct.map { String(document.text(in: $0.range)) } == [quoted])
    }

    @Test func speakerResolvesThroughActorMentions() throws {
        let text = "Asif said Kabul must act."
        var document = Document(id: "t", text: text, metadata: ArticleMetadata(published: Day(year: 2025, month: 10, day: 30)))
        document.actors = [ActorMention(span: Span(tokens: 0..<1), range: 0..<4, text: "Asif", code: "PAKGOV", sentence: 0, isPerson: true)]
        try QuoteFinder().process(&document)
        #expect(document.quotes.first?.speaker?.actor?.code == "PAKGOV")
    }
}

@Suite struct PlaceResolverTests {
    let table = PlaceTable([
        (["Kabul"], PlaceCandidate(name: "Kabul", kind: .city, country: "AFG", admin1: "Kabul", latitude: 34.53, longitude: 69.17, population: 3_000_000)),
        (["Kabul"], PlaceCandidate(name: "Kabul", kind: .admin1, country: "AFG", admin1: "Kabul", latitude: 34.5, longitude: 69.2)),
        (["Afghanistan"], PlaceCandidate(name: "Afghanistan", kind: .country, country: "AFG", latitude: 33, longitude: 65, population: 37_000_000)),
        (["Istanbul"], PlaceCandidate(name: "Istanbul", kind: .city, country: "TUR", admin1: "Istanbul", latitude: 41.01, longitude: 28.95, population: 14_000_000)),
        (["Hyderabad"], PlaceCandidate(name: "Hyderabad", kind: .city, country: "IND", admin1: "Telangana", latitude: 17.38, longitude: 78.47, population: 6_800_000)),
        (["Hyderabad"], PlaceCandidate(name: "Hyderabad", kind: .city, country: "PAK", admin1: "Sindh", latitude: 25.39, longitude: 68.37, population: 1_400_000)),
        (["Sindh"], PlaceCandidate(name: "Sindh", kind: .admin1, country: "PAK", admin1: "Sindh", latitude: 25.5, longitude: 69)),
        (["Karachi"], PlaceCandidate(name: "Karachi", kind: .city, country: "PAK", admin1: "Sindh", latitude: 24.86, longitude: 67.01, population: 11_000_000)),
    ])

    @Test func insideACountryIncludingACityLocatesInTheCity() throws {
        let text = "Retaliatory strikes targeted hideouts inside Afghanistan, including in Kabul."
        let document = try facts(text, places: table, events: [event("e1", trigger: "strikes", in: text)])
        #expect(document.events[0].location?.name == "Kabul")
        #expect(document.events[0].location?.precision == 1)
    }

    @Test func talksInIstanbul() throws {
        let text = "Pakistan resumed talks with the Taliban in Istanbul."
        let document = try facts(text, places: table, events: [event("e1", trigger: "resumed", in: text, cameo: "043")])
        #expect(document.events[0].location?.country == "TUR")
    }

    @Test func aThreatIsNotLocatedAtItsTarget() throws {
        let text = "Asif warned that Pakistan would strike inside Kabul."
        let document = try facts(text, places: table, events: [event("e1", trigger: "warned", in: text, cameo: "138")])
        #expect(document.events[0].location == nil)
    }

    @Test func contextPicksTheRightNamesake() throws {
        let document = try facts("Protesters clashed with police in Hyderabad, Sindh, after a rally in Karachi.", places: table)
        #expect(document.places.first?.location?.country == "PAK")
        #expect(document.places.first?.location?.admin1 == "Sindh")
        let alone = try facts("Protesters clashed with police in Hyderabad.", places: table)
        #expect(alone.places.first?.location?.country == "IND")
    }

    @Test func aFormerNameAbroadIsNoEvidenceInADomesticStory() throws {
        let local = PlaceTable([
            (["Larkana"], PlaceCandidate(name: "Larkana", kind: .city, country: "PAK", admin1: "Sindh", latitude: 27.56, longitude: 68.21, population: 490_000)),
            (["Sindh"], PlaceCandidate(name: "Sindh", kind: .admin1, country: "PAK", admin1: "Sindh", latitude: 25.5, longitude: 69)),
            (["Stalinsk", "Novokuznetsk"], PlaceCandidate(name: "Novokuznetsk", kind: .city, country: "RUS", admin1: "Kemerovo", latitude: 53.76, longitude: 87.1, population: 550_000)),
        ])
        let former = try facts("Rioters in Larkana, Sindh, burned trucks. They were bound for a depot in Stalinsk.", places: local)
        #expect(former.places.map(\.location?.name) == ["Larkana", "Sindh", nil])
        let current = try facts("Rioters in Larkana, Sindh, burned trucks. They were bound for a depot in Novokuznetsk.", places: local)
        #expect(current.places.map(\.location?.name) == ["Larkana", "Sindh", "Novokuznetsk"])
    }

    @Test func aContainerDoesNotLocateTheEventOverThePlaceItContains() throws {
        let local = PlaceTable([
            (["Tirupattur"], PlaceCandidate(name: "Tirupattur", kind: .city, country: "IND", admin1: "Tamil Nadu", latitude: 12.49, longitude: 78.57, population: 64_000)),
            (["Vellore"], PlaceCandidate(name: "Vellore", kind: .city, country: "IND", admin1: "Tamil Nadu", latitude: 12.92, longitude: 79.13, population: 185_000)),
            (["Tamil Nadu", "TN"], PlaceCandidate(name: "Tamil Nadu", kind: .admin1, country: "IND", admin1: "Tamil Nadu", latitude: 11, longitude: 78.5)),
        ])
        let text = "On 4 Apr, near Tirupattur (Vellore, TN), a reporter was attacked by party workers."
        let document = try facts(text, places: local, events: [event("e1", trigger: "attacked", in: text)])
        #expect(document.events[0].location?.name == "Tirupattur")
        #expect(document.events[0].location?.precision == 2)
    }

    @Test func theTailOfAHyphenatedNameIsNoPlace() throws {
        let local = PlaceTable([
            (["Takht"], PlaceCandidate(name: "Takht", kind: .city, country: "IRN", admin1: "Hormozgan", latitude: 27.5, longitude: 56.6, population: 5_000)),
            (["Herat"], PlaceCandidate(name: "Herat", kind: .admin1, country: "AFG", admin1: "Herat", latitude: 34.3, longitude: 62.2)),
        ])
        let document = try facts("Gunmen kidnapped four men in the Dara-i-Takht area of Herat.", places: local)
        #expect(document.places.map(\.text) == ["Herat"])
    }

    @Test func aLocativeBeforeTheArticleMarksASmallTown() throws {
        let local = PlaceTable([
            (["Dambulla"], PlaceCandidate(name: "Dambulla", kind: .city, country: "LKA", admin1: "Central", latitude: 7.86, longitude: 80.65, population: 66_000)),
        ])
        let document = try facts("Angry fans protested at the Dambulla cricket stadium.", places: local)
        #expect(document.places.first?.location?.name == "Dambulla")
        let bare = try facts("The Dambulla fans protested.", places: local)
        #expect(bare.places.isEmpty)
    }

    @Test func aRoadIsNotLocatedInThePlacesItIsNamedAfter() throws {
        let local = PlaceTable([
            (["Kashmir"], PlaceCandidate(name: "Kashmir", kind: .admin1, country: "PAK", admin1: "Kashmir", latitude: 34, longitude: 74)),
            (["Rawalpindi"], PlaceCandidate(name: "Rawalpindi", kind: .city, country: "PAK", admin1: "Punjab", latitude: 33.6, longitude: 73.05, population: 1_700_000)),
            (["Kabul"], PlaceCandidate(name: "Kabul", kind: .city, country: "AFG", admin1: "Kabul", latitude: 34.53, longitude: 69.17, population: 3_000_000)),
            (["Kandahar"], PlaceCandidate(name: "Kandahar", kind: .city, country: "AFG", admin1: "Kandahar", latitude: 31.6, longitude: 65.7, population: 400_000)),
        ])
        let document = try facts("Traders from Kashmir Road in Rawalpindi closed their shops.", places: local)
        #expect(document.places.map(\.text) == ["Rawalpindi"])
        let highway = try facts("Protesters blocked the Kabul-Kandahar highway.", places: local)
        #expect(highway.places.isEmpty)
    }

    @Test func aNameDoesNotVouchForItsOwnCountry() throws {
        let local = PlaceTable([
            (["Deil"], PlaceCandidate(name: "Deil", kind: .city, country: "NLD", admin1: "Gelderland", latitude: 51.9, longitude: 5.2, population: 1_500)),
            (["Sylhet"], PlaceCandidate(name: "Sylhet", kind: .city, country: "BGD", admin1: "Sylhet", latitude: 24.9, longitude: 91.87, population: 240_000)),
            (["Sylhet"], PlaceCandidate(name: "Sylhet", kind: .admin1, country: "BGD", admin1: "Sylhet", latitude: 24.7, longitude: 91.7)),
        ])
        let text = "A man was killed in a clash at Deil village (Kanaighat upazila, Sylhet)."
        let document = try facts(text, places: local, events: [event("e1", trigger: "clash", in: text)])
        #expect(document.places.first { $0.text == "Deil" }?.location == nil)
        #expect(document.events[0].location?.country == "BGD")
    }

    @Test func aClanNameIsNoPlace() throws {
        let local = PlaceTable([
            (["Chandia"], PlaceCandidate(name: "Chandia", kind: .city, country: "IND", admin1: "Madhya Pradesh", latitude: 23.6, longitude: 80.7, population: 15_000)),
        ])
        let document = try facts("Two groups of the Chandia clan clashed over land.", places: local)
        #expect(document.places.isEmpty)
    }

    @Test func aCompassWordAloneIsNoPlace() throws {
        let local = PlaceTable([
            (["South"], PlaceCandidate(name: "South", kind: .city, country: "USA", latitude: 40, longitude: -80, population: 3_000)),
            (["South Waziristan"], PlaceCandidate(name: "South Waziristan", kind: .admin2, country: "PAK", admin1: "Khyber Pakhtunkhwa", latitude: 32.3, longitude: 69.6)),
        ])
        let document = try facts("Rioters blocked the South gate. Troops moved into South Waziristan.", places: local)
        #expect(document.places.map(\.text) == ["South Waziristan"])
    }

    @Test func regionsAndCountriesHaveCoarserPrecision() throws {
        let document = try facts("Attacks rose in Sindh and across Afghanistan.", places: table)
        #expect(document.places.map { $0.location?.precision } == [3, 4])
    }
}

@Suite struct CountPhraseTests {
    @Test func foldsPlaceNames() {
        #expect(TextFolding.placeKey("Dara-i-Pech") == "dara i pech")
        #expect(TextFolding.placeKey("Tamil Nādu") == "tamil nadu")
    }
}

@Suite struct FactStagesRobustnessTests {
    @Test(arguments: [
        "",
        "\"",
        "“ unclosed quote\n\n“ and another",
        String(repeating: "hundred ", count: 60) + "killed",
        "On 31 February, 99999999999999999999 people were killed between 5 and 3 of them.",
        "\u{0}\u{1}\u{FFFD} Monday 2025-13-45 last week killed , , ( ) said said said",
        String(repeating: "A policeman was killed in Kabul, sources said. ", count: 200),
    ])
    func oddInputNeverCrashes(text: String) throws {
        _ = try facts(text, published: "0001-01-01", places: PlaceTable([]))
        _ = try facts(text, published: "9999-12-31")
    }

    @Test func noPublicationDateLeavesRelativeDatesUnresolved() throws {
        var document = Document(id: "t", text: "Clashes broke out on Thursday.")
        try TimeResolver().process(&document)
        #expect(document.dates.count == 1)
        #expect(document.dates[0].start == nil)
    }
}

@Suite struct FactsCodingTests {
    @Test func factsSurviveAJSONRoundTrip() throws {
        let text = "“We will respond,” Asif told Geo News on Thursday. Over 200 militants were killed in Kabul."
        let table = PlaceTable([
            (["Kabul"], PlaceCandidate(name: "Kabul", kind: .city, country: "AFG", admin1: "Kabul", latitude: 34.5, longitude: 69.2, population: 3_000_000))
        ])
        let document = try facts(text, places: table)
        let data = try JSONEncoder().encode(document)
        let decoded = try JSONDecoder().decode(Document.self, from: data)
        #expect(decoded == document)
        let json = String(decoding: data, as: UTF8.self)
        #expect(json.contains("\"said_to\":\"Geo News\""))
        #expect(json.contains("\"qualifier\":\"over\""))
    }
}

@Suite struct FactsOutputTests {
    @Test func jsonlAndExplainShowTheFacts() throws {
        let text = "Gunmen killed 5 policemen on Monday, police said."
        let document = try facts(text, events: [event("t-e1", trigger: "killed", in: text)])
        let line = EventOutput.jsonLine(document)
        #expect(line.contains("\"quotes\": [{\"speaker\": {\"text\": \"police\""))
        #expect(line.contains("\"dates\": [{\"text\": \"on Monday\""))
        #expect(line.contains("\"casualties\": [{\"kind\": \"killed\", \"count\": 5"))
        #expect(line.contains("\"date\": \"2025-10-27\""))
        let explanation = FactsOutput.explanation(of: document.events[0], in: document)
        #expect(explanation.contains("toll:   killed 5 ---COP «5 policemen»"))
        #expect(explanation.contains("said:   --- «police»"))
    }
}

@Suite struct SpeakerCoreferenceTests {
    @Test func aTitleFindsTheSpeakerIntroducedWithIt() throws {
        let text = "Defence Minister Khawaja Asif said talks would go on. Information Minister Attaullah Tarar said the delegation stayed. Farooq said nothing.\n\nThe defence minister warned that progress would depend on Kabul."
        let document = try facts(text)
        #expect(document.quotes.last?.speaker?.text == "Khawaja Asif")
    }
}
