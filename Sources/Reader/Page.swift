import ReadingState
import TextLayout
import ThreadModel
import ThreadQuery
import ThreadTree

/// A part of the page: the article (with the rule under it) or one comment.
public enum PageItem: Hashable, Sendable, Comparable {
    case article
    case comment(Int)

    public var comment: Int? {
        if case .comment(let index) = self { return index }
        return nil
    }

    public static func < (a: PageItem, b: PageItem) -> Bool {
        switch (a, b) {
        case (.article, .comment): return true
        case (.comment(let x), .comment(let y)): return x < y
        default: return false
        }
    }
}

/// A line of the page: an item and a line inside it. The viewport is anchored to one,
/// never to a line number of the whole page, so nothing off screen is ever laid out.
public struct PagePosition: Hashable, Sendable, Comparable {
    public var item: PageItem
    public var line: Int

    public init(_ item: PageItem, _ line: Int = 0) {
        self.item = item
        self.line = line
    }

    public static func < (a: PagePosition, b: PagePosition) -> Bool {
        a.item != b.item ? a.item < b.item : a.line < b.line
    }
}

/// Laid-out lines of the items seen so far, for one width: what the reader's event loop keeps
/// between messages and passes to `update` and `render`, so the state itself stays a plain value.
///
/// Pure memoisation for one document: an entry depends only on the item, the width and the
/// comment's fold state, which are all in its key. `update` empties it when the document changes.
public final class LayoutCache: @unchecked Sendable {
    private struct Key: Hashable {
        var item: PageItem
        var folded: Bool
        /// Which drawing of the item: 0 in full, others for the overview's and the filter's one-liners.
        var variant: Int
    }

    private var width = -1
    private var entries: [Key: [StyledLine]] = [:]
    private static let capacity = 4096

    public init() {}

    func removeAll() {
        entries.removeAll(keepingCapacity: true)
        links.removeAll(keepingCapacity: true)
    }

    /// Each item's links, for the hyperlinks drawn every frame: found once, not once a frame.
    private var links: [PageItem: [Link]] = [:]

    func links(_ item: PageItem, make: () -> [Link]) -> [Link] {
        if let known = links[item] { return known }
        if links.count >= Self.capacity { links.removeAll(keepingCapacity: true) }
        let found = make()
        links[item] = found
        return found
    }

    func lines(
        _ item: PageItem, folded: Bool, width: Int, variant: Int = 0, make: () -> [StyledLine]
    ) -> [StyledLine] {
        if width != self.width {
            entries.removeAll(keepingCapacity: true)
            self.width = width
        }
        let key = Key(item: item, folded: folded, variant: variant)
        if let lines = entries[key] { return lines }
        if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
        let lines = make()
        entries[key] = lines
        return lines
    }
}

/// The page as the reader scrolls it: the article, then the visible comments.
struct Page {
    let discussion: Discussion
    let tree: CommentTree
    let width: Int
    let cache: LayoutCache
    /// The live filter: its rows (matches, muted context lines, stubs) replace the comments.
    var filter: FilteredThread? = nil
    /// One line per comment (the overview).
    var overview = false
    /// The visit whose new comments are marked; the cache is emptied whenever its markers change.
    var visit: Visit? = nil
    /// The document is a preview whose rest is loading: the rule counts the comments "so far".
    var loading = false
    var markerStyle = NewMarkerStyle.dot
    var options: LayoutOptions = .standard
    /// What the kill-file hides (one line each) and dims; nil with no rule.
    var kill: KillMarks? = nil
    /// The hidden comments are shown, dimmed.
    var showKilled = false

    func lines(_ item: PageItem) -> [StyledLine] {
        if let kill, !kill.isEmpty, let index = item.comment, let lines = killedLines(index, kill) { return lines }
        return unkilledLines(item)
    }

