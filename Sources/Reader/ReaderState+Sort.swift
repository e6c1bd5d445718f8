import ThreadModel

extension ReaderState {
    /// `s`: asks for the next order the thread has the data for, after the one shown (or being sorted to).
    mutating func cycleSort() {
        let current = ordering.running?.candidates.first ?? ordering.due?.first ?? ordering.shown
        let candidates = ordering.cycle(after: current)
        ordering.opening = false
        guard let first = candidates.first else {
            message = "nothing to sort by: no comment has points or a date"
            return
        }
        ordering.running = nil
        if first == .best, ordering.ranks == nil {
            // Already in the site's order (a sort still running to another is dropped).
            ordering.due = nil
            ordering.shown = .best
            ordering.wanted = .best
            message = Self.sortedText(.best)
            return
        }
        ordering.due = candidates
        ordering.announce = true
        if replay != nil {
            message = "sorting once the whole thread has loaded"
        } else if fetch != nil {
            message = "sorting once the fetch ends"
        }
    }

    /// After every message: starts the sort that is due once nothing else holds indices of the
    /// discussion on screen (a fetch merging into it, a visit being built on it, a preview).
    mutating func startSortWhenDue(after message: Message) {
        if case .visitReady = message { ordering.awaitingVisit = false }
        if commands.contains(where: { if case .buildVisit = $0 { true } else { false } }) {
            ordering.awaitingVisit = true
        }
        guard let candidates = ordering.due, ordering.running == nil, fetch == nil, replay == nil,
            !ordering.awaitingVisit
        else { return }
        ordering.due = nil
        ordering.count += 1
        let request = SortRequest(
            number: ordering.count, discussion: discussion, candidates: candidates, ranks: ordering.ranks)
        ordering.running = request
        commands.append(.sortComments(request))
    }

    /// `.sorted`: puts the discussion in its new order, keeping the selection on its row, folds, marks,
    /// read state, the search and the filter (all follow the comments to their new places).
    mutating func takeSorted(_ outcome: SortOutcome, layout: LayoutCache) {
        guard let running = ordering.running, running.number == outcome.number else { return }
        ordering.running = nil
        ordering.available = outcome.available
        guard outcome.from.hasSameRecords(as: discussion), fetch == nil else {
            // The discussion changed under the sort, or a fetch now merges into it: sorted again later.
            ordering.due = ordering.due ?? outcome.candidates
            return
        }
        let skipped = outcome.candidates.prefix { !outcome.available.contains($0) }
        let skippedText = skipped.first.map { "cannot sort by \($0.name): \($0.missingField ?? "")" }
        guard let sorted = outcome.sorted else {
            ordering.wanted = ordering.shown
            ordering.opening = false
            ordering.announce = false
            message = (skippedText ?? "cannot sort") + "; shown \(Self.orderText(ordering.shown))"
            return
        }
        // On opening, the first comment of the new order is selected, unless the visit resumed elsewhere
        // or a permalink chose a comment (both keep theirs, on its row).
        let opening =
            ordering.opening && !visits.touched && top.item == .article && selection == tree.firstVisible
        ordering.opening = false
        let row = selectionRow(layout: layout)
        let oldTop = top
        let articleWasSelected = articleSelected
        let oldSearch = search
        take(sorted.merge, select: nil, layout: layout)
        ordering.shown = sorted.order
        ordering.wanted = sorted.order
        ordering.ranks = sorted.order == .best ? nil : sorted.ranks
        if let oldSearch { carry(oldSearch, oldToNew: sorted.oldToNew, layout: layout) }
        if opening {
            top = oldTop
            selection = tree.firstVisible
            clampTop(layout: layout)
        } else if let row, row >= 0, row < pageRows, !articleWasSelected {
            keepSelection(onRow: row, revealPlaced: true, layout: layout)
        } else if oldTop.item == .article {
            top = oldTop
            clampTop(layout: layout)
        }
        articleSelected = articleWasSelected
        // The author index is by index: one built for the old order would name the wrong comments.
        if discussion.count > Self.authorIndexInBackground { commands.append(.indexAuthors(discussion)) }
        // The status line shows any other order ("sorted: top ·"); the site's is said once.
        if skippedText != nil || (ordering.announce && sorted.order == .best) {
            message = (skippedText.map { $0 + "; " } ?? "") + Self.sortedText(sorted.order)
        }
        ordering.announce = false
    }

    /// After a merge (`R`, a fetched stub, a part arriving): the merged discussion's data order, and
    /// the sort that puts its new comments in their places.
    mutating func reorder(after merge: DiscussionMerge, reload: Bool) {
        if reload {
            // The fetch decides the order: the merged discussion is in the site's.
            ordering.ranks = nil
            ordering.shown = .best
        } else if let ranks = ordering.ranks {
            // Old entries keep their place in the data's order; new ones come after, in the order merged.
            var merged = [Int32](repeating: -1, count: discussion.count)
            var next = (ranks.max() ?? -1) + 1
            for (old, new) in merge.oldToNew.enumerated() {
                if old < ranks.count, let new, new >= 0, new < merged.count { merged[new] = ranks[old] }
            }
            for index in merged.indices where merged[index] < 0 {
                merged[index] = next
                next += 1
            }
            ordering.ranks = merged
        }
        if let running = ordering.running {
            // Its answer is of the discussion before the merge.
            ordering.due = ordering.due ?? running.candidates
            ordering.running = nil
        }
        if ordering.wanted != .best || ordering.ranks != nil { ordering.due = ordering.due ?? [ordering.wanted] }
    }

    /// A search carried to the new order: its hits follow their comments (a search still reading
    /// starts again, as its stretch read so far is of the old order).
    private mutating func carry(_ old: Search, oldToNew: [Int32], layout: LayoutCache) {
        guard old.scanned == nil else {
            runSearch(old.query, layout: layout)
            return
        }
        var hits: [(item: PageItem, occurrences: Int)] = []
        for (hit, item) in old.hits.enumerated() {
            var moved = item
            if case .comment(let index) = item, index < oldToNew.count { moved = .comment(Int(oldToNew[index])) }
            hits.append((moved, old.occurrenceCount(of: hit)))
        }
        let current = old.current.map { hits[$0].item }
        hits.sort { $0.item < $1.item }
        var search = old
        search.hits = hits.map(\.item)
        search.occurrences = hits.map(\.occurrences)
        search.current = current.flatMap { item in hits.firstIndex { $0.item == item } }
        self.search = search
    }

    /// The status after sorting: "sorted: new".
    static func sortedText(_ order: CommentOrder) -> String {
        "sorted: \(order.name)" + (order == .best ? " (the site's order)" : "")
    }

    /// "in the site's order", "sorted by new".
    static func orderText(_ order: CommentOrder) -> String {
        order == .best ? "in the site's order" : "sorted by \(order.name)"
    }
}
