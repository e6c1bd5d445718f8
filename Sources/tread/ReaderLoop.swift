import ArgumentParser
import Reader
import ReadingState
import TerminalUI
import ThreadModel
import ThreadQuery

#if canImport(Glibc)
    import Glibc
#endif

/// Opens the full-screen reader on `thread` and answers how it was left: quit, or on to the next or
/// previous story of the list it was opened from (`inList`; in a plain thread those say "no list").
///
/// The runtime is one loop: terminal events and the one inbox in, commands out. Each event and each
/// result of background work becomes a message, `update` changes the state and answers commands,
/// `ReaderRuntime` runs them (as jobs whose results come back through the inbox), and the state is
/// drawn. Events already waiting are applied before drawing, so a burst of keys ("3u", key repeat)
/// costs one frame, not one per key. The terminal is restored on every way out.
///
/// `piping` is what the pipe and save prompts remember for the session: given to the reader and taken
/// back from it however it is left, so the next story of a list offers the same command and directory.
func openReader(
    _ thread: ThreadToRead, preferences: ReaderPreferences, mouse: Bool = true, inList: Bool = false,
    piping: inout ReaderState.Piping
) throws -> ReaderOutcome {
    // Before the terminal starts: the store is opened beside ncurses and the first layout.
    let earlyVisit = EarlyVisit.start(thread)
    let terminal: Terminal
    do {
        terminal = try Terminal(theme: preferences.theme, mouse: mouse && preferences.preferences.mouse)
        terminal.hyperlinks = preferences.preferences.hyperlinks
    } catch {
        // 78 (EX_CONFIG): the terminal, not the document, is what the user must change.
        writeError("tread: \(error)")
        throw ExitCode(78)
    }
    defer { terminal.restore() }
    var options = preferences.readerOptions
    options.killFile = preferences.killFile(for: thread.discussion, host: thread.host)
    if !terminal.hasColors { options.newMarkerStyle = .word }
    // A mapped file cut short reads as zeros and says so, so that quitting still saves the visit.
    DocumentBytes.surviveShrinking()
    var fileChange = FileChangeWatch()
    // Said on the status line until a key has seen it.
    var changeNotice: String?
    let size = terminal.size
    var opening = thread.opening(inList: inList)
    opening.piping = piping
    var state = ReaderState(
        discussion: thread.discussion, rows: size.rows, columns: size.columns, options: options, opening: opening)
    defer { piping = state.piping }
    // The lines laid out so far: kept here, between messages, not inside the state.
    let layout = LayoutCache()
    var runtime = ReaderRuntime(
        terminal: terminal, thread: thread, clipboard: preferences.clipboardCommand, inbox: Inbox())
    runtime.earlyVisit = earlyVisit
    if let loading = thread.loading {
        state.update(.loadProgress(loading.progress), layout: layout)
        runtime.follow(loading)
    }
    if let outcome = try runtime.run(state.update(.started, layout: layout), state: state) { return outcome }
    // A small thread's visit is built before the first frame (resuming shows at once): it waits here.
    if let outcome = try runtime.deliver(to: &state, layout: layout) { return outcome }
    runtime.show(state, layout: layout)
    while true {
        // Busy (a job runs) means polling; idle means sleeping until a key; a long search or filter steps.
        let timeout: Int32 = state.isSearching || state.isFiltering ? 0 : runtime.inbox.isBusy ? 50 : -1
        let waited = terminal.nextEvent(timeout: timeout)
        // Asked before the event is applied, so a rewritten file's new bytes are never drawn; said after
        // it, so its key does not clear the notice.
        if let notice = fileChange.notice(for: state.discussion) { changeNotice = notice }
        if let outcome = try runtime.deliver(to: &state, layout: layout) { return outcome }
        guard var event = waited else {
            // Nothing else woke the loop: draw what arrived, or the next stretch of a search or filter.
            var step: Message?
            if let notice = changeNotice {
                if fileChange.isAbout(state.discussion) {
                    state.update(.notice(notice), layout: layout)
                    runtime.show(state, layout: layout)
                } else {
                    changeNotice = nil
                }
            }
            if state.isSearching {
                step = .searchStep
            } else if state.isFiltering {
                step = .filterStep
            }
            if let step, let outcome = try runtime.run(state.update(step, layout: layout), state: state) {
                return outcome
            }
            if step != nil || runtime.delivered { runtime.show(state, layout: layout) }
            continue
        }
        var applied = 0
        while true {
            let message: Message
            switch event {
            case .signal(let number): message = .interrupted(signal: number)
            case .key(let key): message = .key(key)
            case .mouse(let mouse): message = .mouse(mouse)
            case .resize(let rows, let columns): message = .resize(rows: rows, columns: columns)
            }
            if let outcome = try runtime.run(state.update(message, layout: layout), state: state) { return outcome }
            applied += 1
            guard applied < 64, let next = terminal.nextEvent(timeout: 0) else { break }
            event = next
        }
        if let outcome = try runtime.deliver(to: &state, layout: layout) { return outcome }
        // Not over what a reload delivered meanwhile (a fast R read the new version before the notice showed).
        if let notice = changeNotice, fileChange.isAbout(state.discussion) {
            state.update(.notice(notice), layout: layout)
        }
        changeNotice = nil
        runtime.show(state, layout: layout)
    }
}

