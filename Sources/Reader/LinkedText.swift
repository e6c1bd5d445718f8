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
        // UTF-8 bytes, appended in place: appending to a String's scalar view copies it each time.
        var out: [UInt8] = []
        out.reserveCapacity(body.utf8.count)
        func append<S: Sequence<Unicode.Scalar>>(_ scalars: S) {
            for scalar in scalars { UTF8.encode(scalar) { out.append($0) } }
        }
        var at = 0
        for (range, number) in runs {
            append(scalars[at..<range.lowerBound])
            let tag = "[\(number)]"
            if scalars[range.lowerBound] != "<" {
                let room = max(8, min(48, width - tag.count))
                out.append(contentsOf: shortened(links[number - 1], maxWidth: room).utf8)
            } else if range.lowerBound > 0, scalars[range.lowerBound - 1] != " " {
                out.append(UInt8(ascii: " "))
            }
            out.append(contentsOf: tag.utf8)
            at = range.upperBound
        }
        append(scalars[at...])
        return String(decoding: out, as: UTF8.self)
    }

    /// `Link.display` with a fast path for printable ASCII, which nearly every URL is: a thread
    /// of 50,000 links is then laid out without walking each URL by grapheme cluster.
    static func shortened(_ link: Link, maxWidth: Int) -> String {
        let bytes = link.url.utf8
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return link.display(maxWidth: maxWidth) }
        var rest = Substring(link.url)
        for scheme in ["https://", "http://", "mailto:"] where rest.utf8.count >= scheme.utf8.count {
            if rest.utf8.prefix(scheme.utf8.count).elementsEqual(scheme.utf8, by: { $0 | 0x20 == $1 | 0x20 }) {
                rest = rest.dropFirst(scheme.count)
                break
            }
        }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        let limit = max(1, maxWidth)
        if rest.utf8.count <= limit { return String(rest) }
        return String(rest.prefix(limit - 1)) + "…"
    }
}
