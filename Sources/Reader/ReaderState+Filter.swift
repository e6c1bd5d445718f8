import TextLayout
import ThreadModel
import ThreadQuery

extension ReaderState {
    /// How many comments one step of a word or regex filter reads before the reader answers keys again.
    public static let filterStep = 50_000

    /// Whether a word or regex filter is still reading comments.
    public var isFiltering: Bool { filter?.evaluation != nil }

    /// Sets the filter to `text` as typed: a field query is evaluated at once, a word or regex
    /// query starts reading comments in steps (`.filterStep`). A mistake keeps the last result
    /// and says its column; an empty query turns the filter off.
    mutating func setFilter(_ text: String, layout: LayoutCache) {
        let query: Query
        do {
            query = try Query.parse(text)
        } catch {
            var filter = self.filter ?? ReaderFilter(text: text)
            filter.text = text
            filter.error = error
            filter.evaluation = nil
            self.filter = filter
            message = "filter: \(error.description)"
            return
        }
        guard !query.isEmpty else {
            changeFilter(to: nil, layout: layout)
            filter = ReaderFilter(text: text)
            message = nil
            return
        }
        // Hashing every author costs a tenth of a second at 1M: only for a query that needs it.
        if query.readsAuthors && filterAuthors == nil { filterAuthors = AuthorIndex(discussion) }
        // `new` asks this visit's markers (nothing is new before the visit arrives, or with no state),
        // copied out once: asking the visit itself copied the whole `Visit` on each of a million calls.
        let matcher = QueryMatcher(
            query: query, discussion: discussion, tree: tree, authors: filterAuthors,
            newFlags: query.readsNew ? newFlagsForFilter() : [])
        var filter = self.filter ?? ReaderFilter(text: text)
        filter.text = text
        filter.error = nil
        filter.goWhenDone = false
        filter.evaluation = FilterEvaluation(matcher: matcher)
        self.filter = filter
        message = nil
        if query.readsOnlyFields {
            finishFilter(layout: layout)
        } else {
            continueFilter(layout: layout)
        }
    }

    /// Which comments carry the new marker now, by index: found in the time of a pass over the
    /// visit's flags, once per query.
    private func newFlagsForFilter() -> [Bool] {
        guard let visit = visits.visit, visit.newCount > 0 else { return [] }
        var flags = [Bool](repeating: false, count: discussion.count)
        for index in visit.newIndices() where Int(index) < flags.count { flags[Int(index)] = true }
        return flags
    }

    /// Evaluates the next stretch of comments for a running filter; shows the result when all are read.
    mutating func continueFilter(layout: LayoutCache) {
        guard var filter, var evaluation = filter.evaluation else { return }
        let done = evaluation.step(limit: Self.filterStep)
        filter.evaluation = evaluation
        self.filter = filter
        if done { finishFilter(layout: layout) }
    }

    private mutating func finishFilter(layout: LayoutCache) {
        guard var filter, var evaluation = filter.evaluation else { return }
        let result = evaluation.finish(excluding: showKilled ? nil : killMarks)
        filter.evaluation = nil
        let go = filter.goWhenDone
        filter.goWhenDone = false
        filter.inForce = filter.text
        self.filter = filter
        changeFilter(to: result, layout: layout)
        if go { goToFirstMatch(layout: layout) }
    }

    /// Shows `result` in place of the current filtered thread, keeping the selection on its row
    /// (or on the row that now holds it: its stub, or its muted line).
    private mutating func changeFilter(to result: FilteredThread?, layout: LayoutCache) {
        let row = selectionRow(layout: layout)
        let chosen = filter.flatMap { $0.placed == selection ? $0.chosen : nil } ?? selection
        selection = chosen
        if var filter {
            filter.result = result
            self.filter = filter
        } else if let result {
            filter = ReaderFilter(text: "", result: result)
        }
        keepSelection(onRow: row, revealPlaced: true, layout: layout)
        filter?.chosen = chosen
        filter?.placed = selection
    }

    /// Runs the filter again when its query asks `new` and the visit changed (it arrived after
    /// the filter was set, as on a big thread opened with `--filter new`): the first run saw nothing
    /// new. A confirmed filter that had found nothing then goes to its first match, as Enter would
    /// have; one whose matches the user may be reading leaves the selection where it is.
    ///
    /// Marking comments read does not come here: a match just read stays until the query changes,
    /// rather than vanishing from under the cursor.
    mutating func refilterForVisit(layout: LayoutCache) {
        guard let filter, filter.error == nil, let query = try? Query.parse(filter.text), query.readsNew else {
            return
        }
        let go = filter.goWhenDone || (mode == .reading && (filter.result?.matchCount ?? 0) == 0)
        setFilter(filter.text, layout: layout)
        guard go else { return }
        if isFiltering {
            self.filter?.goWhenDone = true
        } else {
            goToFirstMatch(layout: layout)
        }
    }

