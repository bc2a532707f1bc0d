import Foundation
import Parley
import ParleyTesting
import Testing

/// Runs the shipped tagger, lemmatizer and parser on hand-tokenized sentences.
private func parse(_ sentence: String) throws -> Document {
    var document = Document.words(sentence.split(separator: " ").map(String.init))
    try Tagger().process(&document)
    try Lemmatizer().process(&document)
    try DependencyParser().process(&document)
    return document
}

extension Document {
    /// The first token with this form.
    fileprivate func token(_ form: String) -> Token? { tokens.first { $0.form == form } }

    /// `head-form relation` of the first token with this form, e.g. `arrested nsubj:pass`.
    fileprivate func dependency(_ form: String) -> String {
        guard let token = token(form) else { return "missing" }
        let head = token.head.map { tokens[$0].form } ?? "ROOT"
        return "\(head) \(token.relation ?? "_")"
    }
}

@Suite struct TaggerTests {
    @Test(arguments: [
        ("Police arrested dozens of protesters in the capital .", "arrested", "VERB", "VBD"),
        ("The talks were held in Doha .", "held", "VERB", "VBN"),
        ("Rebels will attack the city .", "will", "AUX", "MD"),
        ("The minister said that troops attacked the town .", "that", "SCONJ", "IN"),
        ("Hamas fired rockets at Israel .", "Hamas", "PROPN", "NNP"),
        ("The army 's attacks killed 12 people .", "12", "NUM", "CD"),
    ])
    func tagsWordsInContext(sentence: String, word: String, upos: String, xpos: String) throws {
        var document = Document.words(sentence.split(separator: " ").map(String.init))
        try Tagger().process(&document)
        let token = try #require(document.tokens.first { $0.form == word })
        #expect(token.upos == upos)
        #expect(token.xpos == xpos)
        #expect(document.tokens.allSatisfy { $0.upos != nil && $0.xpos != nil })
    }
}

@Suite struct LemmatizerTests {
    @Test(arguments: [
        ("fought", "VERB", "VBD", "fight"), ("fled", "VERB", "VBN", "flee"), ("seized", "VERB", "VBD", "seize"),
        ("casualties", "NOUN", "NNS", "casualty"), ("children", "NOUN", "NNS", "child"), ("was", "AUX", "VBD", "be"),
        ("better", "ADJ", "JJR", "good"), ("Taliban", "PROPN", "NNP", "Taliban"), ("n't", "PART", "RB", "not"),
        ("shelling", "VERB", "VBG", "shell"), ("The", "DET", "DT", "the"), ("deployed", "VERB", "VBN", "deploy"),
    ])
    func lemmatizesByTag(form: String, upos: String, xpos: String, lemma: String) throws {
        #expect(try LemmaModel.bundled().lemma(form, upos: upos, xpos: xpos) == lemma)
    }

    @Test func givesFeaturesByTag() throws {
        let model = try LemmaModel.bundled()
        #expect(model.features("zarquons", xpos: "NNS") == "Number=Plur")
        #expect(model.features("attacked", xpos: "VBD")?.contains("Tense=Past") == true)
        #expect(model.features("the", xpos: "DT")?.contains("Definite=Def") == true)
    }

    @Test func fallsBackToSuffixRulesForUnknownWords() throws {
        let model = try LemmaModel.bundled()
        #expect(model.lemma("blorpified", upos: "VERB", xpos: "VBD") == "blorpify")
        #expect(model.lemma("zarquons", upos: "NOUN", xpos: "NNS") == "zarquon")
    }
}

@Suite struct DependencyParserTests {
    @Test func findsSubjectAndObjectOfAnActiveVerb() throws {
        let document = try parse("On Sunday , rebels attacked a military convoy .")
        #expect(document.dependency("rebels") == "attacked nsubj")
        #expect(document.dependency("convoy") == "attacked obj")
        #expect(document.dependency("attacked") == "ROOT root")
        #expect(document.dependency("Sunday") == "attacked obl")
    }

    @Test func findsTheAgentOfAPassive() throws {
        let document = try parse("The protesters were arrested by the police on Sunday .")
        #expect(document.dependency("protesters") == "arrested nsubj:pass")
        #expect(document.dependency("were") == "arrested aux:pass")
        #expect(document.dependency("police") == "arrested obl:agent")
    }

