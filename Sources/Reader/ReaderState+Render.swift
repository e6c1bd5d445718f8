import TextLayout
import ThreadModel

extension ReaderState {
    /// Draws the state into a frame: the page, the status line and any overlay.
    public func render(layout: LayoutCache) -> Frame {
        var frame = Frame(width: columns, height: rows)
        if isTooSmall {
            let note = ["tread:", "window", "too small"]
            for (row, text) in note.enumerated() where row < rows { frame.put(text, row: row, column: 0) }
            return frame
        }
        let matcher = search.map { TextMatcher($0.query) }
        let visible = visibleLines(layout: layout)
        for (row, entry) in visible.enumerated() {
            draw(
                entry.line, at: row,
                selected: !articleSelected && entry.position.item == selection.map(PageItem.comment),
                matcher: matcher,
                into: &frame)
        }
        if map { drawMap(into: &frame, layout: layout) }
        if let sticky = stickyAncestors(visible: visible) { drawSticky(sticky, into: &frame) }
        drawStatus(into: &frame, layout: layout)
        if mode == .help { drawHelp(into: &frame) }
        if case .linkPicker(let current) = mode { drawLinkPicker(current, into: &frame) }
        if case .parentOverlay(let overlay) = mode { drawParentOverlay(overlay, into: &frame) }
        return frame
    }

    private func draw(
        _ line: StyledLine, at row: Int, selected: Bool, matcher: TextMatcher?, into frame: inout Frame
    ) {
        var column = 0
        for span in line.spans { column = frame.put(span.text, row: row, column: column, style: span.style) }
        if let matcher, !matcher.isEmpty, line.role != .spacer { highlight(matcher, in: line, row: row, into: &frame) }
        guard selected else { return }
        switch line.role {
        case .header(let marker):
            // A hit keeps its own look: reverse video over the highlight colour would undo it.
            frame.restyle(row: row, from: marker, to: max(column, marker + 1)) {
                if $0.tint != .highlight { $0.selected = true }
            }
        case .body, .spacer:
            if let bar = line.barColumn, bar < columns {
                frame.put("┃", row: row, column: bar, style: CellStyle(tint: .selection, bold: true))
            }
        case .heading:
            break
        }
    }

    /// Marks every occurrence of the query on the line, by the rule the search uses.
    private func highlight(_ matcher: TextMatcher, in line: StyledLine, row: Int, into frame: inout Frame) {
        let hits = matcher.matches(in: line.foldedClusters)
        guard !hits.isEmpty else { return }
        // The column of each cluster; zero-width ones take no cell but still count for matching.
        var columns: [Int] = []
        var column = 0
        for span in line.spans {
            for character in span.text {
                columns.append(column)
                column += TextWidth.of(character)
            }
        }
        columns.append(column)
        for hit in hits {
            frame.restyle(row: row, from: columns[hit.lowerBound], to: columns[hit.upperBound]) {
                $0 = CellStyle(tint: .highlight, bold: true, underline: true)
            }
        }
    }

    // MARK: - Status line

    /// Whether the article is "where we are" (the status line says "article"): selected, or at the top
    /// while the selected comment is not on screen yet.
    func atTheArticle(layout: LayoutCache) -> Bool {
        articleSelected || (top.item == .article && !selectionIsVisible(layout: layout))
    }

    /// What the status line says about the position: "comment 3 of 7 · depth 2 · 42%".
    public func positionText(layout: LayoutCache) -> String {
        guard let selection, !atTheArticle(layout: layout) else {
            return tree.commentCount == 0 ? "article · no comments" : "article"
        }
        // Placeholders are not comments: numbered and counted as the rule and `tread stats` count.
        let count = tree.commentCount
        let place: String
        let reached: Int
        if let number = tree.commentNumber(of: selection) {
            place = "comment \(CountText.grouped(number)) of \(CountText.grouped(count))"
            reached = number
        } else {
            reached = tree.commentsBefore(selection)
            if count == 0 {
                place = "no comments"
            } else {
                place =
                    reached == 0
                    ? "before comment 1 of \(CountText.grouped(count))"
                    : "after comment \(CountText.grouped(reached)) of \(CountText.grouped(count))"
            }
        }
        let percent = count > 0 ? reached * 100 / count : 100
        return "\(place) · depth \(tree.depth(of: selection) + 1) · \(percent)%"
    }

