import ArgumentParser
import Reader
import ReadingState
import TerminalUI
import ThreadModel
import ThreadQuery

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the full-screen reader: each event becomes a message, `update` changes the state,
/// `render` draws it. Everything the reader does is in `update`; this loop only waits and draws.
///
/// Events already waiting are applied before drawing, so a burst of keys ("3u", key repeat)
/// costs one frame, not one per key.
/// `file` names the document in an error the background load finds late; `filter` is a query
/// to open with (`--filter`): the whole thread shows, filtered, and Esc clears it. `session` remembers
/// the visit: its markers arrive as `.visitReady` (after the first frame on big threads) and it is saved
/// on quit, SIGTERM and SIGHUP. `live` runs what `R` and Enter on a stub ask for, in a task of its own,
/// whose answers the loop polls for.
func openReader(
    _ discussion: Discussion, loading: BackgroundLoad? = nil, file: String? = nil, filter: String? = nil,
    session: ReadingSession = ReadingSession(remember: false, path: nil), live: LiveThread? = nil,
    preferences: ReaderPreferences, mouse: Bool = true
) throws {
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
    // A mapped file cut short reads as zeros and says so, so that quitting still saves the visit.
    DocumentBytes.surviveShrinking()
    var fileChange = FileChangeWatch()
    // Said on the status line until a key has seen it.
    var changeNotice: String?
    let size = terminal.size
    var state = ReaderState(
        discussion: discussion, rows: size.rows, columns: size.columns, options: preferences.readerOptions,
        loading: loading != nil)
    if !terminal.hasColors { state.newMarkerStyle = .word }
    if let live { state.source = live.source }
    var fetching = FetchRun()
    let clipboard = preferences.clipboardCommand
    // Opened on the first part of a thread still arriving: the rest merges in as it comes.
    if live?.opening != nil {
        state.awaitRest()
        fetching.follow(state, live: live)
    }
    // The lines laid out so far: kept here, between messages, not inside the state.
    let layout = LayoutCache()
    if let loading { state.update(.loadProgress(loading.progress), layout: layout) }
    /// Hands a built visit to the reader, with the line saying why the state cannot be used, if it cannot.
    func take(_ built: (visit: Visit, notice: String?)) {
        state.update(.visitReady(built.visit), layout: layout)
        if let notice = built.notice { state.update(.notice(notice), layout: layout) }
    }
    // A small thread's visit is ready before the first frame (resuming shows at once); a big one's is
    // built on another thread after it, as the background load is, and polled for below.
    var building: VisitBuild?
    // A big thread's authors are hashed beside the reader once it is all read, so that the first
    // `author:` filter key finds them ready (a tenth of a second at a million comments otherwise).
    var indexing: BackgroundWork<AuthorIndex>?
    // A thread still arriving gets its visit once it is in (or the fetch stops), as a background load
    // does: built on the first part, the visit would not find where the last one stopped.
    var visitAwaitsRest = state.fetch?.kind == .rest
    if loading == nil, !visitAwaitsRest {
        if discussion.count <= ReadingSession.synchronousLimit {
            take(session.start(discussion))
        } else {
            building = session.startInBackground(discussion)
        }
    }
    if loading == nil, discussion.count > ReadingSession.synchronousLimit {
        indexing = BackgroundWork(name: "tread authors") { AuthorIndex(discussion) }
    }
    if let filter { state.update(.action(.applyFilter(filter)), layout: layout) }
    show(state, on: terminal, layout: layout)
    var loading = loading
    while true {
        // Busy (loading, building the visit, a fetch, or a long search) means polling; idle means sleeping
        // until a key.
        let busy =
            loading != nil || building != nil || indexing != nil || state.fetch != nil || visitAwaitsRest
            || clipboard?.isBusy == true
        let waited = terminal.nextEvent(timeout: state.isSearching || state.isFiltering ? 0 : busy ? 50 : -1)
        // Asked before the event is applied, so a rewritten file's new bytes are never drawn; said after
        // it, so its key does not clear the notice.
        if let notice = fileChange.notice(for: state.discussion) { changeNotice = notice }
        if visitAwaitsRest, state.fetch == nil {
            visitAwaitsRest = false
            if state.discussion.count <= ReadingSession.synchronousLimit {
                take(session.start(state.discussion))
                show(state, on: terminal, layout: layout)
            } else {
                building = session.startInBackground(state.discussion)
            }
        }
        if let built = building?.take() {
            building = nil
            take(built)
            if waited == nil { show(state, on: terminal, layout: layout) }
        }
        if let index = indexing?.take() {
            indexing = nil
            state.update(.authorsIndexed(index), layout: layout)
        }
        if fetching.deliver(to: &state, layout: layout), waited == nil { show(state, on: terminal, layout: layout) }
        if let copied = clipboard?.finished(), !copied.isEmpty {
            for line in copied { state.update(.notice(line), layout: layout) }
            if waited == nil { show(state, on: terminal, layout: layout) }
        }
        if let load = loading {
            switch load.result {
            case .success(let full):
                state.update(.loaded(full), layout: layout)
                loading = nil
                building = session.startInBackground(full)
                indexing = BackgroundWork(name: "tread authors") { AuthorIndex(full) }
            case .failure(let error):
                // The preview was fine but the rest of the file is not: leave, as if it had failed at once,
                // keeping what the visit holds.
                session.save(state.visitToSave(layout: layout))
                terminal.restore()
                if state.discussion.bytes.isStale {
                    writeError("tread: \(displayName(file)): the file changed while being read")
                    throw ExitCode(DocumentBytes.fileChangedStatus)
                }
                writeError("tread: \(error.naming(file).description)")
                throw ExitCode(error.exitStatus)
            case nil:
                state.update(.loadProgress(load.progress), layout: layout)
            }
            if waited == nil { show(state, on: terminal, layout: layout) }
        }
        guard var event = waited else {
            if let changeNotice {
                state.update(.notice(changeNotice), layout: layout)
                show(state, on: terminal, layout: layout)
            }
            if state.isSearching {
                state.update(.searchStep, layout: layout)
                show(state, on: terminal, layout: layout)
            } else if state.isFiltering {
                state.update(.filterStep, layout: layout)
                show(state, on: terminal, layout: layout)
            }
            continue
        }
        var applied = 0
        var repaint = false
        while true {
            switch event {
            case .signal(SIGINT) where state.fetch != nil:
                // ctrl-C stops the fetch, as Esc does; with none running it quits as ever.
                state.update(.action(.cancel), layout: layout)
            case .signal(let number):
                terminal.restore()
                // SIGTERM, SIGHUP (a closed terminal) and SIGINT end the reading as `q` would: keep the place.
                session.save(state.visitToSave(layout: layout))
                throw ExitCode(128 + number)
            case .key(let key): state.update(.key(key), layout: layout)
            case .mouse(let mouse): state.update(.mouse(mouse), layout: layout)
            case .resize(let rows, let columns): state.update(.resize(rows: rows, columns: columns), layout: layout)
            }
            perform(state.effects, on: terminal, clipboard: clipboard, state: &state, layout: layout)
            if state.quitRequested {
                fetching.stop()
                let visit = state.visitToSave(layout: layout)
                terminal.restore()
                session.save(visit)
                clipboard?.finish(within: .seconds(2))
                return
            }
            fetching.follow(state, live: live)
            repaint = repaint || state.repaintRequested
            applied += 1
            guard applied < 64, let next = terminal.nextEvent(timeout: 0) else { break }
            event = next
        }
        if repaint { terminal.invalidate() }
        if let notice = changeNotice {
            state.update(.notice(notice), layout: layout)
            changeNotice = nil
        }
        show(state, on: terminal, layout: layout)
    }
}

