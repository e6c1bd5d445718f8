/// Finds and shortens links in decoded text.
public enum LinkText {
    /// The links of `text` in order: `label <url>` as the importers write them, and bare
    /// `http(s)://` or `mailto:` URLs. One pass, linear in the text; a `<...>` may hold any
    /// scheme (it is then refused by `LinkSafety`, not hidden).
    public static func links(in text: String) -> [Link] {
        scan(Array(text.unicodeScalars)).links
    }

    /// Where each link is written in `scalars`: the run (the whole `<url>`, or the bare URL) and
    /// its link's number; runs in order, a URL written twice has two runs with one number.
    public static func occurrences(in scalars: [Unicode.Scalar]) -> (links: [Link], runs: [(Range<Int>, Int)]) {
        scan(scalars)
    }

    private static func scan(_ scalars: [Unicode.Scalar]) -> (links: [Link], runs: [(Range<Int>, Int)]) {
        var links: [Link] = []
        var runs: [(Range<Int>, Int)] = []
        var numbers: [String: Int] = [:]
        var runStart = 0
        func add(_ url: String, label: String?, end: Int) {
            if let number = numbers[url] {
                runs.append((runStart..<end, number))
                return
            }
            numbers[url] = links.count + 1
            links.append(Link(number: links.count + 1, label: label, url: url))
            runs.append((runStart..<end, links.count))
        }
        var i = 0
        // Where the text since the last link began, for the label of `label <url>`.
        var lineStart = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" {
                lineStart = i + 1
                i += 1
            } else if c == "<", let end = angleEnd(scalars, from: i + 1), hasScheme(scalars, i + 1, end) {
                let url = String(String.UnicodeScalarView(scalars[(i + 1)..<end]))
                runStart = i
                add(url, label: label(scalars, from: lineStart, to: i), end: end + 1)
                i = end + 1
                lineStart = i
            } else if isBareStart(scalars, i), i == 0 || !isWordScalar(scalars[i - 1]) {
                var end = i
                while end < scalars.count, !isBareStop(scalars[end]) { end += 1 }
                end = trimmedEnd(scalars, from: i, to: end)
                runStart = i
                add(String(String.UnicodeScalarView(scalars[i..<end])), label: nil, end: end)
                i = max(end, i + 1)
                lineStart = i
            } else {
                i += 1
            }
        }
        return (links, runs)
    }

    /// The URL without its scheme, cut to `maxWidth` columns with `…`; controls shown as `�`.
    public static func shortened(_ url: String, maxWidth: Int) -> String {
        var rest = Substring(url)
        for scheme in ["https://", "http://", "mailto:"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            break
        }
        if rest.hasPrefix("www.") { rest = rest.dropFirst(4) }
        let limit = max(1, maxWidth)
        let shown = rest.map { isUnsafeForDisplay($0) ? "\u{FFFD}" : $0 }
        if TextWidth.of(String(shown)) <= limit { return String(shown) }
        var out = ""
        var width = 0
        for character in shown {
            let w = TextWidth.of(character)
            // One column stays for the ellipsis.
            if width + w > limit - 1 { break }
            out.append(character)
            width += w
        }
        return out + "…"
    }

    // MARK: - Scanning

    /// The index of the `>` closing an angle-bracket URL started at `start`; nil when another `<`
    /// or the end comes first. White space or a newline inside is kept, so that a hostile href
    /// (`<https://x.org/a` newline `b>`) is one refused link, not a shorter one that opens.
    private static func angleEnd(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        var k = start
        while k < s.count {
            switch s[k] {
            case ">": return k > start ? k : nil
            case "<": return nil
            default: k += 1
            }
        }
        return nil
    }

    /// Whether `s[start..<end]` begins with a URI scheme and a colon (`https:`, `javascript:`).
    private static func hasScheme(_ s: [Unicode.Scalar], _ start: Int, _ end: Int) -> Bool {
        guard start < end, s[start].isASCII, s[start].properties.isAlphabetic else { return false }
        var k = start + 1
        while k < end, k - start <= 32 {
            let c = s[k]
            if c == ":" { return k + 1 < end }
            guard c.isASCII, c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "+" || c == "-" || c == "."
            else { return false }
            k += 1
        }
        return false
    }

    private static let bareSchemes: [[Unicode.Scalar]] = ["https://", "http://", "mailto:"].map {
        Array($0.unicodeScalars)
    }

    private static func isBareStart(_ s: [Unicode.Scalar], _ i: Int) -> Bool {
        guard s[i] == "h" || s[i] == "H" || s[i] == "m" || s[i] == "M" else { return false }
        return bareSchemes.contains { scheme in
            guard i + scheme.count < s.count else { return false }
            for (k, expected) in scheme.enumerated() where lower(s[i + k]) != expected { return false }
            return !isBareStop(s[i + scheme.count])
        }
    }

    private static func lower(_ c: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(c) ? Unicode.Scalar(c.value + 32) ?? c : c
    }

    private static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        c.properties.isAlphabetic || ("0"..."9").contains(c)
    }

    private static func isBareStop(_ c: Unicode.Scalar) -> Bool {
        c.properties.isWhitespace || c == "<" || c == ">" || c == "\"" || c.value < 0x20 || c.value == 0x7F
    }

    /// A bare URL's end without the sentence's punctuation: trailing `.,;:!?'` and a `)` with no `(`.
    private static func trimmedEnd(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var open = 0
        for k in start..<end {
            if s[k] == "(" { open += 1 } else if s[k] == ")" { open -= 1 }
        }
        var end = end
        while end > start {
            let c = s[end - 1]
            if ".,;:!?'*".unicodeScalars.contains(c) {
                end -= 1
            } else if c == ")" && open < 0 {
                open += 1
                end -= 1
            } else {
                break
            }
        }
        return end
    }

    /// The words before `<url>` on its line, after the previous link: the link's label.
    private static func label(_ s: [Unicode.Scalar], from start: Int, to end: Int) -> String? {
        var k = end
        while k > start, s[k - 1] == " " { k -= 1 }
        // A label is the last phrase: stop at sentence punctuation, at most 80 scalars back.
        var first = k
        while first > start, k - first < 80, !".!?:;\n(".unicodeScalars.contains(s[first - 1]) { first -= 1 }
        while first < k, s[first] == " " { first += 1 }
        guard first < k else { return nil }
        return String(String.UnicodeScalarView(s[first..<k]))
    }

    static func isUnsafeForDisplay(_ character: Character) -> Bool {
        character.unicodeScalars.contains { LinkSafety.isForbidden($0) }
    }
}
