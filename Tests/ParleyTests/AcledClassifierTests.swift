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

@Suite struct AcledCodebookRuleTests {
    let classifier = AcledClassifier()

    func subType(_ text: String) -> String? {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
        return classifier.classify(words: words, suggested: nil)?.subEventType
    }

    @Test(arguments: [
        // Others set on protesters: serious harm makes it excessive force, anything less an intervention.
        (
            "Ruling party cadres attacked a rally of teachers in the town square, leaving nine teachers injured.",
            "Excessive force against protesters"
        ),
        (
            "Farmers protested outside the mill over unpaid dues and the owner's guards assaulted them.",
            "Protest with intervention"
        ),
        ("Nurses staged a sit-in at the ministry and police intervened to end it.", "Protest with intervention"),
        ("The police cane charged weavers who were protesting a power cut.", "Protest with intervention"),
        // Demonstrators who block roads with barricades or set things on fire.
        ("Villagers protested the land survey and erected barricades on the highway.", "Violent demonstration"),
        ("Traders demonstrated against the new levy and set a bus on fire.", "Violent demonstration"),
        ("Shopkeepers staged a protest and assaulted two tax inspectors.", "Violent demonstration"),
        // Burning an effigy or protesting an earlier assault stays peaceful.
        ("Party workers held a rally and burned an effigy of the governor.", "Peaceful protest"),
        (
            "Doctors marched in the city to demand action against the man who assaulted a surgeon the previous day.",
            "Peaceful protest"
        ),
    ])
    func separatesWhoUsesForceAtAProtest(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test(arguments: [
        ("Rioters torched a railway station after the verdict convicting the preacher of rape.", "Mob violence"),
        ("A mob beat a man accused of molesting a schoolgirl.", "Mob violence"),
        ("Two soldiers raped a woman at a checkpoint, villagers said.", "Sexual violence"),
    ])
    func codesSexualViolenceOnlyAsTheEvent(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test(arguments: [
        ("Party activists hurled crude bombs at the house of a rival leader.", "Mob violence"),
        ("Unidentified men set fire to two party offices in the bazaar.", "Mob violence"),
        ("Youth pelted stones at security forces, who fired tear smoke shells.", "Mob violence"),
        ("Militants fired mortar shells at the border post.", "Shelling/artillery/missile attack"),
    ])
    func codesCrudeBombsArsonAndStonePeltingAsMobViolence(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test func codesAnAbductionEndingInAKillingAsAnAttack() {
        #expect(
            subType("Gunmen abducted a shopkeeper from his home; his body was found the next day.") == "Attack")
        #expect(subType("Gunmen abducted a shopkeeper from his home.") == "Abduction/forced disappearance")
    }

    @Test func doesNotTakePoliceInformersOrStationAreasForStateForces() {
        #expect(subType("Maoists killed a villager, branding him a police informer.") == "Attack")
        #expect(
            subType("Maoists shot dead a contractor under Gola police station area.") == "Attack")
        #expect(
            subType("Maoists ambushed a police patrol near the police station and killed two policemen.")
                == "Armed clash")
    }

