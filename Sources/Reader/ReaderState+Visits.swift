import ReadingState
import ThreadModel
import ThreadTree

extension ReaderState {
    /// Takes the visit the event loop built: draws its markers and, unless the user has already
    /// moved, goes back to where the last visit stopped (selected comment, its row, every fold).
    mutating func startVisit(_ visit: Visit, layout: LayoutCache) {
        // A visit of another document (the preview's, after the whole one arrived) has other indices.
        guard visit.indexCount == discussion.count else { return }
        visits.visit = visit
        layout.removeAll()
        forgetMapNew()
        if !visits.touched { resume(visit.resume(), layout: layout) }
        // A filter on `new` set before the visit arrived saw nothing new: it runs again on the visit.
        refilterForVisit(layout: layout)
        if visit.newCount > 0, message == nil {
            message =
                CountText.counted(visit.newCount, "comment") + " added: } goes to "
                + (visit.newCount == 1 ? "it" : "them")
        }
    }

    /// What `step` finds from `start`, passing over comments the kill-file hides (their one line is no
    /// comment to read): `}` and `)` never land on "hidden by the kill-file". Each step goes on from the
    /// last, so the whole is one pass.
    private func notKilled(from start: Int?, _ step: (Int?) -> Int?) -> Int? {
        var found = step(start)
        while let index = found, isKilled(index) { found = step(index) }
        return found
    }

    private mutating func resume(_ resume: Resume, layout: LayoutCache) {
        // A first visit leaves the page alone: even a clamp would lay out the page's end.
        if resume.folded.isEmpty && resume.selected == nil { return }
        for index in resume.folded where index < tree.count { tree.fold(index) }
        guard let selected = resume.selected, selected < tree.count else {
            clampTop(layout: layout)
            return
        }
        tree.reveal(selected)
        selection = selected
        viewport.place(.comment(selected), atRow: resume.row, rows: pageRows, on: page(layout))
        clampTop(layout: layout)
        if !selectionIsVisible(layout: layout) { reveal(selected, layout: layout) }
    }

    /// The visit with where the reader is now, for the event loop to save; nil before the visit is built.
    public func visitToSave(layout: LayoutCache) -> Visit? {
        guard var visit = visits.visit else { return nil }
        // An array, not a lazy filter: `position` is generic in another module, so a lazy sequence of a
        // million indices would be walked unspecialised (0.3 s on quit of 1M comments).
        var folded: [Int] = []
        for index in 0..<tree.count where tree.isFolded(index) { folded.append(index) }
        visit.position(selected: selection, row: max(0, selectionRow(layout: layout) ?? 0), folded: folded)
        return visit
    }

    /// Records the comments on screen as read (they keep their markers until the next visit).
    mutating func noteShown(layout: LayoutCache) {
        guard visits.visit != nil, mode != .help, !isTooSmall else { return }
        let shown = visibleLines(layout: layout).compactMap(\.position.item.comment)
        visits.visit?.shown(shown)
    }

    /// Jumps to `target` (an added or unread comment), or says `none` when there is no such comment.
    private mutating func jump(to target: Int?, orSay none: String, layout: LayoutCache) {
        guard let target else {
            message = none
            return
        }
        jump(to: target, layout: layout)
    }

    /// `m` or `'` is waiting for its letter: takes `key` as it, true when it did.
    mutating func takeMarkLetter(_ key: Key, layout: LayoutCache) -> Bool {
        guard let prompt = visits.markPrompt else { return false }
        visits.markPrompt = nil
        if key == .escape {
            // Esc takes back the `m` or `'`, as in vim, and its prompt goes.
            message = nil
            return true
        }
        guard case .character(let letter) = key, Visit.isMarkLetter(letter) else {
            message = "marks are letters a–z, A–Z"
            return true
        }
        guard visits.visit != nil else {
            message = "marks wait for the reading state: try again in a moment"
            return true
        }
        switch prompt {
        case .set:
            guard let selection, visits.visit?.setMark(letter, at: selection) == true else {
                message = "this comment cannot carry a mark"
                return true
            }
            message = "mark \(letter) set"
        case .go:
            guard let target = visits.visit?.mark(letter) else {
                message = "no mark \(letter) in this thread"
                return true
            }
            // The prompt is answered: its line goes.
            message = nil
            jump(to: target, layout: layout)
        }
        return true
    }

