import Foundation
import Parley
import Testing

/// The byte-by-byte paths for ASCII text give what the general (Foundation) paths give.
@Suite struct FastPathTests {
    /// `PlaceTable.fold` as written before its ASCII path: Foundation folding, then alphanumeric runs.
    static func referenceFold(_ name: String) -> String {
        let plain = name.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        var space = false
        for scalar in plain.unicodeScalars {
            if scalar == "'" || scalar == "\u{2019}" || scalar == "`" || scalar == "." { continue }
            if CharacterSet.alphanumerics.contains(scalar) || scalar == "&" {
                if space && !result.isEmpty { result.append(" ") }
                result.unicodeScalars.append(scalar)
                space = false
            } else {
                space = true
            }
        }
        return result
    }

    @Test func foldsEveryASCIICharacterLikeFoundation() {
        for value in UInt8(0)..<0x80 {
            let character = String(decoding: [value], as: UTF8.self)
            for name in [character, "A\(character)b", "\(character)Kunar \(character) Province\(character)"] {
                #expect(PlaceTable.fold(name) == Self.referenceFold(name), "\(value)")
            }
        }
    }

    @Test(arguments: [
        "Dara-i-Pech", "  North   Waziristan ", "D.I. Khan", "Bosnia & Herzegovina", "Martyrs' Square", "`Ali Khel",
        "KUNAR", "Tamil Nādu", "Kunar’s", "", "...", "Sector 7-B",
    ])
    func foldsPlaceNamesLikeFoundation(name: String) {
        #expect(PlaceTable.fold(name) == Self.referenceFold(name))
    }

    @Test func writesWholeDoublesLikePrintf() {
        for value in [0.0, -0.0, 4.0, -10.0, 7.0, 123_456_789.0, -999_999_999_999_999.0, 1e15, 2.5, -3.25] {
            let expected =
                value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : String(value)
            #expect(OrderedJSON.double(value).text == expected, "\(value)")
        }
    }

    @Test func escapesOnlyWhatJSONNeeds() {
        #expect(OrderedJSON.string("“Talks” — ‘now’").text == "\"“Talks” — ‘now’\"")
        #expect(OrderedJSON.string("a\u{2028}b\u{2029}").text == "\"a\\u2028b\\u2029\"")
        #expect(OrderedJSON.string("tab\there").text == "\"tab\\there\"")
    }

    @Test(arguments: [
        (" 2025-10-30", "2025-10-30"), ("2025-10-30\t", "2025-10-30"), ("\u{00A0}20251030", "2025-10-30"),
    ])
    func parsesDaysWithSurroundingSpace(text: String, expected: String) throws {
        #expect(try #require(Day(parsing: text)).description == expected)
    }
}