/// The fetch the loop runs for the reader: started when the state asks for one, cancelled when
/// the state drops it (Esc, ctrl-C); its answers wait in a mailbox until the loop takes them.
private struct FetchRun {
    private var task: Task<Void, Never>?
    private var number: Int?
    private let mailbox = FetchMailbox()

    /// Starts or stops the fetch to match what `state` asks for.
    mutating func follow(_ state: ReaderState, live: LiveThread?) {
        guard state.fetch?.number != number else { return }
        stop()
        guard let request = state.fetch, let live else { return }
        number = request.number
        mailbox.expect(request.number)
        let discussion = state.discussion
        let mailbox = mailbox
        task = Task.detached {
            let answer = await live.run(
                request, on: discussion, progress: { mailbox.post(progress: $0, for: request.number) },
                part: { mailbox.post(part: $0, for: request.number) })
            mailbox.post(result: answer, for: request.number)
        }
    }

    /// Gives the state what the fetch sent since last time; true when there was something.
    mutating func deliver(to state: inout ReaderState, layout: LayoutCache) -> Bool {
        guard number != nil else { return false }
        let messages = mailbox.take()
        for message in messages { state.update(message, layout: layout) }
        if state.fetch == nil {
            task = nil
            number = nil
        }
        return !messages.isEmpty
    }

    mutating func stop() {
        task?.cancel()
        task = nil
        number = nil
        mailbox.expect(0)
    }
}

/// Does what the reader asked: opens a link in the browser (detached, the terminal untouched),
/// or copies text through the config's copy command, else OSC 52; a failure goes back to the status line.
func perform(
    _ effects: [Effect], on terminal: Terminal, clipboard: ClipboardCommand?, state: inout ReaderState,
    layout: LayoutCache
) {
    for effect in effects {
        switch effect {
        case .open(let url):
            do {
                try LinkOpener.open(url)
            } catch {
                state.update(.notice(error.description), layout: layout)
            }
        case .copy(let text) where clipboard != nil:
            // Its outcome arrives later, through `finished()`, polled by the loop.
            if let failure = clipboard?.copy(text) { state.update(.notice(failure), layout: layout) }
        case .copy(let text):
            do {
                terminal.emit(try ClipboardSequence.copy(text))
            } catch {
                state.update(.notice(error.description), layout: layout)
            }
        }
    }
}

/// Draws the state, then makes its link numbers hyperlinks (OSC 8) over what ncurses drew.
func show(_ state: ReaderState, on terminal: Terminal, layout: LayoutCache) {
    let frame = state.render(layout: layout)
    terminal.draw(frame)
    terminal.emitHyperlinks(state.screenLinks(layout: layout), in: frame)
}
