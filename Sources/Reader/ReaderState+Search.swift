import TextLayout
import ThreadModel

extension ReaderState {
    /// Searches the article and every comment, folded ones included, and goes to the first hit
    /// after the selection. An empty query repeats the last search.
    /// `staysPut`: the hits are found again (the kill-file changed what shows) without moving; `n` then
    /// goes on from the selection.
    mutating func runSearch(_ typed: String, staysPut: Bool = false, layout: LayoutCache) {
        let query = typed.isEmpty ? (search?.query ?? "") : typed
        guard !query.isEmpty else { return }
        let matcher = TextMatcher(query)
        let inArticle = discussion.articleOccurrences(matcher)
        let from: PageItem =
            top.item == .article && top.line == 0 ? .article : selection.map(PageItem.comment) ?? .article
        search = Search(query: query, hits: inArticle > 0 ? [.article] : [], current: nil, scanned: 0, from: from)
        search?.occurrences = inArticle > 0 ? [inArticle] : []
        search?.staysPut = staysPut
        continueSearch(layout: layout)
    }

    /// How many comments one step of a search reads before the reader answers keys again.
    public static let searchStep = 40_000

    /// How many hits a search counts the occurrences of as it finds them; past that a hit counts as
    /// one until it is shown, and the total says "at least".
    public static let exactOccurrenceLimit = 1_000

    /// Searches the next stretch of comments; when all are read, goes to the first hit after
    /// where the search started. A search over a million comments so shows its progress.
    mutating func continueSearch(layout: LayoutCache) {
        guard var search, let scanned = search.scanned else { return }
        let end = min(discussion.count, scanned + Self.searchStep)
        let matcher = TextMatcher(search.query)
        var found = discussion.comments(matching: matcher, in: scanned..<end)
        // A comment the kill-file hides shows none of its text: no hit there.
        if killMarks != nil, !showKilled { found.removeAll { isKilled($0) } }
        search.hits.append(contentsOf: found.map(PageItem.comment))
        // Counting a hit's occurrences decodes its text: done for the first hits only, so a common word
        // over a million comments costs what finding them does (a hit's count is made exact when shown).
        let exact = max(0, min(found.count, Self.exactOccurrenceLimit - search.occurrences.count))
        for comment in found.prefix(exact) {
            let count =
                matcher.occurrences(in: discussion.author(of: comment) ?? "")
                + matcher.occurrences(in: discussion.body(of: comment))
            search.occurrences.append(max(1, count))
        }
        if exact < found.count {
            search.occurrences.append(contentsOf: repeatElement(1, count: found.count - exact))
            search.countsAtLeast = true
        }
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
        if search.staysPut {
            let from = articleSelected ? .article : selection.map(PageItem.comment) ?? .article
            self.search?.current = search.hits.lastIndex { $0 <= from }
            self.search?.staysPut = false
            return
        }
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

    /// `n` / `N`: the next or previous occurrence, inside the same comment first (as less does),
    /// wrapping around.
    mutating func stepMatch(forward: Bool, layout: LayoutCache) {
        if isSearching { return }
        guard let search, !search.hits.isEmpty else {
            message = search == nil ? "no search yet: press / to search" : "no match for “\(search?.query ?? "")”"
            return
        }
        let count = search.hits.count
        guard let current = search.current else {
            visit(forward ? 0 : count - 1, occurrence: forward ? 0 : .max, layout: layout)
            return
        }
        let inCurrent = search.occurrenceCount(of: current)
        if forward, search.occurrence + 1 < inCurrent {
            visit(current, occurrence: search.occurrence + 1, layout: layout)
        } else if !forward, search.occurrence > 0 {
            visit(current, occurrence: min(search.occurrence, inCurrent) - 1, layout: layout)
        } else if forward {
            visit((current + 1) % count, occurrence: 0, layout: layout)
        } else {
            visit((current - 1 + count) % count, occurrence: .max, layout: layout)
        }
    }

    /// Goes to occurrence `occurrence` (clamped to the last) of hit `hit`.
    private mutating func visit(_ hit: Int, occurrence: Int = 0, layout: LayoutCache) {
        guard var search else { return }
        search.current = hit
        search.occurrence = max(0, min(occurrence, search.occurrenceCount(of: hit) - 1))
        self.search = search
        let item = search.hits[hit]
        switch item {
        case .article:
            // As `g`: the article on top, the first comment selected for when the reader moves on.
            top = PagePosition(.article)
            selection = tree.firstVisible
            showLine(of: item, layout: layout)
            message = matchMessage
        case .comment(let index):
            unfoldToShow(index)
            // Under a filter a hit may lie in a stub: the stub is what can be selected.
            selection = page(layout).rowStart(index)
            reveal(selection ?? index, layout: layout)
            showLine(of: item, layout: layout)
            message = matchMessage
        }
    }

    /// "match i of n", counting occurrences: the comments' apart from the article's ("match 1 of 2 in
    /// the article · 9 in comments"), so a count of comments' hits never holds the article's.
    private var matchMessage: String {
        guard let search, let current = search.current else { return "" }
        let inArticle = search.hits.first == .article ? search.occurrenceCount(of: 0) : 0
        let inComments = search.occurrences.reduce(0, +) - inArticle
        let position = CountText.grouped(search.occurrence + 1)
        if search.hits[current] == .article {
            let others = inComments > 0 ? " · \(CountText.grouped(inComments)) in comments" : ""
            return "match \(position) of \(CountText.grouped(inArticle)) in the article" + others
        }
        let before = search.occurrences.prefix(current).reduce(0, +) - inArticle
        let total = (search.countsAtLeast ? "at least " : "") + CountText.grouped(inComments)
        return "match \(CountText.grouped(before + search.occurrence + 1)) of \(total)"
    }

    /// Scrolls so the line of `item` holding the search's current occurrence (as the highlighter
    /// marks it) is on screen, a few rows below the top when the view has to move; leaves the view
    /// as it is when the line already shows or no single line holds the query (a hit across a
    /// line break). The occurrences the lines hold become the item's count, so `n` steps through
    /// what is marked on screen.
    private mutating func showLine(of item: PageItem, layout: LayoutCache) {
        guard var search, let current = search.current else { return }
        let rows = pageRows
        guard rows > 0 else { return }
        let matcher = TextMatcher(search.query)
        var lineOfOccurrence: [Int] = []
        for (index, line) in page(layout).lines(item).enumerated() {
            lineOfOccurrence.append(
                contentsOf: repeatElement(index, count: matcher.matches(in: line.foldedClusters).count))
        }
        guard !lineOfOccurrence.isEmpty else { return }
        if current < search.occurrences.count, search.occurrences[current] != lineOfOccurrence.count {
            search.occurrences[current] = lineOfOccurrence.count
            search.occurrence = min(search.occurrence, lineOfOccurrence.count - 1)
            self.search = search
        }
        viewport.show(PagePosition(item, lineOfOccurrence[search.occurrence]), rows: rows, on: page(layout))
    }
}
