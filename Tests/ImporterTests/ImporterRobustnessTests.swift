import Testing

@testable import SiteFormats
@testable import ThreadModel

/// Site files with wrong types, huge numbers, deep nesting or reply loops load, and every loss is counted.
@Suite struct ImporterRobustnessTests {
    private func load(_ json: String) throws(DocumentError) -> Discussion {
        try Discussion.load(DocumentBytes(Array(json.utf8)))
    }

    private func redditThread(_ comments: String) -> String {
        """
        [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "P"}}]}},
         {"kind": "Listing", "data": {"children": [\(comments)]}}]
        """
    }

    @Test func redditScoreAsTextDropsTheScoreNotTheCommentOrItsReplies() throws {
        let discussion = try load(
            redditThread(
                """
                {"kind": "t1", "data": {"id": "a", "author": "x", "body": "kept", "score": "5", "replies":
                  {"kind": "Listing", "data": {"children": [{"kind": "t1", "data": {"id": "b", "body": "reply"}}]}}}}
                """))
        #expect(discussion.count == 2)
        #expect(discussion.score(of: 0) == nil)
        #expect(discussion.body(of: 0) == "kept")
        #expect(discussion.parent(of: 1) == 0)
        #expect(discussion.notes == ["1 field with the wrong type left out"])
    }

    @Test func hackerNewsPointsOutOfRangeAreDroppedAndCounted() throws {
        let discussion = try load(
            """
            {"id": 1, "type": "story", "title": "T", "created_at_i": 0, "children": [
              {"id": 2, "author": "a", "text": "x", "points": 1e400, "created_at_i": 9223372036854775807,
               "children": [{"id": 3, "author": "b", "text": "y", "points": 5.0}]}]}
            """)
        #expect(discussion.count == 2)
        #expect(discussion.score(of: 0) == nil)
        #expect(discussion.published(of: 0) == nil)
        #expect(discussion.score(of: 1) == 5)
        #expect(discussion.notes == ["1 field with the wrong type left out"])
    }

    @Test func lobstersHugeAndNegativeDepthsDoNotTrap() throws {
        let discussion = try load(
            """
            {"short_id": "s", "title": "T", "comments": [
              {"short_id": "a", "comment": "<p>one</p>", "depth": 9223372036854775807},
              {"short_id": "b", "comment": "<p>two</p>", "depth": 9223372036854775807},
              {"short_id": "c", "comment": "<p>three</p>", "depth": -9223372036854775808},
              {"short_id": "d", "comment": "<p>four</p>", "indent_level": 9223372036854775807}]}
            """)
        #expect(discussion.count == 4)
        #expect(discussion.parent(of: 0) == nil)
        #expect(discussion.parent(of: 1) == 0)
        #expect(discussion.parent(of: 2) == nil)
        #expect(discussion.parent(of: 3) == 2)
    }

    @Test func lobstersTimeThatIsANumberIsDroppedAndCounted() throws {
        let discussion = try load(
            """
            {"short_id": "s", "title": "T", "created_at": "2023-01-02T03:04:05.000-05:00", "comments": [
              {"short_id": "a", "comment": "x", "created_at": 1700000000, "score": "3"}]}
            """)
        #expect(discussion.count == 1)
        #expect(discussion.article.published == "2023-01-02T08:04:05Z")
        #expect(discussion.published(of: 0) == nil)
        #expect(discussion.notes == ["2 fields with the wrong type left out"])
    }

    @Test func timesFromEverySiteAreUTCWithZ() {
        #expect(ImportSupport.utc("2021-03-04T22:11:12.000-06:00") == "2021-03-05T04:11:12Z")
        #expect(ImportSupport.utc("2020-05-01T12:34:56.789Z") == "2020-05-01T12:34:56Z")
        #expect(ImportSupport.utc("2014-01-01T00:00:00+0130") == "2013-12-31T22:30:00Z")
        #expect(ImportSupport.utc("2014-01-01T00:00:00") == "2014-01-01T00:00:00Z")
        #expect(ImportSupport.utc("yesterday") == nil)
        #expect(ImportSupport.utc("2014-13-01T00:00:00Z") == nil)
    }

    @Test func unreadableTimeIsLeftOutAndCounted() throws {
        let discussion = try load(
            """
            {"post_stream": {"posts": [{"post_number": 2, "username": "a", "cooked": "<p>x</p>",
              "created_at": "last week"}]}, "id": 7, "title": "T"}
            """)
        #expect(discussion.published(of: 0) == nil)
        #expect(discussion.notes == ["1 time not understood, left out"])
    }

    @Test func redditNestingPastFoundationsLimitLoads() throws {
        let depth = 600
        var comments = ""
        for level in 0..<depth {
            comments += #"{"kind": "t1", "data": {"id": "c\#(level)", "body": "level", "replies": "#
            comments += #"{"kind": "Listing", "data": {"children": ["#
        }
        comments += String(repeating: "]}}}}", count: depth)
        let discussion = try load(redditThread(comments))
        #expect(discussion.count == depth)
        #expect(discussion.parent(of: depth - 1) == depth - 2)
    }

