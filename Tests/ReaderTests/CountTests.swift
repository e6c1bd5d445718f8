import Reader
import Testing
import ThreadModel

/// Digits are vim counts; depth folding has its own key (`=` then a digit).
@Suite struct CountTests {
    /// Before: `2j` folded the whole document to depth 2, then moved once.
    @Test func aCountRepeatsTheMove() {
        var state = reader()
        state.press("2j")
        #expect(state.selectedName == "a1x")
        #expect(state.pageText.contains("deeper"))
        state.press("12j")
        #expect(state.selectedName == "c1")
        #expect(state.message == "this is the last comment")
    }

    /// Before: `3` alone folded the thread to depth 3 (the "flash"), and `u` then undid it.
    @Test func aCountBeforeUGoesThatManyLevelsUpWithoutFolding() {
        var state = reader()
        state.press("jjj")
        state.press("3")
        #expect(state.pageText.contains("deeper"))
        #expect(state.message == nil)
        state.press("u")
        #expect(state.selectedName == "a")
        #expect(state.pageText.contains("deeper"))
    }

    @Test func aCountBeforeJSkipsThatManySiblings() {
        var state = reader()
        state.press("2J")
        #expect(state.selectedName == "c")
        #expect(state.pageText.contains("deeper"))
    }

    @Test func aCountIsUsedOnce() {
        var state = reader()
        state.press("2jj")
        #expect(state.selectedName == "a1xy")
    }

    @Test func aZeroAloneIsNoCountAndEqualsNeedsADigit() {
        var state = reader()
        state.press("0j")
        #expect(state.selectedName == "a1")
        state.press("=j")
        #expect(state.selectedName == "a1x")
        #expect(state.pageText.contains("deeper"))
        state.press("=0")
        #expect(state.message == "depth 0 shows nothing: type 1–9")
    }

    @Test func theHelpNamesTheCountAndTheDepthKeys() {
        var state = reader()
        state.press("?")
        // The help scrolls in this window: what it shows from top to bottom.
        var shown = state.pageText
        for _ in 0..<60 {
            state.press("j")
            shown += state.pageText
        }
        #expect(shown.contains("5j, 3u, 2J"))
        #expect(shown.contains("=1–9: show depth"))
        #expect(shown.contains("ctrl-l"))
    }

    @Test func ctrlLAsksTheTerminalToRepaintOnce() {
        var state = reader()
        #expect(state.update(.key(.control("l"))).done.contains(.repaint))
        #expect(!state.press("j").done.contains(.repaint))
    }
}

/// Keys typed while a big document loads behind a preview end as on the loaded document.
@Suite struct BackgroundLoadTests {
    /// The first `count` comments of a flat thread of 30, as the preview; and the whole.
    private func documents(preview count: Int) -> (preview: Discussion, full: Discussion) {
        func build(_ total: Int) -> Discussion {
            var builder = DiscussionBuilder(article: Article(title: "T"))
            for i in 0..<total {
                let parent = i % 3 == 0 ? nil : i - 1
                builder.add(
                    Comment(id: .string("c\(i)"), author: "c\(i)", body: i == 25 ? "the word" : "text \(i)"),
                    under: parent)
            }
            guard let built = try? builder.build() else { fatalError("the test thread does not build") }
            return built
        }
        return (build(count), build(30))
    }

    /// Runs `before` on the preview, loads, then `after`; and all of it on the whole document.
    private func both(_ before: String, _ after: String = "") -> (loaded: ReaderState, whole: ReaderState) {
        let (preview, full) = documents(preview: 9)
        var loaded = ReaderState(discussion: preview, rows: 12, columns: 40, loading: true)
        loaded.press(before)
        loaded.update(.loaded(full))
        loaded.press(after)
        var whole = ReaderState(discussion: full, rows: 12, columns: 40)
        whole.press(before + after)
        return (loaded, whole)
    }

    @Test func gGoesToTheLastCommentOfTheWholeDocument() {
        let (loaded, whole) = both("G")
        #expect(loaded.selection == 29)
        #expect(loaded.render() == whole.render())
    }

    @Test func zFoldsTheThreadsThatArriveLater() {
        let (loaded, whole) = both("z")
        #expect(loaded.tree.isFolded(27))
        #expect(loaded.render() == whole.render())
    }

    /// Before: the search read only the preview, and `n` kept its empty hit list after the load.
    @Test func aSearchOnThePreviewFindsHitsOfTheWholeDocument() {
        let (preview, full) = documents(preview: 9)
        var state = ReaderState(discussion: preview, rows: 12, columns: 40, loading: true)
        state.press("/word")
        state.update(.key(.enter))
        #expect(state.message == "no match for “word”")
        state.update(.loaded(full))
        #expect(state.search?.hits == [.comment(25)])
        #expect(state.selection == 25)
        state.press("n")
        #expect(state.selection == 25)
        #expect(state.message == "match 1 of 1")
    }

    @Test func aCountTypedBeforeTheLoadEndsCountsAfterIt() {
        let (loaded, whole) = both("jj2", "u")
        #expect(loaded.selection == 0)
        #expect(loaded.render() == whole.render())
        #expect(loaded.selection == whole.selection)
    }

    @Test func progressShowsOnTheStatusLineUntilTheLoad() {
        let (preview, full) = documents(preview: 9)
        var state = ReaderState(discussion: preview, rows: 12, columns: 80, loading: true)
        state.update(.loadProgress(0.5))
        #expect(state.statusText.contains("loading… 50%"))
        state.update(.loaded(full))
        #expect(!state.statusText.contains("loading"))
        #expect(state.discussion.count == 30)
    }

    /// Before: `R` after the background load said "this thread has no address or file to read again".
    @Test func aFileLoadedInTheBackgroundReloadsLikeASmallOne() {
        let (preview, full) = documents(preview: 9)
        var state = ReaderState(discussion: preview, rows: 12, columns: 40, loading: true, source: .file)
        state.update(.loaded(full))
        state.press("R")
        #expect(state.fetch?.kind == .reload)
        #expect(state.message == nil)
    }

    /// Before: the rule said "9 comments" on a preview of a thread of 30 (200,001 on the 1M file, then 2,000).
    @Test func theRuleCountsThePreviewsCommentsAsSoFar() {
        let (preview, full) = documents(preview: 9)
        var state = ReaderState(discussion: preview, rows: 12, columns: 40, loading: true)
        #expect(state.render().plainText.contains("── 9 comments so far ──"))
        state.update(.loaded(full))
        #expect(state.render().plainText.contains("── 30 comments ──"))
    }
}
