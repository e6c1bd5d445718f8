import ThreadModel
import ThreadTree

extension ReaderState {
    /// `R`: asks the loop to read the thread again, when it can be.
    mutating func requestReload() {
        switch source {
        case .none(let reason):
            message = "cannot reload: \(reason)"
            return
        case .address, .file:
            break
        }
        request(.reload, progress: source == .file ? "reading the file again" : "fetching the thread again")
    }

    /// Enter on a placeholder: asks the loop to fetch the replies it stands for, or says why not.
    mutating func requestExpansion(of index: Int) {
        guard discussion.more(of: index) != nil else {
            message = "nothing to fetch here: this line holds no ids of replies"
            return
        }
        switch source {
        case .address:
            request(.expand(stub: index), progress: "fetching the replies")
        case .file:
            message = "this thread was opened from a file: open it by its address to fetch these replies"
        case .none(let reason):
            message = "cannot fetch these replies: \(reason)"
        }
    }

    /// Asks the runtime for a fetch; `.rest` (asked for by `.started` when the thread on screen is the first
    /// part of one still arriving) brings the rest as `.arrived`; Esc stops it and keeps what arrived.
    mutating func request(_ kind: FetchRequest.Kind, progress: String) {
        guard replay == nil else {
            message = "wait until the whole thread has loaded"
            return
        }
        guard fetch == nil else {
            message = "a fetch is running: Esc stops it"
            return
        }
        fetchCount += 1
        let request = FetchRequest(kind: kind, number: fetchCount, progress: progress)
        fetch = request
        commands.append(.startFetch(request))
        message = nil
    }

    /// The fetch is over (done, failed or stopped). The rest of a thread opened early was all that kept
    /// its visit from being built: it is asked for now, on what arrived.
    private mutating func endFetch() {
        let wasRest = fetch?.kind == .rest
        fetch = nil
        if wasRest { commands.append(.buildVisit(discussion)) }
    }

    /// Esc or ctrl-C during a fetch: the loop drops it and the thread stays as it was.
    mutating func cancelFetch() {
        if fetch?.kind == .rest {
            let count = discussion.commentCount
            message = "fetch stopped; \(CountText.grouped(count)) comment\(count == 1 ? "" : "s") arrived"
        } else {
            message = "fetch stopped; the thread is as it was"
        }
        commands.append(.stopFetch)
        endFetch()
    }

    /// Applies what a fetch sent; answers to a fetch no longer running (stopped) are dropped.
    mutating func fetched(_ message: Message, layout: LayoutCache) {
        guard fetch != nil else { return }
        switch message {
        case .fetchProgress(let text):
            fetch?.progress = text
        case .fetchFailed(let text):
            endFetch()
            self.message = text
        case .reloaded(var merge):
            endFetch()
            if merge.unmatched, let visit = visits.visit {
                // The old text is gone with the old file: the visit's id hashes say what stayed.
                let matched = visit.matching(merge.discussion)
                merge.oldToNew = matched.oldToNew
                merge.newIDs = matched.added.compactMap { merge.discussion.id(of: $0) }
            }
            take(merge, select: nil, layout: layout)
            reorder(after: merge, reload: true)
            self.message = (merge.unmatched ? "the file's new version: " : "") + Self.newCommentsText(merge)
        case .expanded(let merge):
            endFetch()
            let first = merge.newIDs.first.flatMap { id in
                (0..<merge.discussion.count).first { merge.discussion.id(of: $0) == id }
            }
            take(merge, select: first, layout: layout)
            reorder(after: merge, reload: false)
            // The site answered with none of the replies the stub announced: say so, not "no new comments".
            self.message =
                merge.newIDs.isEmpty && merge.editedCount == 0
                ? "the announced replies did not come: the site sent none of them"
                : Self.newCommentsText(merge)
        case .arrived(let merge, let whole):
            take(merge, select: nil, arriving: true, layout: layout)
            reorder(after: merge, reload: false)
            if whole {
                endFetch()
                self.message = Self.allInText(discussion)
            }
            if let focus = pendingFocus, whole || contains(focus) {
                pendingFocus = nil
                self.focus(focus, layout: layout)
            }
        default:
            break
        }
    }

    /// The status line once a thread opened early is whole: "all 351 comments are in", and the count the
    /// site announced when it differs ("(the site announced 318)"), in the unit the progress counted.
    public static func allInText(_ discussion: Discussion) -> String {
        let count = discussion.commentCount
        var text = count == 1 ? "the 1 comment is in" : "all \(CountText.grouped(count)) comments are in"
        if let announced = discussion.article.commentCount, announced != Int64(count) {
            text += " (the site announced \(CountText.grouped(Int(clamping: announced))))"
        }
        return text
    }

    /// The status line after a merge: "3 new comments", "no new comments", and edits when any.
    public static func newCommentsText(_ merge: DiscussionMerge) -> String {
        let new = merge.newIDs.count
        var text = new == 0 ? "no new comments" : new == 1 ? "1 new comment" : "\(CountText.grouped(new)) new comments"
        if merge.editedCount > 0 { text += ", \(CountText.grouped(merge.editedCount)) changed" }
        return text
    }

    /// Puts the merged discussion on screen keeping folds, selection and top line by comment id
    /// (`oldToNew`); `select` (the first fetched reply) takes the selection when given.
    /// `arriving`: the merge brings the rest of the thread being opened, not comments fetched anew.
    mutating func take(_ merge: DiscussionMerge, select: Int?, arriving: Bool = false, layout: LayoutCache) {
        let oldTree = tree
        let moved = merge.oldToNew
        /// The new index of old entry `index`, or of the nearest entry before it that is still there.
        func carried(_ index: Int) -> Int? {
            var old = min(index, moved.count - 1)
            while old >= 0 {
                if let new = moved[old] { return new }
                old -= 1
            }
            return nil
        }
        var newTree = CommentTree(discussion: merge.discussion)
        for old in 0..<min(oldTree.count, moved.count) where oldTree.isFolded(old) {
            if let new = moved[old], newTree.isFoldable(new) { newTree.fold(new) }
        }
        let oldTop = top
        discussion = merge.discussion
        tree = newTree
        search = nil
        pending = nil
        layout.removeAll()
        selection = select ?? selection.flatMap { carried($0) } ?? tree.firstVisible
        if let topIndex = oldTop.item.comment, let new = carried(topIndex) {
            top = PagePosition(
                .comment(new), moved.indices.contains(topIndex) && moved[topIndex] == new ? oldTop.line : 0)
        }
        if let select { tree.reveal(select) }
        // What was worked out by index for the old thread follows its comments to the new one.
        if let visit = visits.visit {
            visits.visit = visit.carried(to: merge.discussion, oldToNew: moved, arriving: arriving)
        }
        visits.jumps = visits.jumps.compactMap { $0 < moved.count ? moved[$0] : nil }
        forgetDerivedFacts()
        if map { setMap(true, layout: layout) }
        if let text = filter?.text {
            filter = nil
            setFilter(text, layout: layout)
        }
        // A reload keeps the folds as they were, even over the comment that was selected.
        if let selection { self.selection = tree.visibleAncestor(of: selection) }
        clampTop(layout: layout)
        // The rest of a thread arriving while its article is read leaves the view on the article, as
        // when it opened; otherwise the selection is brought back on screen.
        let readingArticle = arriving && top.item == .article
        if let selection = self.selection, select != nil || (!readingArticle && !selectionIsVisible(layout: layout)) {
            reveal(selection, layout: layout)
        }
    }
}
