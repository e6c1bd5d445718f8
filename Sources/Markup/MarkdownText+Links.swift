/// Links and images: `[text](address "title")`, `[text](<address with spaces>)`, `![alt](…)`.
extension MarkdownText.InlineRenderer {
    /// The link whose `[` is at `open`, written as `text <address>`; nil when it is not one.
    ///
    /// Every scan stops at the next `[` (a label holds no brackets), so the attempts made from
    /// successive `[`s look at disjoint stretches and the whole paragraph stays linear.
    mutating func link(at open: Int, image: Bool) -> Int? {
        let bracket = UInt8(ascii: "[")
        var index = open + 1
        while index < text.count, text[index] != UInt8(ascii: "]") {
            if text[index] == bracket { return nil }
            index += text[index] == UInt8(ascii: "\\") ? 2 : 1
        }
        // No `]`, or an escape at the very end carried the index past it.
        guard index < text.count else { return nil }
        let label = Array(text[(open + 1)..<index])
        if !references.isEmpty, let end = reference(label: label, after: index, image: image) { return end }
        guard index + 1 < text.count else { return nil }
        if text[index + 1] == UInt8(ascii: "(") {
            index += 2
        } else if text[index + 1] == MarkdownText.space, index + 2 < text.count, text[index + 2] == UInt8(ascii: "("),
            MarkdownText.linkStarts.contains(where: { text[(index + 3)...].starts(with: $0) })
        {
            // `[text] (https://…)`: old Reddit made this a link, and threads from then are full of it.
            index += 3
        } else {
            return nil
        }
        index = skipSpaces(from: index)
        guard index < text.count else { return nil }
        let destination: Range<Int>
        if text[index] == UInt8(ascii: "<") {
            var end = index + 1
            while end < text.count, text[end] != UInt8(ascii: ">") {
                let byte = text[end]
                if byte == MarkdownText.newline || byte == UInt8(ascii: "<") || byte == bracket { return nil }
                end += text[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < text.count else { return nil }
            destination = (index + 1)..<end
            index = end + 1
        } else {
            var end = index
            var depth = 0
            while end < text.count {
                let byte = text[end]
                if byte == MarkdownText.space || byte == MarkdownText.newline || byte == MarkdownText.tab { break }
                if byte == bracket { return nil }
                if byte == UInt8(ascii: "(") { depth += 1 }
                if byte == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                end += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            destination = index..<min(end, text.count)
            index = end
        }
        index = skipSpaces(from: index)
        guard index < text.count else { return nil }
        let quote = text[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") || quote == UInt8(ascii: "(") {
            // A title: shown by a browser on hover, so not shown here.
            let close = quote == UInt8(ascii: "(") ? UInt8(ascii: ")") : quote
            var end = index + 1
            while end < text.count, text[end] != close {
                if text[end] == bracket { return nil }
                end += text[end] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard end < text.count else { return nil }
            index = skipSpaces(from: end + 1)
        }
        guard index < text.count, text[index] == UInt8(ascii: ")") else { return nil }
        write(label: label, address: MarkdownText.decodeAddress(text[destination]), image: image)
        return index + 1
    }

    private mutating func write(label: [UInt8], address: [UInt8], image: Bool) {
        let shown = MarkdownText.renderInline(label, references: references)
        if image {
            literal(MarkdownText.media(address, alt: shown))
        } else if shown.isEmpty || shown == address {
            literal(address)
        } else {
            literal(shown + Array(" <".utf8) + address + [UInt8(ascii: ">")])
        }
    }

    /// A reference link whose label ends at `close` (its `]`): `[text][label]`, `[label][]` or
    /// `[label]`, when the label is defined. Returns where the text after it starts.
    private mutating func reference(label: [UInt8], after close: Int, image: Bool) -> Int? {
        var key = label
        var end = close + 1
        if end < text.count, text[end] == UInt8(ascii: "[") {
            var index = end + 1
            while index < text.count, text[index] != UInt8(ascii: "]") {
                if text[index] == UInt8(ascii: "[") { return nil }
                index += 1
            }
            guard index < text.count else { return nil }
            if index > end + 1 { key = Array(text[(end + 1)..<index]) }
            end = index + 1
        } else if end < text.count, text[end] == UInt8(ascii: "(") {
            return nil
        }
        guard let address = references[MarkdownText.normalizedLabel(key[...])] else { return nil }
        write(label: label, address: address, image: image)
        return end
    }

    private func skipSpaces(from start: Int) -> Int {
        var index = start
        while index < text.count,
            text[index] == MarkdownText.space || text[index] == MarkdownText.newline || text[index] == MarkdownText.tab
        {
            index += 1
        }
        return index
    }
}

extension MarkdownText {
    /// What an image stands for, in the HTML converter's form (`[image: name]`, `[video: title
    /// <address>]`): Reddit's media in comments (`giphy|…`, `emote|…`, an upload's id) or an address.
    static func media(_ address: [UInt8], alt: [UInt8]) -> [UInt8] {
        let text = String(decoding: address, as: UTF8.self)
        if text.hasPrefix("giphy|") { return Array("[gif]".utf8) }
        if text.hasPrefix("emote|") { return Array("[emote]".utf8) }
        // Reddit's editor writes "img" or "gif" as every upload's alt text: it names nothing.
        let name = String(decoding: alt, as: UTF8.self)
        let named = ["", "img", "gif", "image"].contains(name.lowercased()) ? "" : name
        if text.contains("://") { return Array("[image: \(named.isEmpty ? "" : named + " ")<\(text)>]".utf8) }
        return Array((named.isEmpty ? "[image]" : "[image: \(named)]").utf8)
    }
}

extension MarkdownText {
    /// Every reference definition in `lines` (`[label]: address "title"`), the first of each label
    /// winning as in CommonMark. Looks at each line once.
    static func references(in lines: [ArraySlice<UInt8>]) -> References {
        var found: References = [:]
        for line in lines where line.contains(UInt8(ascii: "]")) {
            let (_, rest) = quotes(line, upTo: Int.max)
            let (indent, content) = leading(rest)
            guard indent < 4, let (label, address) = definition(content) else { continue }
            if found[label] == nil { found[label] = address }
        }
        return found
    }

    /// The normalised label and address a definition line gives.
    static func definition(_ content: ArraySlice<UInt8>) -> (String, [UInt8])? {
        guard content.first == UInt8(ascii: "["), let close = content.firstIndex(of: UInt8(ascii: "]")),
            close > content.startIndex + 1, close + 1 < content.endIndex, content[close + 1] == UInt8(ascii: ":")
        else { return nil }
        let label = content[(content.startIndex + 1)..<close]
        guard !label.contains(UInt8(ascii: "[")) else { return nil }
        var rest = leading(content[(close + 2)...]).content
        if rest.first == UInt8(ascii: "<") {
            guard let end = rest.firstIndex(of: UInt8(ascii: ">")) else { return nil }
            rest = rest[(rest.startIndex + 1)..<end]
        } else {
            rest = rest.prefix { $0 != space && $0 != tab }
        }
        guard !rest.isEmpty else { return nil }
        return (normalizedLabel(label), decodeAddress(rest))
    }

    /// A label as references match it: case and runs of spaces do not count.
    static func normalizedLabel(_ label: ArraySlice<UInt8>) -> String {
        String(decoding: label, as: UTF8.self).lowercased().split(whereSeparator: {
            $0 == " " || $0 == "\t" || $0 == "\n"
        })
        .joined(separator: " ")
    }
}
