import Reader
import Testing
import ThreadModel
import ThreadTestSupport

@Suite struct SearchTests {
    @Test func searchFindsFoldedCommentsAndUnfoldsThePath() {
        var state = reader()
        state.apply(.foldAll)
        state.apply(.startSearch)
        for character in "DEEPER" { state.update(.key(.character(character))) }
        #expect(state.statusText.hasPrefix("/DEEPER"))
        state.update(.key(.enter))
        #expect(state.selectedName == "a1xy")
        #expect(state.message == "match 1 of 1")
        #expect(state.tree.isVisible(3))
    }

    @Test func nAndNCycleThroughHits() {
        var state = reader()
        state.apply(.startSearch)
        for character in "reply" { state.update(.key(.character(character))) }
        state.update(.key(.enter))
        #expect(state.selectedName == "a1")
        #expect(state.message == "match 1 of 3")
        state.apply(.nextMatch)
        #expect(state.selectedName == "a2")
        state.apply(.nextMatch)
        #expect(state.selectedName == "c1")
        state.apply(.nextMatch)
        #expect(state.selectedName == "a1")
        state.apply(.previousMatch)
        #expect(state.selectedName == "c1")
        #expect(state.message == "match 3 of 3")
    }

    @Test func aSearchWithNoHitSaysSo() {
        var state = reader()
        state.apply(.startSearch)
        for character in "zebra" { state.update(.key(.character(character))) }
        state.update(.key(.enter))
        #expect(state.message == "no match for “zebra”")
        #expect(state.selectedName == "a")
        state.apply(.nextMatch)
        #expect(state.message == "no match for “zebra”")
    }

    @Test func nBeforeAnySearchSaysHowToSearch() {
        var state = reader()
        state.apply(.nextMatch)
        #expect(state.message == "no search yet: press / to search")
    }

    @Test func promptEditingAndCancelling() {
        var state = reader()
        state.apply(.startSearch)
        for character in "abc" { state.update(.key(.character(character))) }
        state.update(.key(.backspace))
        #expect(state.mode == .searchPrompt("ab"))
        state.update(.key(.control("u")))
        #expect(state.mode == .searchPrompt(""))
        #expect(!state.update(.key(.character("q"))).quits)
        #expect(state.mode == .searchPrompt("q"))
        state.update(.key(.escape))
        #expect(state.mode == .reading)
        #expect(state.search == nil)
    }

    @Test func hitsAreHighlighted() {
        var state = reader()
        state.apply(.startSearch)
        for character in "lonely" { state.update(.key(.character(character))) }
        state.update(.key(.enter))
        let frame = state.render()
        let highlighted = frame.cells.filter { $0.style.tint == .highlight }.map(\.text).joined()
        #expect(highlighted == "lonely")
    }

    /// Found by the property test: a hit in the article showed the article's page while the
    /// selection stayed on a comment below it, off screen.
    @Test func aHitInTheArticleSelectsTheFirstComment() {
        var state = ReaderState(discussion: discussion("a: x\nb: y"), rows: 9, columns: 20)
        state.press("J")
        state.apply(.startSearch)
        state.update(.key(.character("l")))
        state.update(.key(.enter))
        #expect(state.top == PagePosition(.article))
        #expect(state.selectedName == "a")
        #expect(state.selectionIsVisible)
    }

    @Test func searchInTheArticleScrollsToTheTop() {
        var state = reader()
        state.apply(.startSearch)
        for character in "title" { state.update(.key(.character(character))) }
        state.update(.key(.enter))
        #expect(state.top == PagePosition(.article))
        #expect(state.message == "match 1 of 1 in the article")
    }
}

@Suite struct LongSearchTests {
    /// A thread with more comments than one search step: the search shows progress and
    /// finishes over several steps, as the event loop drives it.
    @Test func aLongSearchRunsInStepsAndSaysHowFarItIs() {
        let count = ReaderState.searchStep * 2 + 10
        var builder = DiscussionBuilder(article: Article(title: "Big"))
        for i in 0..<count {
            builder.add(Comment(id: .string("c\(i)"), body: i == count - 3 ? "the Needle" : "hay \(i)"))
        }
        guard let big = try? builder.build() else {
            Issue.record("the thread does not build")
            return
        }
        var state = ReaderState(discussion: big, rows: 24, columns: 80)
        state.apply(.startSearch)
        for character in "needle" { state.update(.key(.character(character))) }
        state.update(.key(.enter))
        #expect(state.isSearching)
        #expect(state.message == "searching… 49%")
        state.apply(.nextMatch)
        #expect(state.isSearching)
        state.update(.searchStep)
        state.update(.searchStep)
        #expect(!state.isSearching)
        #expect(state.selection == count - 3)
        #expect(state.message == "match 1 of 1")
    }

