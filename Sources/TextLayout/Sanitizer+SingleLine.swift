extension Sanitizer {
    /// Makes untrusted text safe for a one-line message (an error on standard error, say).
    ///
    /// Like `sanitize`, but every line end stays visible instead of breaking the line: a newline
    /// becomes ␊, a carriage return ␍, and U+2028 / U+2029 (line and paragraph separators) ␤, so
    /// a file name cannot split "one line" into two or forge a second message. Tabs become spaces;
    /// ESC, C0, C1, DEL, bidi controls and marks (LRM, RLM, ALM) are shown or removed as
    /// `sanitize` does.
    public static func singleLine(_ text: String) -> String {
        var visible = String.UnicodeScalarView()
        var changed = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0D:
                visible.append(placeholder(forControl: scalar))
                changed = true
            case 0x2028, 0x2029:
                visible.append("\u{2424}")
                changed = true
            default:
                visible.append(scalar)
            }
        }
        return sanitize(changed ? String(visible) : text)
    }
}
