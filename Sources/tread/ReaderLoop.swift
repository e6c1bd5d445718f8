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
func openReader(_ discussion: Discussion) throws {
    let terminal: Terminal
    do {
        terminal = try Terminal()
    } catch {
        writeError("tread: \(error)")
        throw ExitCode(78)
    }
    defer { terminal.restore() }
    let size = terminal.size
    var state = ReaderState(discussion: discussion, rows: size.rows, columns: size.columns)
    terminal.draw(state.render())
    while true {
        guard var event = terminal.nextEvent(timeout: -1) else { continue }
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
