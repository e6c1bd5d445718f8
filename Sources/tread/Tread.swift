import ArgumentParser
import Reader
import Samples
import SiteFormats
import TextLayout
import ThreadModel
import ThreadQuery
import ThreadTree

#if canImport(Glibc)
    import Glibc
#endif

/// tread's version, as `tread --version` prints it and fetches name it in their User-Agent.
let treadVersion = "0.3.0"

/// The command line: a thin layer over the modules, wiring bytes → document → thread → output.
@main
struct Tread: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tread",
        abstract: "Read threaded discussions in the terminal.",
        discussion: """
              tread FILE                 read a saved thread or a tread document
              tread URL                  fetch a Hacker News, Reddit, Lobsters, Discourse, Mastodon, Lemmy or Bluesky thread
              tread LIST                 browse a front page: hn, r/SUB, lobsters, https://HOST/latest
              tread URL --offline        read the copy saved by the last fetch, without the network
              tread FILE --print         print the thread as text (--width, --depth)
              tread FILE --filter QUERY  open (or print) with a filter on, as the reader's &

            With no FILE, opens the bundled sample article (or the list config.toml names in `start`). "-" reads standard input.
            When standard output is not a terminal, the thread is printed as text instead.
            Every option of the reader: tread read --help.
            The document format is described in docs/FORMAT.md of tread's source.
            """,
        version: treadVersion,
        subcommands: [Read.self, Convert.self, Stats.self, Recent.self, Forget.self, ConfigCommand.self],
        defaultSubcommand: Read.self
    )
}

/// Options that say which document to open (`DocumentArguments` reads them from the command line).
struct DocumentOptions {
    var file: String?
    var fetch = FetchOptions()
    var format: DocumentFormat?

    /// The document's bytes: the file's, the fetched thread's, or the bundled sample's when no file was named.
    /// `early`: for the reader, a thread fetched in parts may be its first part (`fetchedDocument`).
    func read(early: Bool = false) throws(DocumentError) -> DocumentRead {
        guard let file else { return DocumentRead(bytes: DocumentBytes(Array(SampleDocuments.defaultDocument.utf8))) }
        if let address { return fetchedDocument(address, options: fetch, early: early) }
        if let refusal = addressRefusal {
            writeError("tread: \(displayName(file)): \(refusal)")
            Glibc.exit(64)
        }
        DocumentBytes.setFileChangedMessage(
            errorLine("tread: \(displayName(file)): the file changed while being read"))
        do {
            // The reader keeps a small file's version whatever happens to the file; a big one is mapped.
            return DocumentRead(
                bytes: try DocumentBytes.read(path: file, copyingUpTo: early ? BackgroundLoad.worthwhileSize - 1 : 0))
        } catch {
            throw error.naming(file)
        }
    }

    /// Loads the document from what `read()` gave.
    func load(_ read: DocumentRead) throws(DocumentError) -> Discussion {
        do {
            if let fetched = read.fetched { return try fetched.discussion(read.bytes) }
            return try Discussion.load(read.bytes, format: file == nil ? .tread : format)
        } catch {
            throw error.naming(file)
        }
    }

    /// Whether a big document is better loaded behind a preview: a file of the canonical format.
    func loadsInBackground(_ read: DocumentRead) -> Bool {
        let bytes = read.bytes
        return file != nil && address == nil && bytes.count >= BackgroundLoad.worthwhileSize
            && (format ?? .tread) == .tread && DocumentFormat.detect(bytes) == .tread
    }
}

/// `tread [read]`: the reader, or the thread printed, as plain values (`Read` reads them from the
/// command line; the usual command lines come without it, `ReadArguments.common`).
struct Reading {
    var document: DocumentOptions
    var noState: Bool
    var filter: FilterOptions
    var print: Bool
    var width: Int?
    var depth: Int?
    var noMouse: Bool
    var sort: CommentOrder?
    var noKill: Bool

    func run() throws {
        if let resolved = resolvingCommentLink() { return try resolved.run() }
        let printing = print || isatty(STDOUT_FILENO) == 0
        if let list = document.list { return try runList(list, printing: printing) }
        // The store opens beside the config, the document and ncurses (EarlyStore).
        let early = printing || noState ? nil : EarlyStore.start(directory: ReadingSession.stateDirectory())
        let preferences = try ReaderPreferences.loadOrExit()
        if let list = try document.startList(preferences) {
            early?.then(nil)
            return try runList(list, printing: printing)
        }
        let read = try orExit { () throws(DocumentError) in try document.read(early: !printing) }
        defer { read.fetched?.finishSaving() }
        if printing {
            let loaded = try orExit { () throws(DocumentError) in try document.load(read) }
            let killFile = noKill ? KillFile() : preferences.killFile(for: loaded, host: document.address?.forum?.host)
            let (discussion, status) = try filter.filtered(
                sortedForPrinting(loaded, by: sort ?? preferences.preferences.sort(forSite: loaded.article.site)),
                killFile: killFile)
            reportNotes(discussion, file: document.file)
            printThread(
                discussion, width: width ?? terminalWidth() ?? 80, depth: depth, layout: preferences.layout,
                filter: status, killFile: killFile)
            return
        }
        var piping = ReaderState.Piping()
        let (thread, threadPreferences) = try threadToRead(read, preferences: preferences, early: early)
        _ = try openReader(thread, preferences: threadPreferences, mouse: !noMouse, piping: &piping)
        read.fetched?.finishSaving()
        // The terminal is restored and the visit saved: all that is left is freeing what the reader held
        // (the document, the store, whose queue starts a dispatch thread as it goes), which the process's
        // end does at once (issue 25: a tenth of the sample's open-and-quit).
        withExtendedLifetime(thread) { Glibc.exit(0) }
    }

