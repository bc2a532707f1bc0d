import Foundation
import Parley
import Testing

@Suite struct EventOutputTests {
    func codedDocument() throws -> Document {
        var document = try parsedDocument(
            "Qatar/Qatar/PROPN/4/nsubj and/and/CCONJ/3/cc Turkey/Turkey/PROPN/1/conj asked/ask/VERB/0/root "
                + "Pakistan/Pakistan/PROPN/4/obj to/to/PART/7/mark give/give/VERB/4/xcomp the/the/DET/9/det "
                + "talks/talk/NOUN/7/iobj another/another/DET/11/det chance/chance/NOUN/7/obj",
            actors: [("Qatar", "QAT"), ("Turkey", "TUR"), ("Pakistan", "PAKGOV")], id: "doc-1")
        document.metadata.title = "A \"quoted\" title"
        try testCoder().process(&document)
        return document
    }

    @Test func writesOneJSONLinePerDocumentInTheIssueShape() throws {
        let line = EventOutput.jsonLine(try codedDocument())
        #expect(!line.contains("\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        #expect(object["id"] as? String == "doc-1")
        #expect(object["title"] as? String == "A \"quoted\" title")
        #expect(object["published"] as? String == "2025-10-30")
        let events = try #require(object["events"] as? [[String: Any]])
        let event = try #require(events.first)
        #expect(event["cameo"] as? String == "026")
        #expect((event["source"] as? [[String: Any]])?.map { $0["code"] as? String } == ["QAT", "TUR"])
        let target = try #require((event["target"] as? [[String: Any]])?.first)
        #expect(target["country"] as? String == "PAK")
        #expect(target["sector"] as? String == "GOV")
        #expect((event["plover"] as? [String: Any])?["event"] as? String == "REQUEST")
        #expect(event["quad_class"] as? Int == 1)
        #expect(event["goldstein"] as? Double == 4.0)
        let modality = try #require(event["modality"] as? [String: Any])
        #expect(modality["negated"] as? Bool == false)
        #expect(modality.keys.contains("speaker"))
        for key in [
            "third_parties", "acled", "date", "date_precision", "location", "casualties", "attribution", "text",
        ] {
            #expect(event.keys.contains(key), "missing \(key)")
        }
        let evidence = try #require(event["evidence"] as? [String: Any])
        #expect((evidence["trigger"] as? [Int])?.count == 2)
        #expect(evidence["pattern"] as? String == "ask.chance")
        #expect(object["actors"] is [Any])
        #expect(object["warnings"] is [Any])
    }

    @Test func writesOneCSVRowPerDyadInPhoenixOrder() throws {
        let csv = EventOutput.phoenixCSV([try codedDocument()])
        let lines = csv.split(separator: "\n")
        #expect(lines.first == Substring(EventOutput.phoenixColumns.joined(separator: ",")))
        #expect(lines.count == 3, "two sources, one target: two dyads")
        let row = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(row.count == EventOutput.phoenixColumns.count)
        #expect(row[1] == "20251030")
        #expect(row[5] == "QAT")
        #expect(row[9] == "PAKGOV" && row[10] == "PAK" && row[11] == "GOV")
        #expect(row[13] == "026" && row[14] == "02" && row[15] == "0")
    }

    @Test func writesACLEDRowsOnlyForACLEDEvents() throws {
        #expect(EventOutput.acledCSV([try codedDocument()]).split(separator: "\n").count == 1)
        var document = try parsedDocument(
            "Police/police/NOUN/2/nsubj arrested/arrest/VERB/0/root protesters/protester/NOUN/2/obj",
            actors: [("Police", "PAKCOP"), ("protesters", "PAKCVL")])
        try testCoder().process(&document)
        let rows = EventOutput.acledCSV([document]).split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[1].contains("30 October 2025"))
        #expect(rows[1].contains("Protests") || rows[1].contains("Strategic developments"))
    }

    @Test func escapesCSVAndJSON() {
        #expect(OrderedJSON.string("a\"b\n\u{1}").text == "\"a\\\"b\\n\\u0001\"")
        #expect(OrderedJSON.object([("x", .double(4)), ("y", .null)]).text == "{\"x\": 4.0, \"y\": null}")
    }

    @Test func explainsWithPlainMarkers() throws {
        let text = EventExplainer(ansi: false).explain(try codedDocument())
        #expect(text.contains("{{Qatar}}"))
        #expect(text.contains("<<Pakistan>>"))
        #expect(text.contains("[[asked]]"))
        #expect(text.contains("pattern ask.chance"))
        #expect(!text.contains("\u{1B}["))
    }

    @Test func explainsWithANSIColours() throws {
        let text = EventExplainer(ansi: true).explain(try codedDocument())
        #expect(text.contains("\u{1B}[1;31masked\u{1B}[0m"))
    }

    @Test func explainsAnActorNamedOutsideTheEventsSentence() throws {
        // A source carried over from an earlier sentence, or a target after the sentence's end,
        // is named in "who"/"whom" but marks nothing in the sentence shown.
        var document = try codedDocument()
        let asked = try #require(document.text.utf8.ranges(of: "asked".utf8).first)
        let end = document.text.utf8.distance(from: document.text.utf8.startIndex, to: asked.upperBound)
        document.sentences[0].range = 0..<end
        let text = EventExplainer(ansi: false).explain(document)
        #expect(text.contains("{{Qatar}}"))
        #expect(!text.contains("<<Pakistan"))
        #expect(text.contains("whom:   PAKGOV «Pakistan»"))
    }

    @Test func explainsModalityRules() throws {
        var document = try parsedDocument(
            "Pakistan/Pakistan/PROPN/4/nsubj did/do/AUX/4/aux not/not/PART/4/advmod attack/attack/VERB/0/root "
                + "Afghanistan/Afghanistan/PROPN/4/obj",
            actors: [("Pakistan", "PAK"), ("Afghanistan", "AFG")])
        try testCoder().process(&document)
        let text = EventExplainer(ansi: false).explain(document)
        #expect(text.contains("negated: negation 'not' on 'attack'"))
        #expect(EventOutput.table(document).contains("[negated]"))
    }
}
