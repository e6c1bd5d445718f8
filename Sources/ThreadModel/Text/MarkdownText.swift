/// Turns Reddit's Markdown into tread's plain text.
///
/// Reddit Markdown is already close to FORMAT.md (blank lines between paragraphs, `>`
/// quotes, 4-space code), so this mostly rejoins soft-wrapped lines, normalises quote,
/// list and code markers, and turns `[text](address)` into `text <address>`.
public enum MarkdownText {
    /// Converts `markdown` to plain text; `entityEscaped` says the site escaped it as HTML
    /// (Reddit without `raw_json=1`: `>` saved as `&gt;`), so entities are decoded first.
    public static func convert(_ markdown: String, entityEscaped: Bool = false) -> String {
        let source = entityEscaped ? HTMLEntities.decode(markdown) : markdown
        var out: [String] = []
        /// The paragraph being gathered: its quote level and text; nil between paragraphs.
        var paragraph: (level: Int, text: String)?
        var hardBreak = false
        var fence: Substring?
        var lastWasCode = false

        func flush() {
            if let current = paragraph {
                out.append(String(repeating: "> ", count: current.level) + inlineText(current.text))
            }
            paragraph = nil
        }
        func blank() {
            flush()
            if let last = out.last, !last.isEmpty { out.append("") }
        }

        for rawLine in source.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if let open = fence {
                if line.trimming(" ").hasPrefix(open) {
                    fence = nil
                    blank()
                } else {
                    out.append(line.isEmpty ? "" : "    " + line)
                }
                continue
            }
            let trimmed = line.trimming(" \t")
            if trimmed.isEmpty {
                blank()
                lastWasCode = false
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                blank()
                fence = trimmed.hasPrefix("```") ? "```" : "~~~"
                continue
            }
            // Indented code needs a blank line (or more code) before it; otherwise it continues a paragraph.
            if paragraph == nil || lastWasCode, let code = indentedCode(line) {
                flush()
                out.append(code)
                lastWasCode = true
                continue
            }
            lastWasCode = false
            var (level, content) = quote(Substring(trimmed))
            if level > 0, content.isEmpty {
                blank()
                continue
            }
            if let marker = listMarker(content) {
                flush()
                content = marker.rest
                paragraph = (level, marker.marker + content)
                hardBreak = false
                continue
            }
            if content.allSatisfy({ $0 == "-" || $0 == "*" || $0 == "_" || $0 == " " }) && content.count >= 3 {
                // A thematic break: a paragraph break is all a terminal needs.
                blank()
                continue
            }
            if content.hasPrefix("#") {
                flush()
                content = content.drop { $0 == "#" }.drop { $0 == " " }
                paragraph = (level, String(content))
                flush()
                continue
            }
            let breaks = line.hasSuffix("  ") || line.hasSuffix("\\")
            let text = line.hasSuffix("\\") ? String(content.dropLast()) : String(content).trimming(" ")
            if let current = paragraph, current.level == level, !hardBreak {
                paragraph = (level, current.text + " " + text)
            } else {
                flush()
                paragraph = (level, text)
            }
            hardBreak = breaks
        }
        flush()
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// The line as a code line of FORMAT.md, when Markdown indents it as code.
    private static func indentedCode(_ line: Substring) -> String? {
        if line.hasPrefix("\t") { return "    " + line.dropFirst() }
        if line.hasPrefix("    ") { return String(line) }
        return nil
    }

    /// How many `>` open the line, and what follows them.
    private static func quote(_ line: Substring) -> (Int, Substring) {
        var level = 0
        var rest = line
        while rest.first == ">" {
            level += 1
            rest = rest.dropFirst().drop { $0 == " " }
        }
        return (level, rest)
    }

    /// The list marker of an item line, normalised to "- " or "N. ", and the item's text.
    private static func listMarker(_ line: Substring) -> (marker: String, rest: Substring)? {
        if let first = line.first, first == "-" || first == "*" || first == "+", line.dropFirst().first == " " {
            return ("- ", line.dropFirst(2).drop { $0 == " " })
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count < 10 else { return nil }
        let after = line[digits.endIndex...]
        guard let dot = after.first, dot == "." || dot == ")", after.dropFirst().first == " " else { return nil }
        return ("\(digits). ", after.dropFirst(2).drop { $0 == " " })
    }

    /// Links as `text <address>`, backslash escapes and emphasis markers removed.
    static func inlineText(_ text: String) -> String {
        let characters = Array(text)
        var out = ""
        var i = 0
        while i < characters.count {
            let character = characters[i]
            if character == "\\", i + 1 < characters.count,
                characters[i + 1].isPunctuation || characters[i + 1].isSymbol
            {
                out.append(characters[i + 1])
                i += 2
            } else if character == "[", let link = link(in: characters, at: i) {
                let label = inlineText(link.label)
                out += label == link.address || label.isEmpty ? link.address : "\(label) <\(link.address)>"
                i = link.end
            } else if character == "*" || character == "~" || character == "_", i + 1 < characters.count,
                characters[i + 1] == character
            {
                // `**bold**`, `__bold__`, `~~struck~~`: the markers mean nothing in plain text.
                i += 2
            } else {
                out.append(character)
                i += 1
            }
        }
        return out
    }

    /// A `[label](address)` starting at `start`; the label may not hold brackets, so this stays linear.
    private static func link(in characters: [Character], at start: Int) -> (label: String, address: String, end: Int)? {
        var i = start + 1
        while i < characters.count, characters[i] != "]", characters[i] != "[" { i += 1 }
        guard i + 1 < characters.count, characters[i] == "]", characters[i + 1] == "(" else { return nil }
        let label = String(characters[(start + 1)..<i])
        var j = i + 2
        var depth = 0
        while j < characters.count {
            let character = characters[j]
            if character == "(" { depth += 1 }
            if character == ")" {
                if depth == 0 { break }
                depth -= 1
            }
            if character == " " || character == "\n" || character == "[" { return nil }
            j += 1
        }
        guard j < characters.count else { return nil }
        return (label, String(characters[(i + 2)..<j]), j + 1)
    }
}