    /// The position in a few columns, for a status line a long message or a narrow window crowds:
    /// "12/351 · 3%" for comment 12 of 351, else the place without the depth and the share.
    func compactPositionText(layout: LayoutCache) -> String {
        let full = positionText(layout: layout)
        guard let selection, full.hasPrefix("comment "), let number = tree.commentNumber(of: selection) else {
            return full.components(separatedBy: " · depth").first ?? full
        }
        let count = tree.commentCount
        return "\(CountText.grouped(number))/\(CountText.grouped(count)) · \(count > 0 ? number * 100 / count : 100)%"
    }

    private func drawStatus(into frame: inout Frame, layout: LayoutCache) {
        let row = rows - 1
        let bar = CellStyle(reverse: true)
        frame.put(String(repeating: " ", count: columns), row: row, column: 0, style: bar)
        if case .searchPrompt(let query) = mode {
            let text = "/" + Blocks.oneLine(query)
            // Counted in columns, so a wide character never pushes the cursor off the line.
            let shown =
                TextWidth.of(text) < columns - 1
                ? text : "/" + Wrapper.truncateLeading(String(text.dropFirst()), width: max(2, columns / 2 + 1))
            let end = frame.put(shown, row: row, column: 0, style: bar)
            frame.put("▏", row: row, column: end, style: bar)
            return
        }
        if case .filterPrompt(let query) = mode {
            drawFilterPrompt(query, into: &frame)
            return
        }
        if let prompt = lineQuestion {
            let shown =
                TextWidth.of(prompt) < columns - 1
                ? prompt : Wrapper.truncateLeading(prompt, width: max(2, columns / 2 + 1))
            let end = frame.put(shown, row: row, column: 0, style: bar)
            frame.put("▏", row: row, column: end, style: bar)
            return
        }
        var help = " ? help "
        var left = " " + positionText(layout: layout)
        let messageText = message.map(Blocks.oneLine) ?? ""
        // A message too long beside the whole position: the position shrinks ("12/351") and the
        // help goes, before the message is cut; so does a narrow window's, before the position is cut.
        // The kill-file's count, the filter's and the order go before the position, so they take
        // room the same way (left out, a filter's "match 3 of 38" was cut to "…" at 80 columns).
        let prefixWidth = [killStatus, filter?.status, ordering.status].reduce(0) {
            $0 + ($1.map { TextWidth.of($0) + 3 } ?? 0)
        }
        let wanted = prefixWidth + TextWidth.of(left) + (messageText.isEmpty ? 0 : 2 + TextWidth.of(messageText))
        if wanted > columns - TextWidth.of(help) - 1 {
            help = ""
            let messageRoom = columns - 1 - prefixWidth - TextWidth.of(left) - 2
            let cutsMessage =
                !messageText.isEmpty && Self.withShortAddress(messageText, width: messageRoom) == nil
            if TextWidth.of(left) > columns - 1 || cutsMessage {
                left = " " + compactPositionText(layout: layout)
            }
        }
        if let status = ordering.status { left = " " + status + " ·" + left }
        // First, so a narrow window still shows how much the filter keeps.
        if let status = filter?.status { left = " " + status + " ·" + left }
        if let status = killStatus { left = " " + status + " ·" + left }
        if let loadingProgress { left += "  loading… \(Int(loadingProgress * 100))%" }
        if let fetch { left += "  " + Blocks.oneLine(fetch.progress) + "… (Esc stops)" }
        let room = columns - TextWidth.of(help)
        var leftRoom = room
        if !messageText.isEmpty {
            // Cut in the middle, so the reason and the advice at its end both show; the whole text
            // is in the message log (ctrl-g).
            let messageRoom = leftRoom - 1 - TextWidth.of(left) - 2
            left += "  " + (messageRoom >= 24 ? Self.shortened(messageText, width: messageRoom) : messageText)
        }
        // A count being typed shows before the help, as vim's showcmd does.
        if case .count(let count) = pending, room > 12 {
            let typed = " \(count) "
            leftRoom -= TextWidth.of(typed)
            frame.put(typed, row: row, column: leftRoom, style: bar)
        }
        frame.put(Wrapper.truncate(left, width: max(1, leftRoom - 1)), row: row, column: 0, style: bar)
        if !help.isEmpty, room > TextWidth.of(left) / 2, room > 0 {
            frame.put(help, row: row, column: room, style: CellStyle(bold: true, reverse: true))
        }
    }

