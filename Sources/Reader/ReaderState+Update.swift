import TextLayout
import ThreadTree

extension ReaderState {
    /// Applies one action in place: a count typed before it (`5j`) repeats it, or for `u`
    /// says how many levels up.
    mutating func apply(_ action: Action, layout: LayoutCache) {
        if action == .redraw {
            commands.append(.repaint)
            return
        }
        let pending = self.pending
        self.pending = nil
        switch action {
        case .depthPrefix:
            self.pending = .depth
            message = "show depth: type 1–9"
            return
        default:
            break
        }
        var count: Int?
        if case .count(let typed) = pending { count = typed }
        let times = Self.repeatable.contains(action) ? count ?? 1 : 1
        for _ in 0..<times {
            let before = Step(self)
            perform(action, count: count, layout: layout)
            // A count larger than the way left stops where the way ends, as in vim.
            if Step(self) == before { break }
        }
    }

    /// Where a step of a counted action leaves the reader: one that changes none of it is the end of
    /// the way. Leaving the article and going to the next occurrence in the same comment are steps too.
    private struct Step: Equatable {
        let selection: Int?
        let top: PagePosition
        let articleSelected: Bool
        let match: Int?
        let occurrence: Int?

        init(_ state: ReaderState) {
            selection = state.selection
            top = state.top
            articleSelected = state.articleSelected
            match = state.search?.current
            occurrence = state.search?.occurrence
        }
    }

    /// Actions a count repeats; `u` takes its count as levels instead.
    private static let repeatable: Set<Action> = [
        .nextComment, .previousComment, .nextSibling, .previousSibling, .nextThread, .previousThread,
        .lineDown, .lineUp, .halfPageDown, .halfPageUp, .pageDown, .pageUp, .nextMatch, .previousMatch,
        .nextByAuthor, .previousByAuthor, .nextByOp, .previousByOp,
    ]

    /// Actions that leave the article selected: they act on it, or only look.
    private static let keepsArticleSelected: Set<Action> = [
        .openLink, .copyLink, .openArticle, .openThread, .top, .showHelp, .showMessages, .startSearch, .startFilter,
        .reload,
        .toggleMap, .toggleKilled, .cancel, .quit, .previousComment,
        .cycleSort,
    ]

    /// Actions on the selected comment itself, which mean nothing while the article is selected.
    private static let actsOnTheComment: Set<Action> = [
        .copyComment, .copySubtree, .pipeComment, .saveComment, .saveSubtree, .openCommentOnSite,
    ]

    /// The largest count kept: more than any thread needs, few enough to repeat quickly.
    static let maximumCount = 9_999

    /// A digit key no action is bound to: after `=`, the depth to show; else a digit of the count for
    /// the next action (`5j`, `3u`).
    mutating func typed(_ digit: Int, layout: LayoutCache) {
        let pending = self.pending
        self.pending = nil
        typed(digit, after: pending, layout: layout)
    }

    private mutating func typed(_ digit: Int, after pending: Pending?, layout: LayoutCache) {
        guard (0...9).contains(digit) else { return }
        switch pending {
        case .depth:
            if digit > 0 {
                apply(.showLevels(digit), layout: layout)
            } else {
                message = "depth 0 shows nothing: type 1–9"
            }
        case .count(let count):
            self.pending = .count(min(Self.maximumCount, count * 10 + digit))
        case nil:
            // A leading 0 is no count (vim reads it as a motion; here it does nothing).
            if digit > 0 { self.pending = .count(digit) }
        }
    }

