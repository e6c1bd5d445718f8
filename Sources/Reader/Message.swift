import ReadingState
import ThreadModel
import ThreadQuery

/// Everything that changes the reader, as data: what the user does and what the program learns.
public enum Message: Sendable {
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
    /// id into the one on screen, keeping folds, selection and scroll.
    case arrived(Discussion, whole: Bool)
}

extension ReaderState {
    /// Applies one message in place: the reader's one way to change.
    ///
    /// `layout` holds the lines laid out so far; the caller keeps it from one message to the next
    /// (and passes the same to `render`). It is pure memoisation, so a new one only costs time.
    public mutating func update(_ message: Message, layout: LayoutCache) {
        repaintRequested = false
        effects.removeAll()
        switch message {
        case .key, .action, .mouse, .resize:
            replay?.messages.append(message)
            // A resize moves nothing the user chose: the visit may still bring them back to their place.
            if case .resize = message {} else { visits.touched = true }
        case .loaded, .loadProgress, .searchStep, .filterStep, .visitReady, .authorsIndexed, .notice, .fetchProgress,
            .reloaded,
            .expanded, .fetchFailed, .arrived:
            break
        }
        switch message {
        case .key(.enter) where overview && mode == .reading:
            // Enter in the overview reads the selected comment (space and tab still fold).
            apply(.toggleOverview, layout: layout)
        case .key(let key):
            if mode == .reading, takeMarkLetter(key, layout: layout) { break }
            if let action = keymap.action(for: key, in: mode) { applyRecordingJump(action, layout: layout) }
        case .action(let action): applyRecordingJump(action, layout: layout)
        case .mouse(let event): apply(.mouse(event), layout: layout)
        case .resize(let rows, let columns): apply(.resize(rows: rows, columns: columns), layout: layout)
        case .loaded(let full): load(full, layout: layout)
        case .loadProgress(let share): if loadingProgress != nil { loadingProgress = min(1, max(0, share)) }
        case .searchStep: continueSearch(layout: layout)
        case .filterStep: continueFilter(layout: layout)
        case .visitReady(let visit): startVisit(visit, layout: layout)
        case .authorsIndexed(let index): if filterAuthors == nil, index.isFor(discussion) { filterAuthors = index }
        case .notice(let text): self.message = text
        case .fetchProgress, .reloaded, .expanded, .fetchFailed, .arrived: fetched(message, layout: layout)
        }
        switch message {
        case .reloaded, .expanded: refreshParentOverlay(documentChanged: true)
        default: refreshParentOverlay(documentChanged: false)
        }
        noteShown(layout: layout)
    }

    /// Takes the whole document in place of the preview by doing again, on it, everything done
    /// to the preview: `G` then goes to the real last comment, `z` folds every thread, a search
    /// finds every hit. The preview is the whole document's beginning, so what stays on screen
    /// mostly stays put. A search started on the preview is finished here, as the user saw it finish.
    private mutating func load(_ full: Discussion, layout: LayoutCache) {
        // Only a preview is replaced; a stray `.loaded` must not throw away the reader's place.
        guard let replay else { return }
        var fresh = ReaderState(discussion: full, rows: replay.rows, columns: replay.columns, options: options)
        fresh.newMarkerStyle = newMarkerStyle
        // Set by the program for the whole visit: the file read in the background is read again by `R`.
        fresh.source = source
        // The preview's lines (its comment count in the rule, its last comment's replies) are stale.
        layout.removeAll()
        for message in replay.messages {
            fresh.update(message, layout: layout)
            while fresh.isSearching { fresh.continueSearch(layout: layout) }
            while fresh.isFiltering { fresh.continueFilter(layout: layout) }
        }
        fresh.repaintRequested = false
        // Links were opened and text copied when the keys were first typed, not again now.
        fresh.effects.removeAll()
        self = fresh
    }
}