    /// Does a visit key: new comments, marking read, marks and the jump list.
    mutating func perform(_ action: VisitAction, layout: LayoutCache) {
        pending = nil
        message = nil
        guard let selection else {
            message = "there are no comments"
            return
        }
        if case .jumpBack = action {
            if let target = visits.jumps.back(from: selection) {
                moveForJumpList(to: target, layout: layout)
            } else {
                message = "no earlier jump"
            }
            return
        }
        if case .jumpForward = action {
            if let target = visits.jumps.forward() {
                moveForJumpList(to: target, layout: layout)
            } else {
                message = "no later jump"
            }
            return
        }
        // The letter after `m` or `'` is the prompt's even before the visit is in, never a key of its own.
        if action == .setMark || action == .goToMark {
            visits.markPrompt = action == .setMark ? .set : .go
            message = action == .setMark ? "set mark: type a letter" : "go to mark: type a letter"
            return
        }
        guard let visit = visits.visit else {
            message = "the reading state is still being read"
            return
        }
        // From the article (the status line says so) the first comment is below too.
        let below = atTheArticle(layout: layout) ? nil : selection
        switch action {
        case .nextNew:
            let none = visit.newCount == 0 ? "no added comments" : "no added comment below: { goes back"
            jump(to: notKilled(from: below, visit.nextNew(after:)), orSay: none, layout: layout)
        case .previousNew:
            let none = visit.newCount == 0 ? "no added comments" : "no added comment above: } goes on"
            jump(to: notKilled(from: selection, visit.previousNew(before:)), orSay: none, layout: layout)
        case .nextUnread:
            let none = visit.unreadCount == 0 ? "no unread comments" : "no unread comment below: ( goes back"
            jump(to: notKilled(from: below, visit.nextUnread(after:)), orSay: none, layout: layout)
        case .previousUnread:
            let none = visit.unreadCount == 0 ? "no unread comments" : "no unread comment above: ) goes on"
            jump(to: notKilled(from: selection, visit.previousUnread(before:)), orSay: none, layout: layout)
        case .markSubtreeRead:
            markRead(tree.subtree(of: selection), saying: "this comment and its replies marked read", layout: layout)
        case .markThreadRead:
            markRead(tree.subtree(of: tree.root(of: selection)), saying: "this thread marked read", layout: layout)
        case .markAllRead:
            markRead(0..<tree.count, saying: "every comment marked read", layout: layout)
        case .setMark, .goToMark, .jumpBack, .jumpForward:
            break
        }
    }

    private mutating func markRead(_ range: Range<Int>, saying text: String, layout: LayoutCache) {
        visits.visit?.markRead(range)
        mapMarkedRead(range)
        // The markers are in the laid-out lines. A filter on `new` keeps its matches until its
        // query changes: what was just read does not vanish from under the cursor.
        layout.removeAll()
        message = text
    }

    /// Goes to `target`, unfolding the way, and records the comment left in the jump list.
    mutating func jump(to target: Int, layout: LayoutCache) {
        if let selection, selection != target { visits.jumps.record(selection) }
        go(to: target, otherwise: "", layout: layout)
    }

    private mutating func moveForJumpList(to target: Int, layout: LayoutCache) {
        guard target < tree.count else { return }
        go(to: target, otherwise: "", layout: layout)
    }

    /// Whether `action` is a jump the jump list remembers (vim's: search, `G`, `]`, `u`, `r`, …).
    static func isJump(_ action: Action) -> Bool {
        switch action {
        case .nextThread, .previousThread, .parent, .root, .top, .bottom, .firstComment, .nextMatch, .previousMatch:
            return true
        default:
            return false
        }
    }

    /// Applies `action`; when it is a jump that moved the selection, the comment left goes in the jump list.
    mutating func applyRecordingJump(_ action: Action, layout: LayoutCache) {
        if case .visit(let visitAction) = action {
            perform(visitAction, layout: layout)
            return
        }
        let before = selection
        apply(action, layout: layout)
        guard let before, Self.isJump(action) else { return }
        if selection != before { visits.jumps.record(before) }
    }

    /// A key for an open prompt or overlay. Enter in the search prompt runs the search: its first hit is
    /// a jump, even one found steps later.
    mutating func inputRecordingJump(_ key: Key, layout: LayoutCache) {
        let before = selection
        var isSearch = false
        if key == .enter, case .searchPrompt = mode { isSearch = true }
        input(key, layout: layout)
        if let before, isSearch { visits.jumps.record(before) }
    }

}
