import Markup
import ThreadModel

/// One line that stands for what a terminal cannot show (an image, a video, a link card, a quoted
/// post), in the shape the HTML converter gives embedded media: `[image: alt text <address>]`.
///
/// Text from the site is made one line (line breaks become spaces) and cut short, so a stand-in
/// never grows into a paragraph or breaks the body grammar.
enum StandInLine {
    /// Characters of text a stand-in keeps; an alt text is a caption, not an essay.
    static let longestText = 300

    /// `[kind: text <address>]`, leaving out the parts that are absent or empty.
    static func make(kind: String, text: String?, address: String?) -> String {
        let shown = text.map { ImportSupport.oneLine($0, limit: longestText) } ?? ""
        let link = address.flatMap { $0.isEmpty || $0.contains(where: \.isWhitespace) ? nil : $0 }
        var line = "[" + ImportSupport.oneLine(kind, limit: 40)
        if !shown.isEmpty { line += ": " + shown }
        if let link { line += " <\(link)>" }
        return line + "]"
    }
}

extension ImportSupport {
    /// Text on one line: runs of white space (line breaks included) become one space, cut at `limit` characters.
    static func oneLine(_ text: String, limit: Int = 300) -> String {
        var out = ""
        var pendingSpace = false
        var count = 0
        for character in text {
            if character.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if count >= limit {
                out += "…"
                break
            }
            if pendingSpace {
                out.append(" ")
                count += 1
                pendingSpace = false
            }
            out.append(character)
            count += 1
        }
        return out
    }

    /// A title made from a post's text: its first line, cut at 80 characters.
    static func headline(_ text: String) -> String {
        oneLine(text, limit: 80)
    }
}
