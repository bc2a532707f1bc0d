import Foundation
import Parley
import Testing

/// `TextFolding` gives what each folding it replaced gave.
@Suite struct TextFoldingTests {
    /// The gazetteer key as written before `TextFolding.placeKey` had its ASCII path.
    static func referencePlaceKey(_ name: String) -> String {
        var result = ""
        var space = false
        for scalar in TextFolding.fold(name).unicodeScalars {
            if scalar == "'" || scalar == "." { continue }
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "&" {
                if space && !result.isEmpty { result.append(" ") }
                space = false
                result.unicodeScalars.append(scalar)
            } else {
                space = true
            }
        }
        return result
    }

    /// The fact stages' lower-casing as first written: Foundation lower-casing, curly apostrophes straight.
    static func referenceLowercase(_ text: String) -> String {
        text.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
    }

    static let tricky = [
        "Dera Ismail-Khan", "D.I. Khan", "KUNAR’S", "Kunar`s", "Türkiye", "TÜRKİYE", "İzmir", "Ḩalab", "Łódź",
        "São Tomé & Príncipe", "Ｕ.Ｎ.", "ﬁre", "Straße", "ΑΘΗΝΑ", "Москва", "دمشق", "Dara\u{0301}", "Sector ٧",
        "Al‑Qaeda — ‘Islamic State’", "“Hamas”", "x²", "", " ", "...", "Ÿ", "ǅemal", "Æsir", "A\r\nB",
    ]

    @Test(arguments: tricky)
    func placeKeyAgreesWithTheGazetteerKey(name: String) {
        #expect(TextFolding.placeKey(name) == Self.referencePlaceKey(name))
    }

    @Test func placeKeyAgreesOnEveryASCIICharacter() {
        for value in UInt8(0)..<0x80 {
            let character = String(decoding: [value], as: UTF8.self)
            for name in [character, "A\(character)b", "\(character)Kunar \(character) Province\(character)"] {
                #expect(TextFolding.placeKey(name) == Self.referencePlaceKey(name), "\(value)")
            }
        }
    }

    @Test(arguments: tricky)
    func lowercaseAgreesWithFoundation(text: String) {
        #expect(TextFolding.lowercase(text) == Self.referenceLowercase(text))
    }

    @Test func lowercaseKeepsPeriodsAndDiacritics() {
        #expect(TextFolding.lowercase("Oct.") == "oct.")
        #expect(TextFolding.lowercase("Türkiye’s") == "türkiye's")
        #expect(TextFolding.lowercase("plain") == "plain")
    }

    @Test func foldedViewFoldsCharactersLikeTheKeyButKeepsPeriods() {
        for name in Self.tricky where !name.contains("\r\n") {
            #expect(FoldedText.fold(name).replacingOccurrences(of: ".", with: "") == TextFolding.fold(name), "\(name)")
        }
    }

    @Test func placeKeysOfPlaceNames() {
        #expect(TextFolding.placeKey("Dara-i-Pech") == "dara i pech")
        #expect(TextFolding.placeKey("Tamil Nādu") == "tamil nadu")
        #expect(TextFolding.placeKey("  North   Waziristan ") == "north waziristan")
        #expect(TextFolding.placeKey("Kunar’s") == "kunars")
    }
}