    /// The lines of `item` as drawn without the kill-file.
    func unkilledLines(_ item: PageItem) -> [StyledLine] {
        if filter != nil || overview, case .comment(let index) = item, let lines = filteredLines(index, filter) {
            return lines
        }
        switch item {
        case .article:
            // The rule counts the unread, which fall as comments are shown: each count is a variant of its own
            // (below 0, where the one-line drawings of comments are not), so the article is laid out again.
            let counts = VisitCounts(visit)
            return cache.lines(item, folded: false, width: width, variant: -1 - (counts?.unread ?? -1)) {
                Blocks.article(discussion, width: width, options: options, counts: counts, loading: loading)
            }
        case .comment(let index):
            return cache.lines(item, folded: tree.isFolded(index), width: width) {
                Blocks.comment(
                    index, of: discussion, tree: tree, width: width, options: options, novelty: novelty(of: index))
            }
        }
    }

    /// The new marker and hidden-new count of comment `index`'s header; nil when nothing is new.
    func novelty(of index: Int) -> Novelty? {
        guard let visit, visit.newCount > 0 else { return nil }
        let hidden = tree.isFolded(index) ? visit.newCount(in: index + 1..<tree.subtreeEnd(of: index)) : 0
        return Novelty(isNew: visit.isNew(index), hiddenNew: hidden, style: markerStyle)
    }

    func height(_ item: PageItem) -> Int { max(1, lines(item).count) }

    func next(_ item: PageItem) -> PageItem? {
        switch item {
        case .article: return tree.firstVisible.map(PageItem.comment)
        case .comment(let index):
            if let filter { return filter.nextRow(after: index, folds: tree).map(PageItem.comment) }
            return tree.nextVisible(after: index).map(PageItem.comment)
        }
    }

    func previous(_ item: PageItem) -> PageItem? {
        switch item {
        case .article: return nil
        case .comment(let index):
            if let filter { return filter.previousRow(before: index, folds: tree).map(PageItem.comment) ?? .article }
            return tree.previousVisible(before: index).map(PageItem.comment) ?? .article
        }
    }

    var lastItem: PageItem { tree.lastVisible.map { PageItem.comment(rowStart($0)) } ?? .article }

    var end: PagePosition { PagePosition(lastItem, height(lastItem) - 1) }

    /// `position` moved by `count` lines (back when negative), stopping at the ends of the page.
    func move(_ position: PagePosition, by count: Int) -> PagePosition {
        var position = position
        var left = count
        while left > 0 {
            let room = height(position.item) - 1 - position.line
            if left <= room {
                position.line += left
                return position
            }
            guard let next = next(position.item) else {
                position.line += room
                return position
            }
            left -= room + 1
            position = PagePosition(next, 0)
        }
        while left < 0 {
            if -left <= position.line {
                position.line += left
                return position
            }
            guard let previous = previous(position.item) else {
                position.line = 0
                return position
            }
            left += position.line + 1
            position = PagePosition(previous, height(previous) - 1)
        }
        return position
    }

    /// How many lines `to` lies after `from`, if it does within `limit` lines.
    func distance(from: PagePosition, to: PagePosition, limit: Int) -> Int? {
        if to < from { return nil }
        if from.item == to.item { return to.line - from.line <= limit ? to.line - from.line : nil }
        var total = height(from.item) - from.line
        var item = from.item
        while total <= limit {
            guard let next = next(item) else { return nil }
            if next == to.item { return total + to.line <= limit ? total + to.line : nil }
            total += height(next)
            item = next
        }
        return nil
    }

    /// The lowest top that still fills the screen: the page's last line on the last row.
    func lastTop(rows: Int) -> PagePosition {
        move(end, by: -(max(1, rows) - 1))
    }

    /// The line at each row from `top`, for drawing and hit-testing.
    func visibleLines(from top: PagePosition, rows: Int) -> [(position: PagePosition, line: StyledLine)] {
        var result: [(PagePosition, StyledLine)] = []
        var item = top.item
        var line = top.line
        while result.count < rows {
            let lines = lines(item)
            while line < lines.count, result.count < rows {
                result.append((PagePosition(item, line), lines[line]))
                line += 1
            }
            guard let next = next(item) else { break }
            item = next
            line = 0
        }
        return result
    }
}