    @Test(arguments: [
        // The death a protest is about is no force against it; shots in the air are a warning.
        (
            "Villagers protested against the killing of a boy by a speeding truck and police detained six of them.",
            "Protest with intervention"
        ),
        ("Police fired in the air to disperse students protesting a fee hike.", "Protest with intervention"),
        // A dispersal that puts protesters in hospital is excessive force.
        (
            "Police baton charged a rally of nurses and three nurses were admitted to hospital with serious injuries.",
            "Excessive force against protesters"
        ),
        // An attack on protesters with no injuries reported stays an intervention.
        (
            "Students protested the exam results and party activists assaulted them. No injuries were reported.",
            "Protest with intervention"
        ),
    ])
    func weighsTheHarmDoneToProtesters(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test(arguments: [
        ("Students rioted in the town against anomalies in their exam results.", "Violent demonstration"),
        (
            "Villagers blocked the highway with burning tyres after a labourer was electrocuted.",
            "Violent demonstration"
        ),
        ("Party workers vandalised a district office demanding the release of their leader.", "Violent demonstration"),
    ])
    func takesACrowdWithAGrievanceForADemonstration(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test func needsArmedActorsForGroundChangingHands() {
        #expect(
            subType("Two factions of a student union clashed over establishing control of the campus area.")
                == "Mob violence")
        #expect(subType("Rebels took control of the district town after a day of fighting.") != "Mob violence")
    }

    @Test(arguments: [
        "Two men on a motorcycle opened fire at a councillor near the market, injuring him.",
        "A farmer died in police custody at the district police station.",
        "A policeman slapped a woman waiting for a bus in the city.",
    ])
    func codesShootingsCustodyDeathsAndSlapsAsAttacks(text: String) {
        #expect(subType(text) == "Attack")
    }

    @Test(arguments: [
        ("Police blocked the march of retired bus workers towards the secretariat.", "Protest with intervention"),
        (
            "Teachers staged a protest outside the ministry and the march was halted near the gate.",
            "Protest with intervention"
        ),
        ("Lawyers protesting the transfer of a judge stormed the district office.", "Violent demonstration"),
        ("Traders demonstrated against the levy and forced shops to close.", "Violent demonstration"),
    ])
    func separatesStoppingAProtestFromForceByIt(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test func codesYouthsClashingWithThePoliceAsMobViolence() {
        #expect(
            subType("Youths clashed with security forces in the main bazaar after Friday prayers.") == "Mob violence")
        #expect(subType("Militants clashed with security forces in the forest for two hours.") == "Armed clash")
    }

    @Test func countsCrudeBombsInARiotAsABombingInSATPTypes() {
        let document = Document(id: "riot", text: "Party activists hurled crude bombs at the house of a rival leader.")
        #expect(classifier.attackTypes(document) == ["bombing_explosion"])
        let beating = Document(id: "beating", text: "A mob beat a shopkeeper with sticks near the market.")
        #expect(classifier.attackTypes(beating) == ["armed_assault"])
    }

    @Test func readsACodedRiotOrBattleByTheWordsAroundIt() {
        let riot = AcledCoding(eventType: "Riots", subEventType: "Violent demonstration")
        let words = { (text: String) in
            text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
        }
        // A riot with no protest told is a mob's violence; with one, a violent demonstration.
        #expect(
            classifier.classify(words: words("Villagers went on a rampage in the market."), suggested: riot)?
                .subEventType == "Mob violence")
        #expect(
            classifier.classify(words: words("Protesters went on a rampage in the market."), suggested: riot)?
                .subEventType == "Violent demonstration")
        // Fighting with no armed actor named is no battle.
        let battle = AcledCoding(eventType: "Battles", subEventType: "Armed clash")
        #expect(
            classifier.classify(words: words("Two shopkeepers were killed in the village."), suggested: battle)?
                .subEventType == "Attack")
        #expect(
            classifier.classify(words: words("Two soldiers were killed in the village."), suggested: battle)?
                .subEventType == "Armed clash")
    }

    @Test func codesArrestsInRaidsAsArrestsWhateverTheVerbCode() {
        let words = "Soldiers arrested more than 100 villagers during raids in several areas of the district."
            .lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
        let territory = AcledCoding(eventType: "Battles", subEventType: "Non-state actor overtakes territory")
        #expect(classifier.classify(words: words, suggested: territory)?.subEventType == "Arrests")
    }

    @Test(arguments: [
        // Killed or shot at a protest, by whoever: excessive force.
        ("A young man was killed while protesting the demolition of a shrine.", "Excessive force against protesters"),
        ("Gunmen fired on the rally and nine marchers were injured.", "Excessive force against protesters"),
        // Forces deployed or present: an intervention, even with nobody arrested.
        ("Hundreds of nurses held a protest outside the ministry as police stood guard.", "Protest with intervention"),
        // Blocking a highway or enforcing a shutdown: a violent demonstration.
        ("Farmers blocked the highway for six hours demanding higher crop prices.", "Violent demonstration"),
        ("Party supporters enforced a shutdown of the town against the new tax.", "Violent demonstration"),
    ])
    func findsWhatKeepsAProtestFromBeingPeaceful(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test(arguments: [
        // A police station as the place, or police in the grievance, leave a protest peaceful.
        "Party workers sat on a dharna outside the police station over the delay in the inquiry.",
        "Students held a march condemning police violence against journalists.",
        // Harm done before the protest is its cause, not its disruption.
        "Doctors staged a silent march after a surgeon was assaulted by relatives of a patient.",
        "Villagers held a protest against the headmaster for beating pupils.",
    ])
    func keepsAProtestPeacefulWhenForceIsOnlyItsGrievance(text: String) {
        #expect(subType(text) == "Peaceful protest")
    }

    @Test(arguments: [
        // A party's men or villagers attacking with no firearm or blade: rioters, mob violence.
        (
            "Supporters of the ruling party attacked the office of an opposition candidate and injured six workers.",
            "Mob violence"
        ),
        ("Villagers attacked two officials of the power department over the outage.", "Mob violence"),
        ("A mob lynched a man with sticks and knives on suspicion of theft.", "Mob violence"),
        // Blades in the hands of a few named attackers: an organised attack on civilians.
        (
            "Three men attacked a shopkeeper with sharp-edged weapons over a land dispute, leaving him critically "
                + "injured.",
            "Attack"
        ),
        ("Party workers beat up a rival activist with machetes at the market.", "Attack"),
    ])
    func tellsMobViolenceFromAnAttackByWeaponsAndAttackers(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test(arguments: [
        // A nominal attack on a protest told first: others' force against protesters.
        (
            "Ten opposition activists were injured in an attack by ruling party men on their human chain in the town.",
            "Excessive force against protesters"
        ),
        (
            "Protesting teachers were injured in an attack of student wing activists on the campus.",
            "Excessive force against protesters"
        ),
        ("Activists formed a human chain outside the court.", "Peaceful protest"),
    ])
    func readsAttacksOnProtestsToldAsNouns(text: String, expected: String) {
        #expect(subType(text) == expected)
    }

    @Test func takesARapeToldAsARiotsCauseForTheCauseNotTheEvent() {
        #expect(
            subType("A mob attacked migrant workers after a girl from the district was allegedly raped by a labourer.")
                == "Mob violence")
        #expect(subType("Two men raped a woman in a field near the village.") == "Sexual violence")
    }

    @Test func codesOneSidedKillingCodedAsFightingAsAnAttack() {
        let words = { (text: String) in
            text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(String.init)
        }
        let battle = AcledCoding(eventType: "Battles", subEventType: "Armed clash")
        #expect(
            classifier.classify(
                words: words("Maoists killed a contractor at a road construction site."), suggested: battle)?
                .subEventType == "Attack")
        #expect(
            classifier.classify(
                words: words("Soldiers assaulted seven students on their way home."), suggested: battle)?
                .subEventType == "Attack")
        #expect(
            classifier.classify(
                words: words("Militants killed two soldiers in a gunfight near the border."), suggested: battle)?
                .subEventType == "Armed clash")
    }
}
