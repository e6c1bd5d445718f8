import Markup
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// Small Mastodon, Lemmy and Bluesky documents written out, one behaviour each; and the ways
/// their input goes wrong.
@Suite struct FediverseImporterTests {
    static func load(_ json: String, _ format: DocumentFormat? = nil) throws -> Discussion {
        try Discussion.load(DocumentBytes(Array(json.utf8)), format: format)
    }

    static func status(_ id: String, replyTo: String? = nil, _ fields: String = "") -> String {
        let parent = replyTo.map { "\"\($0)\"" } ?? "null"
        let extra = fields.isEmpty ? "" : ", " + fields
        return #"{"id": "\#(id)", "in_reply_to_id": \#(parent), "content": "<p>status \#(id)</p>", "#
            + #""account": {"id": "a\#(id)", "acct": "user\#(id)", "display_name": "User \#(id)"}\#(extra)}"#
    }

    // MARK: - Mastodon

    @Test func mastodonContentWarningIsALabelBeforeTheText() throws {
        let discussion = try Self.load(
            "[" + Self.status("1", #""spoiler_text": "food\nspoilers", "sensitive": true"#)
                + #", {"ancestors": [], "descendants": []}]"#)
        #expect(discussion.article.title == "CW: food spoilers")
        #expect(discussion.article.body == ["[sensitive]", "[content warning: food spoilers]", "status 1"])
    }

    @Test func mastodonHashtagsMentionsAndEmojiStayText() throws {
        let content =
            #"<p><a href=\"https://m.example/tags/swift\" class=\"mention hashtag\" rel=\"tag\">#<span>swift</span></a> "#
            + #"with <span class=\"h-card\"><a href=\"https://m.example/@bob\" class=\"u-url mention\">@<span>bob</span></a></span> "#
            + #":blobcat: see <a href=\"https://example.org/x\">this</a></p>"#
        let status =
            #"{"id": "1", "content": "\#(content)", "account": {"acct": "ann", "display_name": ":blobcat: Ann"}, "#
            + #""tags": [{"name": "swift", "url": "https://m.example/tags/swift"}], "#
            + #""mentions": [{"acct": "bob", "url": "https://m.example/@bob"}]}"#
        let discussion = try Self.load(#"{"status": \#(status), "context": {}}"#)
        #expect(discussion.article.body == ["#swift with @bob :blobcat: see this <https://example.org/x>"])
        #expect(discussion.article.author == ":blobcat: Ann @ann")
    }

    @Test func mastodonRepliesNestByInReplyToAndOPIsTheRootsAccount() throws {
        let descendants = [
            Self.status("2", replyTo: "1"), Self.status("3", replyTo: "2"), Self.status("4", replyTo: "1"),
            #"{"id": "5", "in_reply_to_id": "3", "content": "<p>me again</p>", "account": {"id": "a1", "acct": "user1"}}"#,
        ]
        let discussion = try Self.load(
            #"{"status": \#(Self.status("1")), "context": {"ancestors": [], "descendants": [\#(descendants.joined(separator: ","))]}}"#
        )
        #expect(FediverseFixtureTests.outline(discussion) == ["2", "2 > 3", "3 > 5", "4"])
        #expect((0..<discussion.count).filter { discussion.isOP($0) } == [2])
    }

    /// An open single-choice poll on a reply: its options one line each, a count the server hides left
    /// out, a title's line break made a space; more options than a server allows are counted, not shown.
    @Test func mastodonPollOptionsAndVotesAreStandIns() throws {
        let poll =
            #""poll": {"expired": false, "multiple": false, "votes_count": 3, "voters_count": null, "options": ["#
            + #"{"title": "yes\nplease", "votes_count": 1}, {"title": "no", "votes_count": null}]}"#
        let many = (0..<53).map { #"{"title": "o\#($0)", "votes_count": 0}"# }.joined(separator: ", ")
        let discussion = try Self.load(
            "[" + Self.status("1") + #", {"ancestors": [], "descendants": ["#
                + Self.status("2", replyTo: "1", poll) + ", "
                + Self.status("3", replyTo: "1", #""poll": {"expired": true, "options": [\#(many)]}"#) + "]}]")
        let reply = try #require(Corpus.index(of: "2", in: discussion))
        #expect(
            discussion.body(of: reply)
                == "status 2\n\n[poll option: yes please (1 vote)]\n[poll option: no]\n[poll: open, 3 votes]")
        let crowded = try #require(Corpus.index(of: "3", in: discussion))
        let lines = discussion.body(of: crowded).split(separator: "\n")
        #expect(lines.count == 1 + 50 + 2)  // the text, 50 options, the rest and the totals
        #expect(lines.suffix(2) == ["[poll: 3 more options]", "[poll: closed]"])
    }

    @Test func mastodonReplyLoopIsBrokenAndCounted() throws {
        let descendants = [Self.status("2", replyTo: "3"), Self.status("3", replyTo: "2")]
        let discussion = try Self.load(
            #"{"status": \#(Self.status("1")), "context": {"descendants": [\#(descendants.joined(separator: ","))]}}"#)
        #expect(discussion.commentCount == 2)
        #expect(discussion.notes == ["1 reply loop broken (the comment is shown at the top level)"])
    }

    @Test func mastodonWrongTypesAreLeftOutAndCounted() throws {
        let discussion = try Self.load(
            #"{"status": {"id": 1, "content": 5, "reblogs_count": "many", "account": []}, "#
                + #""context": {"descendants": [7, {"id": "2", "in_reply_to_id": 1, "content": "<p>ok</p>"}]}}"#)
        #expect(discussion.commentCount == 1)
        #expect(discussion.parent(of: 0) == nil)
        #expect(discussion.notes == ["1 item skipped (not a comment)", "3 fields with the wrong type left out"])
    }

    // MARK: - Lemmy

    static func lemmyComment(_ id: Int, _ path: String, _ extra: String = "") -> String {
        #"{"comment": {"id": \#(id), "path": "\#(path)", "content": "c\#(id)"\#(extra)}, "creator": {"name": "u\#(id)"}}"#
    }

    @Test func lemmyPathLoopIsBrokenAndDuplicatesSkipped() throws {
        let comments = [
            Self.lemmyComment(5, "0.6.5"), Self.lemmyComment(6, "0.5.6"), Self.lemmyComment(6, "0.6"),
        ]
        let discussion = try Self.load(
            #"{"post_view": {"post": {"id": 1, "name": "p"}}, "comments": [\#(comments.joined(separator: ","))]}"#)
        #expect(discussion.commentCount == 2)
        #expect(
            discussion.notes == [
                "1 duplicate item skipped", "1 reply loop broken (the comment is shown at the top level)",
            ])
    }

    @Test func lemmyMissingPostIsAnError() throws {
        #expect(throws: DocumentError.self) { try Self.load(#"{"comments": []}"#, .lemmy) }
    }

    @Test func lemmySpoilerAndScriptsInCodeStayAsWritten() {
        let text = "`a^b^` and\n\n    ::: spoiler x\n\n```\nH~2~O\n```\n\nx^y^z"
        #expect(LemmyMarkdown.normalized(text) == "`a^b^` and\n\n    ::: spoiler x\n\n```\nH~2~O\n```\n\nx^(y)z")
    }

    // MARK: - Bluesky

    static func post(_ rkey: String, _ text: String = "hello", did: String = "did:plc:a", extra: String = "") -> String
    {
        #"{"uri": "at://\#(did)/app.bsky.feed.post/\#(rkey)", "author": {"did": "\#(did)", "handle": "h\#(rkey).test"}, "#
            + #""record": {"text": "\#(text)", "createdAt": "2024-01-01T00:00:00Z"}\#(extra)}"#
    }

    @Test func blueskyBlockedAndMissingRepliesArePlaceholdersNotComments() throws {
        let replies = [
            #"{"$type": "app.bsky.feed.defs#blockedPost", "uri": "at://x", "blocked": true}"#,
            #"{"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://y", "notFound": true}"#,
            #"{"$type": "app.bsky.feed.defs#threadViewPost", "post": \#(Self.post("r", extra: #", "replyCount": 4"#))}"#,
        ]
        let discussion = try Self.load(
            #"{"thread": {"post": \#(Self.post("root")), "replies": [\#(replies.joined(separator: ","))]}}"#)
        #expect(discussion.commentCount == 1)
        #expect(
            FediverseFixtureTests.outline(discussion) == [
                "…[blocked post]", "…[deleted post]", "at://did:plc:a/app.bsky.feed.post/r",
                "at://did:plc:a/app.bsky.feed.post/r > …4 more replies not in this file",
            ])
    }

    @Test func blueskyDeletedPostAskedForIsAnError() throws {
        #expect(throws: DocumentError.self) {
            try Self.load(
                #"{"thread": {"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://x", "notFound": true}}"#)
        }
    }

    @Test func blueskyDeletedRootLeavesAStandInArticle() throws {
        let parent = #"{"$type": "app.bsky.feed.defs#notFoundPost", "uri": "at://x", "notFound": true}"#
        let discussion = try Self.load(#"{"thread": {"post": \#(Self.post("r")), "parent": \#(parent)}}"#)
        #expect(discussion.article.title == "[deleted post]")
        #expect(discussion.commentCount == 1)
    }

    @Test func blueskyEmbedsBecomeStandIns() throws {
        let images =
            #"{"$type": "app.bsky.embed.images#view", "images": [{"alt": "a cat\non a mat", "fullsize": "https://cdn.example/1.jpg"}]}"#
        let quote =
            #"{"$type": "app.bsky.embed.record#view", "record": {"$type": "app.bsky.embed.record#viewRecord", "#
            + #""uri": "at://did:plc:q/app.bsky.feed.post/3q", "author": {"handle": "q.test"}, "value": {"text": "quoted"}}}"#
        let withMedia =
            #"{"$type": "app.bsky.embed.recordWithMedia#view", "media": \#(images), "record": {"record": "#
            + #"{"$type": "app.bsky.embed.record#viewNotFound"}}}"#
        let video =
            #"{"$type": "app.bsky.embed.video#view", "playlist": "https://video.example/p.m3u8", "alt": "clip"}"#
        var lines: [String] = []
        for embed in [images, quote, withMedia, video] {
            let discussion = try Self.load(#"{"thread": {"post": \#(Self.post("r", extra: #", "embed": "# + embed))}}"#)
            lines += discussion.article.body.dropFirst()
        }
        #expect(
            lines == [
                "[image: a cat on a mat <https://cdn.example/1.jpg>]",
                "[quote: @q.test: quoted <https://bsky.app/profile/did:plc:q/post/3q>]",
                "[quote: deleted post]\n[image: a cat on a mat <https://cdn.example/1.jpg>]",
                "[video: clip <https://video.example/p.m3u8>]",
            ])
    }

    @Test func blueskyFacetsOnCharacterBoundariesOnly() {
        // "héllo link": "é" is two bytes; a facet splitting it, one past the end and one overlapping are left out.
        let text = "héllo link"
        let good = (7..<11, "https://example.org/l")
        let facets = [
            (1..<2, "https://bad.example"), good, (9..<12, "https://overlap.example"), (10..<99, "https://far"),
        ]
        #expect(
            Bluesky.linked(text, facets: facets.sorted { $0.0.lowerBound < $1.0.lowerBound })
                == "héllo link <https://example.org/l>")
    }

    @Test func blueskyHundredThousandLevelsOfRepliesLoadWithoutRecursion() throws {
        let depth = 100_000
        var json = #"{"thread": "#
        json.reserveCapacity(depth * 140)
        for level in 0..<depth {
            let rkey = "p\(level)"
            json += #"{"post": \#(Self.post(rkey, "x"))"# + (level + 1 < depth ? #", "replies": ["# : "")
        }
        json += String(repeating: "}]", count: depth - 1) + "}}"
        let discussion = try Self.load(json)
        #expect(discussion.commentCount == depth - 1)
    }
}
