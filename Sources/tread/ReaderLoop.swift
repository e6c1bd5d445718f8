import ArgumentParser
import Reader
import TerminalUI
import ThreadModel

/// Runs the full-screen reader: each event becomes a message, `update` changes the state,
/// `render` draws it. Everything the reader does is in `update`; this loop only waits and draws.
///
/// Events already waiting are applied before drawing, so a burst of keys ("3u", key repeat)
/// costs one frame, not one per key.
/// `file` names the document in an error the background load finds late.
func openReader(
    _ discussion: Discussion, loading: BackgroundLoad? = nil, file: String? = nil, preferences: ReaderPreferences,
    mouse: Bool = true
) throws {
    let terminal: Terminal
    do {
        terminal = try Terminal(theme: preferences.theme, mouse: mouse && preferences.preferences.mouse)
    } catch {
        // 78 (EX_CONFIG): the terminal, not the document, is what the user must change.
        writeError("tread: \(error)")
        throw ExitCode(78)
    }
    defer { terminal.restore() }
    let size = terminal.size
    var state = ReaderState(
        discussion: discussion, rows: size.rows, columns: size.columns, options: preferences.readerOptions,
        loading: loading != nil)
    // The lines laid out so far: kept here, between messages, not inside the state.
    let layout = LayoutCache()
    if let loading { state.update(.loadProgress(loading.progress), layout: layout) }
    show(state, on: terminal, layout: layout)
    var loading = loading
    while true {
        // Busy (loading, or a long search) means polling; idle means sleeping until a key.
        let waited = terminal.nextEvent(timeout: state.isSearching ? 0 : loading == nil ? -1 : 50)
        if let load = loading {
            switch load.result {
            case .success(let full):
                state.update(.loaded(full), layout: layout)
                loading = nil
            case .failure(let error):
                // The preview was fine but the rest of the file is not: leave, as if it had failed at once.
                terminal.restore()
                writeError("tread: \(error.naming(file).description)")
                throw ExitCode(error.exitStatus)
            case nil:
                state.update(.loadProgress(load.progress), layout: layout)
            }
            if waited == nil { show(state, on: terminal, layout: layout) }
        }
        guard var event = waited else {
            if state.isSearching {
                state.update(.searchStep, layout: layout)
                show(state, on: terminal, layout: layout)
            }
            continue
        }
        var applied = 0
        var repaint = false
        while true {
            switch event {
            case .signal(let number):
                terminal.restore()
                throw ExitCode(128 + number)
            case .key(let key): state.update(.key(key), layout: layout)
            case .mouse(let mouse): state.update(.mouse(mouse), layout: layout)
            case .resize(let rows, let columns): state.update(.resize(rows: rows, columns: columns), layout: layout)
            }
            perform(state.effects, on: terminal, state: &state, layout: layout)
            if state.quitRequested { return }
            repaint = repaint || state.repaintRequested
            applied += 1
            guard applied < 64, let next = terminal.nextEvent(timeout: 0) else { break }
            event = next
        }
        if repaint { terminal.invalidate() }
        show(state, on: terminal, layout: layout)
    }
}

/// Does what the reader asked: opens a link in the browser (detached, the terminal untouched),
/// or copies text through OSC 52; a failure goes back to the status line.
func perform(_ effects: [Effect], on terminal: Terminal, state: inout ReaderState, layout: LayoutCache) {
    for effect in effects {
        switch effect {
        case .open(let url):
            do {
                try LinkOpener.open(url)
            } catch {
                state.update(.notice(error.description), layout: layout)
            }
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
