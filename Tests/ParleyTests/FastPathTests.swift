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
                #expect(TextFolding.placeKey(name) == Self.referenceFold(name), "\(value)")
            }
        }
    }

    @Test(arguments: [
        "Dara-i-Pech", "  North   Waziristan ", "D.I. Khan", "Bosnia & Herzegovina", "Martyrs' Square", "`Ali Khel",
        "KUNAR", "Tamil Nādu", "Kunar’s", "", "...", "Sector 7-B",
    ])
    func foldsPlaceNamesLikeFoundation(name: String) {
        #expect(TextFolding.placeKey(name) == Self.referenceFold(name))
    }

    /// `TextFolding.fold` of text that is neither ASCII nor plain punctuation, as written before its Latin path.
    static func referenceNameFold(_ text: String) -> String {
        var mapped = ""
        for scalar in text.precomposedStringWithCompatibilityMapping.unicodeScalars {
            switch scalar.value {
            case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC, 0x0060: mapped.unicodeScalars.append("'")
            case 0x201C, 0x201D, 0x201F, 0x2033: mapped.unicodeScalars.append("\"")
            case 0x2010...0x2015, 0x2212: mapped.unicodeScalars.append("-")
            case 0x2E: continue
            default: mapped.unicodeScalars.append(scalar)
            }
        }
        return mapped.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
            .replacingOccurrences(of: "ı", with: "i")
    }

    @Test func foldsLatinLettersLikeFoundation() {
        let letters = (Array(0xC0...0x24F) + Array(0x1E00...0x1EFF)).compactMap(Unicode.Scalar.init)
            .map { String(Character($0)) }
        for letter in letters {
            let names = [letter, "K\(letter)b", "\(letter)\(letter).", "Ab \(letter)’s-\(letter)", "İzmir \(letter)"]
            for name in names {
                #expect(TextFolding.fold(name) == Self.referenceNameFold(name), "\(name)")
            }
        }
        for name in ["Kābul", "Türkiye", "Peshāwar", "Łódź", "ĲSSELMONDE", "Ŀa", "ŉ", "ſt", "Ḩalab", "Dara\u{0301}"] {
            #expect(TextFolding.fold(name) == Self.referenceNameFold(name), "\(name)")
        }
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
