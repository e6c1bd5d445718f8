import ArgumentParser
import Foundation
import Reader
import ReadingState
import TerminalUI
import ThreadFetch
import ThreadModel

/// Shows a front page full-screen until `q`; Enter reads a story in the reader and comes back to the
/// list, on the same story, its line updated from the reading state.
///
/// The screen's keys and drawing are `StoryListScreen`'s; this loop only waits, fetches what it is
/// told to in a task whose answer it polls for, runs the reader as `tread URL` does, and draws.
/// The terminal is restored on every way out (the reader makes its own while it runs).
func browseStoryList(_ source: StoryListSource, first: StoryList, note: String?, read: Reading) throws {
    let preferences = try ReaderPreferences.loadOrExit()
    let store = read.noState ? nil : ReadingStore.defaultDirectory().flatMap { try? ReadingStore(directory: $0) }
    var terminal = try listTerminal(preferences, mouse: !read.noMouse)
    defer { terminal.restore() }
    var screen = StoryListScreen(
        list: first, rows: terminal.size.rows, columns: terminal.size.columns,
        keymap: preferences.readerOptions.keymap, now: Date())
    screen.origin = note
    remember(first.stories, from: store, in: &screen)
    var fetch: PageFetch?
    // The pipe's last command and the save's last directory, kept from story to story (not on disk).
    var piping = ReaderState.Piping()
    terminal.draw(screen.render())
    while true {
        let waited = terminal.nextEvent(timeout: fetch == nil ? -1 : 50)
        if let answer = fetch?.take() {
            fetch = nil
            switch answer {
            case .next(.success(let page)):
                screen.pageArrived(page)
                remember(page.stories, from: store, in: &screen)
                source.save(screen.list)
            case .fresh(.success(let list)):
                screen.refreshed(list, now: Date())
                remember(list.stories, from: store, in: &screen)
                source.save(list)
            case .next(.failure(let error)), .fresh(.failure(let error)):
                screen.pageFailed(error.description)
            }
            if waited == nil { terminal.draw(screen.render()) }
        }
        guard let event = waited else { continue }
        let outcome: StoryListScreen.Outcome
        switch event {
        case .signal(let number):
            fetch?.stop()
            terminal.restore()
            throw ExitCode(128 + number)
        case .key(let key): outcome = screen.handle(key)
        case .mouse(let mouse): outcome = screen.handle(mouse)
        case .resize(let rows, let columns):
            screen.resize(rows: rows, columns: columns)
            outcome = .stay
        }
        switch outcome {
        case .stay: break
        case .quit:
            fetch?.stop()
            return
        case .open(let story):
            if fetch != nil {
                fetch?.stop()
                fetch = nil
                screen.pageFailed("the next page was not fetched; move to the end again to fetch it")
            }
            terminal.restore()
            var current = story
            // The reader's next- and previous-story keys go straight on to the neighbour, without the list.
            while true {
                let outcome: ReaderOutcome
                switch try readStory(current, read: read, piping: &piping) {
                case .read(let left): outcome = left
                case .failed(let error):
                    // The story stays selected; the list says why it did not open.
                    screen.report(error.description)
                    outcome = .quit
                }
                remember([current], from: store, in: &screen)
                guard outcome != .quit, let next = screen.step(by: outcome == .nextStory ? 1 : -1) else { break }
                current = next
            }
            terminal = try listTerminal(preferences, mouse: !read.noMouse)
            screen.resize(rows: terminal.size.rows, columns: terminal.size.columns)
        case .openLink(let url):
            do {
                _ = try LinkOpener.open(url)
            } catch {
                screen.report(error.description)
            }
        case .fetchNext, .refresh:
            guard let fetcher = source.fetcher else {
                screen.pageFailed("opened with --offline: only the saved copy is shown; run tread without it")
                break
            }
            fetch = PageFetch(source.address, fetcher: fetcher, after: outcome == .refresh ? nil : screen.list)
        case .stopFetch:
            fetch?.stop()
            fetch = nil
            screen.pageFailed("stopped; move to the end again to fetch the next page")
        }
        terminal.draw(screen.render())
    }
}

/// The terminal for the list, or exit 78 (the terminal is what the user must change), as the reader.
private func listTerminal(_ preferences: ReaderPreferences, mouse: Bool) throws -> Terminal {
    do {
        return try Terminal(theme: preferences.theme, mouse: mouse && preferences.preferences.mouse)
    } catch {
        writeError("tread: \(error)")
        throw ExitCode(78)
    }
}

/// How a story of the list went: read (and the reader left by quitting, or on to the next or previous
/// story), or its thread could not be fetched.
private enum StoryReading {
    case read(ReaderOutcome)
    case failed(FetchError)
}

/// Reads `story` as `tread URL` would (cache, early opening, visit, reload), with the list's options;
/// a fetch that fails is returned, for the list to show, where `tread URL` would end with 69 or 75.
private func readStory(_ story: Story, read: Reading, piping: inout ReaderState.Piping) throws -> StoryReading {
    var arguments: [String] = []
    if read.document.fetch.offline { arguments.append("--offline") }
    if read.noState { arguments.append("--no-state") }
    if read.noMouse { arguments.append("--no-mouse") }
    // After "--" an address is never read as an option.
    let reader = try Read.parse(arguments + ["--", story.discussion]).reading
    let preferences = try ReaderPreferences.loadOrExit()
    let document: DocumentRead
    if let address = reader.document.address {
        switch fetchedDocumentOrError(address, options: reader.document.fetch, early: true) {
        case .success(let fetched): document = fetched
        case .failure(let error): return .failed(error)
        }
    } else {
        document = try orExit { () throws(DocumentError) in try reader.document.read(early: true) }
    }
    defer { document.fetched?.finishSaving() }
    return .read(try reader.readThread(document, preferences: preferences, inList: true, piping: &piping))
}

/// Tells the screen which of `stories` were read, how many comments they had then and how many were unread.
private func remember(_ stories: [Story], from store: ReadingStore?, in screen: inout StoryListScreen) {
    guard let store else { return }
    for story in stories {
        // The row's counts only: loading the whole state would read each thread's seen and known sets.
        if let thread = try? store.summary(ThreadIdentity(story: story)) {
            screen.read(
                story, comments: thread.commentCount, unread: thread.unreadCount, events: thread.eventCount ?? 0)
        }
    }
}

/// A page being fetched beside the loop: the next one, or the list again from its first.
private final class PageFetch: @unchecked Sendable {
    enum Answer {
        case next(Result<StoryList, FetchError>)
        case fresh(Result<StoryList, FetchError>)
    }

    private let lock = NSLock()
    private var answer: Answer?
    private var task: Task<Void, Never>?

    init(_ address: StoryListAddress, fetcher: ThreadFetcher, after list: StoryList?) {
        task = Task.detached { [self] in
            let result = await fetcher.pageResult(of: address, after: list)
            lock.withLock { answer = list == nil ? .fresh(result) : .next(result) }
        }
    }

    /// The answer, once it is in.
    func take() -> Answer? {
        lock.withLock { answer }
    }

    func stop() {
        task?.cancel()
    }
}
