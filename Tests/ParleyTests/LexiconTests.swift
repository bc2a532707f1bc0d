import Foundation
import Parley
import ParleyTesting
import Testing

@Suite struct LexiconReaderTests {
    let reader = LexiconReader(baseCodes: [
        CodeDeclaration(code: "NLD", kind: .country, label: "Northland"),
        CodeDeclaration(code: "GOV", kind: .sector, label: "Government"),
        CodeDeclaration(code: "INS", kind: .sector, label: "Insurgents"),
    ])

    func read(_ text: String) throws -> Lexicon {
        try reader.read(Data(text.utf8), file: "test.lex")
    }

    func expectError(_ bytes: Data, line: Int, column: Int?, containing fragment: String) {
        do {
            _ = try reader.read(bytes, file: "bad.lex")
            Issue.record("expected an error containing '\(fragment)'")
        } catch let error as PipelineError {
            #expect(error.code == .invalidLexicon)
            #expect(error.file == "bad.lex")
            #expect(error.line == line)
            if let column { #expect(error.column == column) }
            #expect(error.message.contains(fragment), "\(error.message)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func readsDateBoundedRoles() throws {
        let lexicon = try read(
            "group Taliban\n    alias Taleban\n    role NLDINS until 2021-08-14\n    role NLDGOV from 2021-08-15\n")
        let entry = try #require(lexicon.actors.first)
        #expect(entry.aliases == ["Taliban", "Taleban"])
        #expect(entry.role(on: Day(year: 2020, month: 1, day: 1))?.code == "NLDINS")
        #expect(entry.role(on: Day(year: 2021, month: 8, day: 15))?.code == "NLDGOV")
        #expect(entry.role(on: nil)?.code == "NLDGOV")
    }

    @Test func rejectsAnUnknownCode() {
        expectError(Data("actor X\n    role XYZGOV\n".utf8), line: 1, column: nil, containing: "unknown code 'XYZGOV'")
    }

    @Test func rejectsAnInvertedRange() {
        expectError(
            Data("actor X\n    role NLD from 2020-01-02 until 2020-01-01\n".utf8), line: 2, column: 10,
            containing: "inverted")
    }

    @Test func rejectsOverlappingRanges() {
        expectError(
            Data("actor X\n    role NLD until 2020-01-05\n    role NLDGOV from 2020-01-01\n".utf8), line: 1,
            column: nil, containing: "overlapping")
    }

    @Test func rejectsADuplicateNameWithConflictingCodes() {
        expectError(
            Data("actor X\n    role NLD\nactor Y\n    alias x\n    role NLDGOV\n".utf8), line: 4, column: 11,
            containing: "duplicate name")
    }

    @Test func acceptsADuplicateNameWithTheSameCodes() throws {
        let lexicon = try read("actor X\n    role NLD\nactor Y\n    alias X\n    role NLD\n")
        #expect(lexicon.actors.count == 2)
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Data("actor X\n    alias A".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\n".utf8))
        expectError(bytes, line: 2, column: 12, containing: "invalid UTF-8")
    }

    @Test func rejectsAControlCharacter() {
        expectError(Data("actor X\u{1A}Y\n".utf8), line: 1, column: 8, containing: "control character 0x1A")
    }

    @Test func rejectsABadDate() {
        expectError(Data("actor X\n    role NLD from 2021-02-30\n".utf8), line: 2, column: 19, containing: "not a date")
    }

    @Test func rejectsAnUnknownKeyword() {
        expectError(Data("actr X\n".utf8), line: 1, column: 1, containing: "unknown keyword")
    }

    @Test func rejectsAPropertyOutsideAnEntry() {
        expectError(Data("alias X\n".utf8), line: 1, column: 1, containing: "outside an entry")
    }

    @Test func loadsNothingWhenALaterFileIsBad() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parley-lexicon-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("a.lex")
        let bad = folder.appendingPathComponent("b.lex")
        try Data("actor X\n    role NLD\n".utf8).write(to: good)
        try Data("actor Y\n    role QQQ\n".utf8).write(to: bad)
        #expect(throws: PipelineError.self) { try reader.read([good, bad]) }
    }

    @Test func writesTextThatReadsBack() throws {
        let text = try String(contentsOf: fixtureURL("sample.lex"), encoding: .utf8)
        let lexicon = try LexiconReader().read(Data(text.utf8), file: "sample.lex")
        let again = try LexiconReader().read(Data(LexiconWriter.text(of: lexicon).utf8), file: "sample.lex")
        #expect(again.actors.map(\.aliases) == lexicon.actors.map(\.aliases))
        #expect(again.actors.map(\.roles) == lexicon.actors.map(\.roles))
        #expect(again.agents.map(\.code) == lexicon.agents.map(\.code))
        #expect(again.substitutionSets == lexicon.substitutionSets)
        #expect(again.places.map(\.name) == lexicon.places.map(\.name))
        #expect(again.places.map(\.target) == lexicon.places.map(\.target))
    }
}

@Suite struct PetrarchImporterTests {
    let importer = PetrarchImporter()

    func importSample() throws -> PetrarchImporter.Result {
        try importer.importFiles(
            actors: [fixtureURL("petrarch/sample.actors.txt")], agents: [fixtureURL("petrarch/sample.agents.txt")],
            discards: [fixtureURL("petrarch/sample.discards.txt")])
    }

    @Test func importsActorsWithDateRestrictions() throws {
        let lexicon = try importSample().lexicon
        let berg = try #require(lexicon.actors.first { $0.name == "anna berg" })
        #expect(berg.aliases == ["anna berg", "president berg"])
        #expect(berg.roles.map(\.code) == ["NLDOPP", "NLDGOV", "NLDELI"])
        #expect(berg.roles[0].from == Day(year: 1990, month: 1, day: 1))
        #expect(berg.roles[0].until == Day(year: 1999, month: 12, day: 31))
        #expect(berg.roles[1].from == Day(year: 2000, month: 1, day: 1))
        #expect(berg.role(on: Day(year: 2010, month: 1, day: 1))?.code == "NLDGOV")
        #expect(berg.role(on: Day(year: 1980, month: 1, day: 1))?.code == "NLDELI")
        let guard_ = try #require(lexicon.actors.first { $0.name == "old guard" })
        #expect(guard_.roles.map(\.code) == ["NLDREB", "NLDPTY"])
        #expect(guard_.roles[0].until == Day(year: 2005, month: 2, day: 28))
        #expect(guard_.roles[1].from == Day(year: 2005, month: 3, day: 1))
    }

    @Test func keepsRepeatedPhrasesAndStems() throws {
        let lexicon = try importSample().lexicon
        #expect(lexicon.actors.filter { $0.name == "northland" }.map { $0.roles.map(\.code) } == [["NLD"], ["NLDMIL"]])
        let northland = try #require(lexicon.actors.first)
        #expect(northland.aliases.contains("north land*"))
    }

    @Test func warnsAboutAnUnreadableDate() throws {
        let result = try importSample()
        #expect(result.warnings.contains { $0.line == 15 && $0.message.contains("unreadable date") })
        let bad = try #require(result.lexicon.actors.first { $0.name == "bad entry" })
        #expect(bad.notes.contains("PETRARCH code as written: [XXX 9901]"))
    }

    @Test func importsAgentsWithSetsAndPlurals() throws {
        let lexicon = try importSample().lexicon
        #expect(lexicon.substitutionSets["!PERSON!"] == ["man", "men", "woman", "women"])
        let police = try #require(lexicon.agents.first { $0.phrase == "police" })
        #expect(police.plurals == [])
        #expect(police.code == "COP")
        #expect(lexicon.agents.first { $0.phrase == "attorney general" }?.plurals == ["attorneys general"])
        #expect(lexicon.agents.first { $0.phrase == "human rights body" }?.isPrefix == true)
        let forms = ActorDictionary.forms(
            of: try #require(lexicon.agents.first { $0.code == "BUS" }), sets: lexicon.substitutionSets)
        #expect(forms.contains("businessman") && forms.contains("businesswomen"))
    }

    @Test func importsDiscards() throws {
        let lexicon = try importSample().lexicon
        #expect(lexicon.discards.map(\.phrase) == ["MONTHS LATER", "FOOTBALL LEAGUE"])
        #expect(lexicon.discards.map(\.isStory) == [false, true])
    }

    @Test func warnsAboutDirtyBytesWithTheirLines() throws {
        let result = try importer.importFiles(actors: [fixtureURL("petrarch/dirty.actors.txt")])
        #expect(result.warnings.contains { $0.line == 1 && $0.message.contains("0x1A") })
        #expect(result.warnings.contains { $0.line == 3 && $0.message.contains("invalid UTF-8") })
        #expect(result.lexicon.actors.first?.aliases.first == "dirtyname")
    }

    /// A set with no members (`!EMPTY! = `) used to be written out and fail the read-back check with
    /// "agents.lex.tmp:6:5: empty substitution set", naming a temporary file instead of the input line; so
    /// did an undefined set and an unclosed "{".
    @Test func warnsAboutBrokenSubstitutionSetsAndStillReadsBack() throws {
        let result = try importer.importFiles(agents: [fixtureURL("petrarch/broken.agents.txt")])
        #expect(result.warnings.contains { $0.line == 2 && $0.message.contains("!EMPTY!") })
        #expect(result.lexicon.substitutionSets["!EMPTY!"] == nil)
        #expect(result.warnings.contains { $0.line == 6 && $0.message.contains("!UNDEFINED!") })
        #expect(result.warnings.contains { $0.line == 8 && $0.message.contains("unbalanced '{'") })
        let text = LexiconWriter.text(of: result.lexicon)
        let lexicon = try LexiconReader().read(Data(text.utf8), file: "imported.lex")
        #expect(lexicon.agents.contains { $0.code == "COP" })
    }

    @Test func importedLexiconValidatesAndRecognizes() throws {
        let result = try importSample()
        let text = LexiconWriter.text(of: result.lexicon)
        let lexicon = try LexiconReader().read(Data(text.utf8), file: "imported.lex")
        let dictionary = ActorDictionary(lexicon: lexicon)
        var document = Document.words(["President", "Berg", "met", "Northlandian", "soldiers"])
        document.metadata.published = Day(year: 2005, month: 1, day: 1)
        try ActorRecognizer(dictionary: dictionary).process(&document)
        #expect(document.actors.map(\.code) == ["NLDGOV", "NLDMIL"])
    }
}

extension PetrarchImporterTests {
    @Test(arguments: [
        (1985, "NLDMIL"),  // only Peter Berg's dated role holds
        (1995, "NLDOPP"), (2005, "NLDGOV"),  // Anna Berg's dated roles hold (she is listed first)
        (1975, "NLDELI"),  // no dated role holds: the first entry's default
    ])
    func aSharedNameGoesToTheActorWhoseDatedRoleHolds(year: Int, code: String) throws {
        let dictionary = ActorDictionary(lexicon: try importSample().lexicon)
        var document = Document.words(["President", "Berg", "spoke"])
        document.metadata.published = Day(year: year, month: 6, day: 1)
        try ActorRecognizer(dictionary: dictionary).process(&document)
        #expect(document.actors.map(\.code) == [code])
    }
}

@Suite struct DefaultLexiconTests {
    @Test func theBundledLexiconLoadsAndKnowsTheTalibanOnTwoDates() throws {
        let dictionary = try DefaultLexicon.dictionary()
        let recognizer = ActorRecognizer(dictionary: dictionary)
        var before = Document.words(["The", "Taliban", "attacked"])
        before.metadata.published = Day(year: 2015, month: 1, day: 1)
        var after = before
        after.metadata.published = Day(year: 2025, month: 10, day: 30)
        try recognizer.process(&before)
        try recognizer.process(&after)
        #expect(before.actors.map(\.code) == ["AFGINS"])
        #expect(after.actors.map(\.code) == ["AFGGOV"])
    }

    @Test(arguments: [
        ("Musharraf", Day(year: 1999, month: 3, day: 1), "PAKMIL"),
        ("Musharraf", Day(year: 2005, month: 3, day: 1), "PAKGOV"),
        ("Musharraf", Day(year: 2012, month: 3, day: 1), "PAKELI"),
        ("Hekmatyar", Day(year: 2010, month: 1, day: 1), "AFGINS"),
        ("Hekmatyar", Day(year: 2018, month: 1, day: 1), "AFGPTY"),
        ("Prachanda", Day(year: 2003, month: 1, day: 1), "NPLREB"),
        ("Prachanda", Day(year: 2009, month: 1, day: 1), "NPLGOV"),
    ])
    func bundledOfficeHoldersChangeRoleWithTheDate(name: String, day: Day?, code: String) throws {
        let recognizer = ActorRecognizer(dictionary: try DefaultLexicon.dictionary())
        var document = Document.words([name, "spoke"])
        document.metadata.published = day
        try recognizer.process(&document)
        #expect(document.actors.map(\.code) == [code])
    }

    @Test func theBundledGazetteerFindsPlacesAndHistoricalNames() throws {
        let gazetteer = try Gazetteer.bundled()
        let peshawar = try #require(gazetteer.candidates(for: "Peshawar").first)
        #expect(peshawar.country == "PK")
        #expect(peshawar.admin1Name == "Khyber Pakhtunkhwa")
        #expect(gazetteer.candidates(for: "NWFP").first?.adminCode == "PK.03")
        #expect(gazetteer.candidates(for: "Türkiye").first?.country3 == "TUR")
        #expect(gazetteer.candidates(for: "Turkiye").first?.country3 == "TUR")
        #expect(gazetteer.candidates(for: "Qqqxyz").isEmpty)
    }

    @Test func aGazetteerWithABadOffsetIsAnError() throws {
        let url = try #require(DefaultLexicon.directory?.appendingPathComponent("gazetteer.bin"))
        var bytes = [UInt8](try Data(contentsOf: url))
        // The first key offset (just after the place records) made to point past the end.
        let placeCount = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        let keyIndex = 24 + placeCount * 24
        for offset in 0..<4 { bytes[keyIndex + offset] = 0xFF }
        #expect(throws: PipelineError.self) { try Gazetteer(data: Data(bytes)) }
    }

    @Test func aDamagedGazetteerIsAnError() {
        #expect(throws: PipelineError.self) { try Gazetteer(data: Data("PRLYGAZ1xxxx".utf8)) }
        #expect(throws: PipelineError.self) { try Gazetteer(data: Data(repeating: 0, count: 64)) }
    }
}