    @Test(arguments: [
        "Pakistan agreed to resume talks with the Afghan Taliban in Istanbul on Thursday .",
        "The minister , who spoke to reporters , said the army would respond if attacked .",
        "Rebels attacked a convoy and killed three soldiers near the border , officials said .",
        "Talks collapsed .",
    ])
    func everySearchGivesEachWordOneHeadAndTheSentenceOneRoot(_ sentence: String) throws {
        var tagged = Document.words(sentence.split(separator: " ").map(String.init))
        try Tagger().process(&tagged)
        for decoding in [ParserDecoding.greedy, .bundled, ParserDecoding(beam: 4, temperature: 40)] {
            var document = tagged
            try DependencyParser(decoding: decoding).process(&document)
            #expect(document.tokens.filter { $0.head == nil }.count == 1, "\(decoding)")
            #expect(document.tokens.filter { $0.head == nil }.allSatisfy { $0.relation == "root" })
            // Following heads from any word reaches the root without a cycle.
            for start in document.tokens.indices {
                var current = start
                var steps = 0
                while let head = document.tokens[current].head, steps <= document.tokens.count {
                    current = head
                    steps += 1
                }
                #expect(steps <= document.tokens.count, "a cycle from word \(start) with \(decoding)")
            }
        }
    }

    @Test func aBeamOfOneIsTheGreedyParse() throws {
        var tagged = Document.words(
            "The soldiers who killed the villagers were arrested .".split(separator: " ").map(String.init))
        try Tagger().process(&tagged)
        var greedy = tagged
        var beamOfOne = tagged
        try DependencyParser(decoding: .greedy).process(&greedy)
        try DependencyParser(decoding: ParserDecoding(beam: 1, temperature: 40)).process(&beamOfOne)
        #expect(greedy.tokens.map(\.head) == beamOfOne.tokens.map(\.head))
        #expect(greedy.tokens.map(\.relation) == beamOfOne.tokens.map(\.relation))
        #expect(ParserDecoding(beam: 0, temperature: 1).beam == 1)
    }

    @Test func attachesARelativeClauseToItsNoun() throws {
        let document = try parse("The soldiers who killed the villagers were arrested .")
        #expect(document.dependency("killed") == "soldiers acl:relcl")
        #expect(document.dependency("who") == "killed nsubj")
        #expect(document.dependency("villagers") == "killed obj")
        #expect(document.dependency("soldiers") == "arrested nsubj:pass")
    }

    @Test func coordinatesSubjectsAndVerbs() throws {
        let document = try parse("Egypt and Jordan condemned the attack and called for talks .")
        #expect(document.dependency("Egypt") == "condemned nsubj")
        #expect(document.dependency("Jordan") == "Egypt conj")
        #expect(document.dependency("called") == "condemned conj")
        #expect(document.dependency("attack") == "condemned obj")
    }

    @Test func parsesAComplementOfSaid() throws {
        let document = try parse("The minister said that the army would conduct airstrikes .")
        #expect(document.dependency("conduct") == "said ccomp")
        #expect(document.dependency("army") == "conduct nsubj")
        #expect(document.dependency("airstrikes") == "conduct obj")
        #expect(document.dependency("would") == "conduct aux")
        #expect(document.dependency("minister") == "said nsubj")
    }

    @Test func parsesAnOpenComplement() throws {
        let document = try parse("The government refused to provide aid to the refugees .")
        #expect(document.dependency("provide") == "refused xcomp")
        #expect(document.dependency("aid") == "provide obj")
        #expect(document.dependency("government") == "refused nsubj")
    }

    @Test func parsesAQuestion() throws {
        let document = try parse("Who attacked the embassy ?")
        #expect(document.dependency("Who") == "attacked nsubj")
        #expect(document.dependency("embassy") == "attacked obj")
    }

    @Test func parsesAHeadline() throws {
        let document = try parse("Militants kill 12 soldiers in northern Mali")
        #expect(document.dependency("Militants") == "kill nsubj")
        #expect(document.dependency("soldiers") == "kill obj")
        #expect(document.dependency("Mali") == "kill obl")
    }

