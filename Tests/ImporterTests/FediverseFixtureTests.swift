import Foundation
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// The recorded Mastodon, Lemmy and Bluesky answers (and the hand-built Lemmy post, for the dialect and
/// the cases the recorded ones lack) in `Tests/Fixtures`, checked against what each site shows for them.
@Suite struct FediverseFixtureTests {
    static let files = [
        "mastodon/status_reply_mastodonpy.json", "mastodon/reply_in_context_mastodonpy.json",
        "mastodon/edited_media_mastodonpy.json", "mastodon/context_halcy_mastodonpy.json",
        "mastodon/poll_mastodonpy.json",
        "lemmy/post_1_lemmyktclient.json", "lemmy/post_1234_minimal.json", "lemmy/post_1234_pages_minimal.json",
        "bluesky/thread_mid_morpho.json", "bluesky/thread_torture_morpho.json",
    ]

    /// Each comment's id and its parent's id ("" at the top level), placeholders as "…".
    static func outline(_ discussion: Discussion) -> [String] {
        (0..<discussion.count).map { index in
            let id =
                discussion.isPlaceholder(index)
                ? "…" + discussion.body(of: index) : discussion.id(of: index)?.key ?? "?"
            let parent = discussion.parent(of: index).flatMap { discussion.id(of: $0)?.key } ?? ""
            return parent.isEmpty ? id : "\(parent) > \(id)"
        }
    }

    @Test(arguments: files)
    func detectedAsItsSite(_ file: String) throws {
        let bytes = try DocumentBytes.read(path: Corpus.directory.appendingPathComponent(file).path)
        let expected: [String: DocumentFormat] = ["mastodon": .mastodon, "lemmy": .lemmy, "bluesky": .bluesky]
        #expect(DocumentFormat.detect(bytes) == expected[String(file.prefix { $0 != "/" })])
    }

    @Test(arguments: files)
    func convertingTwiceGivesTheSameBytes(_ file: String) throws {
        let discussion = try Corpus.load(file)
        let first = DocumentWriter.canonicalJSON(discussion)
        let again = try Discussion.load(DocumentBytes(first))
        #expect(again.commentCount == discussion.commentCount)
        #expect(DocumentWriter.canonicalJSON(again) == first)
        #expect(discussion.notes.isEmpty, "\(file): \(discussion.notes)")
    }

    // MARK: - Mastodon

    @Test func mastodonPostIsTheArticleAndTheReplyItsComment() throws {
        let discussion = try Corpus.load("mastodon/status_reply_mastodonpy.json")
        #expect(discussion.article.title == "Toot, finally!")
        #expect(discussion.article.author == "@mastodonpy_test_2")
        #expect(discussion.article.source == "Mastodon localhost")
        #expect(discussion.article.published == "2026-08-01T13:53:15Z")
        #expect(discussion.commentCount == 1)
        // The mention is its text: no numbered link to the account's page.
        #expect(discussion.body(of: 0) == "@mastodonpy_test_2 same!")
        #expect(discussion.author(of: 0) == "@admin")
        #expect(discussion.score(of: 0) == 0)
        #expect(discussion.isOP(0) == false)
    }

    @Test func mastodonReplyOpensOnTheConversationsRoot() throws {
        let byPost = try Corpus.load("mastodon/status_reply_mastodonpy.json")
        let byReply = try Corpus.load("mastodon/reply_in_context_mastodonpy.json")
        #expect(byReply.article.id == "117020583245459824")
        #expect(DocumentWriter.canonicalJSON(byReply) == DocumentWriter.canonicalJSON(byPost))
    }

