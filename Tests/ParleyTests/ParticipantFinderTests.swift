import Foundation
import Parley
import ParleyTesting
import Testing

/// A hand-parsed sentence: form, UPOS, lemma, one-based head (0 for the root) and relation per word.
func parsedSentence(_ rows: [(String, String, String, Int, String)]) -> Document {
    var document = Document.words(rows.map(\.0))
    for (index, row) in rows.enumerated() {
        document.tokens[index].upos = row.1
        document.tokens[index].lemma = row.2
        document.tokens[index].head = row.3 == 0 ? nil : row.3 - 1
        document.tokens[index].relation = row.4
    }
    document.annotations.formUnion([.partOfSpeech, .lemmas, .dependencies])
    return document
}

@Suite struct ParticipantFinderTests {
    let finder = ParticipantFinder(
        nouns: NounClasses([
            "government": .group, "leader": .person, "journalist": .person, "police": .group, "troop": .group,
            "village": .location, "friday": .time, "man": .person, "town": .location, "official": .person,
            "rebel": .person, "army": .group,
        ]))

    func texts(_ document: Document) -> (sources: [String], targets: [String]) {
        let found = finder.participants(in: document, sentence: 0)
        func text(_ span: Span) -> String { document.tokens[span.tokens].map(\.form).joined(separator: " ") }
        return (found.sources.map(text), found.targets.map(text))
    }

    @Test func subjectAndPartyObjectWithTheirWholePhrases() {
        let document = parsedSentence([
            ("The", "DET", "the", 3, "det"), ("Northland", "PROPN", "Northland", 3, "compound"),
            ("government", "NOUN", "government", 4, "nsubj"), ("accused", "VERB", "accuse", 0, "root"),
            ("rebel", "NOUN", "rebel", 6, "compound"), ("leaders", "NOUN", "leader", 4, "obj"),
            ("of", "ADP", "of", 8, "case"), ("fraud", "NOUN", "fraud", 4, "obl"), (".", "PUNCT", ".", 4, "punct"),
        ])
        #expect(texts(document).sources == ["The Northland government"])
        #expect(texts(document).targets == ["rebel leaders"])
    }

    func sources(_ document: Document, of predicate: Int) -> [String] {
        let found = finder.participants(in: document, sentence: 0, predicate: predicate)
        return found.sources.map { document.tokens[$0.tokens].map(\.form).joined(separator: " ") }
    }

    @Test func aClauseWithoutSubjectTakesItsController() {
        // "The government urged rebel leaders to free the journalist": the leaders free.
        let urged = parsedSentence([
            ("The", "DET", "the", 2, "det"), ("government", "NOUN", "government", 3, "nsubj"),
            ("urged", "VERB", "urge", 0, "root"), ("rebel", "NOUN", "rebel", 5, "compound"),
            ("leaders", "NOUN", "leader", 3, "obj"), ("to", "PART", "to", 7, "mark"),
            ("free", "VERB", "free", 3, "xcomp"), ("the", "DET", "the", 9, "det"),
            ("journalist", "NOUN", "journalist", 7, "obj"),
        ])
        #expect(sources(urged, of: 6) == ["rebel leaders"])
        // "Northland accused the army of shelling the town": the army shelled.
        let accused = parsedSentence([
            ("Northland", "PROPN", "Northland", 2, "nsubj"), ("accused", "VERB", "accuse", 0, "root"),
            ("the", "DET", "the", 4, "det"), ("army", "NOUN", "army", 2, "obj"), ("of", "SCONJ", "of", 6, "mark"),
            ("shelling", "VERB", "shell", 2, "advcl"), ("the", "DET", "the", 8, "det"),
            ("town", "NOUN", "town", 6, "obj"),
        ])
        #expect(sources(accused, of: 5) == ["the army"])
        // "Northland agreed to free the journalist": Northland frees.
        let agreed = parsedSentence([
            ("Northland", "PROPN", "Northland", 2, "nsubj"), ("agreed", "VERB", "agree", 0, "root"),
            ("to", "PART", "to", 4, "mark"), ("free", "VERB", "free", 2, "xcomp"), ("the", "DET", "the", 6, "det"),
            ("journalist", "NOUN", "journalist", 4, "obj"),
        ])
        #expect(sources(agreed, of: 3) == ["Northland"])
    }