    @Test func givesEverySentenceOneRootAndATree() throws {
        var document = Document.words(
            "Talks resumed . Fighting continued in the north .".split(separator: " ").map(String.init))
        document.sentences = [
            Sentence(tokens: 0..<3, range: 0..<15), Sentence(tokens: 3..<9, range: 16..<document.text.utf8.count),
        ]
        try Tagger().process(&document)
        try DependencyParser().process(&document)
        for sentence in document.sentences {
            let roots = sentence.tokens.filter { document.tokens[$0].head == nil }
            #expect(roots.count == 1)
            #expect(roots.allSatisfy { document.tokens[$0].relation == "root" })
            for index in sentence.tokens {
                var current = index
                var steps = 0
                while let head = document.tokens[current].head, steps <= sentence.tokens.count {
                    #expect(sentence.tokens.contains(head))
                    current = head
                    steps += 1
                }
                #expect(steps <= sentence.tokens.count)
            }
        }
    }

    @Test func runsInTheStandardPipelineFromRawText() throws {
        let pipeline = try StandardPipeline.make(upTo: .syntax)
        let document = try pipeline(Document(id: "raw", text: "Police arrested two men in Kabul on Monday."))
        #expect(document.annotations.isSuperset(of: [.partOfSpeech, .lemmas, .dependencies]))
        #expect(document.dependency("men") == "arrested obj")
        #expect(document.token("arrested")?.lemma == "arrest")
    }
}

@Suite struct ModelFileTests {
    private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-model-\(UUID().uuidString).bin")
        try Data(bytes).write(to: url)
        return url
    }

    private func expectInvalidModel(_ body: () throws -> Void) {
        do {
            try body()
            Issue.record("expected an invalid-model error")
        } catch let error as PipelineError {
            #expect(error.code == .invalidModel)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func roundTripsAPayload() throws {
        let payload: [UInt8] = [1, 2, 3, 4, 5]
        let file = ModelFile.wrap(payload, kind: "TEST")
        #expect(Array(try ModelFile.unwrap(file, kind: "TEST", file: "x")) == payload)
    }

    @Test func rejectsAMissingFile() {
        expectInvalidModel { _ = try TaggerModel(contentsOf: URL(fileURLWithPath: "/nonexistent/tagger.bin")) }
    }

    @Test func rejectsTruncatedFiles() throws {
        let bytes = try TaggerModel.bundled().serialized()
        for length in [0, 10, 31, bytes.count / 2, bytes.count - 1] {
            let file = try temporaryFile(Array(bytes.prefix(length)))
            defer { try? FileManager.default.removeItem(at: file) }
            expectInvalidModel { _ = try TaggerModel(contentsOf: file) }
        }
    }

    @Test func rejectsACorruptedFile() throws {
        var bytes = try ParserModel.bundled().serialized()
        bytes[bytes.count / 2] ^= 0xFF
        let file = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        expectInvalidModel { _ = try ParserModel(contentsOf: file) }
    }

    @Test func rejectsAnotherFormatVersion() throws {
        var bytes = try LemmaModel.bundled().serialized()
        bytes[8] = 99  // the format version follows the 8-byte magic
        let file = try temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(at: file) }
        expectInvalidModel { _ = try LemmaModel(contentsOf: file) }
    }

    @Test func rejectsAModelOfAnotherKind() throws {
        let file = try temporaryFile(try LemmaModel.bundled().serialized())
        defer { try? FileManager.default.removeItem(at: file) }
        expectInvalidModel { _ = try ParserModel(contentsOf: file) }
    }

    @Test func rejectsAPayloadWithAValidChecksumButBadTables() throws {
        let file = try temporaryFile(ModelFile.wrap([255, 255, 255, 255, 0, 0], kind: "TAGR"))
        defer { try? FileManager.default.removeItem(at: file) }
        expectInvalidModel { _ = try TaggerModel(contentsOf: file) }
    }
}

