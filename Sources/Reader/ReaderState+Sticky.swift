import TextLayout

extension ReaderState {
    /// Ancestors named on the sticky line; deeper chains start with `…`.
    static let stickyNames = 6

    /// The sticky line: when the selected comment's parent is off screen, the top row names the
    /// chain above it (`alice › bob › carol · depth 5`), so a deep reply keeps its context.
    /// It covers the top row (a line of the selection or of a sibling), never the selection's header.
    ///
    /// Walks up at most `stickyNames` levels: a 100,000-deep chain costs the same as a short one.
    func stickyAncestors(visible: [(position: PagePosition, line: StyledLine)]) -> String? {
        guard let selection, let parent = tree.parent(of: selection), visible.count > 2 else { return nil }
        // Only when no line of the parent is on screen, some of the selection is, and the top row
        // is not the selection's own header.
        guard !visible.contains(where: { $0.position.item == .comment(parent) }),
            visible.contains(where: { $0.position.item == .comment(selection) }),
            visible[0].position != PagePosition(.comment(selection))
        else { return nil }
        var names: [String] = []
        var current: Int? = parent
        while let index = current, names.count < Self.stickyNames {
            // Named as its header names it: "[deleted]", or not at all when the kill-file hides it.
            let name = isKilled(index) ? "hidden" : Blocks.authorName(index, in: discussion)
            names.append(Wrapper.truncate(name, width: 16))
            current = tree.parent(of: index)
        }
        if current != nil { names.append("…") }
        return names.reversed().joined(separator: " › ") + " · depth \(tree.depth(of: selection) + 1)"
    }

    /// Draws the sticky line over the top row.
    func drawSticky(_ text: String, into frame: inout Frame) {
        let style = CellStyle(tint: .muted, underline: true)
        frame.put(String(repeating: " ", count: columns), row: 0, column: 0, style: style)
        frame.put(Wrapper.truncate(text, width: max(1, columns)), row: 0, column: 0, style: style)
    }
}
