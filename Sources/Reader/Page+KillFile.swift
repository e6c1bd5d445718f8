import ThreadModel
import ThreadQuery
import ThreadTree

extension Page {
    /// The lines of comment `index` when the kill-file marks it: one line for a hidden comment, the usual
    /// lines dimmed for a dimmed one (and a hidden one while shown); nil for a comment it leaves alone and
    /// for the filter's stubs, which stand for many comments.
    func killedLines(_ index: Int, _ kill: KillMarks) -> [StyledLine]? {
        let hidden = kill.isHidden(index)
        guard hidden || kill.isDimmed(index) else { return nil }
        var variant = overview ? 1 : 0
        if let filter {
            switch filter.row(at: index) {
            case .comment(_, .context): variant = 2
            case .comment: break
            case .hidden, nil: return nil
            }
        }
        let folded = tree.isFolded(index)
        if hidden && !showKilled {
            // One line in the overview and as the filter's context, as every comment is there.
            return cache.lines(.comment(index), folded: folded, width: width, variant: Self.killedVariant + variant) {
                let lines = Blocks.killedStub(index, tree: tree, width: width, options: options)
                return variant == 0 ? lines : [lines[0]]
            }
        }
        return cache.lines(.comment(index), folded: folded, width: width, variant: Self.dimmedVariant + variant) {
            unkilledLines(.comment(index)).map { line in
                var line = line
                for k in line.spans.indices { line.spans[k].style.dim = true }
                return line
            }
        }
    }

    /// The layout cache's keys for a killed comment's stub and its dimmed drawings (plus the overview's
    /// and the filter's variants, 1 and 2).
    static let killedVariant = 8
    static let dimmedVariant = 16
}

extension Blocks {
    /// The line standing for a comment the kill-file hides, at its depth with its fold marker, its replies
    /// still under it: "▾ hidden by the kill-file", and how many replies a fold keeps out of sight; then a
    /// spacer, as after every comment.
    static func killedStub(_ index: Int, tree: CommentTree, width: Int, options: LayoutOptions = .standard)
        -> [StyledLine]
    {
        let depth = tree.depth(of: index)
        let guides = Blocks.guides(depth: depth, width: width, options: options)
        let folded = tree.isFolded(index)
        let marker = !tree.isFoldable(index) ? "•" : folded ? "▸" : "▾"
        var text = killedText
        if folded {
            let replies = tree.hiddenCommentCount(of: index)
            text += replies == 1 ? " · 1 reply folded" : " · \(CountText.grouped(replies)) replies folded"
        }
        let header =
            guides + [
                Span(marker, CellStyle(tint: .level(depth), bold: true)), Span(" "),
                Span(text, CellStyle(tint: .muted, italic: true)),
            ]
        var spacer = guides
        if tree.isFoldable(index) && !folded { spacer.append(Span("│", CellStyle(tint: .level(depth)))) }
        let column = options.indentWidth * guides.count
        return [
            StyledLine(clip(header, to: width), role: .header(marker: column)),
            StyledLine(spacer, role: .spacer, barColumn: column),
        ]
    }

    /// What a hidden comment's line says, on screen and in `--print`.
    public static let killedText = "hidden by the kill-file"
}
