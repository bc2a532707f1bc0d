/// Where a text's direct quotes are: the byte ranges between their quotation marks.
///
/// Straight (`"`), curly (`“ ”`) and angle (`« »`) double marks are read, and the treebank-style pairs ``` `` ```
/// and `''`. A quote
/// left open at a paragraph's end continues when the next paragraph opens with a mark (the usual way a long
/// quote runs over paragraphs); otherwise it ends with its paragraph. A quote still open at the end of the text
/// runs to the end. Commas and spaces just inside the closing mark ("…,”) are left out of the range. Single
/// marks are not read: in a quote they open a nested quote, which stays part of the outer one, and outside
/// one they are mostly apostrophes.
///
/// The event coder (for the speaker of a quoted "we") and the quote stage (for every quote's speaker) read
/// quotes through this one function, so they agree on what is quoted.
enum QuotedSpans {
    static func find<Bytes: RandomAccessCollection>(in bytes: Bytes) -> [Range<Int>]
    where Bytes.Element == UInt8, Bytes.Index == Int {
        let start = bytes.startIndex
        let end = bytes.endIndex
        let quote = UInt8(ascii: "\"")
        let backtick = UInt8(ascii: "`")
        let apostrophe = UInt8(ascii: "'")
        // The third bytes of “ (E2 80 9C) and ” (E2 80 9D), compared in place: no array per byte.
        func curly(_ position: Int, _ last: UInt8) -> Bool {
            position + 3 <= end && bytes[position] == 0xE2 && bytes[position + 1] == 0x80 && bytes[position + 2] == last
        }
        func pair(_ position: Int, _ byte: UInt8, _ second: UInt8? = nil) -> Bool {
            position + 2 <= end && bytes[position] == byte && bytes[position + 1] == (second ?? byte)
        }
        /// The width of a closing mark at the position, or 0.
        func closing(_ position: Int) -> Int {
            if curly(position, 0x9D) { return 3 }
            if pair(position, apostrophe) || pair(position, 0xC2, 0xBB) { return 2 }
            return bytes[position] == quote ? 1 : 0
        }
        /// The width of an opening mark at the position, or 0.
        func opening(_ position: Int) -> Int {
            if curly(position, 0x9C) { return 3 }
            if pair(position, backtick) || pair(position, 0xC2, 0xAB) { return 2 }
            return position < end && bytes[position] == quote ? 1 : 0
        }
        var spans: [Range<Int>] = []
        var open: Int?
        var continued: Int?  // start of a quote left open at a paragraph's end
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == 10, let first = open {
                // A paragraph break inside an open quote.
                var next = index + 1
                while next < end, bytes[next] == 10 || bytes[next] == 13 || bytes[next] == 32 || bytes[next] == 9 {
                    next += 1
                }
                if opening(next) > 0 {
                    continued = first
                } else {
                    spans.append(first..<index)
                }
                open = nil
                index = next
                continue
            }
            if open != nil {
                let width = closing(index)
                if width > 0 {
                    spans.append(open!..<index)
                    open = nil
                    index += width
                    continue
                }
            } else {
                let width = opening(index)
                if width > 0 {
                    open = continued ?? (index + width)
                    continued = nil
                    index += width
                    continue
                }
                // A closing mark with no quote open is skipped whole.
                if byte != quote, byte != apostrophe, case let width = closing(index), width > 0 {
                    index += width
                    continue
                }
            }
            index += 1
        }
        if let first = open { spans.append(first..<end) }
        return spans.compactMap { span in
            var upper = span.upperBound
            while upper > span.lowerBound, bytes[upper - 1] == UInt8(ascii: ",") || bytes[upper - 1] == 32 {
                upper -= 1
            }
            return span.lowerBound < upper ? span.lowerBound..<upper : nil
        }
    }
}
