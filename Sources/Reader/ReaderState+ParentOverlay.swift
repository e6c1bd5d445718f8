import TextLayout
import ThreadModel

/// The parent overlay (`U`): an ancestor's text in a box over the reader, which does not move.
public struct ParentOverlay: Equatable, Sendable {
    /// How far above the selection: 1 is its parent; past its top-level comment, the article.
    public internal(set) var levels: Int
    /// What the box shows: a comment or the article.
    public internal(set) var item: PageItem
    /// The first line of the text shown in the box.
    public internal(set) var offset: Int
    /// The header and text laid out once for the box, so a long parent is not laid out every frame.
    var lines: [StyledLine]
    /// The text width `lines` were laid out at.
    var width: Int
}

extension ReaderState {
    /// The open parent overlay, if any.
    public var parentOverlay: ParentOverlay? {
        if case .parentOverlay(let overlay) = mode { return overlay }
        return nil
    }

    /// `U`: opens the overlay on the selected comment's parent (the article above a top-level one).
    mutating func showParent(of selection: Int) {
        // A box needs its two borders and a line of text, and room for a few words.
        guard pageRows >= 3, overlayBoxWidth >= 10 else {
            message = "the window is too small to show the parent"
            return
        }
        mode = .parentOverlay(parentOverlay(levels: 1, selection: selection))
    }

    /// The overlay `levels` above `selection`, laid out for the box at the window's width.
    func parentOverlay(levels: Int, selection: Int, offset: Int = 0) -> ParentOverlay {
        let depth = tree.depth(of: selection)
        let item = levels > depth ? PageItem.article : .comment(tree.ancestor(of: selection, levels: levels))
        let width = overlayTextWidth
        return ParentOverlay(
            levels: min(levels, depth + 1), item: item, offset: offset, lines: overlayLines(item, width: width),
            width: width)
    }

    /// A key while the overlay is open: j/k/space/b/g/G scroll, `u` (or what `parent` is bound to)
    /// walks one level up, Esc/q/the overlay's own key and any other key close it.
    mutating func parentOverlayInput(_ key: Key, _ overlay: ParentOverlay) {
        var overlay = overlay
        let room = overlayRoom(overlay)
        let last = max(0, overlay.lines.count - room)
        switch key {
        case .down, .character("j"): overlay.offset = min(last, overlay.offset + 1)
        case .up, .character("k"): overlay.offset = max(0, overlay.offset - 1)
        case .pageDown, .character(" "), .character("f"): overlay.offset = min(last, overlay.offset + room)
        case .pageUp, .character("b"): overlay.offset = max(0, overlay.offset - room)
        case .home, .character("g"): overlay.offset = 0
        case .end, .character("G"): overlay.offset = last
        case _ where keymap.action(for: key) == .parent:
            guard overlay.item != .article, let selection else {
                message = "the article is the top"
                return
            }
            overlay = parentOverlay(levels: overlay.levels + 1, selection: selection)
        default:
            mode = .reading
            return
        }
        mode = .parentOverlay(overlay)
    }

    /// Lines of the box the text gets: the window's page rows less the two borders.
    func overlayRoom(_ overlay: ParentOverlay) -> Int {
        max(1, min(pageRows, overlay.lines.count + 2) - 2)
    }

    /// Scrolls the overlay by `lines` (the mouse wheel).
    mutating func scrollParentOverlay(by lines: Int) {
        guard var overlay = parentOverlay else { return }
        let last = max(0, overlay.lines.count - overlayRoom(overlay))
        overlay.offset = max(0, min(last, overlay.offset + lines))
        mode = .parentOverlay(overlay)
    }

    /// Lays the overlay out again when what it shows may have changed under it: the window's width,
    /// the selection (a direct action), or the document (a reload, the whole of a preview).
    mutating func refreshParentOverlay(documentChanged: Bool) {
        guard let overlay = parentOverlay else { return }
        guard let selection else {
            mode = .reading
            return
        }
        let depth = tree.depth(of: selection)
        let item =
            overlay.levels > depth ? PageItem.article : .comment(tree.ancestor(of: selection, levels: overlay.levels))
        guard documentChanged || item != overlay.item || overlay.width != overlayTextWidth else { return }
        var fresh = parentOverlay(levels: overlay.levels, selection: selection, offset: overlay.offset)
        fresh.offset = max(0, min(fresh.offset, fresh.lines.count - overlayRoom(fresh)))
        mode = .parentOverlay(fresh)
    }

    /// The box's outer width: the reading width and its frame, inside the window.
    var overlayBoxWidth: Int { min(columns - 2, options.layout.maximumWidth + 4) }

    /// Columns of text inside the box: a border and a blank on each side.
    var overlayTextWidth: Int { max(1, overlayBoxWidth - 4) }

