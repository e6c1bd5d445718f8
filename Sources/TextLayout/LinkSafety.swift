import ThreadModel

/// Whether a URL from a document may be opened, put in a hyperlink or copied, and if not, why.
///
/// Only `http`, `https` and `mailto` pass; a URL with a control character, white space, a
/// bidirectional override or more than `maximumLength` bytes never leaves tread.
public enum LinkSafety: Equatable, Sendable {
    case safe
    case refused(String)

    /// Longer URLs are refused: browsers and terminals cut them anyway, and a document's
    /// 100 KB "URL" is an attack on the terminal, not a link.
    public static let maximumLength = 8192

    public static func check(_ url: String) -> LinkSafety {
        if url.utf8.count > maximumLength {
            return .refused("the link is longer than \(CountText.counted(maximumLength, "byte"))")
        }
        if url.unicodeScalars.contains(where: isForbidden) {
            return .refused("the link holds a control character or white space")
        }
        guard let colon = url.firstIndex(of: ":") else { return .refused("the link has no scheme such as https:") }
        let scheme = url[..<colon].lowercased()
        let rest = url[url.index(after: colon)...]
        switch scheme {
        case "http", "https":
            let authority = rest.dropFirst(2).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            guard rest.hasPrefix("//"), !authority.isEmpty else { return .refused("the link has no host") }
            return .safe
        case "mailto":
            return rest.isEmpty ? .refused("the link has no address") : .safe
        default:
            let shown = scheme.count > 20 ? String(scheme.prefix(20)) + "…" : scheme
            return .refused("only http, https and mailto links are opened, not \(shown):")
        }
    }

    /// Scalars no URL tread passes on may hold: C0 and C1 controls (ESC, BEL, newline, the
    /// 8-bit string terminator), DEL, white space, and format characters that reorder or hide text.
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x21 || (0x7F...0x9F).contains(v) { return true }
        if scalar.properties.isWhitespace { return true }
        switch scalar.properties.generalCategory {
        case .format, .lineSeparator, .paragraphSeparator, .control, .surrogate, .unassigned, .privateUse:
            return true
        default:
            return false
        }
    }
}
