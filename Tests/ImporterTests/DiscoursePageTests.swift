import Foundation
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// Discourse pages read as the forum shows them: later pages keep every post, media never leaves a post empty.
@Suite struct DiscoursePageTests {
    private func load(_ json: String) throws(DocumentError) -> Discussion {
        try Discussion.load(DocumentBytes(Array(json.utf8)))
    }

    @Test func laterPageKeepsEveryPostAsAComment() throws {
        let discussion = try load(
            """
            {"id": 1234, "title": "Long topic", "created_at": "2020-01-01T00:00:00.000Z", "post_stream": {"posts": [
              {"post_number": 21, "username": "a", "cooked": "<p>twenty-one</p>", "reply_to_post_number": 1},
              {"post_number": 22, "username": "b", "cooked": "<p>twenty-two</p>", "reply_to_post_number": 21}]}}
            """)
        #expect(discussion.article.title == "Long topic")
        #expect(discussion.article.body.isEmpty)
        #expect(discussion.article.author == nil)
        #expect(discussion.article.published == "2020-01-01T00:00:00Z")
        #expect(discussion.commentCount == 2)
        #expect(discussion.parent(of: 1) == 0)
    }

    @Test func postsJSONWithoutTopicFieldsIsNamedAfterItsTopic() throws {
        let discussion = try load(
            """
            {"post_stream": {"posts": [
              {"post_number": 3, "topic_id": 1234, "username": "a", "cooked": "<p>x</p>"},
              {"post_number": 4, "topic_id": 1234, "username": "b", "cooked": "<p>y</p>"}]}}
            """)
        #expect(discussion.article.title == "Discourse topic 1234")
        #expect(discussion.article.id == "1234")
        #expect(discussion.commentCount == 2)
    }

    @Test func millisecondTimesBecomeSeconds() throws {
        let discussion = try load(
            """
            {"id": 1, "title": "T", "post_stream": {"posts": [
              {"post_number": 1, "username": "op", "cooked": "<p>x</p>", "created_at": "2019-06-30T23:59:59.999Z"},
              {"post_number": 2, "username": "a", "cooked": "<p>y</p>", "created_at": "2019-07-01T00:00:00.123Z"}]}}
            """)
        #expect(discussion.article.published == "2019-06-30T23:59:59Z")
        #expect(discussion.published(of: 0) == "2019-07-01T00:00:00Z")
    }

    /// The real topic with post 1 and the topic's title removed, as `/t/<id>/posts.json` of a later page gives it.
    @Test func realTopicWithoutItsFirstPostKeepsEveryOtherPost() throws {
        let url = Corpus.directory.appendingPathComponent("discourse/urho3d_github-in-decay.6482.json")
        var topic = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        var stream = try #require(topic["post_stream"] as? [String: Any])
        let posts = try #require(stream["posts"] as? [[String: Any]])
        stream["posts"] = posts.filter { $0["post_number"] as? Int != 1 }
        topic = ["post_stream": stream]
        let bytes = try JSONSerialization.data(withJSONObject: topic)
        let discussion = try Discussion.load(DocumentBytes(Array(bytes)))
        let whole = try Corpus.load("discourse/urho3d_github-in-decay.6482.json")
        #expect(discussion.count == whole.count)
        #expect(discussion.commentCount == whole.commentCount)
        #expect(discussion.article.title == "Discourse topic 6482")
        #expect(discussion.notes.isEmpty)
    }

    @Test func realOneboxBecomesALinkLine() throws {
        let discussion = try Corpus.load("discourse/urho3d_github-in-decay.6482.json")
        let post = try #require(Corpus.index(of: "2", in: discussion))
        #expect(
            discussion.body(of: post) == """
                Note that GitLab also allows for self-hosting.

                [link: GitLab.org / GitLab FOSS <https://gitlab.com/gitlab-org/gitlab-foss>]
                """)
    }

    @Test func realPictureAndEmojiReadAsText() throws {
        let sandbox = try Corpus.load("discourse/try_discourse_sandbox_topic_2013.json")
        let post = try #require(Corpus.index(of: "3", in: sandbox))
        #expect(sandbox.body(of: post) == "[image: ahh.gif]")
        let rbfx = try Corpus.load("discourse/urho3d_to-rbfx-and-not-to-rbfx.5864.json")
        let heart = try #require(Corpus.index(of: "6", in: rbfx))
        #expect(rbfx.body(of: heart) == "-DURHO3D_CSHARP=OFF :heart:")
    }

    /// The sites whose comments are HTML (Reddit's Markdown is converted elsewhere).
    @Test(arguments: Corpus.files.filter { !$0.hasPrefix("reddit/") })
    func noCommentIsEmptyUnlessDeleted(_ file: String) throws {
        let discussion = try Corpus.load(file)
        for i in 0..<discussion.count where !discussion.isDeleted(i) && discussion.hasBody(i) {
            #expect(!discussion.body(of: i).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(file) #\(i)")
        }
    }

    @Test(arguments: Corpus.files)
    func everyTimeIsUTCWithZ(_ file: String) throws {
        let discussion = try Corpus.load(file)
        let times = [discussion.article.published] + (0..<discussion.count).map { discussion.published(of: $0) }
        for time in times.compactMap({ $0 }) {
            #expect(time.count == 20 && time.hasSuffix("Z") && ImportSupport.utc(time) == time, "\(file): \(time)")
        }
    }
}

@Suite struct DiscourseEmptyPostTests {
    @Test func postWithNothingToShowSaysSo() throws {
        let discussion = try Discussion.load(
            DocumentBytes(
                Array(
                    """
                    {"id": 1, "title": "T", "post_stream": {"posts": [
                      {"post_number": 2, "username": "a", "cooked": "<div class=\\"x\\"><svg></svg></div>"},
                      {"post_number": 3, "username": "b", "cooked": "", "deleted_at": "2020-01-01T00:00:00Z"}]}}
                    """.utf8)))
        #expect(discussion.body(of: 0) == "[post with no text]")
        #expect(discussion.body(of: 1) == "")
    }
}