    /// The reader on what `read` gave; `inList`: opened from a front page, whose next and previous
    /// stories the reader may ask for (its outcome); `piping`: the session's pipe and save prompts.
    func readThread(
        _ read: DocumentRead, preferences: ReaderPreferences, inList: Bool = false, piping: inout ReaderState.Piping
    ) throws -> ReaderOutcome {
        let (thread, preferences) = try threadToRead(read, preferences: preferences)
        return try openReader(thread, preferences: preferences, mouse: !noMouse, inList: inList, piping: &piping)
    }

    /// The thread `read` holds, ready for the reader, and the preferences it is read with.
    func threadToRead(
        _ read: DocumentRead, preferences: ReaderPreferences, early: EarlyStore? = nil
    ) throws -> (ThreadToRead, ReaderPreferences) {
        var preferences = preferences
        // --sort wins over the config's order, per site too.
        if let sort { (preferences.preferences.sort, preferences.preferences.siteSorts) = (sort, [:]) }
        if noKill { preferences.preferences.killFile = KillFile() }
        let thread = try ThreadToRead.open(
            document, read: read, filter: filter.filter, remember: !noState,
            foldsOnOpening: preferences.preferences.foldOnOpen != .open, early: early)
        return (thread, preferences)
    }
}

extension DocumentFormat: ExpressibleByArgument {}

/// Loads a document or exits with its one-line error and sysexits status.
func loadOrExit(_ options: DocumentOptions) throws -> Discussion {
    try orExit { () throws(DocumentError) in try options.load(options.read()) }
}

/// Loads a document or exits as `loadOrExit` does; says on standard error what was skipped.
func loadReportingNotes(_ options: DocumentOptions) throws -> (discussion: Discussion, fileSize: Int) {
    let read = try orExit { () throws(DocumentError) in try options.read() }
    let discussion = try orExit { () throws(DocumentError) in try options.load(read) }
    reportNotes(discussion, file: options.file)
    return (discussion, read.bytes.count)
}

/// The file as error messages name it, as `DocumentError` does.
func displayName(_ file: String?) -> String {
    file.map { $0 == "-" ? "standard input" : $0 } ?? "document"
}

/// Says on standard error what the load skipped and why (the reader shows it on its status line).
func reportNotes(_ discussion: Discussion, file: String?) {
    for note in discussion.notes {
        writeError("tread: \(displayName(file)): \(note)")
    }
}

/// Runs `work`, or prints its error as one line and exits with the error's sysexits status.
func orExit<T>(_ work: () throws(DocumentError) -> T) throws -> T {
    do {
        return try work()
    } catch {
        writeError("tread: \(error.description)")
        throw ExitCode(error.exitStatus)
    }
}

extension DocumentError {
    /// The error with the file it is about, as the user named it.
    func naming(_ path: String?) -> DocumentError {
        var named = self
        named.path = path
        return named
    }
}

/// Writes one line to standard error, sanitised: file names, TERM and ids in it are not tread's.
func writeError(_ line: String) {
    _ = writeAll(Array(errorLine(line).utf8), to: STDERR_FILENO)
}

/// `line` made safe for the terminal and kept to one line (a trailing newline added).
func errorLine(_ line: String) -> String {
    Sanitizer.singleLine(line.hasSuffix("\n") ? String(line.dropLast()) : line) + "\n"
}

/// Prints the thread to standard output, streamed comment by comment.
/// The comments `killFile` hides are one line each ("hidden by the kill-file"), their replies printed
/// under it; standard error says how many. `filter` is the reader's filter status the rule says.
func printThread(
    _ discussion: Discussion, width: Int, depth: Int?, layout: LayoutOptions = .standard, filter: String? = nil,
    killFile: KillFile = KillFile()
) {
    var printer = ThreadPrinter(width: width, depthLimit: depth, options: layout, filter: filter)
    var tree = CommentTree(discussion: discussion)
    if !killFile.isEmpty {
        let marks = killFile.marks(discussion, tree: tree)
        if marks.hiddenCount > 0 {
            printer.kill = marks
            tree = ThreadPrinter.killFolds(tree, marks)
            writeError("tread: \(CountText.grouped(marks.hiddenCount)) hidden by the kill-file (--no-kill prints them)")
        }
    }
    var output = OutputBuffer()
    printer.print(discussion, tree: tree) { output.write($0) }
    output.flush()
}

/// The width of the terminal on standard output, if it is one.
func terminalWidth() -> Int? {
    var size = winsize()
    guard isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
        return nil
    }
    return Int(size.ws_col)
}

/// Buffers standard output in blocks so printing a huge thread is not a write per line.
struct OutputBuffer {
    private var bytes: [UInt8] = []

    mutating func write(_ text: String) {
        bytes.append(contentsOf: text.utf8)
        if bytes.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        // The reader of the pipe has gone (`tread --print | head -1`): nothing more is wanted; stop quietly.
        if !writeAll(bytes, to: STDOUT_FILENO), errno == EPIPE { exit(0) }
        bytes.removeAll(keepingCapacity: true)
    }
}

/// Writes every byte to `fd`, retrying on interruption; false on an error (errno says which).
func writeAll(_ bytes: [UInt8], to fd: Int32) -> Bool {
    AtomicFile.writeAll(bytes, to: fd)
}