    @Test func anIndirectObjectControlsAnOpenComplement() {
        // "The rebels asked the government to free the journalist" parsed with the government as `iobj`.
        let asked = parsedSentence([
            ("The", "DET", "the", 2, "det"), ("rebels", "NOUN", "rebel", 3, "nsubj"),
            ("asked", "VERB", "ask", 0, "root"), ("the", "DET", "the", 5, "det"),
            ("government", "NOUN", "government", 3, "iobj"), ("to", "PART", "to", 7, "mark"),
            ("free", "VERB", "free", 3, "xcomp"), ("the", "DET", "the", 9, "det"),
            ("journalist", "NOUN", "journalist", 7, "obj"),
        ])
        #expect(sources(asked, of: 6) == ["the government"])
    }

    @Test func anEmbeddedClauseWithoutSubjectOrControllerTakesTheNearestParty() {
        // A misparse leaves "shelling" a modifier: the nearest party before it, not the sentence's first.
        let document = parsedSentence([
            ("Northland", "PROPN", "Northland", 2, "nsubj"), ("accused", "VERB", "accuse", 0, "root"),
            ("the", "DET", "the", 4, "det"), ("army", "NOUN", "army", 2, "obj"), ("of", "ADP", "of", 7, "case"),
            ("shelling", "VERB", "shell", 7, "amod"), ("villages", "NOUN", "village", 4, "nmod"),
        ])
        #expect(sources(document, of: 5) == ["the army"])
    }

    @Test func aPassiveAgentIsTheSource() {
        let document = parsedSentence([
            ("Two", "NUM", "two", 2, "nummod"), ("journalists", "NOUN", "journalist", 4, "nsubj:pass"),
            ("were", "AUX", "be", 4, "aux:pass"), ("detained", "VERB", "detain", 0, "root"),
            ("by", "ADP", "by", 6, "case"), ("police", "NOUN", "police", 4, "obl:agent"),
            (".", "PUNCT", ".", 4, "punct"),
        ])
        #expect(texts(document).sources == ["police"])
        #expect(texts(document).targets == ["Two journalists"])
    }

    @Test func aRecipientBeatsACommonNounTheme() {
        let document = parsedSentence([
            ("Northland", "PROPN", "Northland", 2, "nsubj"), ("sent", "VERB", "send", 0, "root"),
            ("troops", "NOUN", "troop", 2, "obj"), ("to", "ADP", "to", 5, "case"),
            ("Southland", "PROPN", "Southland", 2, "obl"), (".", "PUNCT", ".", 2, "punct"),
        ])
        #expect(texts(document).targets == ["Southland"])
    }

    @Test func aThemeObjectLeadsToThePartyItConcerns() {
        let document = parsedSentence([
            ("The", "DET", "the", 2, "det"), ("army", "NOUN", "army", 3, "nsubj"),
            ("launched", "VERB", "launch", 0, "root"), ("an", "DET", "a", 5, "det"),
            ("attack", "NOUN", "attack", 3, "obj"), ("on", "ADP", "on", 8, "case"), ("the", "DET", "the", 8, "det"),
            ("village", "NOUN", "village", 5, "nmod"), ("on", "ADP", "on", 10, "case"),
            ("Friday", "PROPN", "Friday", 3, "obl"),
        ])
        #expect(texts(document).sources == ["The army"])
        #expect(texts(document).targets == ["the village"])
    }

    @Test func aTrailingSpeechVerbReportsTheMainClause() {
        let document = parsedSentence([
            ("Rebels", "NOUN", "rebel", 2, "nsubj"), ("shelled", "VERB", "shell", 7, "ccomp"),
            ("the", "DET", "the", 4, "det"), ("town", "NOUN", "town", 2, "obj"), (",", "PUNCT", ",", 7, "punct"),
            ("officials", "NOUN", "official", 7, "nsubj"), ("said", "VERB", "say", 0, "root"),
        ])
        #expect(texts(document).sources == ["Rebels"])
        #expect(texts(document).targets == ["the town"])
    }

    @Test func aTimeIsNoTargetAndConjoinedSubjectsAreEachASource() {
        let document = parsedSentence([
            ("Northland", "PROPN", "Northland", 4, "nsubj"), ("and", "CCONJ", "and", 3, "cc"),
            ("Southland", "PROPN", "Southland", 1, "conj"), ("met", "VERB", "meet", 0, "root"),
            ("on", "ADP", "on", 6, "case"), ("Friday", "PROPN", "Friday", 4, "obl"), (".", "PUNCT", ".", 4, "punct"),
        ])
        #expect(texts(document).sources == ["Northland", "Southland"])
        #expect(texts(document).targets.isEmpty)
    }