    @Test func hundredThousandLevelAlgoliaChainLoadsWithoutRecursion() throws {
        let depth = 100_000
        var json = #"{"id": 0, "type": "story", "title": "deep", "created_at_i": 0, "children": ["#
        for id in 1...depth { json += #"{"id": \#(id), "text": "t", "children": ["# }
        json += String(repeating: "]}", count: depth) + "]}"
        let discussion = try load(json)
        #expect(discussion.count == depth)
    }

    @Test func discourseSelfReplyAndLoopAreBrokenNotRefused() throws {
        let discussion = try load(
            """
            {"id": 5, "title": "T", "post_stream": {"posts": [
              {"post_number": 1, "username": "op", "cooked": "<p>start</p>"},
              {"post_number": 2, "username": "a", "cooked": "<p>self</p>", "reply_to_post_number": 2},
              {"post_number": 3, "username": "b", "cooked": "<p>b</p>", "reply_to_post_number": 4},
              {"post_number": 4, "username": "c", "cooked": "<p>c</p>", "reply_to_post_number": 3},
              {"post_number": 5, "username": "d", "cooked": "<p>d</p>", "reply_to_post_number": 4}]}}
            """)
        #expect(discussion.commentCount == 4)
        #expect(discussion.parent(of: 0) == nil)
        let c = try #require(Corpus.index(of: "4", in: discussion))
        let b = try #require(Corpus.index(of: "3", in: discussion))
        let d = try #require(Corpus.index(of: "5", in: discussion))
        // One of the loop goes to the top, the other stays its reply, and the rest keeps its place.
        #expect((discussion.parent(of: b) == c) != (discussion.parent(of: c) == b))
        #expect(discussion.parent(of: d) == c)
        #expect(discussion.notes == ["2 reply loops broken (the comment is shown at the top level)"])
    }

    @Test func lobstersParentLoopIsBroken() throws {
        let discussion = try load(
            """
            {"short_id": "s", "title": "T", "comments": [
              {"short_id": "a", "comment": "x", "parent_comment": "b"},
              {"short_id": "b", "comment": "y", "parent_comment": "a"},
              {"short_id": "c", "comment": "z", "parent_comment": null}]}
            """)
        #expect(discussion.count == 3)
        #expect(discussion.notes == ["1 reply loop broken (the comment is shown at the top level)"])
    }

    @Test func hackerNewsItemsParentLoopIsBroken() throws {
        let discussion = try load(
            """
            [{"id": 1, "type": "story", "title": "T", "kids": [2]},
             {"id": 2, "type": "comment", "by": "a", "text": "fine", "parent": 1},
             {"id": 3, "type": "comment", "by": "b", "text": "loop", "parent": 4},
             {"id": 4, "type": "comment", "by": "c", "text": "loop", "parent": 3},
             {"id": 5, "type": "comment", "by": "d", "text": "self", "parent": 5}]
            """)
        #expect(discussion.count == 4)
        #expect(discussion.notes == ["2 reply loops broken (the comment is shown at the top level)"])
    }

    @Test func prettyPrintedItemsOneAfterAnotherLoad() throws {
        let discussion = try load(
            """
            {"id": 1, "type": "story", "title": "T",
             "kids": [2]}
            {"id": 2, "type": "comment", "by": "a",
             "text": "fine", "parent": 1}
            """)
        #expect(discussion.count == 1)
        #expect(discussion.notes.isEmpty)
    }

    @Test func brokenJSONLineCostsOnlyItself() throws {
        let discussion = try load(
            """
            {"id": 1, "type": "story", "title": "T", "kids": [2, 3]}
            {"id": 2, "type": "comment", "by": "a", "text": "fine", "parent": 1
            {"id": 3, "type": "comment", "by": "b", "text": "also fine", "parent": 1}
            """)
        #expect(discussion.count == 1)
        #expect(discussion.notes == ["1 line skipped (not JSON)"])
    }
}

@Suite struct DuplicateItemTests {
    @Test func repeatedAlgoliaItemIsLeftOutButItsRepliesStay() throws {
        let discussion = try Discussion.load(
            DocumentBytes(
                Array(
                    """
                    {"id": 1, "type": "story", "title": "T", "created_at_i": 0, "children": [
                      {"id": 2, "author": "a", "text": "first"},
                      {"id": 2, "author": "a", "text": "again", "children": [{"id": 3, "author": "b", "text": "reply"}]}]}
                    """.utf8)))
        #expect(discussion.count == 2)
        #expect(discussion.body(of: 1) == "reply")
        #expect(discussion.parent(of: 1) == nil)
        #expect(discussion.notes == ["1 duplicate item skipped"])
    }
}
