import Foundation

/// Reading and writing CoNLL-U, the Universal Dependencies format.
///
/// Multiword tokens (`3-4`) are kept as surface tokens over their words; empty nodes (`5.1`) are skipped.
public enum CoNLLU {
    /// One syntactic word line.
    public struct Word: Hashable, Sendable {
        public var id: Int
        public var form: String
        public var lemma: String?
        public var upos: String?
        public var xpos: String?
        public var features: String?
        /// 0 for the root, `nil` when unknown (`_`).
        public var head: Int?
        public var relation: String?
        public var misc: String?

        public init(
            id: Int, form: String, lemma: String? = nil, upos: String? = nil, xpos: String? = nil,
            features: String? = nil, head: Int? = nil, relation: String? = nil, misc: String? = nil
        ) {
            self.id = id
            self.form = form
            self.lemma = lemma
            self.upos = upos
            self.xpos = xpos
            self.features = features
            self.head = head
            self.relation = relation
            self.misc = misc
        }

        /// Whether MISC carries `SpaceAfter=No`.
        public var spaceAfter: Bool { !CoNLLU.miscHas(misc, "SpaceAfter=No") }
    }

    /// A multiword surface token covering words `first...last`.
    public struct MultiwordToken: Hashable, Sendable {
        public var first: Int
        public var last: Int
        public var form: String
        public var misc: String?

        public init(first: Int, last: Int, form: String, misc: String? = nil) {
            self.first = first
            self.last = last
            self.form = form
            self.misc = misc
        }

        public var spaceAfter: Bool { !CoNLLU.miscHas(misc, "SpaceAfter=No") }
    }

    /// A sentence with its comment lines.
    public struct Sentence: Hashable, Sendable {
        /// Comment lines without the leading `# `.
        public var comments: [String]
        public var words: [Word]
        public var multiwordTokens: [MultiwordToken]
        /// One-based line number of the sentence's first line in its file.
        public var line: Int

        public init(comments: [String] = [], words: [Word] = [], multiwordTokens: [MultiwordToken] = [], line: Int = 0)
        {
            self.comments = comments
            self.words = words
            self.multiwordTokens = multiwordTokens
            self.line = line
        }

        /// The value of a `key = value` comment (`sent_id`, `text`, `newdoc id`).
        public func comment(_ key: String) -> String? {
            for comment in comments {
                guard comment.hasPrefix(key) else { continue }
                let rest = comment.dropFirst(key.count)
                if rest.isEmpty { return "" }
                let trimmed = rest.drop(while: { $0 == " " })
                if trimmed.first == "=" { return String(trimmed.dropFirst().drop(while: { $0 == " " })) }
            }
            return nil
        }

        /// Whether the sentence starts a new document (`# newdoc`).
        public var startsDocument: Bool { comments.contains { $0.hasPrefix("newdoc") } }
        /// Whether the sentence starts a new paragraph (`# newpar`).
        public var startsParagraph: Bool { comments.contains { $0.hasPrefix("newpar") } }

        /// Surface tokens: each word not inside a multiword token, and each multiword token, in order,
        /// with the range of word ids (1-based, inclusive) it covers.
        public var surfaceTokens: [(form: String, words: ClosedRange<Int>, spaceAfter: Bool)] {
            var result: [(form: String, words: ClosedRange<Int>, spaceAfter: Bool)] = []
            var multiword = multiwordTokens.makeIterator()
            var next = multiword.next()
            var index = 0
            while index < words.count {
                let word = words[index]
                if let token = next, token.first == word.id {
                    result.append((token.form, token.first...token.last, token.spaceAfter))
                    while index < words.count && words[index].id <= token.last { index += 1 }
                    next = multiword.next()
                } else {
                    result.append((word.form, word.id...word.id, word.spaceAfter))
                    index += 1
                }
            }
            return result
        }
    }

