import Foundation
import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// Issue 23, bug 10: one word, one meaning, one format. "Replies" are every comment below a comment,
/// in the overview as in a fold; counts of 1,000 and more are grouped wherever they are shown; the
/// line that ends a fetch counts what its progress counted and says the site's own count apart.
@Suite struct CountWordingTests {
    /// A comment with 8 direct replies, the first of which has 114 replies of its own: 122 in all.
    static func bushy() -> Discussion {
        var outline = "a: top\n"
        for reply in 1...8 {
            outline += "  r\(reply): reply\n"
            if reply == 1 { for deep in 1...114 { outline += "    d\(deep): deep\n" } }
        }
        return discussion(outline)
    }

    @Test func theOverviewAndTheFoldCountTheSameReplies() {
        var state = ReaderState(discussion: Self.bushy(), rows: 12, columns: 80)
        state.press("v")
        #expect(state.pageText.contains("▾ a · 122 replies · 8 direct  top"), "\(state.pageText)")
        state.press("v")
        state.press("z")
        #expect(state.pageText.contains("▸ a · 122 replies hidden"), "\(state.pageText)")
    }

    @Test func printedFoldsSayRepliesAsTheReaderDoes() {
        let printed = ThreadPrinter(width: 80, depthLimit: 1).text(of: Self.bushy())
        #expect(printed.contains("▸ a · 122 replies hidden"))
    }

    /// A comment whose replies are 1,200 below it and a thread of 1,201 comments.
    static func big() -> Discussion {
        var outline = "a: top\n"
        for reply in 1...1_200 { outline += "  r\(reply): reply\n" }
        return discussion(outline)
    }

    @Test func countsOfThousandsAreGroupedOnScreen() {
        var state = ReaderState(discussion: Self.big(), rows: 12, columns: 80)
        #expect(state.pageText.contains("── 1,201 comments ──"), "\(state.pageText)")
        state.press("v")
        #expect(state.pageText.contains("▾ a · 1,200 replies  top"), "\(state.pageText)")
        state.press("v")
        state.press("z")
        #expect(state.pageText.contains("▸ a · 1,200 replies hidden"), "\(state.pageText)")
        #expect(state.positionText.contains("of 1,201"), "\(state.positionText)")
    }

    @Test func countsOfThousandsAreGroupedInPrint() {
        let printed = ThreadPrinter(width: 80, depthLimit: 1).text(of: Self.big())
        #expect(printed.contains("── 1,201 comments ──"))
        #expect(printed.contains("▸ a · 1,200 replies hidden"))
    }

    @Test func theStorysFactsGroupTheirCounts() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.article.score = 12_345
        builder.article.commentCount = 2_112
        builder.add(Comment(author: "a", body: "x"))
        let state = ReaderState(discussion: try builder.build(), rows: 20, columns: 80)
        #expect(state.pageText.contains("12,345 points · 2,112 comments, 1 here"), "\(state.pageText)")
    }

    @Test func theLastLineOfAFetchSaysTheAnnouncedCountApart() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.article.commentCount = 318
        for k in 0..<351 { builder.add(Comment(author: "a\(k)", body: "x")) }
        let arrived = try builder.build()
        #expect(ReaderState.allInText(arrived) == "all 351 comments are in (the site announced 318)")
        builder.article.commentCount = 351
        #expect(ReaderState.allInText(try builder.build()) == "all 351 comments are in")
        var big = DiscussionBuilder(article: Article(title: "T"))
        for k in 0..<1_001 { big.add(Comment(author: "a\(k)", body: "x")) }
        #expect(ReaderState.allInText(try big.build()) == "all 1,001 comments are in")
    }

    @Test func aStubOfThousandsOfRepliesIsGrouped() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.addPlaceholder(MoreStub.line(count: 2_112))
        let state = ReaderState(discussion: try builder.build(), rows: 20, columns: 80)
        #expect(state.pageText.contains("2,112 more replies"), "\(state.pageText)")
    }
}
