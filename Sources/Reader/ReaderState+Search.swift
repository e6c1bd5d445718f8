import TextLayout
import ThreadModel

extension ReaderState {
    /// Searches the article and every comment, folded ones included, and goes to the first hit
    /// after the selection. An empty query repeats the last search.
    mutating func runSearch(_ typed: String, layout: LayoutCache) {
        let query = typed.isEmpty ? (search?.query ?? "") : typed
        guard !query.isEmpty else { return }
        let inArticle = discussion.articleMatches(TextMatcher(query))
        let from: PageItem =
            top.item == .article && top.line == 0 ? .article : selection.map(PageItem.comment) ?? .article
        search = Search(query: query, hits: inArticle ? [.article] : [], current: nil, scanned: 0, from: from)
        continueSearch(layout: layout)
    }

    /// How many comments one step of a search reads before the reader answers keys again.
    public static let searchStep = 40_000

    /// Searches the next stretch of comments; when all are read, goes to the first hit after
    /// where the search started. A search over a million comments so shows its progress.
    mutating func continueSearch(layout: LayoutCache) {
        guard var search, let scanned = search.scanned else { return }
        let end = min(discussion.count, scanned + Self.searchStep)
        let found = discussion.comments(matching: TextMatcher(search.query), in: scanned..<end)
        search.hits.append(contentsOf: found.map(PageItem.comment))
        // The text just read is not needed in memory; the comments on screen are read again when drawn.
        if end > scanned {
            let body = discussion.records[end - 1].body
            if !body.isAbsent { discussion.bytes.release(upTo: Int(body.offset)) }
        }
        if end < discussion.count {
            search.scanned = end
            self.search = search
            message = "searching… \(end * 100 / max(1, discussion.count))%"
            return
        }
        search.scanned = nil
        self.search = search
        guard !search.hits.isEmpty else {
            message = "no match for “\(Wrapper.truncate(Blocks.oneLine(search.query), width: 40))”"
            return
        }
        let from = search.from
        if from == .article {
            visit(search.hits.firstIndex { $0 >= from } ?? 0, layout: layout)
        } else {
            visit(search.hits.firstIndex { $0 > from } ?? 0, layout: layout)
        }
    }

    /// Whether a search is still reading comments.
    public var isSearching: Bool { search?.scanned != nil }

    /// `n` / `N`: the next or previous hit, wrapping around.
    mutating func stepMatch(forward: Bool, layout: LayoutCache) {
        if isSearching { return }
        guard let search, !search.hits.isEmpty else {
            message = search == nil ? "no search yet: press / to search" : "no match for “\(search?.query ?? "")”"
            return
        }
        let count = search.hits.count
        let next: Int
        if let current = search.current {
            next = forward ? (current + 1) % count : (current - 1 + count) % count
        } else {
            next = forward ? 0 : count - 1
        }
        visit(next, layout: layout)
    }

    private mutating func visit(_ hit: Int, layout: LayoutCache) {
        guard var search else { return }
        search.current = hit
        self.search = search
        let item = search.hits[hit]
        switch item {
        case .article:
            // As `g`: the article on top, the first comment selected for when the reader moves on.
            top = PagePosition(.article)
            selection = tree.firstVisible
            showLine(of: item, holding: search.query, layout: layout)
            message = "match \(hit + 1) of \(search.hits.count) (in the article)"
        case .comment(let index):
            tree.reveal(index)
            // Under a filter a hit may lie in a stub: the stub is what can be selected.
            selection = page(layout).rowStart(index)
            reveal(selection ?? index, layout: layout)
            showLine(of: item, holding: search.query, layout: layout)
            message = "match \(hit + 1) of \(search.hits.count)"
        }
    }

    /// Scrolls so the first line of `item` where the highlighter marks `query` is on screen,
    /// a few rows below the top when the view has to move; leaves the view as it is when the
    /// line already shows or no single line holds the query (a hit across a line break).
    private mutating func showLine(of item: PageItem, holding query: String, layout: LayoutCache) {
        let rows = pageRows
        guard rows > 0 else { return }
        let matcher = TextMatcher(query)
        let lines = page(layout).lines(item)
        guard let line = lines.firstIndex(where: { !matcher.matches(in: $0.foldedClusters).isEmpty }) else { return }
        viewport.show(PagePosition(item, line), rows: rows, on: page(layout))
    }
}
