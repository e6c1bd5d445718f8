import Foundation
import Reader
import Samples
import ThreadModel
import ThreadTestSupport

/// The bundled seed article.
func sampleDiscussion() -> Discussion {
    do {
        return try Discussion.load(canonical: DocumentBytes(Array(SampleDocuments.defaultDocument.utf8)))
    } catch {
        fatalError("the bundled sample does not load: \(error)")
    }
}

extension ReaderState {
    /// Applies a message with a layout of its own: the memo only saves time, so tests start each
    /// message from an empty one (one kept across documents could give stale lines).
    @discardableResult
    mutating func update(_ message: Message) -> [Command] { update(message, layout: LayoutCache()) }

    func render() -> Frame { render(layout: LayoutCache()) }

    var visibleLines: [(position: PagePosition, line: StyledLine)] { visibleLines(layout: LayoutCache()) }

    var selectionIsVisible: Bool { selectionIsVisible(layout: LayoutCache()) }

    var positionText: String { positionText(layout: LayoutCache()) }

    /// Applies one action as its message; answers its commands.
    @discardableResult
    mutating func apply(_ action: Action) -> [Command] { update(.action(action)) }

    /// Applies each action in turn; answers the commands of them all.
    @discardableResult
    mutating func apply(_ actions: Action...) -> [Command] {
        actions.flatMap { apply($0) }
    }

    /// Presses keys, as the terminal would send them; answers the commands of them all.
    @discardableResult
    mutating func press(_ keys: String) -> [Command] {
        keys.flatMap { update(.key(.character($0))) }
    }

    /// The selected comment's author, which the outlines make its id.
    var selectedName: String? { selection.flatMap { discussion.author(of: $0) } }

    /// The page as text, without the status line.
    var pageText: String {
        let lines = render().plainText.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.dropLast().joined(separator: "\n")
    }

    var statusText: String {
        String(render().plainText.split(separator: "\n", omittingEmptySubsequences: false).last ?? "")
    }
}

/// The directory of this test target's expected files.
func expectedFile(_ name: String, file: StaticString = #filePath) -> URL {
    URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("Expected")
        .appendingPathComponent(name)
}

/// A command as the tests compare it: what leaves the reader, without the values that carry no text.
enum Done: Equatable {
    case open(String)
    case copy(String)
    case startFetch(FetchRequest.Kind)
    case stopFetch, buildVisit, indexAuthors, saveVisit
    case applyKillFile
    case repaint
    case quit(ReaderOutcome)
    case exit(Int32)
    case loadFailed
    case pipe(PipeRequest)
    case save(SaveRequest)

    case sortComments
}

extension [Command] {
    /// The commands as `Done`, for comparing.
    var done: [Done] {
        map { command in
            switch command {
            case .open(let url): .open(url)
            case .copy(let text): .copy(text)
            case .startFetch(let request): .startFetch(request.kind)
            case .stopFetch: .stopFetch
            case .buildVisit: .buildVisit
            case .indexAuthors: .indexAuthors
            case .applyKillFile: .applyKillFile
            case .saveVisit: .saveVisit
            case .repaint: .repaint
            case .quit(let outcome): .quit(outcome)
            case .exit(let status): .exit(status)
            case .loadFailed: .loadFailed
            case .pipe(let request): .pipe(request)
            case .save(let request): .save(request)

            case .sortComments: .sortComments
            }
        }
    }

    /// Only the links opened and texts copied.
    var effects: [Done] {
        done.filter {
            switch $0 {
            case .open, .copy: true
            default: false
            }
        }
    }

    /// Whether the commands leave the reader.
    var quits: Bool { done.contains { if case .quit = $0 { true } else { false } } }
}
