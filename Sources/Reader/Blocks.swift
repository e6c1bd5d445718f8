import TextLayout
import ThreadModel
import ThreadTree

/// Lays out the article and each comment as styled lines: the one renderer behind the
/// reader's screen and the printed thread.
public enum Blocks {
    /// The widest text column, so long lines stay readable on wide terminals.
    public static let readingWidth = 100
    /// Text keeps at least this many columns before indentation stops growing.
    public static let minimumTextWidth = 40

    /// How many levels of guides fit at `width`; deeper comments show their depth as a number.
    public static func maximumLevels(width: Int, indent: Int = 2) -> Int {
        max(0, (width - minimumTextWidth) / max(1, indent))
    }

    /// The guides before a line at `depth`: one per level, each in its level's colour, as many as
    /// fit in `width` (a deeper comment shows its depth in its header instead).
    static func guides(depth: Int, width: Int, options: LayoutOptions) -> [Span] {
        let levels = min(depth, maximumLevels(width: width, indent: options.indentWidth))
        return (0..<max(0, levels)).map { Span(options.guide, CellStyle(tint: .level($0))) }
    }

    /// Untrusted text for a one-line field (author, date, title): sanitised, line breaks as spaces.
    public static func oneLine(_ text: String) -> String {
        var clean = Sanitizer.sanitize(text)
        if clean.contains("\n") {
            clean = clean.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " ")
        }
        return clean
    }

    /// A comment's author as its header names it: "[deleted]" or "anonymous" when it has none.
    public static func authorName(_ index: Int, in discussion: Discussion) -> String {
        let author = discussion.author(of: index).map(oneLine).flatMap { $0.isEmpty ? nil : $0 }
        return author ?? (discussion.isDeleted(index) ? "[deleted]" : "anonymous")
    }

    // MARK: - Article

    /// The article header, its body and the rule that opens the comments; `loading` when `discussion` is
    /// a preview, whose count is only the comments read so far; `counts`, what the rule says of the visit;
    /// `filter`, the reader's filter status ("filter: 4 of 351") when `discussion` is what a filter kept,
    /// matches and their ancestors.
    public static func article(
        _ discussion: Discussion, width: Int, options: LayoutOptions = .standard, counts: VisitCounts? = nil,
        loading: Bool = false, filter: String? = nil
    ) -> [StyledLine] {
        let article = discussion.article
        let textWidth = max(1, min(width, options.maximumWidth))
        var lines: [StyledLine] = []
        for line in Wrapper.wrap(oneLine(article.title), width: textWidth) {
            lines.append(StyledLine([Span(line.text, CellStyle(tint: .accent, bold: true))], role: .heading))
        }
        var byline: [String] = []
        if let author = article.author { byline.append(oneLine(author)) }
        if let published = article.published { byline.append(options.dateText(published)) }
        if let source = article.source { byline.append(oneLine(source)) }
        if !byline.isEmpty {
            for line in Wrapper.wrap(byline.joined(separator: " · "), width: textWidth) {
                lines.append(StyledLine([Span(line.text, CellStyle(tint: .muted))], role: .heading))
            }
        }
        if let facts = storyFacts(discussion) {
            for line in Wrapper.wrap(facts, width: textWidth) {
                lines.append(StyledLine([Span(line.text, CellStyle(tint: .muted))], role: .heading))
            }
        }
        if let url = article.url {
            // Shortened, never wrapped: `O` opens the whole address.
            let shown = options.numbersLinks ? LinkText.shortened(url, maxWidth: textWidth) : oneLine(url)
            for line in Wrapper.wrap(shown, width: textWidth) {
                lines.append(StyledLine([Span(line.text, CellStyle(tint: .muted, underline: true))], role: .heading))
            }
        }
        if let tags = article.tags, !tags.isEmpty {
            let text = "tags: " + tags.map(oneLine).joined(separator: ", ")
            for line in Wrapper.wrap(text, width: textWidth) {
                lines.append(StyledLine([Span(line.text, CellStyle(tint: .muted))], role: .heading))
            }
        }
        if !article.body.isEmpty {
            lines.append(StyledLine(role: .spacer))
            let text = editTimeShown(article.body.joined(separator: "\n\n"), options: options)
            let body = options.numbersLinks ? LinkedText.numbered(text, width: textWidth) : text
            for line in BodyLayout.lines(of: body, width: textWidth) {
                lines.append(StyledLine(bodySpans(line, prefix: []), role: .body))
            }
        }
        lines.append(StyledLine(role: .spacer))
        lines.append(
            rule(
                discussion, width: width, readingWidth: options.maximumWidth, counts: counts, loading: loading,
                filter: filter))
        lines.append(StyledLine(role: .spacer))
        return lines
    }

    /// "537 points · 537 comments, 470 here · locked · Megathread": the story's facts as its site gives
    /// them, the comments present said only where they differ from the count claimed; nil when the site gave none.
    static func storyFacts(_ discussion: Discussion) -> String? {
        let article = discussion.article
        var parts: [String] = []
        if let score = article.score { parts.append(CountText.counted(score, "point")) }
        if let claimed = article.commentCount {
            let present = discussion.commentCount
            let said = CountText.counted(claimed, "comment")
            parts.append(Int64(present) == claimed ? said : "\(said), \(CountText.grouped(present)) here")
        }
        parts += (article.marks ?? []).prefix(8).map(oneLine)
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }

    private static func rule(
        _ discussion: Discussion, width: Int, readingWidth: Int, counts: VisitCounts?, loading: Bool, filter: String?
    ) -> StyledLine {
        let count = discussion.commentCount
        var label = " " + CountText.counted(count, "comment") + " "
        // A preview's count would change under the reader's eyes: said as what it is.
        if loading { label += "so far " }
        // What a filter kept counts its matches' ancestors too: the filter's own count is said beside it.
        if let filter { label += "· \(filter) " }
        if let counts { label += "· \(counts.text) " }
        let orphans = discussion.orphanCount
        if orphans > 0 {
            label +=
                orphans == 1
                ? "(1 reply to a missing comment) " : "(\(CountText.grouped(orphans)) replies to missing comments) "
        }
        let ruleWidth = max(1, min(width, readingWidth))
        let head = Wrapper.truncate("──" + label, width: ruleWidth)
        let text = head + String(repeating: "─", count: max(0, ruleWidth - TextWidth.of(head)))
        return StyledLine([Span(text, CellStyle(tint: .muted))], role: .heading)
    }

    // MARK: - Comments

    /// A comment: its header, its body unless folded, and a spacer line.
    ///
    /// `hiddenReplies` is for printing with a depth limit: the comment keeps its body and its
    /// header says how many replies were cut.
    public static func comment(
        _ index: Int, of discussion: Discussion, tree: CommentTree, width: Int, hiddenReplies: Int? = nil,
        options: LayoutOptions = .standard
    ) -> [StyledLine] {
        comment(
            index, of: discussion, tree: tree, width: width, hiddenReplies: hiddenReplies, options: options,
            novelty: nil)
    }

    /// A comment as the reader shows it during a visit: with its new marker and its hidden replies' new count.
    static func comment(
        _ index: Int, of discussion: Discussion, tree: CommentTree, width: Int, hiddenReplies: Int? = nil,
        options: LayoutOptions = .standard, novelty: Novelty?
    ) -> [StyledLine] {
        let depth = tree.depth(of: index)
        let guides = Blocks.guides(depth: depth, width: width, options: options)
        let levels = guides.count
        let marker = options.indentWidth * levels
        if discussion.isPlaceholder(index) {
            // A stand-in for what the saved file left out ("12 more replies not in this file"): one muted line.
            var text = "… " + oneLine(discussion.body(of: index))
            if options.stubsFetchable, discussion.more(of: index) != nil {
                text = text.replacing(" not in this file", with: "") + " · Enter fetches them"
            }
            return [
                StyledLine(
                    clip(guides + [Span(text, CellStyle(tint: .muted, italic: true))], to: width),
                    role: .header(marker: marker)),
                StyledLine(guides, role: .spacer, barColumn: marker),
            ]
        }
        let folded = tree.isFolded(index)
        var lines = [
            header(
                index, of: discussion, tree: tree, guides: guides, width: width,
                shownDepth: depth > levels ? depth + 1 : nil, hiddenReplies: hiddenReplies, options: options,
                novelty: novelty)
        ]
        if !folded {
            let textWidth = max(1, min(width - marker - 2, options.maximumWidth))
            let text = editTimeShown(discussion.body(of: index), options: options)
            let body = options.numbersLinks ? LinkedText.numbered(text, width: textWidth) : text
            // A deleted comment without text is its header alone, muted (see `header`).
            if !body.isEmpty {
                let prefix = guides + [Span("  ")]
                for line in BodyLayout.lines(of: body, width: textWidth) {
                    lines.append(StyledLine(bodySpans(line, prefix: prefix), role: .body, barColumn: marker))
                }
            }
        }
        var spacer = guides
        if tree.isFoldable(index) && !folded && hiddenReplies == nil {
            spacer.append(Span("│", CellStyle(tint: .level(depth))))
        }
        lines.append(StyledLine(spacer, role: .spacer, barColumn: marker))
        return lines
    }

    static func header(
        _ index: Int, of discussion: Discussion, tree: CommentTree, guides: [Span], width: Int,
        shownDepth: Int?, hiddenReplies: Int?, options: LayoutOptions, novelty: Novelty? = nil
    ) -> StyledLine {
        let depth = tree.depth(of: index)
        let folded = tree.isFolded(index) || hiddenReplies != nil
        let marker: String
        if !tree.isFoldable(index) {
            marker = "•"
        } else {
            marker = folded ? "▸" : "▾"
        }
        var spans = guides
        spans.append(Span(marker, CellStyle(tint: .level(depth), bold: true)))
        spans.append(Span(" "))
        // Deeper than the guides go: the depth as a number, counted from 1 as the status line does.
        if let shownDepth { spans.append(Span("[\(shownDepth)] ", CellStyle(tint: .muted))) }
        let deleted = discussion.isDeleted(index)
        let author = discussion.author(of: index).map(oneLine).flatMap { $0.isEmpty ? nil : $0 }
        spans.append(Span(authorName(index, in: discussion), CellStyle(tint: .author, bold: true)))
        // OP, mod, admin, staff: the same words on screen and in print.
        let labels = discussion.personLabels(of: index)
        if !labels.isEmpty { spans.append(Span(" " + labels.joined(separator: " "), CellStyle(tint: .op, bold: true))) }
        var details: [String] = []
        if let novelty, novelty.isNew {
            switch novelty.style {
            case .dot: spans.append(Span(" ●", CellStyle(tint: .new, bold: true)))
            case .word: details.append("new")
            }
        }
        if let published = discussion.published(of: index) { details.append(options.dateText(published)) }
        if let score = discussion.score(of: index) {
            details.append(CountText.counted(score, "point"))
        }
        if folded {
            let hidden = hiddenReplies ?? tree.hiddenCommentCount(of: index)
            details.append(CountText.counted(hidden, "reply", plural: "replies") + " hidden")
            if let novelty, novelty.hiddenNew > 0 { details.append("\(CountText.grouped(novelty.hiddenNew)) added") }
        }
        if discussion.isOrphan(index) { details.append("reply to a missing comment") }
        if deleted && discussion.body(of: index).isEmpty {
            if author != nil { details.insert("deleted", at: 0) }
            for k in guides.count..<spans.count { spans[k].style = CellStyle(tint: .muted) }
        }
        if !details.isEmpty { spans.append(Span(" · " + details.joined(separator: " · "), CellStyle(tint: .muted))) }
        return StyledLine(clip(spans, to: width), role: .header(marker: options.indentWidth * guides.count))
    }

    /// Body text behind `prefix`, decorated by its kind: quote bars, code colour.
    ///
    /// Quotes and code use the theme's `quote` and `code` roles.
    /// `text` with the edit time of a leading `[edited TIME]` mark (Mastodon's, docs/FORMAT.md) shown as
    /// every other date is (`dates`, the local zone); a mark whose time is no ISO 8601 time stays as written.
    static func editTimeShown(_ text: String, options: LayoutOptions) -> String {
        let mark = "[edited "
        guard text.hasPrefix(mark), let close = text.prefix(64).firstIndex(of: "]") else { return text }
        let time = String(text[text.index(text.startIndex, offsetBy: mark.count)..<close])
        guard ISOTime.epoch(time) != nil else { return text }
        return mark + options.dateText(time) + text[close...]
    }

    static func bodySpans(_ line: BodyLine, prefix: [Span]) -> [Span] {
        var spans = prefix
        if line.quoteLevel > 0 {
            spans.append(Span(BodyLayout.quotePrefix(level: line.quoteLevel), CellStyle(tint: .muted)))
        }
        switch line.kind {
        case .quote:
            if line.indent > 0 { spans.append(Span(String(repeating: " ", count: line.indent))) }
            spans.append(Span(line.text, CellStyle(tint: .quote, italic: true)))
        case .code:
            if line.indent > 0 { spans.append(Span(String(repeating: " ", count: line.indent))) }
            spans.append(Span(line.text, CellStyle(tint: .code)))
        case .text, .listItem, .blank:
            if line.indent > 0 { spans.append(Span(String(repeating: " ", count: line.indent))) }
            if !line.text.isEmpty { spans.append(Span(line.text)) }
        }
        return spans
    }

    /// Cuts spans to `width` columns, with an ellipsis where text was lost.
    static func clip(_ spans: [Span], to width: Int) -> [Span] {
        var used = 0
        var clipped: [Span] = []
        for span in spans {
            let spanWidth = TextWidth.of(span.text)
            if used + spanWidth <= width {
                clipped.append(span)
                used += spanWidth
            } else {
                let room = width - used
                if room > 0 { clipped.append(Span(Wrapper.truncate(span.text, width: room), span.style)) }
                break
            }
        }
        return clipped
    }
}
