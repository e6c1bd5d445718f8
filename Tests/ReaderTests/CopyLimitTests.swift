import Reader
import Testing
import ThreadModel

/// `y`, `Y` and `T` copy as much as the copy path takes: OSC 52's 75,000 bytes, or more through a
/// copy command (issue 13).
@Suite struct CopyLimitTests {
    static func big() throws -> Discussion {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let root = builder.add(Comment(id: .integer(1), author: "a", body: String(repeating: "x", count: 50_000)))
        builder.add(Comment(id: .integer(2), author: "b", body: String(repeating: "y", count: 50_000)), under: root)
        return try builder.build()
    }

    @Test func throughTheTerminalASubtreeOverTheLimitIsRefused() throws {
        var state = ReaderState(discussion: try Self.big(), rows: 12, columns: 80)
        #expect(state.press("T").effects.isEmpty)
        #expect(state.message == "the thread from here is too long to copy through the terminal")
    }

    /// A copy command reads a pipe: the same subtree goes to it whole.
    @Test func aCopyCommandTakesMore() throws {
        var options = ReaderOptions()
        options.copyLimit = 1 << 20
        options.copyCommand = "wl-copy"
        var state = ReaderState(discussion: try Self.big(), rows: 12, columns: 80, options: options)
        let commands = state.press("T")
        #expect(state.message == "copying the thread from here with wl-copy…")
        let copied = commands.effects.first
        guard case .copy(let text) = try #require(copied) else {
            Issue.record("no copy: \(state.message ?? "")")
            return
        }
        #expect(text.utf8.count > 100_000 && text.hasSuffix(String(repeating: "y", count: 10) + "\n\n"))
    }
}