    // MARK: - Help

    /// The help overlay: every binding of the keymap, in two columns when one does not fit.
    private func drawHelp(into frame: inout Frame) {
        let shape = helpShape
        let entries = shape.rows
        // Wide enough for two columns of the whole keymap at 120 columns, each help text whole.
        let width = min(columns - 2, 120)
        let inner = width - 2
        let height = min(pageRows, shape.perColumn + 2)
        guard width >= 10, height >= 3 else { return }
        let left = (columns - width) / 2
        let topRow = max(0, (pageRows - height) / 2)
        let border = CellStyle(tint: .accent)
        let room = height - 2
        let columnWidth = inner / shape.columns
        let labelWidth = helpLabelWidth(columnWidth: columnWidth)
        // Scrolled by ↓/↑ when the window is too short for every line.
        let first = max(0, min(helpOffset, shape.perColumn - room))
        let name = helpShowsMessages ? "messages" : "tread keys"
        let title =
            shape.perColumn > room
            ? " \(name) · ↓↑ scroll (\(first + room) of \(shape.perColumn)) · any other key closes "
            : " \(name) · any key closes "
        frame.put("┌" + String(repeating: "─", count: inner) + "┐", row: topRow, column: left, style: border)
        frame.put(
            Wrapper.truncate(title, width: inner - 2), row: topRow, column: left + 2,
            style: CellStyle(tint: .accent, bold: true))
        for k in 0..<room {
            frame.put(
                "│" + String(repeating: " ", count: inner) + "│", row: topRow + 1 + k, column: left, style: border)
        }
        frame.put(
            "└" + String(repeating: "─", count: inner) + "┘", row: topRow + height - 1, column: left, style: border)
        for (k, entry) in entries.enumerated() {
            let row = k % shape.perColumn - first
            let column = k / shape.perColumn
            guard row >= 0, row < room else { continue }
            let label = Wrapper.truncate(entry.label, width: labelWidth)
            let text =
                label + String(repeating: " ", count: max(1, labelWidth + 2 - TextWidth.of(label))) + entry.help
            frame.put(
                Wrapper.truncate(text, width: columnWidth - 2), row: topRow + 1 + row,
                column: left + 2 + column * columnWidth)
        }
    }

    /// What the help lists: every binding of the keymap in force, then the mouse and the prompt's keys.
    var helpEntries: [(label: String, help: String)] {
        if helpShowsMessages { return messageLogEntries }
        return keymap.bindings.map { ($0.label, $0.help) } + [
            Keymap.countHelp,
            ("wheel", "scroll (unless --no-mouse)"),
            ("click", "select; on ▾ ▸ fold"),
            ("ctrl-w ctrl-u", "prompt: delete word, line"),
            ("↑ ↓", "prompt: earlier searches"),
            ("ctrl-t", "pipe/save prompt: with replies"),
        ]
    }

    /// How the help is laid out: one or two columns, the rows of a column, and the rows themselves,
    /// a description too long for its column wrapped onto rows of its own under it, never cut.
    var helpShape: (columns: Int, perColumn: Int, rows: [(label: String, help: String)]) {
        let entries = helpEntries
        let inner = min(self.columns - 2, 120) - 2
        let columns = !helpShowsMessages && entries.count > pageRows - 2 && inner >= 60 ? 2 : 1
        let columnWidth = inner / columns
        let labelWidth = helpLabelWidth(columnWidth: columnWidth)
        let room = max(8, columnWidth - 2 - labelWidth - 2)
        let rows = entries.flatMap { entry -> [(label: String, help: String)] in
            guard TextWidth.of(entry.help) > room else { return [entry] }
            let lines = Wrapper.wrap(entry.help, width: room).map(\.text)
            return lines.enumerated().map { ($0.offset == 0 ? entry.label : "", $0.element) }
        }
        return (columns, (rows.count + columns - 1) / columns, rows)
    }

    /// The width of the help's key column: the widest label, at most two fifths of a column.
    private func helpLabelWidth(columnWidth: Int) -> Int {
        min(columnWidth * 2 / 5, helpEntries.map { TextWidth.of($0.label) }.max() ?? 0)
    }
}
