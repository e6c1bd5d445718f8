import TextLayout

extension ReaderState {
    /// Searches the article and every comment, folded ones included, and goes to the first hit
    /// after the selection. An empty query repeats the last search.
    mutating func runSearch(_ typed: String) {
        let query = typed.isEmpty ? (search?.query ?? "") : typed
        guard !query.isEmpty else { return }
        let needle = query.lowercased()
        var hits: [PageItem] = []
        let article = discussion.article
        if ([article.title] + article.body).contains(where: { $0.lowercased().contains(needle) }) {
            hits.append(.article)
        }
        for index in 0..<discussion.count {
            if discussion.body(of: index).lowercased().contains(needle)
                || (discussion.author(of: index)?.lowercased().contains(needle) ?? false)
            {
                hits.append(.comment(index))
            }
        }
        search = Search(query: query, hits: hits, current: nil)
        guard !hits.isEmpty else {
            message = "no match for “\(Wrapper.truncate(Blocks.oneLine(query), width: 40))”"
            return
        }
        let from: PageItem
        if top.item == .article && top.line == 0 {
            from = .article
            visit(hits.firstIndex { $0 >= from } ?? 0)
        } else {
            from = selection.map(PageItem.comment) ?? .article
            visit(hits.firstIndex { $0 > from } ?? 0)
        }
    }

    /// `n` / `N`: the next or previous hit, wrapping around.
    mutating func stepMatch(forward: Bool) {
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
        visit(next)
    }

    private mutating func visit(_ hit: Int) {
        guard var search else { return }
        search.current = hit
        self.search = search
        let item = search.hits[hit]
        switch item {
        case .article:
            top = PagePosition(.article)
            message = "match \(hit + 1) of \(search.hits.count) (in the article)"
        case .comment(let index):
            tree.reveal(index)
            selection = index
            reveal(index)
            message = "match \(hit + 1) of \(search.hits.count)"
        }
    }
}