/// Runs what the reader asks for: links, copies, fetches, the visit, the author index, leaving.
///
/// Slow work runs as a job of the inbox (one of each kind at a time), whose results come back as
/// messages; what fails at once (a link that will not open) comes back through the inbox too.
struct ReaderRuntime {
    let terminal: Terminal
    let thread: ThreadToRead
    let clipboard: ClipboardCommand?
    let inbox: Inbox
    /// Set by `.repaint` until the next frame.
    private var repaint = false
    /// Numbers the copy jobs, which may run side by side.
    private var copies = 0
    /// Whether the last `deliver` handed the reader anything.
    private(set) var delivered = false
    /// The visit started before the terminal, which the first `.buildVisit` takes.
    var earlyVisit: EarlyVisit?

    init(terminal: Terminal, thread: ThreadToRead, clipboard: ClipboardCommand?, inbox: Inbox) {
        self.terminal = terminal
        self.thread = thread
        self.clipboard = clipboard
        self.inbox = inbox
    }

    /// Hands the reader every message waiting in the inbox, running the commands each answers; the
    /// outcome when one of them leaves the reader.
    mutating func deliver(to state: inout ReaderState, layout: LayoutCache) throws -> ReaderOutcome? {
        delivered = false
        while true {
            let messages = inbox.take()
            if messages.isEmpty { return nil }
            delivered = true
            for message in messages {
                if let outcome = try run(state.update(message, layout: layout), state: state) { return outcome }
            }
        }
    }

    /// Runs `commands` in order; the outcome when one leaves the reader (a signal throws its exit status).
    mutating func run(_ commands: [Command], state: ReaderState) throws -> ReaderOutcome? {
        for command in commands {
            switch command {
            case .open(let url):
                do {
                    try LinkOpener.open(url)
                } catch {
                    inbox.post(.notice(error.description))
                }
            case .copy(let text): copy(text)
            case .pipe(let request): pipe(request)
            case .save(let request): save(request)
            case .startFetch(let request): startFetch(request, on: state.discussion)
            case .stopFetch: inbox.stop(.fetch)
            case .buildVisit(let discussion): buildVisit(discussion)
            case .indexAuthors(let discussion):
                inbox.start(.authors, name: "tread authors") { $0.post(.authorsIndexed(AuthorIndex(discussion))) }
            case .applyKillFile(let killFile, let discussion, let tree):
                inbox.start(.killFile, name: "tread kill-file") {
                    $0.post(.killFileApplied(killFile.marks(discussion, tree: tree)))
                }
            case .saveVisit(let visit): thread.session.save(visit)
            case .repaint: repaint = true
            case .quit(let outcome):
                inbox.stop(.fetch)
                terminal.restore()
                clipboard?.finish(within: .seconds(2))
                return outcome
            case .exit(let status):
                terminal.restore()
                throw ExitCode(status)
            case .loadFailed(let error):
                // The preview was fine but the rest of the file is not: leave, as if it had failed at once.
                terminal.restore()
                if state.discussion.bytes.isStale {
                    writeError("tread: \(displayName(thread.file ?? "-")): the file changed while being read")
                    throw ExitCode(DocumentBytes.fileChangedStatus)
                }
                writeError("tread: \(error.naming(thread.file).description)")
                throw ExitCode(error.exitStatus)
            case .sortComments(let request): sort(request)
            }
        }
        return nil
    }

    /// Draws the state, then makes its link numbers hyperlinks (OSC 8) over what ncurses drew.
    mutating func show(_ state: ReaderState, layout: LayoutCache) {
        if repaint { terminal.invalidate() }
        repaint = false
        let frame = state.render(layout: layout)
        terminal.draw(frame)
        terminal.emitHyperlinks(state.screenLinks(layout: layout), in: frame)
    }

