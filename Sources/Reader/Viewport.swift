/// The window onto the page: which page line is on the first row, and the moves that keep it
/// valid. A value of its own, so a key, a search hit, a resize and a fold all reveal, scroll and
/// clamp by the same rules.
public struct Viewport: Hashable, Sendable {
    /// The page line on the first screen row.
    public var top: PagePosition

    public init(top: PagePosition = PagePosition(.article)) {
        self.top = top
    }

    /// Moves the top by `lines` (back when negative), stopping at the page's ends, then clamps.
    mutating func scroll(by lines: Int, rows: Int, on page: Page) {
        top = page.move(top, by: lines)
        clamp(rows: rows, on: page)
    }

    /// Scrolls as little as possible so `item` is on screen: the whole of it when it fits, else its
    /// first lines. Coming from below (`k`), an item taller than the screen shows its end first,
    /// so reading upwards scrolls through it as reading downwards does.
    mutating func reveal(_ item: PageItem, fromBelow: Bool = false, rows: Int, on page: Page) {
        guard rows > 0 else { return }
        let first = PagePosition(item)
        let height = page.height(item)
        let last = PagePosition(item, height - 1)
        if first < top {
            top = fromBelow && height > rows ? page.move(last, by: -(rows - 1)) : first
        } else if page.distance(from: top, to: last, limit: rows - 1) == nil {
            if page.distance(from: top, to: first, limit: rows - 1) == nil || height >= rows {
                top = first
            } else {
                top = page.move(last, by: -(rows - 1))
            }
        }
        clamp(rows: rows, on: page)
    }

    /// Puts `item`'s first line on screen row `row` (kept on the screen): a fold, a resize, the map or a
    /// resumed visit keeps the selection on the row where the eye was.
    mutating func place(_ item: PageItem, atRow row: Int, rows: Int, on page: Page) {
        top = page.move(PagePosition(item), by: -min(max(0, row), max(0, rows - 1)))
    }

    /// Brings `position` on screen when it is not, a few rows below the top.
    mutating func show(_ position: PagePosition, rows: Int, on page: Page) {
        guard rows > 0 else { return }
        if top <= position, page.distance(from: top, to: position, limit: rows - 1) != nil { return }
        top = page.move(position, by: -min(2, rows / 3))
        clamp(rows: rows, on: page)
    }

    /// Keeps the top from going past the point where the page's end is on the last row, and
    /// out of folds.
    mutating func clamp(rows: Int, on page: Page) {
        let lastTop = page.lastTop(rows: rows)
        if lastTop < top { top = lastTop }
        if !page.tree.isEmpty, case .comment(let index) = top.item, !page.tree.isVisible(index) {
            top = PagePosition(.comment(page.tree.visibleAncestor(of: index)))
        }
        // Under a filter a comment may have shrunk to one line or gone into a stub.
        if page.filter != nil, case .comment(let index) = top.item {
            let start = page.rowStart(index)
            top = PagePosition(.comment(start), start == index ? min(top.line, page.height(top.item) - 1) : 0)
        }
    }

    /// The row of `item`'s first line, when on screen or just above (negative).
    func row(of item: PageItem, rows: Int, on page: Page) -> Int? {
        if top.item == item { return -top.line }
        return page.distance(from: top, to: PagePosition(item), limit: rows - 1)
    }

    /// The page lines on screen, top row first.
    func lines(rows: Int, on page: Page) -> [(position: PagePosition, line: StyledLine)] {
        page.visibleLines(from: top, rows: rows)
    }
}
