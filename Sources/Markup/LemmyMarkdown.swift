/// Lemmy's additions to Markdown, rewritten into what `MarkdownText` reads, before it reads them.
///
/// - a spoiler block, `::: spoiler TITLE` … `:::`, which Lemmy shows folded under its title:
///   the line `[spoiler: TITLE]`, the hidden text, then `[end of spoiler]`, each its own paragraph;
/// - superscript `^text^` becomes Reddit's `^text` (`^(text)` before a word), which `MarkdownText` shows;
/// - subscript `~text~` (one tilde, no space inside) becomes the text alone; `~~struck~~` is left
///   for `MarkdownText`.
///
/// Fenced and indented code is left as written, and so are code spans. One pass over each line,
/// each marker's look-ahead stopping at the next marker or space, so the work is linear.
public enum LemmyMarkdown {
    public static func normalized(_ markdown: String) -> String {
        guard markdown.contains(":::") || markdown.contains("^") || markdown.contains("~") else { return markdown }
        var fence: Substring?
        var rewritten: [String] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                rewritten.append(String(line))
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                rewritten.append(String(line))
                continue
            }
            if line.hasPrefix("    ") || line.hasPrefix("\t") {
                rewritten.append(String(line))
                continue
            }
            if trimmed.hasPrefix(":::") {
                let rest = trimmed.dropFirst(3).drop { $0 == " " }
                if rest.hasPrefix("spoiler") {
                    let title = rest.dropFirst("spoiler".count).drop { $0 == " " }
                    rewritten.append("")
                    rewritten.append(title.isEmpty ? "[spoiler]" : "[spoiler: \(title)]")
                    rewritten.append("")
                    continue
                }
                if rest.allSatisfy(\.isWhitespace) {
                    rewritten.append("")
                    rewritten.append("[end of spoiler]")
                    rewritten.append("")
                    continue
                }
            }
            rewritten.append(inline(line))
        }
        return rewritten.joined(separator: "\n")
    }

    /// Superscript and subscript of one line, outside code spans.
    static func inline(_ line: Substring) -> String {
        guard line.contains("^") || line.contains("~") else { return String(line) }
        let characters = Array(line)
        var result = ""
        var index = 0
        var inCode = false
        while index < characters.count {
            let character = characters[index]
            if character == "`" {
                inCode.toggle()
                result.append(character)
                index += 1
                continue
            }
            let isSub =
                character == "~" && !(index + 1 < characters.count && characters[index + 1] == "~")
                && !(index > 0 && characters[index - 1] == "~")
            if !inCode, character == "^" || isSub, let end = closing(character, in: characters, after: index) {
                let inner = String(characters[(index + 1)..<end])
                if character == "~" {
                    result += inner
                } else {
                    // `^x` ends at a space; before a word it needs the parentheses to end.
                    let followed = end + 1 < characters.count && !characters[end + 1].isWhitespace
                    result += followed ? "^(\(inner))" : "^" + inner
                }
                index = end + 1
                continue
            }
            result.append(character)
            index += 1
        }
        return result
    }

    /// The index of the marker closing the one at `start`: the next same marker, with at least one
    /// character and no space between; nil when a space, a line end or another kind of marker comes first.
    private static func closing(_ marker: Character, in characters: [Character], after start: Int) -> Int? {
        var index = start + 1
        while index < characters.count {
            let character = characters[index]
            if character == marker { return index > start + 1 ? index : nil }
            if character.isWhitespace || character == "`" { return nil }
            index += 1
        }
        return nil
    }
}