    /// Follows the background load of a big file: its progress, then the whole document or why not.
    func follow(_ load: BackgroundLoad) {
        inbox.start(.load, name: "tread load") { job in
            while load.result == nil, !job.isCancelled {
                job.post(.loadProgress(load.progress))
                var pause = timespec(tv_sec: 0, tv_nsec: 50_000_000)
                nanosleep(&pause, nil)
            }
            switch load.result {
            case .success(let full)?: job.post(.loaded(full))
            case .failure(let error)?: job.post(.loadFailed(error))
            case nil: break
            }
        }
    }

    /// Copies through the config's copy command, whose outcome comes back as a notice; else OSC 52.
    private mutating func copy(_ text: String) {
        guard let clipboard else {
            do {
                terminal.emit(try ClipboardSequence.copy(text))
            } catch {
                inbox.post(.notice(error.description))
            }
            return
        }
        copies += 1
        let job = inbox.begin(.copy(copies))
        let failure = clipboard.copy(text) { line in
            if !line.isEmpty { job.post(.notice(line)) }
            job.end()
        }
        if let failure {
            job.end()
            inbox.post(.notice(failure))
        }
    }

    /// Runs the pipe's command on the terminal, which it has until it ends; how it ended comes back as a notice.
    private mutating func pipe(_ request: PipeRequest) {
        switch PipeCommand.arguments(request.commandLine) {
        case .failure(let failure):
            inbox.post(.notice("not piped: \(failure.description)"))
        case .success(let arguments):
            inbox.post(.notice(PipeCommand.run(arguments, building: { request.stream($0) }, on: terminal)))
            repaint = true
        }
    }

    /// Writes a save's file as a job of its own: `.saved` comes back.
    private func save(_ request: SaveRequest) {
        let home = getenv("HOME").map { String(cString: $0) }
        inbox.start(.save, name: "tread save") { job in job.post(.saved(CommentFile.write(request, home: home))) }
    }

    /// Runs `request` against `discussion` (the one on screen) as the fetch job.
    private func startFetch(_ request: FetchRequest, on discussion: Discussion) {
        guard let live = thread.live else {
            inbox.stop(.fetch)
            return
        }
        inbox.startTask(.fetch) { job in
            let answer = await live.run(
                request, on: discussion, progress: { job.post(.fetchProgress($0)) },
                part: { message in
                    job.post(message)
                    // A part that cannot be merged ends the fetch, keeping what arrived before it.
                    if case .fetchFailed = message { job.stop() }
                })
            job.post(answer)
        }
    }

    /// A small thread is sorted at once, so the sorted order shows on the next frame; a big one on a
    /// thread of its own (the status line says "sorting: new…" meanwhile).
    private func sort(_ request: SortRequest) {
        guard request.discussion.count > Self.synchronousSortLimit else {
            inbox.stop(.sort)
            inbox.post(request.run())
            return
        }
        inbox.start(.sort, name: "tread sort") { $0.post(request.run()) }
    }

    /// Up to this many comments a sort takes about 1.5 ms by points, 9 ms by date (BENCHMARKS.md, "Sorting
    /// comments"): done before the next frame rather than flashing "sorting…".
    static let synchronousSortLimit = 20_000

    /// A small thread's visit is built at once, so resuming shows on the first frame; a big one's on
    /// a thread of its own, after it.
    private mutating func buildVisit(_ discussion: Discussion) {
        if let early = earlyVisit {
            earlyVisit = nil
            // The same discussion (`.started`'s): its visit, or its arrival when the store is slow.
            if early.count == discussion.count {
                return takeVisit(early)
            }
            // Not reached: `EarlyVisit.start` takes only a thread whose first `.buildVisit` is `.started`'s.
            // Its `start` must end before another begins on the same session.
            _ = early.wait()
        }
        let session = thread.session
        guard discussion.count > ReadingSession.synchronousLimit else {
            let built = session.start(discussion)
            inbox.post(.visitReady(built.visit))
            if let notice = built.notice { inbox.post(.notice(notice)) }
            return
        }
        inbox.start(.visit, name: "tread visit") { job in
            let built = session.start(discussion)
            job.post(.visitReady(built.visit))
            if let notice = built.notice { job.post(.notice(notice)) }
        }
    }

    /// The early visit, before the first frame when it is built within `EarlyVisit.firstScreenWait`,
    /// else when it is.
    private func takeVisit(_ early: EarlyVisit) {
        if let built = early.waitForFirstScreen() {
            inbox.post(.visitReady(built.visit))
            if let notice = built.notice { inbox.post(.notice(notice)) }
            return
        }
        inbox.start(.visit, name: "tread visit wait") { job in
            guard let built = early.wait() else { return }
            job.post(.visitReady(built.visit))
            if let notice = built.notice { job.post(.notice(notice)) }
        }
    }
}
