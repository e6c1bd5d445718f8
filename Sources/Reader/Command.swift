import ReadingState
import ThreadModel
import ThreadQuery
import ThreadTree

/// What `update` asks the runtime to do: the reader's one way out.
///
/// The runtime runs each command as a job whose results come back as messages, so a load, a fetch
/// or the visit changes the state the same way a key does. Nothing else leaves the reader.
public enum Command: Sendable {
    /// Open this URL in the browser; already checked by `LinkSafety`.
    case open(String)
    /// Put this text on the clipboard; how it went may come back as `.notice`.
    case copy(String)
    /// Run this command line on the terminal with this text on its standard input; how it ended comes
    /// back as `.notice`.
    case pipe(PipeRequest)
    /// Write this text to a file: `.saved` comes back.
    case save(SaveRequest)
    /// Start this fetch, replacing any running: `.fetchProgress`, then `.reloaded`, `.expanded`,
    /// `.fetchFailed` or `.arrived` come back.
    case startFetch(FetchRequest)
    /// Stop the running fetch; what it sends after this is dropped.
    case stopFetch
    /// Build the visit to this discussion from the reading state: `.visitReady` (and a `.notice`
    /// when the state cannot be used) come back.
    case buildVisit(Discussion)
    /// Hash this discussion's authors beside the reader: `.authorsIndexed` comes back.
    case indexAuthors(Discussion)
    /// Mark what the kill-file hides and dims in this discussion (its tree given) beside the reader:
    /// `.killFileApplied` comes back.
    case applyKillFile(KillFile, Discussion, CommentTree)
    /// Save this visit to the reading state (nil: nothing to save yet).
    case saveVisit(Visit?)
    /// Repaint the whole terminal, not just what changed (ctrl-L).
    case repaint
    /// Leave the reader with this outcome.
    case quit(ReaderOutcome)
    /// Leave at once with this exit status (a signal): the terminal is restored, the visit was saved before.
    case exit(status: Int32)
    /// The background load failed after the preview showed: leave as if it had failed at once.
    case loadFailed(DocumentError)
    /// Sort the comments as asked (`request.run()`): `.sorted` comes back.
    case sortComments(SortRequest)
}

/// How the reader was left: what the screen that opened it does next.
public enum ReaderOutcome: Equatable, Sendable {
    /// `q`: done reading.
    case quit
    /// Go on to the next story of the list the thread was opened from.
    case nextStory
    /// Go back to the previous story of the list.
    case previousStory
}

/// How a reader opens, besides its document and options: given once, when it is made.
public struct ReaderOpening: Sendable {
    /// Where the thread can be read again from, for `R` and Enter on a stub.
    public var source: ThreadSource
    /// The document is a preview: the whole arrives later as `.loaded`.
    public var loading: Bool
    /// The document is the first part of a thread still arriving: `.started` asks for the rest.
    public var restArriving: Bool
    /// Opened from a list of stories: next-story and previous-story leave the reader for it.
    public var inList: Bool
    /// A query to open filtered by (`--filter`): the whole thread shows, filtered, and Esc clears it.
    public var filter: String?
    /// The id of the comment a permalink named: selected on opening, its ancestors unfolded.
    public var focus: String?
    /// What the pipe and save prompts remember from the session's earlier readers.
    public var piping = ReaderState.Piping()

    public init(
        source: ThreadSource = .none("this thread has no address or file to read again"), loading: Bool = false,
        restArriving: Bool = false, inList: Bool = false, filter: String? = nil, focus: String? = nil
    ) {
        self.focus = focus
        self.source = source
        self.loading = loading
        self.restArriving = restArriving
        self.inList = inList
        self.filter = filter
    }
}
