import Reader
import Testing
import ThreadModel

/// `I` and `Y` give each comment its own address on its site, from the real saved threads (issue 13).
@Suite struct CommentAddressTests {
    static func load(_ file: String) throws -> Discussion {
        try Discussion.load(DocumentBytes.read(path: Fixtures.directory.appendingPathComponent(file).path))
    }

    /// The address of the comment whose id is `key`.
    static func address(of key: String, in discussion: Discussion) -> String? {
        guard let index = (0..<discussion.count).first(where: { discussion.id(of: $0)?.key == key }) else {
            return "no comment \(key)"
        }
        return CommentAddress.of(index, in: discussion)
    }

    @Test func hackerNewsItemsFromBothAPIs() throws {
        let algolia = try Self.load("hn_algolia/item17_pg_comment_subtree_2014.json")
        #expect(Self.address(of: "1079", in: algolia) == "https://news.ycombinator.com/item?id=1079")
        let firebase = try Self.load("hn_firebase/ibm_rto_43727727_items.json")
        #expect(Self.address(of: "43728954", in: firebase) == "https://news.ycombinator.com/item?id=43728954")
    }

    /// Lobsters' own short link (the comment's `short_id_url`).
    @Test func lobstersShortLinks() throws {
        let legacy = try Self.load("lobsters/d9ucpe_strace_2021_legacy.json")
        #expect(Self.address(of: "42bzeq", in: legacy) == "https://lobste.rs/c/42bzeq")
        let current = try Self.load("lobsters/tdfoqh_ranking_comments_2025_depth_format.json")
        let first = try #require((0..<current.count).first { !current.isPlaceholder($0) })
        let key = try #require(current.id(of: first)?.key)
        #expect(CommentAddress.of(first, in: current) == "https://lobste.rs/c/\(key)")
    }

    /// Reddit's short permalink, which the site redirects to the full one with the subreddit and slug.
    @Test func redditPermalinks() throws {
        let reddit = try Self.load("reddit/lifeprotips_441hsf_comment_permalink.json")
        #expect(Self.address(of: "czmp112", in: reddit) == "https://www.reddit.com/comments/441hsf/_/czmp112/")
    }

    /// A saved topic never names its forum: no address until a fetch gives the topic's page.
    @Test func discoursePostsOnTheForumOfTheTopicsPage() throws {
        let saved = try Self.load("discourse/urho3d_github-in-decay.6482.json")
        #expect(saved.article.id == "6482")
        #expect(Self.address(of: "2", in: saved) == nil)
        let fetched = saved.addressed("https://discourse.urho3d.io/t/github-in-decay/6482")
        #expect(Self.address(of: "3", in: fetched) == "https://discourse.urho3d.io/t/github-in-decay/6482/3")
        let bare = saved.addressed("http://127.0.0.1:8123/t/6482/")
        #expect(Self.address(of: "3", in: bare) == "http://127.0.0.1:8123/t/topic/6482/3")
    }

    /// The article's address is untrusted: anything but a plain topic page of this topic gives none.
    @Test(arguments: [
        "https://discourse.urho3d.io/t/github-in-decay/6483",
        "https://discourse.urho3d.io/t/github-in-decay/6482?u=x",
        "https://user@discourse.urho3d.io/t/github-in-decay/6482",
        "https://discourse.urho3d.io/c/github-in-decay/6482",
        "https://discourse.urho3d.io/t/a/b/6482",
        "https://discourse.urho3d.io/t/git hub/6482",
        "https://discourse.urho3d.io/t/\u{1B}]52;c;x/6482",
        "javascript:alert(1)//t/x/6482",
        "file:///t/x/6482",
    ])
    func hostileTopicPagesGiveNoAddress(_ url: String) throws {
        let saved = try Self.load("discourse/urho3d_github-in-decay.6482.json").addressed(url)
        #expect(Self.address(of: "3", in: saved) == nil)
    }

    @Test func capitalIOpensTheDiscoursePostAndYCopiesIt() throws {
        var builder = DiscussionBuilder(
            article: Article(id: "57", title: "T", url: "https://try.discourse.org/t/sandbox/57", source: "Discourse"))
        builder.add(Comment(id: .integer(2), author: "ann", body: "hi"), under: nil)
        var state = ReaderState(discussion: try builder.build(), rows: 12, columns: 80)
        #expect(state.press("I").effects == [.open("https://try.discourse.org/t/sandbox/57/2")])
        #expect(state.press("Y").effects == [.copy("**ann**\n\nhi\n\nhttps://try.discourse.org/t/sandbox/57/2\n")])
    }
}
