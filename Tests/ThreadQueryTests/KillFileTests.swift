import Testing
import ThreadModel
import ThreadTestSupport
import ThreadTree

@testable import ThreadQuery

/// Each comment's id with what the kill-file does to it: "-" hidden, "~" dimmed.
func killed(_ rules: [KillRule], _ d: Discussion) -> String {
    let marks = KillFile(rules: rules).marks(d, tree: CommentTree(discussion: d))
    return (0..<d.count).map { i in
        (marks.isHidden(i) ? "-" : marks.isDimmed(i) ? "~" : "") + (d.id(of: i)?.key ?? "")
    }.joined(separator: " ")
}

func rule(_ query: String, _ action: KillRule.Action = .hide, site: String? = nil) throws -> KillRule {
    try KillRule.parse(query, action: action, site: site)
}

@Suite struct KillFileTests {
    let d = discussion(
        """
        a spammer: buy now
          a1 bob: no thanks
        b ann: crypto is great
          b1 spammer: crypto crypto
        c bob: fine
        """)

    @Test func hideAndDimMarkWhatTheirQueriesMatch() throws {
        #expect(killed([try rule("author:spammer")], d) == "-a a1 b -b1 c")
        #expect(killed([try rule("crypto", .dim)], d) == "a a1 ~b ~b1 c")
    }

    @Test func hideWinsOverDimAndRepliesAreNotMarked() throws {
        let rules = [try rule("author:spammer"), try rule("crypto", .dim)]
        #expect(killed(rules, d) == "-a a1 ~b -b1 c")
        let marks = KillFile(rules: rules).marks(d, tree: CommentTree(discussion: d))
        #expect(marks.hiddenCount == 2)
        #expect(marks.dimmedCount == 1)
    }

    @Test func hideThreadHidesTheCommentAndNamesItsThread() throws {
        let marks = KillFile(rules: [try rule("author:spammer", .hideThread), try rule("crypto", .dim)])
            .marks(d, tree: CommentTree(discussion: d))
        #expect(marks.isHidden(0) && marks.isHidden(3))
        #expect(!marks.isHidden(1))
        #expect(marks.hiddenThreads == [0, 3])
        #expect(marks.hiddenCount == 2 && marks.dimmedCount == 1)
    }

    @Test func noRuleMarksNothingAndKeepsNoTable() throws {
        let marks = KillFile().marks(d, tree: CommentTree(discussion: d))
        #expect(marks.isEmpty)
        #expect(marks.hiddenCount == 0)
        let missing = KillFile(rules: [try rule("author:nobody")]).marks(d, tree: CommentTree(discussion: d))
        #expect(missing.isEmpty)
    }

    @Test func marksKnowTheirDocument() throws {
        let marks = KillFile(rules: [try rule("author:spammer")]).marks(d, tree: CommentTree(discussion: d))
        #expect(marks.isFor(d))
        #expect(!marks.isFor(discussion("x\ny\nz\nw\nv")))
    }

    @Test func emptyAndNewQueriesAreRefused() {
        #expect(throws: KillRuleError.empty) { try rule("  ") }
        #expect(throws: KillRuleError.readsNew) { try rule("new author:bob") }
        #expect(throws: KillRuleError.self) { try rule("author:") }
    }

    @Test func rulesForOneSiteHoldOnlyThere() throws {
        let file = KillFile(rules: [
            try rule("author:a"), try rule("author:b", site: "reddit"), try rule("author:c", site: "hn"),
        ])
        let reddit = ThreadSite(article: Article(title: "t", source: "Reddit r/swift"))
        #expect(file.applying(to: reddit).rules.map(\.query.text) == ["author:a", "author:b"])
        let hn = ThreadSite(article: Article(title: "t", url: "https://github.com/x", source: "Hacker News"))
        #expect(file.applying(to: hn).rules.map(\.query.text) == ["author:a", "author:c"])
        let other = ThreadSite(article: Article(title: "t"))
        #expect(file.applying(to: other).rules.map(\.query.text) == ["author:a"])
    }

    @Test func aThreadAnswersToItsSiteHostAndCommunity() {
        let reddit = ThreadSite(article: Article(title: "t", url: "https://example.org/x", source: "Reddit r/Swift"))
        #expect(reddit.matches("reddit") && reddit.matches("r/swift") && reddit.matches("REDDIT"))
        // A link post's address is the story's, not the site's.
        #expect(!reddit.matches("example.org"))
        let hn = ThreadSite(article: Article(title: "t", url: "https://github.com/x", source: "Hacker News"))
        #expect(hn.matches("hn") && hn.matches("news.ycombinator.com") && !hn.matches("github.com"))
        let forum = ThreadSite(
            article: Article(title: "t", url: "https://meta.discourse.org/t/x/5", source: "Discourse"))
        #expect(forum.matches("discourse") && forum.matches("meta.discourse.org") && !forum.matches("hn"))
        let toot = ThreadSite(article: Article(title: "t", source: "Mastodon mastodon.social"))
        #expect(toot.matches("mastodon") && toot.matches("mastodon.social"))
        let lemmy = ThreadSite(article: Article(title: "t", source: "Lemmy !rust@lemmy.ml"))
        #expect(lemmy.matches("lemmy") && lemmy.matches("lemmy.ml") && lemmy.matches("!rust@lemmy.ml"))
        let fetched = ThreadSite(article: Article(title: "t", source: "Discourse"), host: "forum.example.com")
        #expect(fetched.matches("forum.example.com"))
        let www = ThreadSite(article: Article(title: "t", url: "https://www.example.com/a"))
        #expect(www.matches("example.com") && www.matches("www.example.com"))
    }
}
