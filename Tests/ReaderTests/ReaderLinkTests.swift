import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// Links in the reader: numbered in the text, never split, opened and copied as effects (issue 13).
@Suite struct ReaderLinkTests {
    static let long = "https://example.org/" + String(repeating: "very-long-path-segment/", count: 8) + "end"

    static func thread(_ body: String) -> Discussion {
        var builder = DiscussionBuilder(article: Article(title: "T", url: "https://example.org/story"))
        builder.add(Comment(id: .string("1"), author: "ann", body: body), under: nil)
        builder.add(Comment(id: .string("2"), author: "bob", body: "no links"), under: nil)
        do { return try builder.build() } catch { fatalError("\(error)") }
    }

    @Test func linksAreNumberedInTheText() {
        let state = ReaderState(
            discussion: Self.thread("see the docs <https://a.org/x> and https://b.org/y too"), rows: 12, columns: 80)
        #expect(state.pageText.contains("see the docs [1] and b.org/y[2] too"))
    }

    @Test func aLongURLIsShortenedNeverSplit() {
        let state = ReaderState(discussion: Self.thread("look: \(Self.long) ok"), rows: 12, columns: 50)
        let lines = state.pageText.split(separator: "\n")
        let urlLines = lines.filter { $0.contains("example.org/very") }
        #expect(urlLines.count == 1)
        #expect(urlLines.first?.contains("…[1]") == true)
        #expect(!lines.contains { $0.contains("segment/end") })
    }

    @Test func oOpensTheOnlyLink() {
        var state = ReaderState(discussion: Self.thread("<https://a.org/x>"), rows: 12, columns: 80)
        #expect(state.press("o").effects == [.open("https://a.org/x")])
        #expect(state.press("j").effects.isEmpty)
    }

    @Test func severalLinksOpenThePickerAndACountPicksOne() {
        var state = ReaderState(
            discussion: Self.thread("<https://a.org/x> <https://b.org/y>"), rows: 12, columns: 80)
        #expect(state.press("2o").effects == [.open("https://b.org/y")])
        state.press("o")
        #expect(state.mode == .linkPicker(0))
        #expect(state.pageText.contains("[2] b.org/y"))
        state.update(.key(.down))
        #expect(state.update(.key(.enter)).effects == [.open("https://b.org/y")])
        #expect(state.mode == .reading)
        #expect(state.press("o1").effects == [.open("https://a.org/x")])
    }

    /// An article with its own numbered links, and a first comment with one.
    static func articleWithLinks(lines: Int = 1) -> Discussion {
        let filler = Array(repeating: "more of the article", count: max(0, lines - 1))
        let body = ["read <https://a.org/one> and <https://a.org/two>"] + filler
        var builder = DiscussionBuilder(
            article: Article(title: "T", url: "https://example.org/story", body: body))
        builder.add(Comment(id: .string("1"), author: "ann", body: "see <https://gitlab.com/x>"), under: nil)
        builder.add(Comment(id: .string("2"), author: "bob", body: "no links"), under: nil)
        do { return try builder.build() } catch { fatalError("\(error)") }
    }

    /// Before: `2o` and `y` on the article acted on the first comment's links (urho3d's gitlab link).
    @Test func onATallArticleLinksAreTheArticles() {
        var state = ReaderState(discussion: Self.articleWithLinks(lines: 30), rows: 12, columns: 80)
        #expect(state.positionText == "article")
        #expect(state.press("2o").effects == [.open("https://a.org/two")])
        #expect(state.press("y").effects == [.copy("https://a.org/one")])
    }

    /// Before: on a window showing the article and the first comment, `g` left the comment selected.
    @Test func gSelectsTheArticleAndItsLinks() {
        var state = ReaderState(discussion: Self.articleWithLinks(), rows: 20, columns: 80)
        state.press("jg")
        #expect(state.positionText == "article")
        #expect(state.press("3o").effects == [.open("https://example.org/story")])
        state.press("j")
        #expect(state.positionText.hasPrefix("comment 1 of 2"))
        #expect(state.selection == 0)
        #expect(state.press("o").effects == [.open("https://gitlab.com/x")])
        state.press("k")
        #expect(state.positionText == "article")
        #expect(state.press("1o").effects == [.open("https://a.org/one")])
    }

    @Test func hostileLinksAreRefusedWithAMessage() {
        for href in ["javascript:alert(1)", "file:///etc/passwd", "https://a.org/\u{1B}]52;c;x"] {
            var state = ReaderState(discussion: Self.thread("click <\(href)>"), rows: 12, columns: 80)
            #expect(state.press("o").effects.isEmpty, "\(href)")
            #expect(state.statusText.contains("not opened"), "\(href)")
            #expect(state.press("y").effects.isEmpty, "\(href)")
            #expect(!state.render().plainText.contains("\u{1B}"))
        }
    }

