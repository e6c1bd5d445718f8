import TextLayout

/// A link's number as drawn on screen, for the terminal to make followable (OSC 8).
public struct ScreenLink: Equatable, Sendable {
    public var row: Int
    public var column: Int
    /// The cells' text, `[2]`: the terminal writes it again inside the hyperlink.
    public var text: String
    /// The whole address; `LinkSafety` has passed it.
    public var url: String

    public init(row: Int, column: Int, text: String, url: String) {
        self.row = row
        self.column = column
        self.text = text
        self.url = url
    }
}

extension ReaderState {
    /// Where each link number (`[N]`) of a comment or the article is on screen, with its address.
    ///
    /// Nothing while an overlay or the sticky line could cover them (the parent overlay's own
    /// numbers instead, while it is open); refused links are left out.
    public func screenLinks(layout: LayoutCache) -> [ScreenLink] {
        if let overlay = parentOverlay { return overlayLinks(overlay, layout: layout) }
        guard mode == .reading, !isTooSmall else { return [] }
        let visible = visibleLines(layout: layout)
        let skipTop = stickyAncestors(visible: visible) != nil
        var result: [ScreenLink] = []
        for (row, entry) in visible.enumerated() where entry.line.role == .body && !(row == 0 && skipTop) {
            let text = entry.line.spans.map(\.text).joined()
            guard text.contains("[") else { continue }
            let item = entry.position.item
            let links = layout.links(item) {
                switch item {
                case .article: return LinkText.links(in: discussion.article.body.joined(separator: "\n\n"))
                case .comment(let index): return LinkText.links(in: discussion.body(of: index))
                }
            }
            guard !links.isEmpty else { continue }
            for (column, number, tag) in Self.numberTags(in: text) where number >= 1 && number <= links.count {
                let link = links[number - 1]
                guard link.isOpenable else { continue }
                result.append(ScreenLink(row: row, column: column, text: tag, url: link.url))
            }
        }
        return result
    }

    /// Every `[N]` in a drawn line: its column, number and text.
    static func numberTags(in text: String) -> [(column: Int, number: Int, tag: String)] {
        var tags: [(Int, Int, String)] = []
        var column = 0
        var open: (column: Int, digits: String)?
        for character in text {
            if character == "[" {
                open = (column, "")
            } else if let current = open, let digit = character.wholeNumberValue, character.isASCII,
                current.digits.count < 5
            {
                open = (current.column, current.digits + String(digit))
            } else if character == "]", let current = open, let number = Int(current.digits) {
                tags.append((current.column, number, "[\(current.digits)]"))
                open = nil
            } else {
                open = nil
            }
            column += TextWidth.of(character)
        }
        return tags
    }
}