@Suite struct TwoPassTaggerTests {
    /// A tiny treebank where "run" and "talks" are nouns or verbs depending on the words around them.
    private static let treebank = """
        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\ttalks\ttalk\tNOUN\tNNS\t_\t3\tnsubj\t_\t_
        3\tfailed\tfail\tVERB\tVBD\t_\t0\troot\t_\t_

        1\tHe\the\tPRON\tPRP\t_\t2\tnsubj\t_\t_
        2\ttalks\ttalk\tVERB\tVBZ\t_\t0\troot\t_\t_
        3\tto\tto\tADP\tIN\t_\t4\tcase\t_\t_
        4\trebels\trebel\tNOUN\tNNS\t_\t2\tobl\t_\t_

        1\tThey\tthey\tPRON\tPRP\t_\t2\tnsubj\t_\t_
        2\trun\trun\tVERB\tVBP\t_\t0\troot\t_\t_
        3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
        4\ttown\ttown\tNOUN\tNN\t_\t2\tobj\t_\t_

        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\trun\trun\tNOUN\tNN\t_\t3\tnsubj\t_\t_
        3\tfailed\tfail\tVERB\tVBD\t_\t0\troot\t_\t_

        """

    private func train(seed: UInt64 = 1) throws -> TaggerModel {
        let sentences = try CoNLLU.parse(Self.treebank)
        return TaggerModel.trainTwoPass(
            train: sentences + sentences, dev: sentences, lexicon: [:], folds: 2, foldEpochs: 3,
            options: TrainingOptions(epochs: 6, seed: seed, showProgress: false), log: { _ in })
    }

    @Test(arguments: [
        ("The talks failed", "talks", "NOUN", "NNS"),
        ("He talks to rebels", "talks", "VERB", "VBZ"),
        ("They run the town", "run", "VERB", "VBP"),
        ("The run failed", "run", "NOUN", "NN"),
    ])
    func tagsAmbiguousWordsByTheirNeighbours(sentence: String, word: String, upos: String, xpos: String) throws {
        let model = try train()
        #expect(model.isTwoPass)
        let forms = sentence.split(separator: " ").map(String.init)
        let tags = model.tags(for: forms)
        let index = try #require(forms.firstIndex(of: word))
        #expect(tags[index].upos == upos)
        #expect(tags[index].xpos == xpos)
    }

    @Test func trainsTheSameModelFromTheSameSeed() throws {
        #expect(try train(seed: 4).serialized() == train(seed: 4).serialized())
    }

    @Test func readsBackTheBytesItWritesAsAVersion3File() throws {
        let model = try train()
        let bytes = model.serialized()
        #expect(bytes[8] == 3)  // the format version follows the 8-byte magic
        let reread = try TaggerModel(serialized: bytes)
        #expect(reread.isTwoPass)
        #expect(reread.serialized() == bytes)
        #expect(reread.pruned(threshold: 0.5).isTwoPass)
        for sentence in ["The talks failed", "He talks to rebels", "They run the town"] {
            let forms = sentence.split(separator: " ").map(String.init)
            #expect(reread.tags(for: forms).map(\.xpos) == model.tags(for: forms).map(\.xpos))
        }
    }

    @Test func keepsOnePassModelsInVersion2() throws {
        let model = try TaggerModel.bundled()
        #expect(!model.isTwoPass)
        #expect(model.serialized()[8] == 2)
    }

    @Test func rejectsAFileWhoseVersionDoesNotMatchItsPayload() throws {
        // A one-pass payload labelled version 3 lacks the second pass's weights.
        var bytes = try TaggerModel.bundled().serialized()
        bytes[8] = 3
        #expect(throws: PipelineError.self) { _ = try TaggerModel(serialized: bytes) }
    }

    @Test func rejectsAnotherFormatVersionNamingTheOnesItReads() throws {
        var bytes = try train().serialized()
        bytes[8] = 4
        do {
            _ = try TaggerModel(serialized: bytes, file: "tagger.bin")
            Issue.record("expected an invalid-model error")
        } catch let error as PipelineError {
            #expect(error.code == .invalidModel)
            #expect(error.description.contains("version 4"))
            #expect(error.description.contains("2 or 3"))
        }
    }
}

