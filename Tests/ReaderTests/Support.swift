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
    mutating func update(_ message: Message) { update(message, layout: LayoutCache()) }

    func render() -> Frame { render(layout: LayoutCache()) }

    var visibleLines: [(position: PagePosition, line: StyledLine)] { visibleLines(layout: LayoutCache()) }

    var selectionIsVisible: Bool { selectionIsVisible(layout: LayoutCache()) }

    var positionText: String { positionText(layout: LayoutCache()) }

    /// Applies one action as its message.
    mutating func apply(_ action: Action) { update(.action(action)) }

    /// Applies each action in turn.
    mutating func apply(_ actions: Action...) {
        for action in actions { apply(action) }
    }

    /// Presses keys, as the terminal would send them.
    mutating func press(_ keys: String) {
        for character in keys { update(.key(.character(character))) }
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
