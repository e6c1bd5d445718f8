import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// What a day of reading found (branch qa-reader): each test failed before its fix.
@Suite struct QAReaderTests {
    private func reader(_ outline: String) -> ReaderState {
        var state = ReaderState(discussion: discussion(outline), rows: 24, columns: 60)
        state.update(.started)
        return state
    }

    /// Before: a count stopped once a step left the selection and the scroll where they were, so `2n`
    /// over a comment holding several occurrences went one occurrence on, not two.
    @Test func aCountStepsThroughOccurrencesInOneComment() {
        var state = reader("a: x x x x\nb: x\nc: x")
        state.press("/x")
        state.update(.key(.enter))
        #expect(state.message == "match 1 of 6")
        state.press("2n")
        #expect(state.message == "match 3 of 6")
        state.press("2N")
        #expect(state.message == "match 1 of 6")
    }

    /// Before: `5j` with the article selected only selected the first comment (the first step leaves
    /// the article without moving the selection, which stopped the count).
    @Test func aCountFromTheArticleGoesThatManyCommentsDown() {
        var state = reader("a\nb\nc\nd\ne\nf\ng")
        state.press("g")
        #expect(state.positionText == "article")
        state.press("5j")
        #expect(state.selectedName == "e")
    }

    /// Before: in the picker of a comment with twelve links, `1` opened link 1 at once, so link 12
    /// could not be typed (`12` opened link 1, then `2` was a key of the reader).
    @Test func thePickerTakesANumberOfTwoDigits() throws {
        let body = (1...12).map { "<https://example.org/\($0)>" }.joined(separator: " ")
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(id: .string("1"), author: "ann", body: body), under: nil)
        var state = ReaderState(discussion: try builder.build(), rows: 24, columns: 80)
        state.press("c")
        state.press("o")
        #expect(state.press("1").effects.isEmpty)
        #expect(state.mode == .linkPicker(0), "1 could begin 10, 11 or 12: link 1 is highlighted")
        #expect(state.press("2").effects == [.open("https://example.org/12")])
        #expect(state.mode == .reading)
        state.press("o")
        #expect(state.press("1").effects.isEmpty)
        #expect(state.update(.key(.enter)).effects == [.open("https://example.org/1")])
        state.press("o")
        #expect(state.press("3").effects == [.open("https://example.org/3")], "no link 30: 3 opens at once")
    }

    /// Before: a hit in the text of a folded comment unfolded the way to it but left the comment
    /// folded, so the status line said "match 1 of 1" over a header without the text found.
    @Test func aHitInAFoldedCommentsOwnTextUnfoldsIt() {
        var state = reader("a: first\n  a1\nb: the needle\n  b1\nc")
        state.press("z")
        state.press("/needle")
        state.update(.key(.enter))
        #expect(state.message == "match 1 of 1")
        #expect(state.selectedName == "b")
        #expect(state.pageText.contains("the needle"))
        #expect(state.tree.isFolded(0), "folds off the way stay")
    }

    /// Before: likewise a filter's match that was folded showed as a header, not "in full".
    @Test func aFoldedMatchOfTheFilterIsShownInFull() {
        var state = reader("a: first\n  a1\nb: the needle\n  b1\nc")
        state.press("z")
        state.press("&needle")
        state.update(.key(.enter))
        #expect(state.message == "match 1 of 1")
        #expect(state.pageText.contains("the needle"))
    }

    /// Before: enter in the overview on a folded comment left the overview with the comment still
    /// folded, its text hidden, where the README says enter reads the selected comment in full.
    @Test func enterInTheOverviewReadsAFoldedCommentInFull() {
        var state = reader("a: first\n  a1\nb: the second\n  b1\nc")
        state.press("z")
        state.press("v")
        state.press("cj")
        #expect(state.selectedName == "b")
        state.update(.key(.enter))
        #expect(!state.overview)
        #expect(state.selectedName == "b")
        #expect(state.pageText.contains("the second"))
        #expect(state.tree.isFolded(0), "other folds stay")
    }

    /// Before: a query that hid the selected comment while it was typed moved the selection into the
    /// stub (its first comment) for good, so Esc at the prompt, or the query typed back to what
    /// shows the comment, left the reader on the first comment, not where it was.
    @Test func aQueryTypedAndCancelledLeavesTheSelectionWhereItWas() {
        var state = reader("a: one\nb: two\nc: three\nd: four\ne: five")
        state.press("cjjj")
        #expect(state.selectedName == "d")
        state.press("&zz")
        #expect(state.selectedName == "a", "the stub holds every comment")
        state.update(.key(.escape))
        #expect(state.filter == nil)
        #expect(state.selectedName == "d")
        state.press("&zz")
        state.update(.key(.backspace))
        state.update(.key(.backspace))
        state.press("o")
        state.update(.key(.enter))
        #expect(state.selectedName == "d")
        state.update(.key(.escape))
        #expect(state.selectedName == "d")
    }

    /// A comment chosen under the filter is the one kept: `n` then a new query starts from it.
    @Test func aSelectionMovedUnderTheFilterIsTheOneKept() {
        var state = reader("a: one x\nb: two\nc: three x\nd: four\ne: five x")
        state.press("cjjj")
        state.press("&x")
        state.update(.key(.enter))
        #expect(state.selectedName == "e", "the first match from the selection on")
        state.update(.key(.escape))
        #expect(state.selectedName == "e")
    }

    /// Before: with the article selected (after `g`), `]` and `J` went to the second thread, passing
    /// over the first, as if the first comment were the place they left; `j` selected the first.
    @Test func theNextThreadOrSiblingFromTheArticleIsTheFirst() {
        for key in ["]", "J"] {
            var state = reader("a\n  a1\nb\n  b1\nc")
            state.press("g")
            #expect(state.positionText == "article")
            state.press(key)
            #expect(state.selectedName == "a", "\(key) from the article")
            #expect(state.positionText.hasPrefix("comment 1 of 5"), "\(key) from the article")
            state.press(key)
            #expect(state.selectedName == "b", "\(key) again")
        }
        var state = reader("a\n  a1\nb\n  b1\nc")
        state.press("g2]")
        #expect(state.selectedName == "b", "2] from the article: the first thread, then the second")
    }

    /// Before: `}` with the article selected looked for an added comment after the first comment, so
    /// an added first comment was passed over ("no added comment below"); `)` likewise for unread.
    @Test func theNextAddedOrUnreadFromTheArticleMayBeTheFirstComment() throws {
        let before = "b: second\nc: third"
        let later = "n: new first\nb: second\nc: third"
        var state = returningReader(later, after: savedState(of: firstReader(before)), rows: 30, columns: 60)
        state.press("g")
        #expect(state.positionText == "article")
        state.press("}")
        #expect(state.selectedName == "n")
        #expect(state.message == nil)

        // An article taller than the screen: the first comment was never on screen.
        var builder = DiscussionBuilder(article: Article(title: "T", body: (1...30).map { "Paragraph \($0)." }))
        builder.add(Comment(id: .string("a"), author: "a", body: "first"), under: nil)
        builder.add(Comment(id: .string("b"), author: "b", body: "second"), under: nil)
        let long = try builder.build()
        var unread = ReaderState(discussion: long, rows: 10, columns: 60)
        unread.update(.visitReady(returningVisit(long, after: nil)))
        #expect(unread.positionText == "article")
        unread.press(")")
        #expect(unread.selectedName == "a")
    }

    /// Before: `p` from the article passed over a first comment by the original poster.
    @Test func theNextCommentByTheOriginalPosterFromTheArticleMayBeTheFirst() throws {
        var builder = DiscussionBuilder(article: Article(title: "T", author: "op"))
        builder.add(Comment(id: .string("1"), author: "op", body: "first", op: true), under: nil)
        builder.add(Comment(id: .string("2"), author: "bob", body: "second"), under: nil)
        builder.add(Comment(id: .string("3"), author: "op", body: "third", op: true), under: nil)
        var state = ReaderState(discussion: try builder.build(), rows: 24, columns: 60)
        state.press("g")
        state.press("p")
        #expect(state.positionText.hasPrefix("comment 1 of 3"))
    }

    /// Before: on a stand-in ("12 more replies", which is not a comment) `Y` copied it as a comment
    /// by "anonymous", and `w`, `W`, `|`, `T` and `I` offered to act on it.
    @Test func keysOnTheSelectedCommentSaySoOnAStandIn() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let first = builder.add(Comment(id: .string("a"), author: "ann", body: "first"), under: nil)
        builder.add(
            Comment(id: .string("more"), body: "12 more replies not in this file", placeholder: true), under: first)
        let thread = try builder.build()
        for key in ["Y", "T", "|", "w", "W", "I"] {
            var state = ReaderState(discussion: thread, rows: 24, columns: 60)
            state.press("G")
            #expect(state.positionText.hasPrefix("after comment 1 of 1"), "\(key)")
            let commands = state.press(key)
            #expect(commands.effects.isEmpty, "\(key) on a stand-in")
            #expect(state.mode == .reading, "\(key) on a stand-in")
            #expect(state.message == "a stand-in, not a comment · u goes to its parent", "\(key)")
        }
    }

    /// Before: under a filter, `n` from the article went to the second match, passing over a first
    /// comment that matches.
    @Test func theNextMatchOfTheFilterFromTheArticleMayBeTheFirstComment() {
        var state = reader("a: x\nb\nc: x")
        state.press("&x")
        state.update(.key(.enter))
        state.press("g")
        #expect(state.positionText == "article")
        state.press("n")
        #expect(state.selectedName == "a")
        #expect(state.message == "match 1 of 2")
    }
}
