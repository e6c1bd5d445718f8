import ReadingState
import ThreadModel
import ThreadQuery

/// Everything that changes the reader, as data: what the user does and what the program learns.
public enum Message: Sendable {
    /// The reader is on screen: it asks for what its opening needs (the visit, the rest of the thread,
    /// the author index, the filter to open with).
    case started
    /// A key as typed; the keymap turns it into an action.
    case key(Key)
    /// An action directly (what a key means, for callers that already know).
    case action(Action)
    case mouse(MouseEvent)
    case resize(rows: Int, columns: Int)
    /// The whole document, once a background load has read it.
    case loaded(Discussion)
    /// The share of the document read so far by a background load, 0...1.
    case loadProgress(Double)
    /// The background load failed after the preview showed: the reader leaves as if it had failed at once.
    case loadFailed(DocumentError)
    /// A signal arrived (SIGINT, SIGTERM, SIGHUP): it stops a fetch, or ends the reading as `q` would.
    case interrupted(signal: Int32)
    /// Time to read the next stretch of comments for a running search.
    case searchStep
    /// Time to evaluate the next stretch of comments for a running word or regex filter.
    case filterStep
    /// The visit to this thread, built (from the reading state) after the first screen.
    case visitReady(Visit)
    /// Every comment's author hashed, built beside a big thread after its load, so the first
    /// `author:` filter key does not pay for it; ignored unless built from the document on screen.
    case authorsIndexed(AuthorIndex)
    /// A line for the status line from outside the reader (the reading state cannot be used, say).
    case notice(String)
    /// What the running fetch has done so far, for the status line ("fetching 340 of 2,112").
    case fetchProgress(String)
    /// `R` finished: the thread fetched (or read) again, merged into the one on screen.
    case reloaded(DiscussionMerge)
    /// Enter on a stub finished: its replies in its place.
    case expanded(DiscussionMerge)
    /// The running fetch failed, in one line; the thread stays as it was.
    case fetchFailed(String)
    /// More of a thread opened before it had all arrived (`whole`: all of it), merged by comment
    /// id into the one on screen by the fetch job; `update` keeps folds, selection and scroll.
    case arrived(DiscussionMerge, whole: Bool)
    /// A save asked for with `Command.save` ended: written, refused (a file is there), or failed.
    case saved(SaveOutcome)
    /// A sort asked for by `.sortComments` finished: the discussion in its new order, or why not.
    case sorted(SortOutcome)
    /// The kill-file's marks, found beside the reader for a big thread (`Command.applyKillFile`).
    case killFileApplied(KillMarks)
}

extension ReaderState {
    /// Applies one message in place: the reader's one way to change. Answers what the runtime must do.
    ///
    /// `layout` holds the lines laid out so far; the caller keeps it from one message to the next
    /// (and passes the same to `render`). It is pure memoisation, so a new one only costs time.
    @discardableResult
    public mutating func update(_ message: Message, layout: LayoutCache) -> [Command] {
        commands.removeAll()
        handle(message, layout: layout)
        defer { commands.removeAll() }
        return commands
    }

    private mutating func handle(_ message: Message, layout: LayoutCache) {
        switch message {
        case .key, .action, .mouse, .resize:
            replay?.messages.append(message)
            // A resize moves nothing the user chose: the visit may still bring them back to their place.
            if case .resize = message {} else { visits.touched = true }
        case .started, .loaded, .loadProgress, .loadFailed, .interrupted, .searchStep, .filterStep, .visitReady,
            .authorsIndexed, .notice, .fetchProgress, .reloaded, .expanded, .fetchFailed, .arrived, .saved,
            .sorted, .killFileApplied:
            break
        }
        switch message {
        case .key(let key) where mode != .reading: inputRecordingJump(key, layout: layout)
        case .key(.enter) where overview:
            // Enter in the overview reads the selected comment, in full (space and tab still fold).
            if let selection { unfoldToShow(selection) }
            apply(.toggleOverview, layout: layout)
        case .key(let key):
            if takeMarkLetter(key, layout: layout) { break }
            if let action = keymap.action(for: key) {
                applyRecordingJump(action, layout: layout)
            } else if case .character(let character) = key, character.isASCII, let digit = character.wholeNumberValue {
                typed(digit, layout: layout)
            }
        case .action(let action): applyRecordingJump(action, layout: layout)
        case .mouse(let event): mouse(event, layout: layout)
        case .resize(let rows, let columns): resize(rows: rows, columns: columns, layout: layout)
        case .started: start(layout: layout)
        case .loaded(let full): load(full, layout: layout)
        case .loadProgress(let share): if loadingProgress != nil { loadingProgress = min(1, max(0, share)) }
        case .loadFailed(let error):
            // Leaving as if the file had failed at once, keeping what the visit holds.
            commands += [.saveVisit(visitToSave(layout: layout)), .loadFailed(error)]
        case .interrupted(let signal): interrupted(signal, layout: layout)
        case .searchStep: continueSearch(layout: layout)
        case .filterStep: continueFilter(layout: layout)
        case .visitReady(let visit): startVisit(visit, layout: layout)
        case .authorsIndexed(let index): if filterAuthors == nil, index.isFor(discussion) { filterAuthors = index }
        case .notice(let text): self.message = text
        case .fetchProgress, .reloaded, .expanded, .fetchFailed, .arrived: fetched(message, layout: layout)
        case .saved(let outcome): saved(outcome)
        case .sorted(let outcome): takeSorted(outcome, layout: layout)
        case .killFileApplied(let marks): takeKillMarks(marks, layout: layout)
        }
        switch message {
        case .reloaded, .expanded, .sorted: refreshParentOverlay(documentChanged: true)
        default: refreshParentOverlay(documentChanged: false)
        }
        noteShown(layout: layout)
        startSortWhenDue(after: message)
    }