    @Test func aThingOwnedByAPartyIsAParty() {
        let document = parsedSentence([
            ("Rebels", "NOUN", "rebel", 2, "nsubj"), ("attacked", "VERB", "attack", 0, "root"),
            ("a", "DET", "a", 5, "det"), ("police", "NOUN", "police", 5, "compound"),
            ("post", "NOUN", "post", 2, "obj"), ("in", "ADP", "in", 7, "case"),
            ("Rivertown", "PROPN", "Rivertown", 2, "obl"),
        ])
        #expect(texts(document).targets == ["a police post"])
    }

    @Test func aRelativeClauseIsLeftOutOfThePhrase() {
        let document = parsedSentence([
            ("Police", "NOUN", "police", 2, "nsubj"), ("arrested", "VERB", "arrest", 0, "root"),
            ("a", "DET", "a", 4, "det"), ("man", "NOUN", "man", 2, "obj"), ("who", "PRON", "who", 7, "nsubj"),
            ("had", "AUX", "have", 7, "aux"), ("fled", "VERB", "flee", 4, "acl:relcl"),
            (".", "PUNCT", ".", 2, "punct"),
        ])
        #expect(texts(document).targets == ["a man"])
    }

    @Test func aPassiveWithoutAgentTakesThePlaceAsSource() {
        let document = parsedSentence([
            ("A", "DET", "a", 2, "det"), ("journalist", "NOUN", "journalist", 4, "nsubj:pass"),
            ("was", "AUX", "be", 4, "aux:pass"), ("arrested", "VERB", "arrest", 0, "root"),
            ("in", "ADP", "in", 6, "case"), ("Southland", "PROPN", "Southland", 4, "obl"),
        ])
        #expect(texts(document).sources == ["Southland"])
        #expect(texts(document).targets == ["A journalist"])
    }

    @Test func anUnparsedSentenceHasNoParticipants() {
        let document = Document.words(["Northland", "attacked", "Southland"])
        #expect(finder.participants(in: document, sentence: 0) == ParticipantFinder.Participants())
        #expect(finder.participants(in: document, sentence: 5) == ParticipantFinder.Participants())
    }
}

@Suite struct NounClassesTests {
    @Test func readsTheTableAndLooksUpAnyCase() throws {
        let classes = try NounClasses.read(Data("# comment\nenvoy\tperson\n\ncouncil\tgroup\n".utf8), file: "n.tsv")
        #expect(classes["Envoy"] == .person)
        #expect(classes["council"] == .group)
        #expect(classes["raid"] == nil)
        #expect(try NounClasses.read(Data(classes.text().utf8), file: "again.tsv")["envoy"] == .person)
    }

    @Test(arguments: [
        ("envoy person\n", 1, "expected"),
        ("envoy\tperson\ncouncil\tcrowd\n", 2, "unknown noun class 'crowd'"),
        ("envoy\tperson\nenvoy\tgroup\n", 2, "both person and group"),
    ])
    func malformedLinesNameTheirLine(text: String, line: Int, message: String) {
        do {
            _ = try NounClasses.read(Data(text.utf8), file: "n.tsv")
            Issue.record("no error for \(text)")
        } catch let error as PipelineError {
            #expect(error.code == .invalidLexicon)
            #expect(error.file == "n.tsv")
            #expect(error.line == line)
            #expect(error.message.contains(message))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func invalidUTF8IsAnError() {
        #expect(throws: PipelineError.self) { try NounClasses.read(Data([0x65, 0xFF, 0x0A]), file: "n.tsv") }
    }

    @Test func buildsFromWordNetFiles() throws {
        let classes = try NounClasses.build(fromWordNet: fixtureURL("wordnet"))
        #expect(classes["envoy"] == .person)
        #expect(classes["council"] == .group)
        #expect(classes["dawn"] == .time)
        #expect(classes["raid"] == nil)  // an act
        #expect(classes["outpost"] == nil)  // never sense-tagged
        #expect(classes["high_envoy"] == nil)  // several words
        #expect(classes.count == 3)
    }

    @Test func aMissingWordNetFolderIsAnIOError() {
        #expect(throws: PipelineError.self) {
            try NounClasses.build(fromWordNet: URL(fileURLWithPath: "/nonexistent/wordnet"))
        }
    }

    @Test func theBundledTableLoads() throws {
        let classes = try NounClasses.bundled()
        #expect(classes.count > 1000)
        #expect(classes["government"] == .group)
    }
}
