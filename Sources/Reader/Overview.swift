import TextLayout
import ThreadModel
import ThreadTree

extension Blocks {
    /// How much of a body the overview reads for its first words: a long body costs no more.
    static let overviewPeek = 400

    /// A comment in the overview, like a line of mutt's thread index: guides, fold marker, author,
    /// date, reply count and the first words of the text, cut to `width`.
    static func overviewLine(_ index: Int, of discussion: Discussion, tree: CommentTree, width: Int) -> StyledLine {
        let depth = tree.depth(of: index)
        let levels = min(depth, maximumLevels(width: width))
        var spans = (0..<levels).map { Span("│ ", CellStyle(tint: .level($0))) }
        let marker = 2 * levels
        if discussion.isPlaceholder(index) {
            spans.append(
                Span("… " + oneLine(String(discussion.body(of: index).prefix(overviewPeek))), .init(tint: .muted)))
            return StyledLine(clip(spans, to: width), role: .header(marker: marker))
        }
        let folded = tree.isFolded(index)
        let sign = !tree.isFoldable(index) ? "•" : folded ? "▸" : "▾"
        spans.append(Span(sign, CellStyle(tint: .level(depth), bold: true)))
        spans.append(Span(" "))
        if depth > levels { spans.append(Span("[\(depth + 1)] ", CellStyle(tint: .muted))) }
        let deleted = discussion.isDeleted(index)
        spans.append(Span(authorName(index, in: discussion), CellStyle(tint: .level(depth), bold: true)))
        // OP, mod, admin, staff: as the comment's header says them.
        let labels = discussion.personLabels(of: index)
        if !labels.isEmpty { spans.append(Span(" " + labels.joined(separator: " "), CellStyle(tint: .op, bold: true))) }
        var details: [String] = []
        if let published = discussion.published(of: index) { details.append(DateText.short(published)) }
        if let replies = repliesText(index, tree: tree) { details.append(replies) }
        if !details.isEmpty { spans.append(Span(" · " + details.joined(separator: " · "), CellStyle(tint: .muted))) }
        // No more characters than columns: every visible character takes one at least, and measuring
        // the whole peek to cut it to the line was half the cost of turning the overview on.
        var words = String(oneLine(String(discussion.body(of: index).prefix(overviewPeek))).prefix(max(0, width)))
        if words.isEmpty && deleted { words = "[deleted]" }
        if !words.isEmpty { spans.append(Span("  " + words)) }
        return StyledLine(clip(spans, to: width), role: .header(marker: marker))
    }
}

extension Blocks {
    /// A comment's replies as the overview says them: "replies" are every comment below it, as a fold's
    /// "122 replies hidden" counts them; the direct ones are said apart when fewer ("122 replies · 8
    /// direct"). Placeholders ("5 more replies") are not comments and count in neither. Nil for none.
    static func repliesText(_ index: Int, tree: CommentTree) -> String? {
        let all = tree.hiddenCommentCount(of: index)
        guard all > 0 else { return nil }
        var direct = 0
        var child: Int? = index + 1
        while let reply = child, reply < tree.subtreeEnd(of: index) {
            if !tree.isPlaceholder(reply) { direct += 1 }
            child = tree.nextSibling(of: reply)
        }
        let replies = CountText.counted(all, "reply", plural: "replies")
        return direct == all ? replies : replies + " · " + CountText.grouped(direct) + " direct"
    }
}

extension ReaderState {
    /// `o`: one line per comment, or back to the full view; Enter in the overview goes back on the
    /// selected comment. The selection keeps its screen row; folds and the filter apply to both.
    mutating func setOverview(_ on: Bool, layout: LayoutCache) {
        guard on != overview else { return }
        let row = selectionRow(layout: layout)
        overview = on
        message = on ? "overview: enter reads the selected comment" : nil
        guard let selection else { return }
        if let row {
            viewport.place(.comment(selection), atRow: row, rows: pageRows, on: page(layout))
        }
        clampTop(layout: layout)
        if top.item != .article, !selectionIsVisible(layout: layout) { reveal(selection, layout: layout) }
    }
}
