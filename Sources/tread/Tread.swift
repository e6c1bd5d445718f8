import ArgumentParser
import Reader
import Samples
import TextLayout
import ThreadModel
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
              tread URL                  fetch a Hacker News, Reddit, Lobsters or Discourse thread and read it
              tread URL --offline        read the copy saved by the last fetch, without the network
              tread FILE --print         print the thread as text (--width, --depth)
              tread FILE --filter QUERY  open (or print) with a filter on, as the reader's &

            With no FILE, opens the bundled sample article. "-" reads standard input.
            When standard output is not a terminal, the thread is printed as text instead.
            Every option of the reader: tread read --help.
            The document format is described in docs/FORMAT.md of tread's source.
            """,
        version: treadVersion,
        subcommands: [Read.self, Convert.self, Stats.self, Recent.self, Forget.self, ConfigCommand.self],
        defaultSubcommand: Read.self
    )
}

/// Options that say which document to open.
struct DocumentOptions: ParsableArguments {
    @Argument(
        help:
            "The discussion to open: a tread document, a saved Hacker News, Reddit, Discourse or Lobsters thread, or such a thread's address; '-' for standard input."
    )
    var file: String?

    @OptionGroup var fetch: FetchOptions

    @Option(
        name: .long,
        help:
            "The file's format, when not recognised from its content: \(DocumentFormat.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var format: DocumentFormat?

    /// Loads the document, or the bundled sample when no file was named.
    /// The document's bytes: the file's, or the bundled sample's when no file was named.
    /// `early`: for the reader, a thread fetched in parts may be its first part (`fetchedDocument`).
    func read(early: Bool = false) throws(DocumentError) -> DocumentBytes {
        guard let file else { return DocumentBytes(Array(SampleDocuments.defaultDocument.utf8)) }
        if let address { return fetchedDocument(address, options: fetch, early: early) }
        DocumentBytes.setFileChangedMessage(
            errorLine("tread: \(displayName(file)): the file changed while being read"))
        do {
            // The reader keeps a small file's version whatever happens to the file; a big one is mapped.
            return try DocumentBytes.read(path: file, copyingUpTo: early ? BackgroundLoad.worthwhileSize - 1 : 0)
        } catch {
            throw error.naming(file)
        }
    }

    /// Loads the document from bytes `read()` gave.
    func load(_ bytes: DocumentBytes) throws(DocumentError) -> Discussion {
        do {
            if address != nil { return try fetchedDiscussion(bytes) }
            return try Discussion.load(bytes, format: file == nil ? .tread : format)
        } catch {
            throw error.naming(file)
        }
    }

    /// Whether a big document is better loaded behind a preview: a file of the canonical format.
    func loadsInBackground(_ bytes: DocumentBytes) -> Bool {
        file != nil && address == nil && bytes.count >= BackgroundLoad.worthwhileSize && (format ?? .tread) == .tread
            && DocumentFormat.detect(bytes) == .tread
    }
}

struct Read: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Open the reader, or print the thread when output is not a terminal.")

    @OptionGroup var document: DocumentOptions
    @OptionGroup var state: StateOptions
    @OptionGroup var filter: FilterOptions

    @Flag(name: .long, help: "Print the thread as indented text instead of opening the reader.")
    var print = false

    @Option(name: .long, help: "Width of printed output (default: the terminal's, or 80).")
    var width: Int?

    @Option(name: .long, help: "Print comments down to this depth only (1 = top-level).")
    var depth: Int?

    @Flag(name: .long, help: "Leave the mouse to the terminal, so its own selection works (config: mouse = false).")
    var noMouse = false

    func validate() throws {
        if let width, width < 1 { throw ValidationError("--width must be at least 1") }
        if let depth, depth < 1 { throw ValidationError("--depth must be at least 1") }
    }

    func run() throws {
        defer { finishOpeningFetch() }
        let printing = print || isatty(STDOUT_FILENO) == 0
        let preferences = try ReaderPreferences.loadOrExit()
        let bytes = try orExit { () throws(DocumentError) in try document.read(early: !printing) }
        let session = ReadingSession(
            remember: !state.noState, path: ReadingSession.statePath(of: document),
            address: ReadingSession.stateAddress(of: document))
        if !printing, document.loadsInBackground(bytes) {
            // A big document: open the reader on its first comments while the rest is read. Folded on
            // opening or filtered, the first screen counts replies, so the preview waits for whole threads.
            let load = BackgroundLoad(
                bytes: bytes, wholeThreads: preferences.preferences.foldOnOpen != .open || filter.filter != nil)
            load.waitForFirstScreen()
            if let preview = load.takePreview(), load.result == nil {
                try openReader(
                    preview, loading: load, file: document.file, filter: filter.filter, session: session,
                    live: document.live(filtered: false), preferences: preferences,
                    mouse: !noMouse)
                return
            }
            let discussion = try orExit { () throws(DocumentError) in
                switch load.result {
                case .failure(let error)?: throw error.naming(document.file)
                case .success(let discussion)?: return discussion
                case nil: return try document.load(bytes)
                }
            }
            try openReader(
                discussion, filter: filter.filter, session: session, live: document.live(filtered: false),
                preferences: preferences,
                mouse: !noMouse)
            return
        }
        let loaded = try orExit { () throws(DocumentError) in try document.load(bytes) }
        if printing {
            let discussion = try filter.apply(loaded)
            reportNotes(discussion, file: document.file)
            printThread(discussion, width: width ?? terminalWidth() ?? 80, depth: depth, layout: preferences.layout)
            return
        }
        // In the reader the filter is live: the whole thread opens with it on, and Esc clears it.
        try openReader(
            loaded, filter: filter.filter, session: session, live: document.live(filtered: false),
            preferences: preferences,
            mouse: !noMouse)
    }
}

extension DocumentFormat: ExpressibleByArgument {}

/// Loads a document or exits with its one-line error and sysexits status.
func loadOrExit(_ options: DocumentOptions) throws -> Discussion {
    try orExit { () throws(DocumentError) in try options.load(options.read()) }
}

/// Loads a document or exits as `loadOrExit` does; says on standard error what was skipped.
func loadReportingNotes(_ options: DocumentOptions) throws -> (discussion: Discussion, fileSize: Int) {
    let bytes = try orExit { () throws(DocumentError) in try options.read() }
    let discussion = try orExit { () throws(DocumentError) in try options.load(bytes) }
    reportNotes(discussion, file: options.file)
    return (discussion, bytes.count)
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
func printThread(_ discussion: Discussion, width: Int, depth: Int?, layout: LayoutOptions = .standard) {
    let printer = ThreadPrinter(width: width, depthLimit: depth, options: layout)
    var output = OutputBuffer()
    printer.print(discussion, tree: CommentTree(discussion: discussion)) { output.write($0) }
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
    var start = 0
    while start < bytes.count {
        let written = bytes[start...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            return false
        }
        start += written
    }
    return true
}
