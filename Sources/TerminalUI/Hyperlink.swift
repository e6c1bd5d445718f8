import TextLayout

/// OSC 8 hyperlinks: the escape sequences that make drawn text a link the terminal can follow.
///
/// The URL inside is checked by `LinkSafety` and percent-encoded to printable ASCII, so no
/// ESC, BEL or 8-bit ST from a document ever reaches the terminal inside the sequence.
public enum Hyperlink {
    /// VTE ignores longer URIs; past it tread draws the shortened text without a link.
    public static let maximumURILength = 2083

    /// The sequence that starts a link to `url`, or nil when the URL must not be linked.
    ///
    /// `id` (digits and letters only are kept) lets the terminal join a link broken over lines.
    public static func start(_ url: String, id: String? = nil) -> String? {
        guard LinkSafety.check(url) == .safe else { return nil }
        let uri = encoded(url)
        guard uri.utf8.count <= maximumURILength else { return nil }
        let parameters = id.map { "id=" + String($0.unicodeScalars.filter(isIDScalar).prefix(64).map(Character.init)) }
        return "\u{1B}]8;\(parameters ?? "");\(uri)\u{1B}\\"
    }

    /// The sequence that ends the current link.
    public static let end = "\u{1B}]8;;\u{1B}\\"

    /// `text` (already made drawable by the caller) as a link to `url`; the text alone when the URL is refused.
    public static func wrap(_ text: String, url: String, id: String? = nil) -> String {
        guard let start = start(url, id: id) else { return text }
        return start + text + end
    }

    /// The URL with every byte outside printable ASCII, and `;` where terminals split, as `%XX`.
    static func encoded(_ url: String) -> String {
        var out = ""
        out.reserveCapacity(url.utf8.count)
        for byte in url.utf8 {
            if byte > 0x20 && byte < 0x7F && byte != UInt8(ascii: ";") {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += "%" + hex(byte)
            }
        }
        return out
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 15)]])
    }

    private static func isIDScalar(_ c: Unicode.Scalar) -> Bool {
        c.isASCII && (c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == "_")
    }
}
