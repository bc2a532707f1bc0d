/// The dependency tree of one sentence with UD v1 and v2 relation names brought to v2, for the coder.
struct SentenceGraph {
    let document: Document
    /// Document-level token indices of the sentence.
    let tokens: Range<Int>
    /// Children of each token (document indices), in text order; index `i - tokens.lowerBound`.
    private(set) var children: [[Int]]
    /// Normalised relation of each token.
    private(set) var relations: [String]
    /// Each token's relation without its subtype (`obl:agent` → `obl`).
    private var bases: [Substring]
    /// Uppercased lemma (or form when there is no lemma) and uppercased form.
    private(set) var lemmas: [String]
    private(set) var forms: [String]

    init(document: Document, sentence: Sentence) {
        self.document = document
        self.tokens = sentence.tokens
        let count = sentence.tokens.count
        children = Array(repeating: [], count: count)
        relations = []
        relations.reserveCapacity(count)
        bases = []
        bases.reserveCapacity(count)
        lemmas = []
        forms = []
        for index in sentence.tokens {
            let token = document.tokens[index]
            forms.append(token.form.uppercased())
            lemmas.append((token.lemma ?? token.form).uppercased())
        }
        for index in sentence.tokens {
            let token = document.tokens[index]
            var relation = (token.relation ?? "dep").lowercased()
            let headIsVerb: Bool = {
                guard let head = token.head, sentence.tokens.contains(head) else { return false }
                let upos = document.tokens[head].upos ?? ""
                return upos == "VERB" || upos == "AUX" || upos == "ADJ"
            }()
            switch relation {
            case "dobj": relation = "obj"
            case "nsubjpass": relation = "nsubj:pass"
            case "csubjpass": relation = "csubj:pass"
            case "auxpass": relation = "aux:pass"
            case "neg": relation = "advmod:neg"
            case "name": relation = "flat"
            case "mwe": relation = "fixed"
            case "nmod:agent": relation = "obl:agent"
            case "nmod:tmod": relation = headIsVerb ? "obl:tmod" : "nmod:tmod"
            case "nmod": if headIsVerb { relation = "obl" }
            default: break
            }
            relations.append(relation)
            bases.append(relation.split(separator: ":", maxSplits: 1).first ?? Substring(relation))
            if let head = token.head, sentence.tokens.contains(head), head != index {
                children[head - sentence.tokens.lowerBound].append(index)
            }
        }
    }

    func relation(_ index: Int) -> String { tokens.contains(index) ? relations[index - tokens.lowerBound] : "" }
    /// The relation without its subtype (`obl:agent` → `obl`).
    func baseRelation(_ index: Int) -> Substring { tokens.contains(index) ? bases[index - tokens.lowerBound] : "" }
    func lemma(_ index: Int) -> String { tokens.contains(index) ? lemmas[index - tokens.lowerBound] : "" }
    func form(_ index: Int) -> String { tokens.contains(index) ? forms[index - tokens.lowerBound] : "" }
    func children(of index: Int) -> [Int] { tokens.contains(index) ? children[index - tokens.lowerBound] : [] }
    func upos(_ index: Int) -> String { tokens.contains(index) ? document.tokens[index].upos ?? "" : "" }
    func xpos(_ index: Int) -> String { tokens.contains(index) ? document.tokens[index].xpos ?? "" : "" }

    /// The head of a token of this sentence, `nil` for the root, a head outside the sentence or a token outside it.
    func head(_ index: Int) -> Int? {
        guard tokens.contains(index), let head = document.tokens[index].head, tokens.contains(head), head != index
        else { return nil }
        return head
    }

    /// Children with one of the given relations (full or base names).
    ///
    /// Takes any collection so that callers can pass array literals, which cost nothing to build,
    /// where a `Set` literal is hashed on every call.
    func children(of index: Int, _ names: some Collection<String>) -> [Int] {
        children(of: index).filter { child in
            let relation = relation(child)
            if names.contains(relation) { return true }
            let base = baseRelation(child)
            return base.utf8.count != relation.utf8.count && names.contains(String(base))
        }
    }

    /// The token and all its descendants, in text order.
    func subtree(_ index: Int) -> [Int] { subtree(index, excluding: EmptyCollection()) }

    /// The token and all its descendants, in text order; subtrees under `excluding` relations are left out.
    func subtree(_ index: Int, excluding: some Collection<String>) -> [Int] {
        var result: [Int] = []
        var stack = [index]
        var guardCount = 0
        while let next = stack.popLast() {
            guardCount += 1
            if guardCount > tokens.count + 1 { break }  // a cycle in a malformed parse
            result.append(next)
            for child in children(of: next) {
                if !excluding.isEmpty {
                    let relation = relation(child)
                    if excluding.contains(relation) { continue }
                    let base = baseRelation(child)
                    if base.utf8.count != relation.utf8.count && excluding.contains(String(base)) { continue }
                }
                stack.append(child)
            }
        }
        return result.sorted()
    }

    /// Whether `ancestor` dominates `index`.
    func dominates(_ ancestor: Int, _ index: Int) -> Bool {
        var current: Int? = index
        var steps = 0
        while let node = current, steps <= tokens.count {
            if node == ancestor { return true }
            current = head(node)
            steps += 1
        }
        return false
    }

    /// The preposition or case marker of a nominal (`by` in "by Qatar"), uppercased.
    func caseMarker(_ index: Int) -> String? {
        for child in children(of: index) where relation(child) == "case" || relation(child) == "mark" {
            // "according to": take the last word of a fixed expression.
            let fixed = children(of: child).filter { relation($0) == "fixed" }
            if let last = fixed.last { return form(child) + " " + form(last) }
            return form(child)
        }
        return nil
    }

    /// Whether the token carries a negation ("not", "never", "n't", "no").
    func negation(of index: Int) -> Int? {
        for child in children(of: index) {
            let rel = relation(child)
            guard rel == "advmod:neg" || rel == "advmod" || rel == "det" || rel == "aux" || rel == "neg" else {
                continue
            }
            if ["NOT", "N'T", "NEVER", "NO", "NT"].contains(form(child)) { return child }
        }
        return nil
    }
}
