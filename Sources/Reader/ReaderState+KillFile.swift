import ThreadModel
import ThreadQuery

/// The kill-file in the reader: which comments its rules hide or dim, found once per document (in `update`
/// for a small thread, beside the reader for a big one), and the show-killed toggle.
///
/// A hidden comment stays a row of the page, one line standing for it with its replies under it, so the
/// tree keeps its shape; what reads comments' text (the search, the filter's matches) leaves it out while
/// it is hidden, so every count and the map agree with what is shown.
extension ReaderState {
    /// Marking costs about this many "units" a comment: one for a rule that reads fields, more for one that
    /// reads text. Up to `killFileInline` units (about a millisecond, a key's budget) run in `update`.
    static let killFileInline = 50_000
    static let killFileTextRuleUnits = 25

    /// The marking's cost for this document, in units of about 20 ns.
    var killFileCost: Int {
        options.killFile.rules.reduce(0) { sum, rule in
            sum + discussion.count * (rule.query.readsOnlyFields ? 1 : Self.killFileTextRuleUnits)
        }
    }

    /// Marks a small thread at once (from `init`, before the first frame, where no command can be asked);
    /// says how many are hidden unless something else is being said (what the importer skipped).
    mutating func markKilledNow() {
        guard !options.killFile.isEmpty, killFileCost <= Self.killFileInline else { return }
        killMarks = options.killFile.marks(discussion, tree: tree)
        foldKilledThreads()
        forgetMapNew()
        if message == nil { sayKilled() }
    }

    /// Folds the comments a `hide-thread` rule hides, the first time marks are found: their replies go
    /// out of sight under their one line, and unfolding it brings them back.
    private mutating func foldKilledThreads() {
        guard !killThreadsFolded, let killMarks else { return }
        killThreadsFolded = true
        for index in killMarks.hiddenThreads where tree.isFoldable(Int(index)) { tree.fold(Int(index)) }
    }

    /// Marks the thread on screen: at once when small, else beside the reader (`.killFileApplied`).
    mutating func markKilled() {
        guard !options.killFile.isEmpty, killMarks == nil else { return }
        if killFileCost <= Self.killFileInline {
            markKilledNow()
        } else {
            commands.append(.applyKillFile(options.killFile, discussion, tree))
        }
    }

    /// The marks found beside the reader: kept when found in the document on screen, and what reads the
    /// comments' text (a finished search, the filter) is done again without the hidden ones.
    mutating func takeKillMarks(_ marks: KillMarks, layout: LayoutCache) {
        guard killMarks == nil, marks.isFor(discussion) else { return }
        let row = selectionRow(layout: layout)
        killMarks = marks
        foldKilledThreads()
        forgetMapNew()
        keepSelection(onRow: row, revealPlaced: false, layout: layout)
        killedChanged(layout: layout)
        sayKilled()
    }

    /// Whether comment `index` is hidden by the kill-file now (not while the hidden ones are shown).
    func isKilled(_ index: Int) -> Bool {
        !showKilled && (killMarks?.isHidden(index) ?? false)
    }

    /// Shows the hidden comments, dimmed, or hides them again.
    mutating func toggleKilled(layout: LayoutCache) {
        guard let killMarks, killMarks.hiddenCount > 0 else {
            if options.killFile.isEmpty {
                message = "the kill-file has no rule for this thread"
            } else if killMarks == nil {
                // Marking a big thread beside the reader (a regex rule on a million comments takes seconds).
                let key = keymap.keyLabel(for: .toggleKilled)
                message =
                    "the kill-file is still marking the thread's \(CountText.grouped(discussion.count)) comments; "
                    + "\(key) works once it is done"
            } else {
                message = "the kill-file hides nothing here"
            }
            return
        }
        let row = selectionRow(layout: layout)
        showKilled.toggle()
        forgetMapNew()
        keepSelection(onRow: row, revealPlaced: false, layout: layout)
        killedChanged(layout: layout)
        sayKilled()
    }

    /// What was found by reading comments' text is found again: a search's hits, the filter's matches.
    private mutating func killedChanged(layout: LayoutCache) {
        if let search, !isSearching {
            // The hits again, without moving: the selection stays where the user is reading.
            runSearch(search.query, staysPut: true, layout: layout)
            while isSearching { continueSearch(layout: layout) }
        }
        if let text = filter?.text, filter?.error == nil {
            setFilter(text, layout: layout)
        }
    }

    /// "12 hidden by the kill-file · X shows them", on opening and on each toggle; "12 shown dimmed
    /// (kill-file) · X hides them" while they show, short enough to fit beside the status line's
    /// "kill-file: 12 shown" and the position at 80 columns.
    private mutating func sayKilled() {
        guard let killMarks, killMarks.hiddenCount > 0 else { return }
        let count = CountText.grouped(killMarks.hiddenCount)
        let key = keymap.keyLabel(for: .toggleKilled)
        message =
            showKilled
            ? "\(count) shown dimmed (kill-file) · \(key) hides them"
            : "\(count) hidden by the kill-file · \(key) shows them"
    }

    /// The status line's words while comments are hidden: "12 hidden" (or "12 shown" while they show).
    var killStatus: String? {
        guard let killMarks, killMarks.hiddenCount > 0 else { return nil }
        return "kill-file: \(CountText.grouped(killMarks.hiddenCount)) \(showKilled ? "shown" : "hidden")"
    }
}
