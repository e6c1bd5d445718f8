import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// Each preference the config gives the reader changes what is drawn (issue 13).
@Suite struct ReaderPreferenceTests {
    static let longText = (1...30).map { "word\($0)" }.joined(separator: " ")

    @Test func maximumWidthWrapsTextEvenInAWideWindow() {
        let options = ReaderOptions(layout: LayoutOptions(maximumWidth: 30))
        let state = ReaderState(discussion: discussion("a: \(Self.longText)"), rows: 20, columns: 120, options: options)
        let body = state.pageText.split(separator: "\n").filter { $0.contains("word") }
        #expect(body.count > 3)
        #expect(body.allSatisfy { $0.count <= 30 + 2 })
    }

    @Test func printerUsesTheSameWidthAsTheReader() {
        let printed = ThreadPrinter(width: 120, options: LayoutOptions(maximumWidth: 30))
            .text(of: discussion("a: \(Self.longText)"))
        let body = printed.split(separator: "\n").filter { $0.contains("word") }
        #expect(body.allSatisfy { $0.count <= 32 })
    }

    @Test func indentWidthSetsTheGuides() {
        let options = ReaderOptions(layout: LayoutOptions(indentWidth: 4))
        let state = ReaderState(
            discussion: discussion("a: x\n  b: y\n    c: z"), rows: 20, columns: 60, options: options)
        let text = state.pageText
        #expect(text.contains("\n│   ▾ b\n"))
        #expect(text.contains("\n│   │   • c\n"))
    }

    @Test func foldOnOpeningShowsTopLevelOnly() {
        let options = ReaderOptions(openLevels: 1)
        let state = ReaderState(discussion: discussion("a: x\n  b: y\nc: z"), rows: 20, columns: 60, options: options)
        #expect(state.pageText.contains("▸ a · 1 reply hidden"))
        #expect(!state.pageText.contains("b"))
    }

    @Test func datesAreWrittenByTheGivenStyleAndMadeSafe() throws {
        let document = try Discussion.load(
            canonical: DocumentBytes(
                Array(
                    """
                    {"article": {"title": "T"}, "comments": [
                      {"id": 1, "author": "ann", "published": "2026-11-29T10:00:00Z", "body": "x"}]}
                    """.utf8)))
        let options = ReaderOptions(layout: LayoutOptions(date: { _ in "3h ago\u{1B}[31m" }))
        let state = ReaderState(discussion: document, rows: 10, columns: 60, options: options)
        // The date style's escape is shown as a visible ␛, never sent to the terminal.
        #expect(state.pageText.contains("\n• ann · 3h ago␛[31m\n┃ x\n"))
        #expect(!state.pageText.contains("\u{1B}"))
    }

    @Test func mastodonsEditTimeIsWrittenAsTheOtherDates() throws {
        let document = try Discussion.load(
            canonical: DocumentBytes(
                Array(
                    """
                    {"article": {"title": "T", "published": "2026-08-01T10:00:00Z",
                      "body": ["[edited 2026-08-01T13:58:56Z] [sensitive]", "text"]}, "comments": [
                      {"id": 1, "author": "ann", "body": "[edited 2026-08-02T09:00:00Z]\\n\\nx"},
                      {"id": 2, "author": "bob", "body": "[edited yesterday]"}]}
                    """.utf8)))
        let options = LayoutOptions(date: { "<" + $0.prefix(10) + ">" })
        let printed = ThreadPrinter(width: 60, options: options).text(of: document)
        #expect(printed.contains("\n[edited <2026-08-01>] [sensitive]\n"))
        #expect(printed.contains("\n  [edited <2026-08-02>]\n"))
        // A mark whose time is not a time stays as written.
        #expect(printed.contains("\n  [edited yesterday]\n"))
        #expect(!printed.contains("T13:58"))
        let state = ReaderState(discussion: document, rows: 30, columns: 60, options: ReaderOptions(layout: options))
        #expect(state.pageText.contains("[edited <2026-08-02>]"))
    }

    @Test func rebindingAKeyMovesItAndTheHelpListsIt() {
        var bindings = Keymap.standard.bindings.filter { $0.action != .nextComment }
        bindings.append(Keymap.Binding([.character("e")], .nextComment, "next-comment", "next comment"))
        let options = ReaderOptions(keymap: Keymap(bindings))
        var state = ReaderState(discussion: discussion("a: x\nb: y"), rows: 40, columns: 120, options: options)
        state.press("j")
        #expect(state.selectedName == "a")
        state.press("e")
        #expect(state.selectedName == "b")
        state.press("?")
        #expect(state.pageText.contains("e                next comment"))
    }

    @Test func digitsStayCountsInARebuiltKeymap() {
        let options = ReaderOptions(keymap: Keymap(Keymap.standard.bindings))
        var state = ReaderState(discussion: discussion("a: x\nb: y\nc: z"), rows: 40, columns: 120, options: options)
        state.press("2j")
        #expect(state.selectedName == "c")
    }
}

/// OP and roles on the reader's screen, and the keys that follow a person (issue 13).
@Suite struct ReaderPeopleTests {
    @Test func readerHeadersCarryTheSameLabelsAsThePrinter() throws {
        let state = ReaderState(discussion: try PersonLabelTests.thread(), rows: 30, columns: 60)
        let headers = state.pageText.split(separator: "\n").filter { $0.contains("▾") || $0.contains("•") }
        #expect(headers == ["▾ ann OP", "│ • mo mod", "│ • ann OP admin", "• bob"])
    }

    @Test func aAndPFollowTheAuthorAndTheOP() throws {
        var state = ReaderState(discussion: try PersonLabelTests.thread(), rows: 30, columns: 60)
        #expect(state.selection == 0)
        state.press("a")
        #expect(state.selection == 2)
        state.press("a")
        #expect(state.selection == 2)
        #expect(state.message == "no later comment by this author")
        state.press("A")
        #expect(state.selection == 0)
        state.press("j")
        state.press("p")
        #expect(state.selection == 2)
        state.press("P")
        #expect(state.selection == 0)
    }

    @Test func followingAnAuthorOpensTheFoldOnTheWay() throws {
        var state = ReaderState(discussion: try PersonLabelTests.thread(), rows: 30, columns: 60)
        state.press(" ")
        state.press("a")
        #expect(state.selection == 2)
        #expect(state.pageText.contains("ann OP admin"))
    }
}
