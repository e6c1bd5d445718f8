import ArgumentParser
import Reader
import TerminalUI
import ThreadModel

#if canImport(Glibc)
    import Glibc
#endif

/// Runs the full-screen reader: read an event, turn it into an action, update, render, draw.
///
/// Events already waiting are applied before drawing, so a burst of keys ("3u", key repeat)
/// costs one frame, not one per key.
/// `file` names the document in an error the background load finds late.
func openReader(_ discussion: Discussion, loading: BackgroundLoad? = nil, file: String? = nil) throws {
    let terminal: Terminal
    do {
        terminal = try Terminal()
    } catch {
        // 78 (EX_CONFIG): the terminal, not the document, is what the user must change.
        writeError("tread: \(error)")
        throw ExitCode(78)
    }
    defer { terminal.restore() }
    let size = terminal.size
    var state = ReaderState(discussion: discussion, rows: size.rows, columns: size.columns)
    if let loading { state.loadingProgress = loading.progress }
    terminal.draw(state.render())
    // For the benchmark: time to the first frame, without keys.
    if getenv("TREAD_BENCH_EXIT_AFTER_FIRST_FRAME") != nil { return }
    var loading = loading
    while true {
        // Busy (loading, or a long search) means polling; idle means sleeping until a key.
        let waited = terminal.nextEvent(timeout: state.isSearching ? 0 : loading == nil ? -1 : 50)
        if let load = loading {
            switch load.result {
            case .success(let full):
                state.replaceDiscussion(with: full)
                loading = nil
            case .failure(let error):
                // The preview was fine but the rest of the file is not: leave, as if it had failed at once.
                terminal.restore()
                writeError("tread: \(error.naming(file).description)")
                throw ExitCode(error.exitStatus)
            case nil:
                state.loadingProgress = load.progress
            }
            if waited == nil { terminal.draw(state.render()) }
        }
        guard var event = waited else {
            if state.isSearching {
                state.continueSearch()
                terminal.draw(state.render())
            }
            continue
        }
        var applied = 0
        while true {
            if case .signal(let number) = event {
                terminal.restore()
                throw ExitCode(128 + number)
            }
            apply(event, to: &state)
            if state.quitRequested { return }
            applied += 1
            guard applied < 64, let next = terminal.nextEvent(timeout: 0) else { break }
            event = next
        }
        terminal.draw(state.render())
    }
}

private func apply(_ event: TerminalEvent, to state: inout ReaderState) {
    switch event {
    case .key(let key):
        if let action = state.keymap.action(for: key, in: state.mode) { state.apply(action) }
    case .mouse(let mouse):
        state.apply(.mouse(mouse))
    case .resize(let rows, let columns):
        state.apply(.resize(rows: rows, columns: columns))
    case .signal:
        break
    }
}
