/// Everything the user can ask the reader to do; the keymap turns keys into these. Events that are
/// not the user's choice of action (a key typed at a prompt, a digit of a count, the mouse, a resize)
/// are messages, not actions.
public enum Action: Hashable, Sendable {
    case nextComment, previousComment
    case nextSibling, previousSibling
    case nextThread, previousThread
    case parent, root
    /// `U`: the parent's text in an overlay, without moving; `u` in it walks further up.
    case showParent
    case toggleFold
    /// Fold; on a folded comment or one without replies, go to the parent.
    case foldOrParent
    case unfold
    /// Fold the current thread and go to the next top-level thread.
    case foldThreadAndNext
    case foldAll, unfoldAll
    /// `=`: the next digit shows threads down to that depth.
    case depthPrefix
    /// Show threads down to this depth (what `=` and a digit do).
    case showLevels(Int)
    case lineDown, lineUp
    case halfPageDown, halfPageUp
    case pageDown, pageUp
    case top, bottom, firstComment
    case startSearch, nextMatch, previousMatch
    /// `&`: open the filter prompt, holding the current filter's query.
    case startFilter
    /// Filter by this query at once, as if typed at the prompt and confirmed (`--filter` in a terminal).
    case applyFilter(String)
    /// `o`: one line per comment, or back to the full text.
    case toggleOverview
    /// `M`: the map strip at the right edge, on or off.
    case toggleMap
    /// Show the comments the kill-file hides (dimmed), or hide them again.
    case toggleKilled
    /// The next or previous comment by the selected comment's author, or by the original poster.
    case nextByAuthor, previousByAuthor, nextByOp, previousByOp
    /// Links: open (a count picks link N), the thread on its site, the article a link post points to,
    /// copy the link, the comment, a subtree.
    case openLink, openThread, openArticle, openCommentOnSite, copyLink, copyComment, copySubtree
    /// `|`: pipe the selected comment to a command; `w` / `W`: save it (with its replies) to a file.
    case pipeComment, saveComment, saveSubtree
    /// Stop a search that is still running.
    case cancel
    case showHelp
    /// `ctrl-g`: the session's messages in an overlay, as vim's `:messages`.
    case showMessages
    /// `R`: fetch the thread again (or read its file again) and merge it in place.
    case reload
    /// Repaint the whole screen (ctrl-L), for when something else wrote over it.
    case redraw
    case quit
    /// Leave the thread for the next or previous story of the list it was opened from.
    case nextStory, previousStory
    /// New comments, marking read, marks and the jump list.
    case visit(VisitAction)
    /// `s`: the comments in the next order the thread has the data for (best, top, new, old).
    case cycleSort
}