    /// Does `action` once; `count` is the count typed before it, for `u`.
    private mutating func perform(_ action: Action, count: Int?, layout: LayoutCache) {
        message = nil
        guard let selection else {
            emptyThread(action, count: count, layout: layout)
            return
        }
        if action == .previousThread, atTheArticle(layout: layout) {
            message = "this is the article: the first thread is below it"
            return
        }
        // Acting on "the comment" while the status line says "article" would copy, pipe or save a
        // comment the user may not see (the first one, under a long article).
        if Self.actsOnTheComment.contains(action), atTheArticle(layout: layout) {
            let key = keymap.keyLabel(for: .firstComment)
            message = "the article is selected: \(key) goes to the first comment"
            return
        }
        // A stand-in ("12 more replies") is no comment to copy, pipe, save or open.
        if Self.actsOnTheComment.contains(action), discussion.isPlaceholder(selection) {
            let key = keymap.keyLabel(for: .parent)
            let parent = tree.parent(of: selection) == nil ? "" : " · \(key) goes to its parent"
            message = "a stand-in, not a comment" + parent
            return
        }
        let fromArticle = articleSelected
        if articleSelected, !Self.keepsArticleSelected.contains(action) {
            articleSelected = false
            // Down from the article is its first comment, shown where it is: the next comment, and
            // the next sibling or thread too (the first is the next one after the article).
            if action == .nextComment || action == .nextSibling || action == .nextThread {
                if !selectionIsVisible(layout: layout) { reveal(selection, layout: layout) }
                return
            }
        }
        switch action {
        // With a count, each step is a comment, however tall (`5j` is five comments).
        case .nextComment: nextComment(from: selection, byComment: count != nil, layout: layout)
        case .previousComment: previousComment(from: selection, byComment: count != nil, layout: layout)
        case .nextSibling:
            go(to: tree.nextSibling(of: selection), otherwise: "no next reply at this level", layout: layout)
        case .previousSibling:
            go(to: tree.previousSibling(of: selection), otherwise: "no previous reply at this level", layout: layout)
        case .nextThread:
            go(to: tree.nextThread(after: selection), otherwise: "this is the last thread", layout: layout)
        case .previousThread:
            go(to: tree.previousThread(before: selection), otherwise: "this is the first thread", layout: layout)
        case .parent:
            let selection = self.selection ?? selection
            let target = tree.ancestor(of: selection, levels: count ?? 1)
            go(to: target == selection ? nil : target, otherwise: "a top-level comment has no parent", layout: layout)
        case .root:
            let root = tree.root(of: selection)
            go(to: root, otherwise: "", layout: layout)
        case .showParent: showParent(of: selection)
        case .toggleFold where discussion.isPlaceholder(selection) && !tree.isFoldable(selection):
            requestExpansion(of: selection)
        case .toggleOverview: setOverview(!overview, layout: layout)
        case .toggleMap: setMap(!map, layout: layout)
        case .toggleKilled: toggleKilled(layout: layout)
        case .toggleFold:
            changeFolds(layout: layout) { $0.toggleFold(selection) }
            if !tree.isFoldable(selection) { message = "no replies to fold" }
        case .foldOrParent:
            if tree.isFoldable(selection) && !tree.isFolded(selection) {
                changeFolds(layout: layout) { $0.fold(selection) }
            } else {
                go(to: tree.parent(of: selection), otherwise: "a top-level comment has no parent", layout: layout)
            }
        case .unfold:
            changeFolds(layout: layout) { $0.unfold(selection) }
        case .foldThreadAndNext:
            let root = tree.root(of: selection)
            changeFolds(layout: layout) { $0.fold(root) }
            if let next = tree.nextThread(after: root) {
                go(to: next, otherwise: "", layout: layout)
            } else {
                message = "this is the last thread"
            }
        case .foldAll: changeFolds(layout: layout) { $0.foldAll() }
        case .unfoldAll: changeFolds(layout: layout) { $0.unfoldAll() }
        case .showLevels(let levels):
            changeFolds(layout: layout) { $0.showLevels(levels) }
            message = "threads shown down to depth \(levels)"
        case .lineDown: scroll(by: 1, layout: layout)
        case .lineUp: scroll(by: -1, layout: layout)
        case .halfPageDown: scroll(by: max(1, pageRows / 2), layout: layout)
        case .halfPageUp: scroll(by: -max(1, pageRows / 2), layout: layout)
        case .pageDown: scroll(by: max(1, pageRows - 1), layout: layout)
        case .pageUp: scroll(by: -max(1, pageRows - 1), layout: layout)
        case .top:
            top = PagePosition(.article)
            self.selection = tree.firstVisible
            articleSelected = true
        case .bottom:
            // Under a filter the last comment may lie in a stub: the page's last row is what shows.
            self.selection = page(layout).lastItem.comment ?? tree.lastVisible
            top = page(layout).lastTop(rows: pageRows)
        case .firstComment:
            self.selection = tree.firstVisible
            top = PagePosition(.comment(0))
            clampTop(layout: layout)
        case .startSearch: mode = .searchPrompt("")
        case .nextByOp where fromArticle:
            // The first comment is below the article: it may be the original poster's.
            goToPerson(action, from: selection - 1, layout: layout)
        case .nextByAuthor, .previousByAuthor, .nextByOp, .previousByOp:
            goToPerson(action, from: selection, layout: layout)
        case .openLink:
            selectArticleWhenAlone(layout: layout)
            openLink(count: count)
        case .openThread: openThread()
        case .openArticle: openArticle()
        case .openCommentOnSite: openCommentOnSite()
        case .copyLink:
            selectArticleWhenAlone(layout: layout)
            copyLink(count: count)
        case .copyComment: copyComment()
        case .copySubtree: copySubtree()
        case .pipeComment: startLinePrompt(.pipe, subtree: false)
        case .saveComment: startLinePrompt(.save, subtree: false)
        case .saveSubtree: startLinePrompt(.save, subtree: true)
        case .startFilter: mode = .filterPrompt(filterInForceText)
        case .applyFilter(let text): applyFilter(text, layout: layout)
        case .nextMatch, .previousMatch:
            // A filter on takes n/N: its matches are what is on screen.
            if filter?.result != nil {
                stepFilterMatch(forward: action == .nextMatch, fromArticle: fromArticle, layout: layout)
            } else {
                stepMatch(forward: action == .nextMatch, layout: layout)
            }
        case .cancel where fetch != nil: cancelFetch()
        case .reload: requestReload()
        case .cancel:
            if isSearching {
                search = nil
                message = "search stopped"
            } else if filter != nil {
                clearFilter(layout: layout)
            }
        case .showHelp:
            mode = .help
            helpOffset = 0
            helpShowsMessages = false
        case .showMessages:
            mode = .help
            helpOffset = 0
            helpShowsMessages = true
        case .quit: leave(.quit, layout: layout)
        case .nextStory, .previousStory: story(action, layout: layout)
        case .cycleSort: cycleSort()
        case .depthPrefix, .redraw, .visit: break
        }
    }

