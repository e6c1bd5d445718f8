import ArgumentParser
import Foundation
import Reader
import ReadingState
import TerminalUI

/// Shows `threads` full-screen to pick one from; the thread picked, or nil when the user quit.
///
/// The picker's keys and screen are `RecentPicker`'s; this loop only waits, forgets what it is told to and draws.
/// The terminal is restored on every way out: return, error, and a signal (exit 128 + the signal, as the reader).
func pickRecent(_ threads: [RecentThread], store: ReadingStore, preferences: ReaderPreferences) throws -> RecentThread?
{
    let terminal: Terminal
    do {
        terminal = try Terminal(theme: preferences.theme, mouse: preferences.preferences.mouse)
    } catch {
        // 78 (EX_CONFIG), as the reader: the terminal is what the user must change.
        writeError("tread: \(error)")
        throw ExitCode(78)
    }
    defer { terminal.restore() }
    let size = terminal.size
    var picker = RecentPicker(threads: threads, rows: size.rows, columns: size.columns, now: Date())
    terminal.draw(picker.render())
    while true {
        guard let event = terminal.nextEvent(timeout: -1) else { continue }
        let outcome: RecentPicker.Outcome
        switch event {
        case .signal(let number):
            terminal.restore()
            throw ExitCode(128 + number)
        case .key(let key): outcome = picker.handle(key)
        case .mouse(let mouse): outcome = picker.handle(mouse)
        case .resize(let rows, let columns):
            picker.resize(rows: rows, columns: columns)
            outcome = .stay
        }
        switch outcome {
        case .stay: break
        case .quit: return nil
        case .open(let thread): return thread
        case .forget(let thread):
            do {
                try store.forget(thread.key)
                picker.forgot(thread)
            } catch {
                picker.report("not forgotten: \(error)")
            }
        }
        terminal.draw(picker.render())
    }
}
