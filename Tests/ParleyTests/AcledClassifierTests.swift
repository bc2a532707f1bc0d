import Parley
import Testing

@Suite struct AcledClassifierTests {
    let classifier = AcledClassifier()

    func subType(_ text: String) -> String? {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
        return classifier.classify(words: words, suggested: nil)?.subEventType
    }

    @Test(arguments: [
        ("Police opened fire on a peaceful rally, wounding twelve marchers.", "Excessive force against protesters"),
        ("Police lathi-charged the rally and detained twelve marchers.", "Protest with intervention"),
        (
            "Soldiers violently dispersed the sit-in and two demonstrators were killed.",
            "Excessive force against protesters"
        ),
        ("Protesters pelted stones at the police station and torched two buses.", "Violent demonstration"),
        ("Students held a peaceful march to the governor's office.", "Peaceful protest"),
    ])
    func separatesForceAgainstProtestersFromViolentProtests(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test func doesNotTakeControlWordsAloneForTerritory() {
        // Fighting near a town the army controls is a clash, not a capture.
        #expect(
            subType(
                "Militants clashed with army troops near the town, which remains under government control; "
                    + "two soldiers were killed.") == "Armed clash")
        #expect(
            subType("Rebels took control of the town after the army withdrew.") == "Non-state actor overtakes territory"
        )
    }

    @Test func codesRiotersFightingForcesAsMobViolence() {
        #expect(
            subType("Six rioters were injured when they clashed with security forces near the market.")
                == "Mob violence")
    }

    @Test func countsSurrendersAndCeaseFiresAsAgreements() {
        #expect(subType("Forty fighters surrendered to the authorities on Sunday.") == "Agreement")
        #expect(subType("The two sides agreed to a cease-fire in the province.") == "Agreement")
    }

    @Test(arguments: [
        "An earthquake killed forty villagers and flattened homes across the province.",
        "A tanker overturned on the highway and two drivers died in the crash.",
        "Customs officers seized counterfeit notes and arrested three smugglers at the port.",
        "The ministry expelled two diplomats and closed the consulate.",
    ])
    func leavesDisastersCrimeAndDiplomacyOutOfScope(text: String) {
        #expect(subType(text) == nil)
    }

    @Test func keepsViolenceThatMentionsAnOutOfScopeWord() {
        #expect(subType("Villagers beat a man accused of theft until he died.") != nil)
        #expect(subType("Militants attacked a relief camp set up after the floods.") != nil)
        #expect(subType("Students protested against the new sanctions outside the embassy.") == "Peaceful protest")
    }

    @Test(arguments: [
        ("Militants fired rockets across the border and artillery strikes hit the town on 16 March.", false),
        ("Six soldiers died on March 12 when their truck hit a landmine.", false),
        ("Hundreds of workers went on strike over unpaid wages.", true),
        ("Students marched to the parliament with placards.", true),
    ])
    func tellsProtestsFromAirStrikesAndDates(text: String, isProtest: Bool) {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
        #expect(AcledClassifier.mentionsProtest(words) == isProtest)
    }

    @Test func codesGunmenFiringOnPassengersAsAnAttack() {
        #expect(subType("Gunmen opened fire on a bus near the checkpoint, killing six passengers.") == "Attack")
        #expect(
            subType("Militants clashed with police at the checkpoint and two passengers were hurt in the fighting.")
                == "Armed clash")
    }

    @Test func findsWhoTookTheGroundNextToTheVerb() {
        #expect(
            subType("According to an army spokesperson, militants gained control of the base after days of fighting.")
                == "Non-state actor overtakes territory")
        #expect(
            subType("Rebels fled as government troops recaptured the district centre on Sunday.")
                == "Government regains territory")
    }

    @Test func codesUnresistedOrHandedOverGroundAsATransfer() {
        #expect(
            subType("Rebel fighters entered the town before dawn and did not meet any resistance.")
                == "Non-violent transfer of territory")
        #expect(
            subType("The district was handed over to government control under the peace deal.")
                == "Non-violent transfer of territory")
    }

    @Test func codesFightingToldBeforeTheCaptureAsAClash() {
        #expect(
            subType("Militants attacked an army post overnight and briefly seized control of the village.")
                == "Armed clash")
        #expect(
            subType("Government troops recaptured the village after heavy fighting with militants.")
                == "Government regains territory")
    }

    @Test func countsTearGasAndRubberBulletsAsAnIntervention() {
        #expect(
            subType("Police fired tear gas to disperse hundreds of marchers outside the ministry.")
                == "Protest with intervention")
        #expect(
            subType("Police fired rubber bullets at the rally and arrested its organisers.")
                == "Protest with intervention")
        #expect(
            subType("Police fired live bullets at the rally, killing two marchers.")
                == "Excessive force against protesters")
    }
}
