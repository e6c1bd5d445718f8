/// Recognising what a single Markdown line opens: quote markers, list markers, fences, rules, headings.
extension MarkdownText {
    /// How many `>` open the line (at most `limit`), and what follows them.
    ///
    /// Each marker may be preceded by up to 3 spaces and takes one space after it, so
    /// `">     code"` leaves four spaces: code inside the quote. A `>!` that has its `!<` later on
    /// the line is a spoiler, not a quote.
    static func quotes(_ line: ArraySlice<UInt8>, upTo limit: Int) -> (level: Int, rest: ArraySlice<UInt8>) {
        var level = 0
        var rest = line
        while level < limit {
            let spaces = rest.prefix { $0 == space }.count
            guard spaces <= 3 else { break }
            let marker = rest.index(rest.startIndex, offsetBy: spaces)
            guard marker < rest.endIndex, rest[marker] == UInt8(ascii: ">") else { break }
            let after = rest.index(after: marker)
            if after < rest.endIndex, rest[after] == UInt8(ascii: "!"), hasSpoilerEnd(rest[after...]) { break }
            level += 1
            rest = rest[after...]
            if rest.first == space { rest = rest.dropFirst() }
        }
        return (level, rest)
    }

    private static func hasSpoilerEnd(_ text: ArraySlice<UInt8>) -> Bool {
        var previous: UInt8 = 0
        for byte in text.dropFirst() {
            if previous == UInt8(ascii: "!"), byte == UInt8(ascii: "<") { return true }
            previous = byte
        }
        return false
    }

    /// The indentation of `text` in columns (a tab reaches the next multiple of 4), and the rest.
    static func leading(_ text: ArraySlice<UInt8>) -> (columns: Int, content: ArraySlice<UInt8>) {
        var columns = 0
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == space {
                columns += 1
            } else if text[index] == tab {
                columns += 4 - columns % 4
            } else {
                break
            }
            index += 1
        }
        return (columns, text[index...])
    }

    /// `text` without its first `count` columns of indentation (fewer when it has fewer).
    static func dropColumns(_ text: ArraySlice<UInt8>, _ count: Int) -> [UInt8] {
        let (columns, content) = leading(text)
        return [UInt8](repeating: space, count: max(0, columns - count)) + content
    }

    /// The fence a line opens: 3 or more backticks or tildes (a backtick fence's info string
    /// has no backtick).
    static func fenceOpening(_ content: ArraySlice<UInt8>) -> (marker: UInt8, length: Int)? {
        guard let marker = content.first, marker == UInt8(ascii: "`") || marker == UInt8(ascii: "~") else {
            return nil
        }
        let length = content.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        if marker == UInt8(ascii: "`"), content.dropFirst(length).contains(marker) { return nil }
        return (marker, length)
    }

    /// Whether `content` closes `fence`: the same character, at least as many, nothing after.
    static func closes(_ fence: BlockParser.Fence, _ content: ArraySlice<UInt8>) -> Bool {
        let length = content.prefix { $0 == fence.marker }.count
        return length >= fence.length && content.dropFirst(length).allSatisfy { $0 == space || $0 == tab }
    }

    /// A setext underline (`===` or `---` under a paragraph) and the heading rank it gives.
    static func setextLevel(_ content: ArraySlice<UInt8>) -> Int? {
        guard let first = content.first, first == UInt8(ascii: "=") || first == UInt8(ascii: "-") else {
            return nil
        }
        let run = content.prefix { $0 == first }
        guard content.dropFirst(run.count).allSatisfy({ $0 == space || $0 == tab }) else { return nil }
        return first == UInt8(ascii: "=") ? 1 : 2
    }

    /// Whether the line is a horizontal rule: 3 or more `-`, `*` or `_`, spaces allowed between.
    static func isRule(_ content: ArraySlice<UInt8>) -> Bool {
        guard let first = content.first,
            first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "_")
        else { return false }
        var count = 0
        for byte in content {
            if byte == first {
                count += 1
            } else if byte != space && byte != tab {
                return false
            }
        }
        return count >= 3
    }

    /// An ATX heading (`# x`, up to `######`): its rank and text, closing `#`s removed.
    static func atxHeading(_ content: ArraySlice<UInt8>) -> (Int, [UInt8])? {
        let rank = content.prefix { $0 == UInt8(ascii: "#") }.count
        guard (1...6).contains(rank) else { return nil }
        var text = content.dropFirst(rank)
        guard text.isEmpty || text.first == space || text.first == tab else { return nil }
        text = text.drop { $0 == space || $0 == tab }
        while let last = text.last, last == space || last == tab { text.removeLast() }
        let closing = text.reversed().prefix { $0 == UInt8(ascii: "#") }.count
        if closing == text.count {
            text = text.prefix(0)
        } else if closing > 0, text[text.endIndex - closing - 1] == space {
            text = text.dropLast(closing)
            while let last = text.last, last == space { text.removeLast() }
        }
        return (rank, Array(text))
    }

    /// A list item's marker, found at column `indent`.
    struct ListMarker {
        /// "- " or "N. ", as the body grammar writes markers.
        var normalized: [UInt8]
        var number: Int?
        /// The column the item's text starts at: where its continuation lines must reach.
        var contentColumn: Int
        var rest: ArraySlice<UInt8>
    }

    /// The list marker opening `content` (`-`, `*`, `+`, or 1–9 digits and `.` or `)`), if any.
    static func listMarker(_ content: ArraySlice<UInt8>, indent: Int) -> ListMarker? {
        guard let first = content.first else { return nil }
        let markerWidth: Int
        var number: Int?
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "*") || first == UInt8(ascii: "+") {
            markerWidth = 1
        } else {
            let digits = content.prefix { (0x30...0x39).contains($0) }
            guard (1...9).contains(digits.count), digits.endIndex < content.endIndex else { return nil }
            let delimiter = content[digits.endIndex]
            guard delimiter == UInt8(ascii: ".") || delimiter == UInt8(ascii: ")") else { return nil }
            number = Int(String(decoding: digits, as: UTF8.self))
            markerWidth = digits.count + 1
        }
        let after = content.dropFirst(markerWidth)
        guard after.isEmpty || after.first == space || after.first == tab else { return nil }
        let (spaces, rest) = leading(after)
        // Five or more spaces after the marker: the item starts with indented code, its text one in.
        let gap = rest.isEmpty || spaces > 4 ? 1 : spaces
        let normalized = number.map { Array("\($0). ".utf8) } ?? Array("- ".utf8)
        return ListMarker(normalized: normalized, number: number, contentColumn: indent + markerWidth + gap, rest: rest)
    }
}
