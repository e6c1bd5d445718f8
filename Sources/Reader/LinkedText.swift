import TextLayout

/// A body's links numbered for drawing: `label <url>` becomes `label [1]` and a bare URL its
/// shortened form with the number (`x.org/a/long…[2]`), so no URL is ever wrapped mid-token.
///
/// The numbers are `LinkText.links(in:)`'s, which `o` and the picker use on the same text.
public enum LinkedText {
    /// `body` with every link replaced by its drawn form; one pass over the text.
    ///
    /// A bare URL is cut so that, with its number, it fits `width` columns: the wrapper then
    /// keeps it on one line. The whole URL stays in the document, for the picker and the browser.
    public static func numbered(_ body: String, width: Int) -> String {
        // Most comments have no link: leave them untouched without building the scalar array.
        guard body.utf8.contains(UInt8(ascii: "<")) || body.utf8.contains(UInt8(ascii: ":")) else { return body }
        let scalars = Array(body.unicodeScalars)
        let (links, runs) = LinkText.occurrences(in: scalars)
        guard !runs.isEmpty else { return body }
        var out = String.UnicodeScalarView()
        var at = 0
        for (range, number) in runs {
            out.append(contentsOf: scalars[at..<range.lowerBound])
            let tag = "[\(number)]"
            if scalars[range.lowerBound] != "<" {
                let room = max(8, min(48, width - tag.count))
                out.append(contentsOf: links[number - 1].display(maxWidth: room).unicodeScalars)
            } else if range.lowerBound > 0, scalars[range.lowerBound - 1] != " " {
                out.append(" ")
            }
            out.append(contentsOf: tag.unicodeScalars)
            at = range.upperBound
        }
        out.append(contentsOf: scalars[at...])
        return String(out)
    }
}