    @Test func escapeStopsARunningSearch() throws {
        var builder = DiscussionBuilder(article: Article(title: "Big"))
        for i in 0..<(ReaderState.searchStep + 5) { builder.add(Comment(body: "hay \(i)")) }
        let big = try builder.build()
        var state = ReaderState(discussion: big, rows: 24, columns: 80)
        state.apply(.startSearch)
        state.update(.key(.character("x")))
        state.update(.key(.enter))
        #expect(state.isSearching)
        state.update(.key(.escape))
        #expect(!state.isSearching)
        #expect(state.message == "search stopped")
    }

    /// A query whose rarest byte is not its first, missing from an escaped body: the look for a
    /// `\u` escape must not reuse the query's anchor (it trapped past the end of the 2-byte needle).
    @Test func aMissInAnEscapedBodyIsSafe() throws {
        let json = #"{"article":{"title":"T"},"comments":[{"body":"line\none \"quoted\""}]}"#
        var state = ReaderState(
            discussion: try Discussion.load(canonical: DocumentBytes(Array(json.utf8))), rows: 20, columns: 60)
        state.apply(.startSearch)
        for character in "reply" { state.update(.key(.character(character))) }
        state.update(.key(.enter))
        #expect(state.message == "no match for “reply”")
    }

    @Test func asciiSearchIgnoresCaseAndFindsEscapedText() throws {
        let json =
            #"{"article":{"title":"T"},"comments":[{"body":"caf\u00e9 \u0041BC line\none"},{"author":"Zoë","body":"x"}]}"#
        var state = ReaderState(
            discussion: try Discussion.load(canonical: DocumentBytes(Array(json.utf8))), rows: 20, columns: 60)
        for (query, hit) in [("abc", 0), ("CAFÉ", 0), ("zoë", 1), ("line one", nil)] as [(String, Int?)] {
            state.apply(.startSearch)
            for character in query { state.update(.key(.character(character))) }
            state.update(.key(.enter))
            if let hit {
                #expect(state.selection == hit, "\(query)")
                #expect(state.message?.hasPrefix("match 1 of") == true, "\(query)")
            } else {
                #expect(state.message?.hasPrefix("no match") == true, "\(query)")
            }
        }
    }
}

@Suite struct SearchDisplayTests {
    private func search(_ state: inout ReaderState, _ query: String) {
        state.apply(.startSearch)
        for character in query { state.update(.key(.character(character))) }
        state.update(.key(.enter))
    }

