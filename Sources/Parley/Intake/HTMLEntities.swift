/// Decoding of HTML character references: numeric (`&#8217;`, `&#x2019;`) and named (`&rsquo;`).
///
/// Covers every HTML 4 entity and the common HTML 5 additions; the Latin-1 names and `amp`, `lt`,
/// `gt`, `quot` are also recognised without a final semicolon, as browsers do.
public enum HTMLEntities {
    /// Decodes the character references in `text`.
    /// - Parameters:
    ///   - text: HTML text or attribute value.
    ///   - inAttribute: whether the text is an attribute value (legacy references followed by a letter,
    ///     digit or `=` are then left alone, as in browsers).
    public static func decode(_ text: some StringProtocol, inAttribute: Bool = false) -> String {
        let bytes = Array(text.utf8)
        return decode(bytes[...], inAttribute: inAttribute)
    }

    static func decode(_ bytes: ArraySlice<UInt8>, inAttribute: Bool) -> String {
        guard bytes.contains(UInt8(ascii: "&")) else { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        let end = bytes.endIndex
        func append(_ scalar: UInt32) {
            let value = Unicode.Scalar(scalar) ?? "\u{FFFD}"
            output.append(contentsOf: Array(String(Character(value)).utf8))
        }
        while index < end {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "&"), index + 1 < end else {
                output.append(byte)
                index += 1
                continue
            }
            var cursor = index + 1
            if bytes[cursor] == UInt8(ascii: "#") {
                cursor += 1
                var hex = false
                if cursor < end, bytes[cursor] | 0x20 == UInt8(ascii: "x") {
                    hex = true
                    cursor += 1
                }
                let digitsStart = cursor
                var value: UInt32 = 0
                while cursor < end, let digit = digitValue(bytes[cursor], hex: hex) {
                    value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)
                    cursor += 1
                }
                guard cursor > digitsStart else {
                    output.append(byte)
                    index += 1
                    continue
                }
                if cursor < end, bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
                append(numericReplacement(value))
                index = cursor
                continue
            }
            var nameEnd = cursor
            while nameEnd < end, nameEnd - cursor < 32, isAlphanumeric(bytes[nameEnd]) { nameEnd += 1 }
            let name = String(decoding: bytes[cursor..<nameEnd], as: UTF8.self)
            if nameEnd < end, bytes[nameEnd] == UInt8(ascii: ";"), let scalar = named[name] {
                append(scalar)
                index = nameEnd + 1
                continue
            }
            // Legacy references without a semicolon: the longest known prefix.
            var matched = false
            var length = min(nameEnd - cursor, 6)
            while length >= 2 {
                let prefix = String(decoding: bytes[cursor..<(cursor + length)], as: UTF8.self)
                if legacy.contains(prefix), let scalar = named[prefix] {
                    let after = cursor + length
                    if inAttribute, after < end, isAlphanumeric(bytes[after]) || bytes[after] == UInt8(ascii: "=") {
                        break
                    }
                    append(scalar)
                    index = after
                    matched = true
                    break
                }
                length -= 1
            }
            if !matched {
                output.append(byte)
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46 where hex: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66 where hex: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// The character a numeric reference stands for, with the browsers' Windows-1252 fix-ups.
    private static func numericReplacement(_ value: UInt32) -> UInt32 {
        if value == 0 || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) { return 0xFFFD }
        if (0x80...0x9F).contains(value) { return windows1252[Int(value - 0x80)] ?? value }
        return value
    }

    /// Windows-1252 code points for bytes 0x80–0x9F (`nil` where the code page has none).
    static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil,
        0x017D, nil, nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, nil, 0x017E, 0x0178,
    ]

    /// The Latin-1 entity names, for code points 160–255 in order.
    private static let latin1Names = """
        nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 \
        acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml \
        Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde \
        Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig \
        ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide \
        oslash ugrave uacute ucirc uuml yacute thorn yuml
        """.split(separator: " ").map(String.init)

    private static let greekNames = """
        Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho - Sigma Tau Upsilon \
        Phi Chi Psi Omega
        """.split(separator: " ").map(String.init)

