import Foundation

/// Writes a ``Lexicon`` in Parley's lexicon format; ``LexiconReader`` reads the text back to the same lexicon.
public enum LexiconWriter {
    /// The lexicon as text.
    /// - Parameters:
    ///   - lexicon: what to write.
    ///   - header: comment lines written first (without `#`).
    public static func text(of lexicon: Lexicon, header: [String] = []) -> String {
        var out = ""
        for line in header { out += line.isEmpty ? "#\n" : "# \(line)\n" }
        out += "@lexicon parley 1\n"
        if lexicon.petrarchCompatible { out += "@compat petrarch\n" }
        if !lexicon.codes.isEmpty { out += "\n" }
        for code in lexicon.codes {
            out += "code \(code.code) \(code.kind.rawValue)\(code.label.isEmpty ? "" : " " + clean(code.label))\n"
        }
        for entry in lexicon.actors {
            out += "\n\(entry.kind.rawValue) \(entry.name)\n"
            for alias in entry.aliases.dropFirst() { out += "    alias \(alias)\n" }
            for demonym in entry.demonyms { out += "    demonym \(demonym)\n" }
            for capital in entry.capitals { out += "    capital \(capital)\n" }
            for role in entry.roles { out += "    role \(role)\n" }
            for note in entry.notes { out += "    note \(clean(note))\n" }
        }
        if !lexicon.substitutionSets.isEmpty { out += "\n" }
        for (name, words) in lexicon.substitutionSets.sorted(by: { $0.key < $1.key }) {
            out += "set \(name) = \(words.joined(separator: ", "))\n"
        }
        if !lexicon.agents.isEmpty { out += "\n" }
        for agent in lexicon.agents {
            var line = "agent \(agent.phrase)"
            if let plurals = agent.plurals { line += " {\(plurals.joined(separator: ", "))}" }
            line += agent.isPrefix ? " = \(agent.code)~" : " = ~\(agent.code)"
            for note in agent.notes { line += " # \(clean(note))" }
            out += line + "\n"
        }
        if !lexicon.places.isEmpty { out += "\n" }
        for place in lexicon.places { out += "place \(place.name) = \(place.target)\n" }
        if !lexicon.discards.isEmpty { out += "\n" }
        for discard in lexicon.discards {
            out += "\(discard.isStory ? "discard-story" : "discard") \(discard.phrase)\n"
        }
        return out
    }

    /// Notes stay on one line.
    private static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\r", with: " ")
    }
}