    /// Next or previous story: leaves for the list the thread was opened from, if it was.
    private mutating func story(_ action: Action, layout: LayoutCache) {
        guard opening.inList else {
            message = "no list: this thread was not opened from one"
            return
        }
        leave(action == .nextStory ? .nextStory : .previousStory, layout: layout)
    }

    /// Without comments, only scrolling, help and quitting mean anything.
    private mutating func emptyThread(_ action: Action, count: Int?, layout: LayoutCache) {
        switch action {
        case .lineDown: scroll(by: 1, layout: layout)
        case .lineUp: scroll(by: -1, layout: layout)
        case .halfPageDown, .pageDown: scroll(by: max(1, pageRows / 2), layout: layout)
        case .halfPageUp, .pageUp: scroll(by: -max(1, pageRows / 2), layout: layout)
        case .top: top = PagePosition(.article)
        case .openLink: openLink(count: count)
        case .openThread: openThread()
        case .openArticle: openArticle()
        case .showHelp:
            mode = .help
            helpShowsMessages = false
        case .showMessages:
            mode = .help
            helpShowsMessages = true
        case .startSearch: mode = .searchPrompt("")
        case .startFilter: mode = .filterPrompt(filterInForceText)
        case .quit: leave(.quit, layout: layout)
        case .nextStory, .previousStory: story(action, layout: layout)
        case .cancel where fetch != nil: cancelFetch()
        case .reload: requestReload()
        case .cancel:
            search = nil
            filter = nil
        default: message = "there are no comments"
        }
    }

    // MARK: - Moving the selection