    /// The item's header and text as the page lays them out, without guides: links numbered as
    /// on the page, quotes and code marked the same way.
    func overlayLines(_ item: PageItem, width: Int) -> [StyledLine] {
        switch item {
        case .article:
            // The article's lines end with a blank, the comments' rule and a blank: not its text.
            return Array(Blocks.article(discussion, width: width, options: options.layout).dropLast(3))
        case .comment(let index) where isKilled(index):
            // As the page shows it: the kill-file's line, never the author or the text.
            let key = keymap.bindings.first { $0.action == .toggleKilled }?.keys.first.map { " · \($0.label) shows it" }
            return [
                StyledLine([Span(Blocks.killedText + (key ?? ""), CellStyle(tint: .muted, italic: true))], role: .body)
            ]
        case .comment(let index):
            var header = Blocks.header(
                index, of: discussion, tree: tree, guides: [], width: width + 2, shownDepth: nil, hiddenReplies: nil,
                options: options.layout)
            // Without guides the header opens with the fold marker and a blank: nothing folds in the box.
            header.spans.removeFirst(min(2, header.spans.count))
            var lines = [header]
            let text = discussion.body(of: index)
            let body = options.layout.numbersLinks ? LinkedText.numbered(text, width: width) : text
            if !body.isEmpty {
                lines.append(StyledLine(role: .spacer))
                for line in BodyLayout.lines(of: body, width: width) {
                    lines.append(StyledLine(Blocks.bodySpans(line, prefix: []), role: .body))
                }
            }
            return lines
        }
    }

    /// Where the box is: its left column, top row and height.
    func overlayBox(_ overlay: ParentOverlay) -> (left: Int, top: Int, height: Int) {
        let height = min(pageRows, overlay.lines.count + 2)
        return ((columns - overlayBoxWidth) / 2, max(0, (pageRows - height) / 2), height)
    }

    /// Draws the overlay: a frame titled with what it shows, the text from `offset`, and where
    /// in the text the box is when it does not hold all of it.
    func drawParentOverlay(_ overlay: ParentOverlay, into frame: inout Frame) {
        let width = overlayBoxWidth
        let inner = width - 2
        let box = overlayBox(overlay)
        guard width >= 10, box.height >= 3 else { return }
        let room = box.height - 2
        let border = CellStyle(tint: .accent)
        let title: String
        switch overlay.item {
        case .article: title = " the article · esc closes "
        case .comment:
            let what = overlay.levels == 1 ? "parent" : "\(overlay.levels) levels up"
            // The key that walks up is the one `parent` has in force (`u` unless the config moved it).
            let up = keymap.bindings.first { $0.action == .parent }?.keys.first.map { " · \($0.label): its parent" }
            title = " \(what)\(up ?? "") · esc closes "
        }
        frame.put("┌" + String(repeating: "─", count: inner) + "┐", row: box.top, column: box.left, style: border)
        frame.put(
            Wrapper.truncate(title, width: inner - 2), row: box.top, column: box.left + 2,
            style: CellStyle(tint: .accent, bold: true))
        for k in 0..<room {
            frame.put(
                "│" + String(repeating: " ", count: inner) + "│", row: box.top + 1 + k, column: box.left, style: border)
        }
        let bottom = box.top + box.height - 1
        frame.put("└" + String(repeating: "─", count: inner) + "┘", row: bottom, column: box.left, style: border)
        let first = max(0, min(overlay.offset, overlay.lines.count - room))
        if overlay.lines.count > room {
            let shown =
                " \(CountText.grouped(first + 1))–\(CountText.grouped(first + room)) of "
                + "\(CountText.grouped(overlay.lines.count)) · j k space "
            frame.put(Wrapper.truncate(shown, width: inner - 2), row: bottom, column: box.left + 2, style: border)
        }
        for (row, line) in overlay.lines[first..<min(overlay.lines.count, first + room)].enumerated() {
            var column = box.left + 2
            for span in line.spans {
                column = frame.put(
                    span.text, row: box.top + 1 + row, column: column, style: span.style,
                    limit: max(0, box.left + width - 2 - column))
            }
        }
    }

    /// The link numbers in the box, with their addresses, for the terminal to make hyperlinks.
    func overlayLinks(_ overlay: ParentOverlay, layout: LayoutCache) -> [ScreenLink] {
        let box = overlayBox(overlay)
        guard !isTooSmall, overlayBoxWidth >= 10, box.height >= 3 else { return [] }
        let room = box.height - 2
        let first = max(0, min(overlay.offset, overlay.lines.count - room))
        let item = overlay.item
        // The same memo as the page's links: the numbers are the same ones.
        let links = layout.links(item) {
            switch item {
            case .article: return LinkText.links(in: discussion.article.body.joined(separator: "\n\n"))
            case .comment(let index): return LinkText.links(in: discussion.body(of: index))
            }
        }
        guard !links.isEmpty else { return [] }
        var result: [ScreenLink] = []
        for (row, line) in overlay.lines[first..<min(overlay.lines.count, first + room)].enumerated()
        where line.role == .body {
            let text = line.spans.map(\.text).joined()
            for (column, number, tag) in Self.numberTags(in: text) where number >= 1 && number <= links.count {
                let link = links[number - 1]
                guard link.isOpenable else { continue }
                result.append(
                    ScreenLink(row: box.top + 1 + row, column: box.left + 2 + column, text: tag, url: link.url))
            }
        }
        return result
    }
}
