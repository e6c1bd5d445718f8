import Testing

@testable import ThreadModel

/// A placeholder's `more` stub is kept in its record's `score` bits (`CommentRecord.more`).
@Suite struct MoreStubRecordTests {
    static let stub = #"{"site": "reddit", "link": "t3_abc", "parent": "t1_c1", "children": ["d1", "d2"], "count": 2}"#

    static func load(_ comments: String) throws -> Discussion {
        try Discussion.load(
            canonical: DocumentBytes(Array(#"{"article": {"title": "t"}, "comments": \#(comments)}"#.utf8)))
    }

    @Test func stubBeforeThePlaceholderFlagIsKept() throws {
        let discussion = try Self.load(#"[{"id": "c1", "more": \#(Self.stub), "placeholder": true, "body": "2 more"}]"#)
        #expect(discussion.more(of: 0)?.children == ["d1", "d2"])
        #expect(discussion.score(of: 0) == nil)
        #expect(discussion.fetchableStubs == [0])
    }

    @Test func aPlaceholdersStubWinsOverItsScore() throws {
        let discussion = try Self.load(
            #"[{"score": 7, "placeholder": true, "more": \#(Self.stub)}, {"more": \#(Self.stub), "score": 7, "placeholder": true}]"#
        )
        #expect(discussion.more(of: 0)?.link == "t3_abc")
        #expect(discussion.more(of: 1)?.link == "t3_abc")
        #expect(discussion.score(of: 0) == nil)
        #expect(discussion.score(of: 1) == nil)
    }

    @Test func aCommentsStrayStubLeavesItsScore() throws {
        let discussion = try Self.load(#"[{"id": "c1", "more": \#(Self.stub), "score": -3, "author": "ann"}]"#)
        #expect(discussion.score(of: 0) == -3)
        #expect(discussion.more(of: 0) == nil)
        #expect(discussion.fetchableStubs.isEmpty)
    }

    @Test func stubsStayWithTheirPlaceholderAcrossNestingAndParents() throws {
        // The replies come after the stub, and the second placeholder is placed by `parent`, so
        // assembly moves it: each record must keep its own stub.
        let other = Self.stub.replacingOccurrences(of: "t1_c1", with: "t1_c2")
        let discussion = try Self.load(
            #"""
            [{"id": "p2", "parent": "c2", "placeholder": true, "more": \#(other)},
             {"id": "c1", "author": "ann", "score": 5, "replies": [
                {"id": "p1", "placeholder": true, "more": \#(Self.stub), "replies": [{"id": "c2", "score": 1}]}]}]
            """#)
        #expect(facts(discussion) == ["c1|top||ann||", "p1|0||||placeholder", "c2|1||||", "p2|2||||placeholder"])
        #expect(discussion.more(of: 1)?.parent == "t1_c1")
        #expect(discussion.more(of: 3)?.parent == "t1_c2")
        #expect(discussion.score(of: 0) == 5)
        #expect(discussion.score(of: 2) == 1)
        #expect(discussion.fetchableStubs == [1, 3])
    }

    @Test func aStubIsNoAuthor() throws {
        let discussion = try Self.load(#"[{"id": "p", "placeholder": true, "more": \#(Self.stub)}]"#)
        #expect(discussion.author(of: 0) == nil)
        #expect(discussion.distinctAuthors == 0)
    }

    @Test func stubAndScoresSurviveConversion() throws {
        let discussion = try Self.load(
            #"[{"id": "c1", "score": 4, "replies": [{"id": "p", "placeholder": true, "more": \#(Self.stub)}]}]"#)
        let back = try roundTrip(discussion)
        #expect(back.more(of: 1) == discussion.more(of: 1))
        #expect(back.more(of: 1) != nil)
        #expect(back.score(of: 0) == 4)
        #expect(back.score(of: 1) == nil)
    }

    @Test func builtPlaceholdersKeepTheirStub() throws {
        var builder = DiscussionBuilder(article: Article(title: "t"))
        let top = builder.add(Comment(id: .string("c1"), author: "ann", score: 9))
        let stub = try #require(MoreStub.parse(Self.stub))
        builder.addPlaceholder("2 more", more: stub, under: top)
        let discussion = try builder.build()
        #expect(discussion.more(of: 1) == stub)
        #expect(discussion.score(of: 0) == 9)
        #expect(discussion.score(of: 1) == nil)
    }

    @Test func aSubsetKeepsEachStubWithItsPlaceholder() throws {
        let discussion = try Self.load(
            #"[{"id": "c1", "score": 2}, {"id": "c2", "score": 3, "replies": [{"id": "p", "placeholder": true, "more": \#(Self.stub)}]}]"#
        )
        let kept = discussion.keeping([false, true, true])
        #expect(kept.more(of: 1)?.children == ["d1", "d2"])
        #expect(kept.score(of: 0) == 3)
        #expect(kept.fetchableStubs == [1])
    }
}
