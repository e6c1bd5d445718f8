import Testing

@testable import ThreadModel

/// The story's own facts (score, the comment count the site claims, marks) from the importers that
/// have them in their data: Discourse topics and Hacker News through Algolia.
@Suite struct StoryHeaderFactsTests {
    @Test func aDiscourseTopicSaysItsLikesRepliesAndWhetherPinnedOrClosed() throws {
        let closed = try Corpus.load("discourse/urho3d_github-in-decay.6482.json")
        #expect(closed.article.score == 14)
        // 35 posts: the article, 31 comments and 3 events ("pinned", "closed", "unpinned"), which the
        // site counts among its posts and the reader shows as one-line events, not comments.
        #expect(closed.article.commentCount == 31)
        #expect(closed.commentCount == 31)
        #expect(closed.article.marks == ["closed"])
        let pinned = try Corpus.load("discourse/try_discourse_sandbox_topic_2013.json")
        #expect(pinned.article.marks == ["pinned"])
        #expect(pinned.article.commentCount == 3)
    }

    @Test func aWholeDiscourseTopicAnnouncesTheCommentsTheReaderShows() throws {
        // Every recorded topic holds its whole stream: the count announced is the count shown, events or not.
        for name in [
            "urho3d_github-in-decay.6482", "urho3d_to-rbfx-and-not-to-rbfx.5864",
            "urho3d_migration-from-custom-container-library-to-augmented-eastl.5872",
            "urho3d_interesting-animation-approach.4633", "try_discourse_sandbox_topic_2013",
        ] {
            let topic = try Corpus.load("discourse/\(name).json")
            #expect(topic.article.commentCount == Int64(topic.commentCount), "\(name)")
        }
    }

    @Test func aDiscourseTopicWithTheCategoryNamedSaysIt() throws {
        let json = """
            {"id": 7, "title": "T", "posts_count": 2, "like_count": 5, "pinned": false, "closed": true,
             "archived": true, "category_id": 3, "categories": [{"id": 3, "name": "Support\\u001b[2J"}],
             "post_stream": {"posts": [{"id": 1, "post_number": 1, "username": "a", "cooked": "<p>x</p>"}]}}
            """
        let discussion = try Discussion.load(DocumentBytes(Array(json.utf8)), format: .discourse)
        #expect(discussion.article.marks == ["closed", "archived", "Support\u{1B}[2J"])
        #expect(discussion.article.score == 5 && discussion.article.commentCount == 1)
    }

    @Test func anAlgoliaStorySaysItsPointsAndDescendants() throws {
        let json = """
            {"id": 1, "type": "story", "title": "T", "author": "pg", "points": 57, "descendants": 2,
             "children": [{"id": 2, "type": "comment", "author": "a", "text": "x", "children": []}]}
            """
        let discussion = try Discussion.load(DocumentBytes(Array(json.utf8)), format: .hackerNewsAlgolia)
        #expect(discussion.article.score == 57)
        #expect(discussion.article.commentCount == 2)
    }

    @Test func anAlgoliaCommentHasNoStoryFacts() throws {
        let comment = try Corpus.load("hn_algolia/item17_pg_comment_subtree_2014.json")
        #expect(comment.article.score == nil && comment.article.commentCount == nil)
    }
}