@Suite struct ParserTrainingTests {
    /// A tiny treebank: subject–verb–object sentences with and without a determiner.
    private static let treebank = """
        1\tPolice\tpolice\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
        2\tarrested\tarrest\tVERB\tVBD\t_\t0\troot\t_\t_
        3\tprotesters\tprotester\tNOUN\tNNS\t_\t2\tobj\t_\t_

        1\tThe\tthe\tDET\tDT\t_\t2\tdet\t_\t_
        2\tarmy\tarmy\tNOUN\tNN\t_\t3\tnsubj\t_\t_
        3\tshelled\tshell\tVERB\tVBD\t_\t0\troot\t_\t_
        4\tthe\tthe\tDET\tDT\t_\t5\tdet\t_\t_
        5\ttown\ttown\tNOUN\tNN\t_\t3\tobj\t_\t_

        1\tRebels\trebel\tNOUN\tNNS\t_\t2\tnsubj\t_\t_
        2\tattacked\tattack\tVERB\tVBD\t_\t0\troot\t_\t_
        3\tthe\tthe\tDET\tDT\t_\t4\tdet\t_\t_
        4\tbase\tbase\tNOUN\tNN\t_\t2\tobj\t_\t_

        """

    private func trainEnsemble(seed: UInt64) throws -> ParserModel {
        let sentences = try CoNLLU.parse(Self.treebank)
        return ParserModel.trainEnsemble(
            members: 2, train: sentences, trainTags: nil, dev: sentences, tagger: nil,
            options: TrainingOptions(epochs: 4, seed: seed, showProgress: false), log: { _ in })
    }

    @Test func averagesMembersIntoOneModelThatParsesItsTrainingData() throws {
        let model = try trainEnsemble(seed: 7)
        let parser = DependencyParser(model: model)
        var document = Document.words(["Soldiers", "attacked", "the", "town"])
        for (index, tags) in [("NNS", "NOUN"), ("VBD", "VERB"), ("DT", "DET"), ("NN", "NOUN")].enumerated() {
            document.tokens[index].xpos = tags.0
            document.tokens[index].upos = tags.1
        }
        try parser.process(&document)
        #expect(document.tokens.map(\.head) == [1, nil, 3, 1])
        #expect(document.tokens.map(\.relation) == ["nsubj", "root", "det", "obj"])
    }

    @Test func averagingTwoEnsemblesIsTheEnsembleOfAllTheirMembers() throws {
        let sentences = try CoNLLU.parse(Self.treebank)
        let members = (0..<4).map { seed in
            ParserModel.train(
                train: sentences, trainTags: nil, dev: sentences, tagger: nil,
                options: TrainingOptions(epochs: 4, seed: UInt64(seed), showProgress: false), log: { _ in })
        }
        let pairs = try ParserModel.averaged([
            ParserModel.averaged(Array(members[0..<2])), ParserModel.averaged(Array(members[2..<4])),
        ])
        let all = try ParserModel.averaged(members)
        // The same weights up to rounding: the same parses of every sentence.
        for sentence in try CoNLLU.documents(from: CoNLLU.parse(Self.treebank)) {
            var first = sentence.strippingSyntax()
            var second = first
            for index in first.tokens.indices {
                first.tokens[index].xpos = sentence.tokens[index].xpos
                first.tokens[index].upos = sentence.tokens[index].upos
            }
            second = first
            try DependencyParser(model: pairs).process(&first)
            try DependencyParser(model: all).process(&second)
            #expect(first.tokens.map(\.head) == second.tokens.map(\.head))
            #expect(first.tokens.map(\.relation) == second.tokens.map(\.relation))
        }
        #expect(pairs.weightCount == all.weightCount)
    }

    @Test func refusesToAverageParsersWithDifferentLabels() throws {
        let sentences = try CoNLLU.parse(Self.treebank)
        let options = TrainingOptions(epochs: 2, seed: 1, showProgress: false)
        let full = ParserModel.train(
            train: sentences, trainTags: nil, dev: [], tagger: nil, options: options, log: { _ in })
        // Without determiners the treebank has no `det` label.
        let part = ParserModel.train(
            train: [sentences[0]], trainTags: nil, dev: [], tagger: nil, options: options, log: { _ in })
        #expect(throws: PipelineError.self) { _ = try ParserModel.averaged([full, part]) }
        #expect(throws: PipelineError.self) { _ = try ParserModel.averaged([]) }
    }