    @Test func mastodonEditedStatusWithVideoIsMarkedAndStandsIn() throws {
        let discussion = try Corpus.load("mastodon/edited_media_mastodonpy.json")
        #expect(
            discussion.article.body == [
                "[edited 2026-08-01T13:58:56Z]",
                "I have altered the media attachment. Pray I do not alter it further.",
                "[video: Updated description <http://localhost:3000/system/media_attachments/files/117/020/605/255/737/863/original/44b297b1dad98ca2.mp4>]",
            ])
        #expect(discussion.commentCount == 0)
    }

    /// A context recorded on mastodon.social: the status asked for has its root above it and a reply below.
    @Test func mastodonRecordedContextIsAChainFromTheRoot() throws {
        let discussion = try Corpus.load("mastodon/context_halcy_mastodonpy.json")
        #expect(discussion.article.id == "110446983178245440")
        #expect(discussion.article.body == ["first status"])
        #expect(discussion.article.author == "autumnal halcy @halcy")
        #expect(discussion.article.source == "Mastodon mastodon.social")
        #expect(discussion.commentCount == 2)
        #expect(Self.outline(discussion) == ["110446983926957470", "110446983926957470 > 110446984249325790"])
        let reply = try #require(Corpus.index(of: "110446984249325790", in: discussion))
        #expect(discussion.body(of: reply) == "final status")
        #expect(discussion.isOP(reply))
        #expect(discussion.published(of: reply) == "2023-05-28T15:20:35Z")
    }

    /// A closed multiple-choice poll recorded on mastodon.social: each option with its votes, then
    /// the totals (64 votes from 47 people), as the site shows under the text.
    @Test func mastodonRecordedPollShowsItsOptionsAndVotes() throws {
        let discussion = try Corpus.load("mastodon/poll_mastodonpy.json")
        #expect(
            discussion.article.body == [
                "[edited 2023-05-28T12:51:38Z]", "secret test poll :hecker:",
                "[poll option: real (8 votes)]\n[poll option: fr fr (17 votes)]\n[poll option: so true (14 votes)]\n"
                    + "[poll option: :hecker: (25 votes)]\n[poll: closed, 64 votes from 47 people]",
            ])
    }

    // MARK: - Lemmy
    /// Comments recorded from a Lemmy 0.18 test instance: two top-level comments of the admin, a removed
    /// reply below the second, and the one reply of that removed comment, counted but not sent.
    @Test func lemmyRecordedCommentsAsTheSiteShowsThem() throws {
        let discussion = try Corpus.load("lemmy/post_1_lemmyktclient.json")
        #expect(discussion.article.title == "Test post!")
        #expect(discussion.article.source == "Lemmy !testcommunity@localhost")
        #expect(discussion.article.author == "lemmy")
        #expect(discussion.commentCount == 3)
        #expect(Self.outline(discussion) == ["3", "2", "2 > 4", "4 > …1 more reply not in this file"])
        let byID = { (id: String) throws -> Int in try #require(Corpus.index(of: id, in: discussion)) }
        #expect(discussion.body(of: try byID("3")) == "Test comment from the UI.")
        #expect(discussion.body(of: try byID("2")) == "Lemmy comment content!")
        #expect(discussion.score(of: try byID("2")) == 1)
        // Lemmy 0.18 says so in `creator.admin` (0.19 in `creator_is_admin`).
        #expect(discussion.role(of: try byID("2")) == .admin)
        #expect(discussion.isOP(try byID("3")))
        let removed = try byID("4")
        #expect(discussion.isDeleted(removed) && discussion.body(of: removed) == "[removed]")
    }

    @Test func lemmyCommentsFollowTheirPaths() throws {
        let discussion = try Corpus.load("lemmy/post_1234_minimal.json")
        #expect(discussion.commentCount == 7)
        #expect(
            Self.outline(discussion) == [
                "11", "11 > 12", "12 > 13", "14", "14 > 15", "16", "17", "17 > …3 more replies not in this file",
            ])
        #expect(discussion.article.title == "What small tool made your week?")
        #expect(discussion.article.source == "Lemmy !asklemmy@lemmy.example")
        #expect(discussion.article.author == "alice")
    }

    @Test func lemmyKeepsDeletedAndRemovedInPlaceWithLabels() throws {
        let discussion = try Corpus.load("lemmy/post_1234_minimal.json")
        let byID = { (id: String) throws -> Int in try #require(Corpus.index(of: id, in: discussion)) }
        let deleted = try byID("14")
        let removed = try byID("16")
        #expect(discussion.isDeleted(deleted) && discussion.body(of: deleted) == "[deleted]")
        #expect(discussion.isDeleted(removed) && discussion.body(of: removed) == "[removed]")
        #expect(discussion.isOP(try byID("12")))
        #expect(discussion.role(of: try byID("13")) == .moderator)
        #expect(discussion.role(of: try byID("17")) == .admin)
        #expect(discussion.score(of: try byID("11")) == 5)
        #expect(discussion.body(of: try byID("11")) == "ripgrep, as always. See the manual <https://example.org/rg>.")
    }

    @Test func lemmyDialectBecomesText() throws {
        let discussion = try Corpus.load("lemmy/post_1234_minimal.json")
        #expect(
            discussion.article.body == [
                "Mine was jq.", "[spoiler: why]", "It reads the API answers I save.", "[end of spoiler]",
                "E = mc^2 and H2O.",
            ])
    }

    @Test func lemmyPagesReadAsOne() throws {
        let whole = try Corpus.load("lemmy/post_1234_minimal.json")
        let pages = try Corpus.load("lemmy/post_1234_pages_minimal.json")
        #expect(DocumentWriter.canonicalJSON(pages) == DocumentWriter.canonicalJSON(whole))
    }

    // MARK: - Bluesky

    @Test func blueskyRootParentIsTheArticleAndTheRestItsTree() throws {
        let discussion = try Corpus.load("bluesky/thread_mid_morpho.json")
        #expect(discussion.article.author == "Matt Binder @mattbinder.bsky.social")
        #expect(
            discussion.article.url == "https://bsky.app/profile/did:plc:mndtiksvxikpsy3zl6ebd2kr/post/3k7rlrukr4w2v")
        #expect(discussion.commentCount == 6)
        let short = Self.outline(discussion).map {
            $0.replacing("at://did:plc:", with: "").replacing("/app.bsky.feed.post/", with: "/")
        }
        #expect(
            short == [
                "uy7ehrx332p6dow5sk32hxzq/3k7rmyigapw2y",
                "uy7ehrx332p6dow5sk32hxzq/3k7rmyigapw2y > 3vqyk736eakmlwkmfraauemo/3k7rob7ugc72d",
                "3vqyk736eakmlwkmfraauemo/3k7rob7ugc72d > 3vqyk736eakmlwkmfraauemo/3k7rocw2w6u2t",
                "uy7ehrx332p6dow5sk32hxzq/3k7rmyigapw2y > w2gsbanugiw67kud7sieilh7/3k7rn6uemfg2c",
                "w2gsbanugiw67kud7sieilh7/3k7rn6uemfg2c > afppko2gwdw53mqt7kzdx27g/3k7rngaexam2t",
                "w2gsbanugiw67kud7sieilh7/3k7rn6uemfg2c > wbfs32kk4w264yy4smjx5b4t/3k7rnexppqa2g",
                "…54 more replies not in this file",
            ])
    }

    @Test func blueskyLinkFacetAndCardStandIn() throws {
        let discussion = try Corpus.load("bluesky/thread_mid_morpho.json")
        let address =
            "https://mashable.com/article/bluesky-record-new-signups-after-musk-says-charge-x-twitter-users-fee"
        #expect(
            discussion.article.body == [
                "one day after Elon Musk said he would start charging all users for X, Bluesky is seeing its biggest "
                    + "single-day in new user signups mashable.com/article/blue... <\(address)>",
                "[link: Bluesky sees record signups day after Musk says X will go paid-only <\(address)>]",
            ])
    }

    @Test func blueskyDeepParentChainNestsAndLabelsTheRootsAuthor() throws {
        let discussion = try Corpus.load("bluesky/thread_torture_morpho.json")
        #expect(discussion.article.author == "nova 🆒 @ovna.dev")
        #expect(discussion.commentCount == 7)
        var depth = 0
        var index = try #require((0..<discussion.count).last { !discussion.isPlaceholder($0) })
        while let parent = discussion.parent(of: index) {
            depth += 1
            index = parent
        }
        #expect(depth == 6)
        let op = (0..<discussion.count).filter { discussion.isOP($0) }.compactMap { discussion.author(of: $0) }
        #expect(op == ["nova 🆒 @ovna.dev", "nova 🆒 @ovna.dev"])
    }
}