    /// Takes the whole document in place of the preview by doing again, on it, everything done
    /// to the preview: `G` then goes to the real last comment, `z` folds every thread, a search
    /// finds every hit. The preview is the whole document's beginning, so what stays on screen
    /// mostly stays put. A search started on the preview is finished here, as the user saw it finish.
    private mutating func load(_ full: Discussion, layout: LayoutCache) {
        // Only a preview is replaced; a stray `.loaded` must not throw away the reader's place.
        guard let replay else { return }
        var opening = self.opening
        opening.loading = false
        var fresh = ReaderState(
            discussion: full, rows: replay.rows, columns: replay.columns, options: options, opening: opening)
        // The preview's lines (its comment count in the rule, its last comment's replies) are stale.
        layout.removeAll()
        for message in replay.messages {
            fresh.update(message, layout: layout)
            while fresh.isSearching { fresh.continueSearch(layout: layout) }
            while fresh.isFiltering { fresh.continueFilter(layout: layout) }
        }
        // Links were opened and text copied when the keys were first typed, not again now; a fetch
        // asked for on the whole document (the preview refuses one) starts now.
        fresh.commands.removeAll()
        // A sort asked for while replaying was never started: it is asked for again on the whole.
        fresh.ordering.askAgain()
        if let fetch = fresh.fetch { fresh.commands.append(.startFetch(fetch)) }
        self = fresh
        commands.append(.buildVisit(full))
        commands.append(.indexAuthors(full))
        markKilled()
    }

    /// `.started`: what the opening needs, asked for once the first frame can be drawn.
    private mutating func start(layout: LayoutCache) {
        if opening.restArriving {
            // The visit waits for the whole thread: built on the first part, it would not find where the
            // last one stopped. It is asked for when the fetch of the rest ends (`endFetch`).
            request(.rest, progress: "fetching the rest of the thread")
        } else if !opening.loading {
            commands.append(.buildVisit(discussion))
            if discussion.count > Self.authorIndexInBackground { commands.append(.indexAuthors(discussion)) }
        }
        markKilled()
        if let filter = opening.filter { handle(.action(.applyFilter(filter)), layout: layout) }
        if let focus = opening.focus {
            if opening.restArriving && !contains(focus) {
                pendingFocus = focus
            } else {
                self.focus(focus, layout: layout)
            }
        }
    }

    /// Above this many comments the authors are hashed beside the reader once it is all read, so that the
    /// first `author:` filter key finds them ready (a tenth of a second at a million comments otherwise).
    static let authorIndexInBackground = 50_000

    /// A signal: ctrl-C stops a fetch, as Esc does; otherwise (SIGTERM, SIGHUP, SIGINT) the reading ends as
    /// `q` would, keeping the place, with the shell's status for the signal.
    private mutating func interrupted(_ signal: Int32, layout: LayoutCache) {
        if signal == Self.interruptSignal, fetch != nil {
            handle(.action(.cancel), layout: layout)
            return
        }
        commands.append(.saveVisit(visitToSave(layout: layout)))
        commands.append(.exit(status: 128 + signal))
    }

    /// SIGINT's number (2 on every system tread runs on).
    static let interruptSignal: Int32 = 2

    /// Leaves the reader with `outcome`: the fetch stops and the visit is saved first.
    mutating func leave(_ outcome: ReaderOutcome, layout: LayoutCache) {
        if fetch != nil {
            fetch = nil
            commands.append(.stopFetch)
        }
        commands.append(.saveVisit(visitToSave(layout: layout)))
        commands.append(.quit(outcome))
    }
}