    @Test func trainsTheSameEnsembleFromTheSameSeed() throws {
        #expect(try trainEnsemble(seed: 3).serialized() == trainEnsemble(seed: 3).serialized())
    }

    @Test func readsBackTheBytesItWrites() throws {
        let model = try trainEnsemble(seed: 1)
        #expect(try ParserModel(serialized: model.serialized()).serialized() == model.serialized())
        #expect(throws: PipelineError.self) { _ = try ParserModel(serialized: Array(model.serialized().dropLast())) }
    }

    @Test func parsesTheSameAfterWritingAndReading() throws {
        let model = try trainEnsemble(seed: 5)
        let reread = try ParserModel(serialized: model.serialized())
        let sentences = try CoNLLU.documents(from: CoNLLU.parse(Self.treebank))
        for document in sentences {
            var first = document.strippingSyntax()
            var second = first
            for index in first.tokens.indices {
                first.tokens[index].xpos = document.tokens[index].xpos
                first.tokens[index].upos = document.tokens[index].upos
            }
            second.tokens = first.tokens
            try DependencyParser(model: model).process(&first)
            try DependencyParser(model: reread).process(&second)
            #expect(first.tokens.map(\.head) == second.tokens.map(\.head))
            #expect(first.tokens.map(\.relation) == second.tokens.map(\.relation))
        }
    }

    @Test func rejectsAParserFileOfTheOldFormatVersion() throws {
        var bytes = try trainEnsemble(seed: 1).serialized()
        bytes[8] = 2  // the format version follows the 8-byte magic; 2 stored 16-bit weights
        do {
            _ = try ParserModel(serialized: bytes)
            Issue.record("expected an invalid-model error")
        } catch let error as PipelineError {
            #expect(error.code == .invalidModel)
            #expect(error.message.contains("version 2, this build reads version \(ParserModel.formatVersion)"))
        }
    }

    /// Payloads cut short or with a byte changed, rewrapped with a valid checksum: the tables
    /// themselves must be checked. Each either loads into a model that parses, or is rejected.
    @Test func rejectsOrSurvivesCorruptedTablesBehindAValidChecksum() throws {
        let file = try trainEnsemble(seed: 1).serialized()
        let payload = Array(file[32...])
        func load(_ bytes: [UInt8]) throws -> ParserModel {
            try ParserModel(
                serialized: ModelFile.wrap(bytes, kind: ParserModel.kind, version: ParserModel.formatVersion))
        }
        // A sample of cuts and changes, spread over the whole payload (the run stays short).
        let step = max(1, payload.count / 400)
        for length in stride(from: 0, to: payload.count, by: step) {
            #expect(throws: PipelineError.self) { _ = try load(Array(payload.prefix(length))) }
        }
        var document = Document.words(["Police", "arrested", "the", "protesters"])
        for (index, tags) in [("NNS", "NOUN"), ("VBD", "VERB"), ("DT", "DET"), ("NNS", "NOUN")].enumerated() {
            document.tokens[index].xpos = tags.0
            document.tokens[index].upos = tags.1
        }
        for position in stride(from: 0, to: payload.count, by: step) {
            for change: UInt8 in [0x01, 0x80, 0xFF] {
                var bytes = payload
                bytes[position] ^= change
                guard let model = try? load(bytes) else { continue }
                var parsed = document
                try DependencyParser(model: model).process(&parsed)
                #expect(parsed.tokens.filter { $0.head == nil }.count == 1)
            }
        }
    }
}

@Suite struct CoNLLUWordRangeTests {
    @Test func placesTheWordsOfAMultiwordTokenInOrder() throws {
        let text = """
            # text = sheeps wool
            1-2\tsheeps\t_\t_\t_\t_\t_\t_\t_\t_
            1\tsheep\tsheep\tNOUN\tNN\t_\t3\tnmod:poss\t_\t_
            2\ts\t's\tPART\tPOS\t_\t1\tcase\t_\t_
            3\twool\twool\tNOUN\tNN\t_\t0\troot\t_\t_

            """
        let document = try #require(CoNLLU.documents(from: try CoNLLU.parse(text)).first)
        #expect(document.tokens.map(\.range) == [0..<5, 5..<6, 7..<11])
        #expect(CoNLLU.format([document]).contains("1-2\tsheeps\t"))
    }
}