    @Test func capitalOOpensTheThreadAndCopiesAreEffects() {
        var state = ReaderState(discussion: Self.thread("hi <https://a.org/x>"), rows: 12, columns: 80)
        #expect(state.press("O").effects == [.open("https://example.org/story")])
        #expect(state.press("y").effects == [.copy("https://a.org/x")])
        #expect(state.press("Y").effects == [.copy("**ann**\n\nhi <https://a.org/x>\n\nhttps://example.org/story\n")])
    }

    @Test func capitalOOpensTheDiscussionNotTheArticleALinkPostPointsTo() throws {
        let sites = [
            ("Hacker News", "8863", "https://news.ycombinator.com/item?id=8863"),
            ("Lobsters", "abc123", "https://lobste.rs/s/abc123"),
            ("Reddit r/swift", "1k2j3h", "https://www.reddit.com/comments/1k2j3h/"),
            ("Hacker News", "../8863", "https://example.org/story"),
            ("Somewhere", "42", "https://example.org/story"),
        ]
        for (source, id, expected) in sites {
            let article = Article(id: id, title: "T", url: "https://example.org/story", source: source)
            var builder = DiscussionBuilder(article: article)
            builder.add(Comment(id: .integer(1), author: "ann", body: "x"), under: nil)
            var state = ReaderState(discussion: try builder.build(), rows: 12, columns: 80)
            #expect(state.press("O").effects == [.open(expected)], "\(source) \(id)")
        }
    }

    @Test func capitalLOpensTheArticleALinkPostPointsTo() throws {
        let article = Article(id: "8863", title: "T", url: "https://example.org/story", source: "Hacker News")
        var builder = DiscussionBuilder(article: article)
        builder.add(Comment(id: .integer(1), author: "ann", body: "x"), under: nil)
        var state = ReaderState(discussion: try builder.build(), rows: 12, columns: 80)
        #expect(state.press("L").effects == [.open("https://example.org/story")])
        var bare = ReaderState(discussion: discussion("a: one"), rows: 12, columns: 80)
        #expect(bare.press("L").effects.isEmpty)
        #expect(bare.message == "the document gives no address for the article")
    }

    @Test func oInAThreadWithoutCommentsOffersTheArticlesAddress() throws {
        let article = Article(title: "T", url: "https://example.org/story", body: ["see <https://a.org/x>"])
        var state = ReaderState(discussion: try DiscussionBuilder(article: article).build(), rows: 12, columns: 80)
        #expect(state.selection == nil)
        #expect(state.press("2o").effects == [.open("https://example.org/story")])
        #expect(state.press("1o").effects == [.open("https://a.org/x")])
    }

    @Test func copyingASubtreeQuotesRepliesByDepth() {
        var state = ReaderState(discussion: discussion("a: one\n  b: two\nc: three"), rows: 12, columns: 80)
        #expect(state.press("T").effects == [.copy("**a**\n\none\n\n> **b**\n> \n> two\n\n")])
    }

    @Test func capitalIOpensTheCommentsPageWhereTheSiteHasOne() throws {
        var builder = DiscussionBuilder(article: Article(id: "8863", title: "T", source: "Hacker News"))
        builder.add(Comment(id: .integer(8952), author: "ann", body: "x"), under: nil)
        builder.add(Comment(id: .string("bad/../id"), author: "bob", body: "y"), under: nil)
        var state = ReaderState(discussion: try builder.build(), rows: 12, columns: 80)
        #expect(state.press("I").effects == [.open("https://news.ycombinator.com/item?id=8952")])
        #expect(state.press("jI").effects.isEmpty)
        #expect(state.message?.hasPrefix("no address for this comment") == true)
    }

    @Test func screenLinksAreTheNumbersOnScreenWithTheirWholeAddress() {
        let state = ReaderState(
            discussion: Self.thread("a <https://a.org/x> b <javascript:x> c \(Self.long)"), rows: 12, columns: 80)
        let links = state.screenLinks(layout: LayoutCache())
        #expect(links.map(\.url) == ["https://a.org/x", Self.long])
        #expect(links.map(\.text) == ["[1]", "[3]"])
        let frame = state.render()
        for link in links {
            let cells = (0..<link.text.count).map { frame[link.row, link.column + $0].text }.joined()
            #expect(cells == link.text)
        }
    }
}