    /// Parses CoNLL-U text.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - file: the file name, for messages.
    /// - Throws: ``PipelineError`` with the file and line of the first malformed line.
    public static func parse(_ text: String, file: String = "-") throws -> [Sentence] {
        var sentences: [Sentence] = []
        var current = Sentence()
        var started = false
        var lineNumber = 0
        var multiwordLines: [Int] = []  // the line of each of the current sentence's multiword tokens
        func finish() throws {
            for (token, line) in zip(current.multiwordTokens, multiwordLines) where token.last > current.words.count {
                throw PipelineError(
                    .invalidInput,
                    "multiword token \(token.first)-\(token.last) reaches past the sentence's last word, \(current.words.count)",
                    file: file, line: line)
            }
            if started && (!current.words.isEmpty || !current.comments.isEmpty) {
                sentences.append(current)
            }
            current = Sentence()
            multiwordLines = []
            started = false
        }
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.last == "\r" ? rawLine.dropLast() : rawLine
            if line.isEmpty {
                try finish()
                continue
            }
            if !started {
                started = true
                current.line = lineNumber
            }
            if line.first == "#" {
                current.comments.append(String(line.dropFirst().drop(while: { $0 == " " })))
                continue
            }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard columns.count == 10 else {
                throw PipelineError(
                    .invalidInput, "expected 10 tab-separated columns, found \(columns.count)", file: file,
                    line: lineNumber)
            }
            func field(_ index: Int) -> String? {
                let value = columns[index]
                return value == "_" ? nil : String(value)
            }
            let id = columns[0]
            if id.contains(".") { continue }  // empty node of the enhanced graph
            if let dash = id.firstIndex(of: "-") {
                guard let first = Int(id[..<dash]), let last = Int(id[id.index(after: dash)...]), first <= last else {
                    throw PipelineError(.invalidInput, "bad multiword token id '\(id)'", file: file, line: lineNumber)
                }
                // It comes just before its first word, after the words of the previous one.
                guard first == current.words.count + 1, first > (current.multiwordTokens.last?.last ?? 0) else {
                    throw PipelineError(
                        .invalidInput,
                        "multiword token '\(id)' out of place: expected one starting at word \(current.words.count + 1)",
                        file: file, line: lineNumber)
                }
                multiwordLines.append(lineNumber)
                current.multiwordTokens.append(
                    MultiwordToken(first: first, last: last, form: String(columns[1]), misc: field(9)))
                continue
            }
            guard let number = Int(id), number == current.words.count + 1 else {
                throw PipelineError(
                    .invalidInput, "word id '\(id)' out of sequence (expected \(current.words.count + 1))",
                    file: file, line: lineNumber)
            }
            var head: Int?
            if let headText = field(6) {
                guard let value = Int(headText), value >= 0 else {
                    throw PipelineError(.invalidInput, "bad head '\(headText)'", file: file, line: lineNumber)
                }
                head = value
            }
            // A lone "_" is a real form or lemma for an underscore token.
            let form = String(columns[1])
            current.words.append(
                Word(
                    id: number, form: form, lemma: columns[2] == "_" && form != "_" ? nil : String(columns[2]),
                    upos: field(3), xpos: field(4), features: field(5), head: head, relation: field(7),
                    misc: field(9)))
        }
        try finish()
        for sentence in sentences {
            for word in sentence.words {
                if let head = word.head, head > sentence.words.count {
                    throw PipelineError(
                        .invalidInput, "head \(head) of word \(word.id) is outside the sentence", file: file,
                        line: sentence.line)
                }
            }
        }
        return sentences
    }

    /// Reads a CoNLL-U file.
    /// - Throws: ``PipelineError`` naming the file and line.
    public static func read(contentsOf url: URL) throws -> [Sentence] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw PipelineError(.io, "cannot read: \(error.localizedDescription)", file: url.path, underlying: error)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PipelineError(.invalidInput, "not valid UTF-8", file: url.path)
        }
        return try parse(text, file: url.path)
    }

    static func miscHas(_ misc: String?, _ item: String) -> Bool {
        guard let misc else { return false }
        return misc.split(separator: "|").contains { $0 == item }
    }

    /// Builds documents from gold CoNLL-U sentences, keeping their word segmentation and sentence split.
    ///
    /// The text of each document is rebuilt from the surface tokens and `SpaceAfter=No`, sentences
    /// separated by a space, paragraphs (`# newpar`) by a blank line. Gold annotations are copied.
    /// - Parameter splitDocuments: start a new document at each `# newdoc`; otherwise return one document.
    public static func documents(from sentences: [Sentence], id: String = "conllu", splitDocuments: Bool = true)
        -> [Document]
    {
        var documents: [Document] = []
        var builder = DocumentBuilder(id: id)
        for sentence in sentences {
            if splitDocuments && sentence.startsDocument && !builder.isEmpty {
                documents.append(builder.build())
                builder = DocumentBuilder(id: sentence.comment("newdoc id") ?? "\(id)-\(documents.count + 1)")
            } else if sentence.startsDocument, builder.isEmpty, let docID = sentence.comment("newdoc id") {
                builder.id = docID
            }
            builder.add(sentence)
        }
        if !builder.isEmpty { documents.append(builder.build()) }
        return documents
    }

    private struct DocumentBuilder {
        var id: String
        var text = ""
        var tokens: [Token] = []
        var sentences: [Parley.Sentence] = []
        var paragraph = 0
        var isEmpty: Bool { sentences.isEmpty }

        init(id: String) { self.id = id }

        mutating func add(_ sentence: CoNLLU.Sentence) {
            guard !sentence.words.isEmpty else { return }  // a block of comments only
            if !sentences.isEmpty {
                if sentence.startsParagraph {
                    paragraph += 1
                    text += "\n\n"
                } else {
                    text += " "
                }
            }
            let sentenceStart = text.utf8.count
            let firstToken = tokens.count
            for surface in sentence.surfaceTokens {
                let start = text.utf8.count
                text += surface.form
                let end = text.utf8.count
                let firstWord = tokens.count
                // Each word is looked for after the previous one ("sheeps" = "sheep" + "s").
                var searchFrom = surface.form.startIndex
                for wordID in surface.words {
                    let word = sentence.words[wordID - 1]
                    var token = Token(range: start..<end, form: word.form, spaceAfter: true)
                    if surface.words.count > 1 {
                        token.multiwordStart = firstWord
                        if let offset = surface.form.range(of: word.form, range: searchFrom..<surface.form.endIndex) {
                            searchFrom = offset.upperBound
                            let lower = surface.form.utf8.distance(
                                from: surface.form.utf8.startIndex,
                                to: offset.lowerBound.samePosition(in: surface.form.utf8)!)
                            token.range = (start + lower)..<(start + lower + word.form.utf8.count)
                        }
                    }
                    token.upos = word.upos
                    token.xpos = word.xpos
                    token.lemma = word.lemma
                    token.features = word.features
                    token.relation = word.relation
                    if let head = word.head, head > 0 { token.head = firstToken + head - 1 }
                    tokens.append(token)
                }
                tokens[tokens.count - 1].spaceAfter = surface.spaceAfter
                if surface.spaceAfter { text += " " }
            }
            // Drop the trailing space of the sentence from its range.
            var sentenceEnd = text.utf8.count
            if text.hasSuffix(" ") {
                text.removeLast()
                sentenceEnd -= 1
            }
            sentences.append(
                Parley.Sentence(
                    tokens: firstToken..<tokens.count, range: sentenceStart..<sentenceEnd, paragraph: paragraph))
        }

        func build() -> Document {
            var document = Document(id: id, text: text)
            document.tokens = tokens
            document.sentences = sentences
            document.annotations = [.tokens, .sentences]
            if tokens.contains(where: { $0.upos != nil }) { document.annotations.insert(.partOfSpeech) }
            if tokens.contains(where: { $0.lemma != nil }) { document.annotations.insert(.lemmas) }
            if tokens.contains(where: { $0.relation != nil }) { document.annotations.insert(.dependencies) }
            return document
        }
    }

    /// Writes documents as CoNLL-U with `# newdoc`, `# newpar`, `# sent_id` and `# text` comments.
    ///
    /// Columns no stage has filled are `_`. Multiword tokens are written as range lines.
    public static func format(_ documents: [Document]) -> String {
        var output = ""
        for document in documents {
            var paragraph = -1
            for (index, sentence) in document.sentences.enumerated() {
                if index == 0 { output += "# newdoc id = \(document.id)\n" }
                if sentence.paragraph != paragraph {
                    output += "# newpar\n"
                    paragraph = sentence.paragraph
                }
                output += "# sent_id = \(document.id)-\(index + 1)\n"
                let sentenceText = document.text(in: sentence.range)
                    .replacingOccurrences(of: "\n", with: " ")
                    .replacingOccurrences(of: "\r", with: " ")
                output += "# text = \(sentenceText)\n"
                let first = sentence.tokens.lowerBound
                var position = sentence.tokens.lowerBound
                while position < sentence.tokens.upperBound {
                    let token = document.tokens[position]
                    if token.multiwordStart == position {
                        var last = position
                        while last + 1 < sentence.tokens.upperBound
                            && document.tokens[last + 1].multiwordStart == position
                        {
                            last += 1
                        }
                        let surfaceStart = document.tokens[position].range.lowerBound
                        let surfaceEnd = document.tokens[last].range.upperBound
                        let surface = document.text(in: min(surfaceStart, surfaceEnd)..<max(surfaceStart, surfaceEnd))
                        let misc = document.tokens[last].spaceAfter ? "_" : "SpaceAfter=No"
                        output +=
                            "\(position - first + 1)-\(last - first + 1)\t\(clean(String(surface)))\t_\t_\t_\t_\t_\t_\t_\t\(misc)\n"
                    }
                    let id = position - first + 1
                    let head: String
                    if let h = token.head {
                        head = String(h - first + 1)
                    } else {
                        head = token.relation != nil ? "0" : "_"
                    }
                    let inMultiword = token.multiwordStart != nil
                    let misc = (!token.spaceAfter && !inMultiword) ? "SpaceAfter=No" : "_"
                    let columns = [
                        String(id), clean(token.form), clean(token.lemma), token.upos ?? "_", token.xpos ?? "_",
                        token.features ?? "_", head, token.relation ?? "_", "_", misc,
                    ]
                    output += columns.joined(separator: "\t") + "\n"
                    position += 1
                }
                output += "\n"
            }
        }
        return output
    }

    private static func clean(_ field: String?) -> String {
        guard let field, !field.isEmpty else { return "_" }
        if !field.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == " " }) { return field }
        return String(field.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
