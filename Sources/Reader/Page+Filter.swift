import ThreadModel
import ThreadQuery
import ThreadTree

extension Page {
    /// The lines of the row starting at `index` when a filter or the overview changes them; nil
    /// for a comment drawn in full as usual.
    func filteredLines(_ index: Int, _ filter: FilteredThread?) -> [StyledLine]? {
        guard let filter else {
            return overview ? overviewLines(index) : nil
        }
        switch filter.row(at: index) {
        case .comment(_, .match), .comment(_, .hidden), nil:
            return overview ? overviewLines(index) : nil
        case .comment(_, .context):
            return cache.lines(.comment(index), folded: tree.isFolded(index), width: width, variant: 2) {
                [
                    Blocks.contextLine(
                        index, of: discussion, tree: tree, width: width, options: options, novelty: novelty(of: index))
                ]
            }
        case .hidden(let first, _, let comments):
            return [Blocks.hiddenStub(at: first, comments: comments, tree: tree, width: width, options: options)]
        }
    }

    /// The overview's line for a comment, memoised like the full lines.
    private func overviewLines(_ index: Int) -> [StyledLine] {
        cache.lines(.comment(index), folded: tree.isFolded(index), width: width, variant: 1) {
            [Blocks.overviewLine(index, of: discussion, tree: tree, width: width)]
        }
    }

    /// The first comment of the row that shows `index`: itself, or the first of the stub it lies in.
    /// `index` must be visible in the tree (not inside a fold).
    func rowStart(_ index: Int) -> Int {
        filter?.rowStart(of: index) ?? index
    }
}

extension Blocks {
    /// A comment kept as context of a match: its header alone, muted, so the match's place shows.
    static func contextLine(
        _ index: Int, of discussion: Discussion, tree: CommentTree, width: Int, options: LayoutOptions = .standard,
        novelty: Novelty? = nil
    ) -> StyledLine {
        let depth = tree.depth(of: index)
        let guides = Blocks.guides(depth: depth, width: width, options: options)
        let levels = guides.count
        if discussion.isPlaceholder(index) {
            return comment(index, of: discussion, tree: tree, width: width, options: options)[0]
        }
        var line = header(
            index, of: discussion, tree: tree, guides: guides, width: width,
            shownDepth: depth > levels ? depth + 1 : nil, hiddenReplies: nil, options: options,
            novelty: novelty)
        for k in guides.count..<line.spans.count { line.spans[k].style = CellStyle(tint: .muted) }
        return line
    }

    /// The one line standing for sibling subtrees without a match: "··· 12 comments hidden".
    static func hiddenStub(
        at first: Int, comments: Int, tree: CommentTree, width: Int, options: LayoutOptions = .standard
    ) -> StyledLine {
        let guides = Blocks.guides(depth: tree.depth(of: first), width: width, options: options)
        let text = "··· " + CountText.counted(comments, "comment") + " hidden"
        return StyledLine(
            clip(guides + [Span(text, CellStyle(tint: .muted, italic: true))], to: width),
            role: .header(marker: options.indentWidth * guides.count))
    }
}
