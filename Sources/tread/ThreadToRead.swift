import Reader
import ThreadFetch
import ThreadModel

/// A thread ready for the reader: the one value the command line hands the runtime.
///
/// Whatever opened it (a file, standard input, an address, the first part of a thread still arriving,
/// a preview of a big file still loading) is said here, not in globals.
struct ThreadToRead {
    /// The document to show first: the whole, a preview (`loading`), or a first part (`live.opening`).
    var discussion: Discussion
    /// The rest of a big file being read behind the preview.
    var loading: BackgroundLoad?
    /// The file as the user named it, for an error the background load finds late.
    var file: String?
    /// A query to open filtered by (`--filter`).
    var filter: String?
    /// The visit: built from the reading state, saved on the way out.
    var session: ReadingSession
    /// What `R` and Enter on a stub read from, and the fetch still bringing the rest.
    var live: LiveThread?
    /// The comment a permalink named, selected on opening.
    var focus: String? = nil
    /// The host the thread was fetched from (a forum's, an instance's), a name of its site for the kill-file.
    var host: String? = nil

    /// The thread `read` holds, as `document` named it: a big canonical file opens on a preview while
    /// the rest is read; folded on opening or filtered, the first screen counts replies, so the preview
    /// waits for whole threads. A failure is one line and the document's exit status.
    /// `early`: the store being opened since the command started, for the visit.
    static func open(
        _ document: DocumentOptions, read: DocumentRead, filter: String?, remember: Bool, foldsOnOpening: Bool,
        early: EarlyStore? = nil
    ) throws -> ThreadToRead {
        let session = ReadingSession(
            remember: remember, path: ReadingSession.statePath(of: document),
            address: ReadingSession.stateAddress(of: document), early: early)
        var discussion: Discussion
        var loading: BackgroundLoad?
        if document.loadsInBackground(read) {
            let load = BackgroundLoad(bytes: read.bytes, wholeThreads: foldsOnOpening || filter != nil)
            load.waitForFirstScreen()
            if let preview = load.takePreview(), load.result == nil {
                discussion = preview
                loading = load
            } else {
                discussion = try orExit { () throws(DocumentError) in
                    switch load.result {
                    case .failure(let error)?: throw error.naming(document.file)
                    case .success(let discussion)?: return discussion
                    case nil: return try document.load(read)
                    }
                }
            }
        } else {
            discussion = try orExit { () throws(DocumentError) in try document.load(read) }
        }
        return ThreadToRead(
            discussion: discussion, loading: loading, file: document.file, filter: filter, session: session,
            live: document.live(read, filtered: false),
            focus: document.address.flatMap { permalinkFocus($0, discussion) }, host: document.address?.forum?.host)
    }

    /// How the reader opens on this thread.
    func opening(inList: Bool) -> ReaderOpening {
        ReaderOpening(
            source: live?.source ?? .none("this thread has no address or file to read again"), loading: loading != nil,
            restArriving: live?.opening != nil, inList: inList, filter: filter, focus: focus)
    }
}

/// The comment `address` points at: a Reddit, Discourse or Lobsters comment it names, or a Hacker
/// News item that turned out to be a comment of the story fetched.
private func permalinkFocus(_ address: ThreadAddress, _ discussion: Discussion) -> String? {
    if let comment = address.comment { return comment }
    return address.site == .hackerNews && discussion.article.id != address.id ? address.id : nil
}