    private static let otherNames: [String: UInt32] = [
        "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "AMP": 38, "LT": 60, "GT": 62, "QUOT": 34,
        "COPY": 169, "REG": 174, "OElig": 338, "oelig": 339, "Scaron": 352, "scaron": 353, "Yuml": 376,
        "fnof": 402, "circ": 710, "tilde": 732, "ensp": 8194, "emsp": 8195, "thinsp": 8201, "zwnj": 8204,
        "zwj": 8205, "lrm": 8206, "rlm": 8207, "ndash": 8211, "mdash": 8212, "lsquo": 8216, "rsquo": 8217,
        "sbquo": 8218, "ldquo": 8220, "rdquo": 8221, "bdquo": 8222, "dagger": 8224, "Dagger": 8225, "bull": 8226,
        "hellip": 8230, "permil": 8240, "prime": 8242, "Prime": 8243, "lsaquo": 8249, "rsaquo": 8250,
        "oline": 8254, "frasl": 8260, "euro": 8364, "image": 8465, "weierp": 8472, "real": 8476, "trade": 8482,
        "alefsym": 8501, "larr": 8592, "uarr": 8593, "rarr": 8594, "darr": 8595, "harr": 8596, "crarr": 8629,
        "lArr": 8656, "uArr": 8657, "rArr": 8658, "dArr": 8659, "hArr": 8660, "forall": 8704, "part": 8706,
        "exist": 8707, "empty": 8709, "nabla": 8711, "isin": 8712, "notin": 8713, "ni": 8715, "prod": 8719,
        "sum": 8721, "minus": 8722, "lowast": 8727, "radic": 8730, "prop": 8733, "infin": 8734, "ang": 8736,
        "and": 8743, "or": 8744, "cap": 8745, "cup": 8746, "int": 8747, "there4": 8756, "sim": 8764,
        "cong": 8773, "asymp": 8776, "ne": 8800, "equiv": 8801, "le": 8804, "ge": 8805, "sub": 8834,
        "sup": 8835, "nsub": 8836, "sube": 8838, "supe": 8839, "oplus": 8853, "otimes": 8855, "perp": 8869,
        "sdot": 8901, "lceil": 8968, "rceil": 8969, "lfloor": 8970, "rfloor": 8971, "lang": 10216,
        "rang": 10217, "loz": 9674, "spades": 9824, "clubs": 9827, "hearts": 9829, "diams": 9830,
        "sigmaf": 962, "thetasym": 977, "upsih": 978, "piv": 982,
        // Common HTML 5 additions.
        "Tab": 9, "NewLine": 10, "excl": 33, "num": 35, "dollar": 36, "percnt": 37, "lpar": 40, "rpar": 41,
        "ast": 42, "plus": 43, "comma": 44, "period": 46, "sol": 47, "colon": 58, "semi": 59, "equals": 61,
        "quest": 63, "commat": 64, "lsqb": 91, "lbrack": 91, "bsol": 92, "rsqb": 93, "rbrack": 93, "Hat": 94,
        "lowbar": 95, "grave": 96, "lcub": 123, "lbrace": 123, "verbar": 124, "vert": 124, "rcub": 125,
        "rbrace": 125, "hyphen": 8208, "dash": 8208, "horbar": 8213, "nbhy": 8209, "mldr": 8230,
        "lsquor": 8218, "rsquor": 8217, "ldquor": 8222, "rdquor": 8221, "check": 10003, "cross": 10007,
        "star": 9734, "starf": 9733, "half": 189, "centerdot": 183,
    ]

    /// Named references and their code points.
    static let named: [String: UInt32] = {
        var table = otherNames
        for (offset, name) in latin1Names.enumerated() { table[name] = UInt32(160 + offset) }
        for (offset, name) in greekNames.enumerated() where name != "-" {
            table[name] = UInt32(913 + offset)
            table[name.prefix(1).lowercased() + name.dropFirst()] = UInt32(945 + offset)
        }
        return table
    }()

    /// Names browsers also accept without a final semicolon.
    private static let legacy: Set<String> = Set(latin1Names).union([
        "amp", "lt", "gt", "quot", "AMP", "LT", "GT", "QUOT", "COPY", "REG",
    ])
}