    /// A hit on the 30th line of a comment taller than the screen: the view goes to that line.
    @Test func aHitDeepInALongCommentScrollsToItsLine() throws {
        var body = (1...40).map { "line \($0)" }
        body[29] = "the needle"
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(id: .string("a"), author: "a", body: "short"))
        builder.add(Comment(id: .string("b"), author: "b", body: body.joined(separator: "\n")))
        let document = try builder.build()
        var state = ReaderState(discussion: document, rows: 10, columns: 40)
        search(&state, "needle")
        #expect(state.selectedName == "b")
        #expect(state.pageText.contains("the needle"))
        let highlighted = state.render().cells.filter { $0.style.tint == .highlight }.map(\.text).joined()
        #expect(highlighted == "needle")
    }

    /// Bug 11: `n` steps through occurrences, not comments: two hits far apart in one tall comment are
    /// each scrolled to, and "match i of n" counts occurrences.
    @Test func nStepsThroughOccurrencesInsideOneComment() throws {
        var body = (1...60).map { "line \($0)" }
        body[9] = "a needle here"
        body[49] = "another needle there"
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(id: .string("a"), author: "a", body: "one needle"))
        builder.add(Comment(id: .string("b"), author: "b", body: body.joined(separator: "\n")))
        builder.add(Comment(id: .string("c"), author: "c", body: "last needle"))
        var state = ReaderState(discussion: try builder.build(), rows: 10, columns: 40)
        search(&state, "needle")
        #expect(state.selectedName == "a")
        #expect(state.message == "match 1 of 4")
        state.apply(.nextMatch)
        #expect(state.selectedName == "b")
        #expect(state.message == "match 2 of 4")
        #expect(state.pageText.contains("a needle here"))
        state.apply(.nextMatch)
        #expect(state.selectedName == "b")
        #expect(state.message == "match 3 of 4")
        #expect(state.pageText.contains("another needle there"))
        #expect(!state.pageText.contains("a needle here"))
        state.apply(.nextMatch)
        #expect(state.selectedName == "c")
        #expect(state.message == "match 4 of 4")
        state.apply(.previousMatch)
        #expect(state.message == "match 3 of 4")
        #expect(state.pageText.contains("another needle there"))
        state.apply(.previousMatch)
        #expect(state.message == "match 2 of 4")
        #expect(state.pageText.contains("a needle here"))
    }

    /// Bug 10: the article's hits are counted apart from the comments'.
    @Test func theArticleHitIsNotCountedAmongComments() throws {
        var builder = DiscussionBuilder(article: Article(title: "T", body: ["an otter in the article"]))
        builder.add(Comment(id: .string("a"), author: "a", body: "one otter"))
        builder.add(Comment(id: .string("b"), author: "b", body: "two otter"))
        var state = ReaderState(discussion: try builder.build(), rows: 20, columns: 40)
        search(&state, "otter")
        #expect(state.message == "match 1 of 1 in the article · 2 in comments")
        state.apply(.nextMatch)
        #expect(state.message == "match 1 of 2")
        state.apply(.nextMatch)
        #expect(state.message == "match 2 of 2")
    }

    /// Two occurrences on one line of one comment count twice.
    @Test func twoOccurrencesOnOneLineCountTwice() throws {
        var state = ReaderState(discussion: discussion("ann: cat and cat"), rows: 10, columns: 40)
        search(&state, "cat")
        #expect(state.message == "match 1 of 2")
        state.apply(.nextMatch)
        #expect(state.message == "match 2 of 2")
        state.apply(.nextMatch)
        #expect(state.message == "match 1 of 2")
    }

    /// A word in more comments than the reader counts exactly: the hits past the limit count as one
    /// each until shown, and the total says so (a common word over a million comments took 17 s to
    /// count before; it now costs what finding the comments does).
    @Test func pastTheExactLimitTheTotalSaysAtLeast() throws {
        let count = ReaderState.exactOccurrenceLimit + 10
        let outline = (0..<count).map { "u\($0): cat and cat" }.joined(separator: "\n")
        var state = ReaderState(discussion: discussion(outline), rows: 10, columns: 40)
        search(&state, "cat")
        // 1,000 hits counted twice each, then 10 counted once.
        #expect(ReaderState.exactOccurrenceLimit == 1_000)
        #expect(state.message == "match 1 of at least 2,010")
    }

    @Test func aHitInTheArticlesFourthParagraphScrollsToIt() throws {
        let paragraphs = ["one", "two", "three", "the fourth paragraph"]
        var builder = DiscussionBuilder(article: Article(title: "T", body: paragraphs))
        builder.add(Comment(id: .string("a"), author: "a", body: "x"))
        let built = try builder.build()
        var state = ReaderState(discussion: built, rows: 4, columns: 40)
        search(&state, "fourth")
        #expect(state.message == "match 1 of 1 in the article")
        #expect(state.pageText.contains("the fourth paragraph"))
    }

    /// A hit stands out by its colour, bold and underline; never reverse video over the colour,
    /// not even on the selected comment's header.
    @Test func aHitIsNotReversedOverItsColour() {
        var state = ReaderState(discussion: discussion("ann: hello"), rows: 10, columns: 40)
        search(&state, "ann")
        let hits = state.render().cells.filter { $0.style.tint == .highlight }
        #expect(hits.map(\.text).joined() == "ann")
        #expect(hits.allSatisfy { !$0.style.reverse && $0.style.bold && $0.style.underline })
    }

    @Test func aSearchDoesNotMatchAcrossALineBreakEscape() throws {
        let json = #"{"article":{"title":"T"},"comments":[{"body":"the end.\nThe start"}]}"#
        var state = ReaderState(
            discussion: try Discussion.load(canonical: DocumentBytes(Array(json.utf8))), rows: 20, columns: 60)
        search(&state, "nthe")
        #expect(state.message == "no match for “nthe”")
    }
}