    /// Esc: the whole thread again, with the folds as they are now (made with or without the filter).
    mutating func clearFilter(layout: LayoutCache) {
        guard filter != nil else { return }
        changeFilter(to: nil, layout: layout)
        filter = nil
        message = "filter cleared"
    }

    /// `n` / `N` under a filter: the next or previous matching comment, wrapping around.
    mutating func stepFilterMatch(forward: Bool, fromArticle: Bool, layout: LayoutCache) {
        guard let result = filter?.result, let selection else { return }
        // From the article the first comment is below too: it may be the next match.
        let after = fromArticle ? selection - 1 : selection
        guard let target = forward ? result.nextMatch(after: after) : result.previousMatch(before: selection)
        else {
            message = "no comment matches the filter"
            return
        }
        goToMatch(target, of: result, layout: layout)
    }

    private mutating func goToFirstMatch(layout: LayoutCache) {
        guard let result = filter?.result, let selection else { return }
        if result.role(of: selection) == .match { return }
        guard let target = result.nextMatch(after: selection) else {
            message = "no comment matches the filter"
            return
        }
        goToMatch(target, of: result, layout: layout)
    }

    private mutating func goToMatch(_ target: Int, of result: FilteredThread, layout: LayoutCache) {
        unfoldToShow(target)
        selection = target
        reveal(target, layout: layout)
        let position = result.matches.partitionIndex(target) + 1
        message = "match \(CountText.grouped(position)) of \(CountText.grouped(result.matchCount))"
    }

    /// Filters by `text` as if typed at the prompt and confirmed: `--filter` in a terminal.
    mutating func applyFilter(_ text: String, layout: LayoutCache) {
        mode = .reading
        setFilter(text, layout: layout)
        confirmFilter(layout: layout)
    }

    /// Enter at the prompt: the first match from the selection on, once the filter is known.
    private mutating func confirmFilter(layout: LayoutCache) {
        if let error = filter?.error {
            message = "filter: \(error.description)"
        } else if isFiltering {
            filter?.goWhenDone = true
        } else {
            goToFirstMatch(layout: layout)
        }
    }

    /// What the filter prompt opens with: the query in force, not a wrong one typed after it.
    var filterInForceText: String {
        guard let filter else { return "" }
        return filter.error == nil ? filter.text : filter.inForce ?? ""
    }

    /// The status line while the filter prompt is open: the query, then its mistake or its count.
    func drawFilterPrompt(_ query: String, into frame: inout Frame) {
        let row = rows - 1
        let bar = CellStyle(reverse: true)
        let text = "&" + Blocks.oneLine(query)
        let shown =
            TextWidth.of(text) < columns / 2
            ? text : "&" + Wrapper.truncateLeading(String(text.dropFirst()), width: max(2, columns / 3 + 1))
        let end = frame.put(shown, row: row, column: 0, style: bar)
        frame.put("▏", row: row, column: end, style: bar)
        let inForce = filter?.inForce.map { " · on: " + Blocks.oneLine($0) } ?? " · no filter on"
        let note =
            filter?.error.map { "✗ \($0.description)" + inForce } ?? filter?.status
            ?? "filter: type a query, enter to keep it"
        frame.put(
            Wrapper.truncate(note, width: max(1, columns - end - 3)), row: row, column: end + 2,
            style: CellStyle(bold: filter?.error != nil, reverse: true))
    }

    /// A key typed at the filter prompt: the filter follows the query on every key.
    mutating func filterInput(_ key: Key, query: String, layout: LayoutCache) {
        var query = query
        switch key {
        case .escape:
            mode = .reading
            clearFilter(layout: layout)
            return
        case .enter:
            // A wrong query is not confirmed: the prompt stays open with its mistake, so no
            // half-typed query is left on unseen.
            if let error = filter?.error {
                message = "filter: \(error.description)"
                return
            }
            mode = .reading
            confirmFilter(layout: layout)
            return
        case .backspace:
            if query.isEmpty { return }
            query.removeLast()
        case .control("u"):
            query = ""
        case .character(let character):
            guard query.count < 200 else { return }
            query.append(character)
        default:
            return
        }
        mode = .filterPrompt(query)
        setFilter(query, layout: layout)
    }
}

extension Array where Element == Int32 {
    /// The position of `value` in this ascending array, or where it would go.
    func partitionIndex(_ value: Int) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if Int(self[middle]) < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