    /// `j`: scroll through the rest of a tall comment first, then select the next one.
    private mutating func nextComment(from selection: Int, byComment: Bool = false, layout: LayoutCache) {
        let rows = pageRows
        guard rows > 0 else { return }
        let item = PageItem.comment(selection)
        let lastLine = PagePosition(item, page(layout).height(item) - 1)
        if !byComment, !selectionIsVisible(layout: layout) {
            scroll(by: max(1, rows / 2), layout: layout)
            return
        }
        let bottom = page(layout).move(top, by: rows - 1)
        if !byComment, bottom < lastLine {
            let distance = page(layout).distance(from: bottom, to: lastLine, limit: rows) ?? rows
            scroll(by: min(max(1, rows / 2), distance), keepSelection: true, layout: layout)
            return
        }
        guard let next = page(layout).next(.comment(selection))?.comment else {
            message = "this is the last comment"
            return
        }
        self.selection = next
        reveal(next, layout: layout)
    }

    /// `k`: scroll back to the top of a tall comment first, then select the previous one.
    private mutating func previousComment(from selection: Int, byComment: Bool = false, layout: LayoutCache) {
        let rows = pageRows
        guard rows > 0 else { return }
        if articleSelected {
            top = PagePosition(.article)
            message = "this is the first comment"
            return
        }
        if !byComment, !selectionIsVisible(layout: layout) {
            scroll(by: -max(1, rows / 2), layout: layout)
            return
        }
        if !byComment, top.item == .comment(selection), top.line > 0 {
            scroll(by: -min(max(1, rows / 2), top.line), keepSelection: true, layout: layout)
            return
        }
        guard let previous = page(layout).previous(.comment(selection))?.comment else {
            if top.item != .article || !articleSelected {
                top = PagePosition(.article)
                articleSelected = true
            } else {
                message = "this is the first comment"
            }
            return
        }
        self.selection = previous
        reveal(previous, fromBelow: !byComment, layout: layout)
    }

    /// Selects `target`, or says `otherwise` when there is none.
    mutating func go(to target: Int?, otherwise: String, layout: LayoutCache) {
        guard let target else {
            if !otherwise.isEmpty { message = otherwise }
            return
        }
        articleSelected = false
        tree.reveal(target)
        // Under a filter the target may lie in a stub: the stub is what can be selected.
        let shown = page(layout).rowStart(target)
        selection = shown
        reveal(shown, layout: layout)
    }

    /// Unfolds the way to `index` and `index` itself: a search hit or a filter match is in its text,
    /// which a fold hides.
    mutating func unfoldToShow(_ index: Int) {
        tree.reveal(index)
        if tree.isFolded(index) { tree.unfold(index) }
    }

    /// Scrolls as little as possible so the selected comment is on screen (see `Viewport.reveal`).
    mutating func reveal(_ index: Int, fromBelow: Bool = false, layout: LayoutCache) {
        viewport.reveal(.comment(index), fromBelow: fromBelow, rows: pageRows, on: page(layout))
    }

    /// Keeps the top inside the page and out of folds.
    mutating func clampTop(layout: LayoutCache) {
        viewport.clamp(rows: pageRows, on: page(layout))
    }

    // MARK: - Scrolling

    /// Scrolls the page; a selection that leaves the screen moves to a comment still on it.
    mutating func scroll(by lines: Int, keepSelection: Bool = false, layout: LayoutCache) {
        viewport.scroll(by: lines, rows: pageRows, on: page(layout))
        if keepSelection || selectionIsVisible(layout: layout) { return }
        let shown = visibleLines(layout: layout)
        let headers = shown.compactMap { entry -> Int? in
            guard case .header = entry.line.role else { return nil }
            return entry.position.item.comment
        }
        if let choice = lines > 0 ? headers.first : headers.last {
            selection = choice
        } else if let index = shown.first(where: { $0.position.item.comment != nil })?.position.item.comment {
            selection = index
        }
    }

    // MARK: - Folding

    /// Changes fold state keeping the selected comment on its screen row.
    mutating func changeFolds(layout: LayoutCache, _ change: (inout CommentTree) -> Void) {
        let row = selectionRow(layout: layout)
        change(&tree)
        keepSelection(onRow: row, revealPlaced: false, layout: layout)
    }
}
