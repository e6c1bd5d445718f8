import Testing
import ThreadTestSupport

@testable import SiteFormats
@testable import ThreadModel

/// A Reddit stub of the canonical format, as a reply array's element.
func stub(_ line: String, parent: String, children: [String]) -> String {
    let list = children.map { "\"\($0)\"" }.joined(separator: ", ")
    return """
        {"placeholder": true, "body": "\(line)", "more": {"site": "reddit", "link": "t3_post", \
        "parent": "\(parent)", "children": [\(list)]}}
        """
}

@Suite struct DiscussionMergeTests {
    @Test func reloadPutsNewCommentsUnderTheirParentsInTheSitesOrder() throws {
        let old = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "body": "A", "replies": [{"id": "a1", "body": "A1"}]},
              {"id": "b", "body": "B"}]}
            """)
        let fetched = try load(
            """
            {"article": {"title": "T2"}, "comments": [
              {"id": "n", "body": "new first"},
              {"id": "a", "body": "A", "replies": [{"id": "a0", "body": "new"}, {"id": "a1", "body": "A1"}]},
              {"id": "b", "body": "B", "replies": [{"id": "b1", "body": "new too"}]}]}
            """)
        let merge = try old.merging(reload: fetched)
        #expect(
            outline(merge.discussion) == """
                n
                a
                  a0
                  a1
                b
                  b1
                """)
        #expect(merge.newIDs.map(\.key) == ["n", "a0", "b1"])
        // a, a1, b moved down; the reader keeps folds and selection through this map.
        #expect(merge.oldToNew == [1, 3, 4])
        #expect(merge.discussion.article.title == "T2")
        #expect(merge.editedCount == 0)
    }

    /// Parts of a thread arriving are merged one after another; two the reader takes at once are one merge.
    @Test func twoMergesFollowedAreOneMergeFromTheFirstOld() throws {
        let old = try load(
            """
            {"article": {"title": "T"}, "comments": [{"id": "a", "body": "A"}, {"id": "b", "body": "B"}]}
            """)
        let first = try old.merging(
            reload: try load(
                """
                {"article": {"title": "T"}, "comments": [{"id": "n", "body": "N"}, {"id": "a", "body": "A"}, {"id": "b", "body": "B"}]}
                """))
        let second = try first.discussion.merging(
            reload: try load(
                """
                {"article": {"title": "T"}, "comments": [{"id": "n", "body": "N"}, {"id": "m", "body": "M"}, {"id": "a", "body": "A"},
                  {"id": "b", "body": "B2"}]}
                """))
        let both = first.followed(by: second)
        #expect(outline(both.discussion) == outline(second.discussion))
        #expect(both.oldToNew == [2, 3])
        #expect(both.newIDs.map(\.key) == ["n", "m"])
        #expect(both.editedCount == 1)
    }

    @Test func reloadShowsEditsAndDeletions() throws {
        let old = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "body": "before", "replies": [{"id": "a1", "body": "kept"}]}, {"id": "b", "body": "B"}]}
            """)
        let fetched = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "body": "after", "replies": [{"id": "a1", "body": "[deleted]", "deleted": true}]},
              {"id": "b", "body": "B"}]}
            """)
        let merge = try old.merging(reload: fetched)
        let merged = merge.discussion
        #expect(merged.body(of: 0) == "after")
        #expect(merged.isDeleted(1))
        #expect(merge.editedCount == 2)
        #expect(merge.newIDs.isEmpty)
        #expect(merge.oldToNew == [0, 1, 2])
    }

    @Test func reloadKeepsCommentsFetchedEarlierAndDropsTheStubThatHeldThem() throws {
        // Before: the stub under a was fetched, so a2 and a3 are here; the reload sends the stub again.
        let old = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "replies": [{"id": "a1"}, {"id": "a2"}, {"id": "a3"}]}]}
            """)
        let fetched = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "replies": [{"id": "a1"}, {"id": "a4"}, \(stub("3 more", parent: "t1_a", children: ["a2", "a3", "a5"]))]}]}
            """)
        let merge = try old.merging(reload: fetched)
        #expect(
            outline(merge.discussion) == """
                a
                  a1
                  a4
                  a2
                  a3
                  [1 more reply not in this file]
                """)
        // The stub still asks for the one reply not here, and only that one.
        #expect(merge.discussion.more(of: 5)?.children == ["a5"])
        #expect(merge.newIDs.map(\.key) == ["a4"])
    }

    @Test func fetchedStubDisappearsAndItsCommentsTakeItsPlace() throws {
        let old = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "replies": [{"id": "a1"}, \(stub("2 more", parent: "t1_a", children: ["a2", "a3"]))]},
              {"id": "b"}]}
            """)
        let stubIndex = try #require(old.fetchableStubs.first)
        #expect(stubIndex == 2)
        // As `/api/morechildren` answers: flat, each naming its parent; a3 has a reply of its own.
        let fetched = try load(
            """
            {"article": {"title": "more"}, "comments": [
              {"id": "a2", "parent": "a", "body": "two"}, {"id": "a3", "parent": "a"},
              {"id": "a3x", "parent": "a3"}]}
            """)
        let merge = try old.merging(stub: stubIndex, with: fetched)
        #expect(
            outline(merge.discussion) == """
                a
                  a1
                  a2
                  a3
                    a3x
                b
                """)
        #expect(merge.newIDs.map(\.key) == ["a2", "a3", "a3x"])
        #expect(merge.oldToNew == [0, 1, nil, 5])
        #expect(merge.discussion.body(of: 2) == "two")
        #expect(merge.discussion.article.title == "T")
        #expect(merge.discussion.fetchableStubs.isEmpty)
    }

    @Test func continueThisThreadUpdatesTheParentAndPlacesItsReplies() throws {
        let old = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "body": "old", "replies": [\(stub("continue", parent: "t1_a", children: []))]}]}
            """)
        #expect(old.more(of: 1)?.continuesThread == true)
        // The permalink sends the parent again, with its replies.
        let fetched = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "body": "edited", "replies": [{"id": "a1", "replies": [{"id": "a1a"}]}]}]}
            """)
        let merge = try old.merging(stub: 1, with: fetched)
        #expect(
            outline(merge.discussion) == """
                a
                  a1
                    a1a
                """)
        #expect(merge.discussion.body(of: 0) == "edited")
        #expect(merge.editedCount == 1)
        #expect(merge.newIDs.map(\.key) == ["a1", "a1a"])
    }

    @Test func mergeOfAHundredThousandDeepChainNeedsNoRecursion() throws {
        var builder = DiscussionBuilder(article: Article(title: "deep"))
        for i in 0..<100_000 { builder.add(Comment(id: .integer(Int64(i))), under: i == 0 ? nil : i - 1) }
        let old = try builder.build()
        builder.add(Comment(id: .integer(100_000)), under: 99_999)
        let merge = try old.merging(reload: try builder.build())
        #expect(merge.discussion.count == 100_001)
        #expect(merge.discussion.parent(of: 100_000) == 99_999)
        #expect(merge.newIDs == [.integer(100_000)])
    }
}

@Suite struct MoreStubTests {
    @Test func stubFieldsSurviveLoadConvertLoad() throws {
        let first = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "replies": [\(stub("2 more", parent: "t1_a", children: ["b1", "c2"]))]}]}
            """)
        let written = DocumentWriter.canonicalJSON(first)
        let again = try Discussion.load(canonical: DocumentBytes(written))
        let expected = MoreStub(link: "t3_post", parent: "t1_a", children: ["b1", "c2"])
        #expect(first.more(of: 1) == expected)
        #expect(again.more(of: 1) == expected)
        #expect(DocumentWriter.canonicalJSON(again) == written)
        #expect(String(decoding: written, as: UTF8.self).contains(#""more": {"site": "reddit", "link": "t3_post""#))
    }

    @Test func stubWithAnIDThatIsNotRedditsIsNotFetchable() throws {
        for children in [#"["../etc"]"#, #"["A1"]"#, #"[1]"#, #""b1""#] {
            let discussion = try load(
                """
                {"article": {"title": "T"}, "comments": [{"placeholder": true, "body": "x",
                  "more": {"site": "reddit", "link": "t3_post", "parent": "t1_a", "children": \(children)}}]}
                """)
            #expect(discussion.more(of: 0) == nil, "children \(children)")
            // Still a placeholder line, and written without the rejected object.
            #expect(discussion.isPlaceholder(0))
            #expect(!String(decoding: DocumentWriter.canonicalJSON(discussion), as: UTF8.self).contains("\"more\""))
        }
        #expect(MoreStub(link: "t3_post", parent: "t2_a", children: []).isValid == false)
        #expect(MoreStub(site: "hn", link: "t3_post", parent: "t1_a", children: []).isValid == false)
    }

    @Test func redditImporterKeepsWhatAStubNeeds() throws {
        let json = """
            [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "post", "title": "T"}}]}},
             {"kind": "Listing", "data": {"children": [
               {"kind": "t1", "data": {"id": "a", "body": "A", "replies": {"kind": "Listing", "data": {"children": [
                 {"kind": "more", "data": {"count": 0, "id": "_", "parent_id": "t1_a", "children": []}}]}}}},
               {"kind": "more", "data": {"count": 3, "id": "b", "parent_id": "t3_post", "children": ["b", "c"]}}]}}]
            """
        let discussion = try Discussion.load(DocumentBytes(Array(json.utf8)), format: .reddit)
        #expect(discussion.more(of: 1) == MoreStub(link: "t3_post", parent: "t1_a", children: [], count: 0))
        #expect(discussion.more(of: 2) == MoreStub(link: "t3_post", parent: "t3_post", children: ["b", "c"], count: 3))
    }

    @Test func moreChildrenAnswerPlacesRepliesByTheirParents() throws {
        let json = """
            {"json": {"errors": [], "data": {"things": [
              {"kind": "t1", "data": {"id": "x", "parent_id": "t3_post", "body": "top", "author": "u"}},
              {"kind": "t1", "data": {"id": "y", "parent_id": "t1_x", "body": "reply"}},
              {"kind": "t1", "data": {"id": "z", "parent_id": "t1_elsewhere", "body": "deep"}},
              {"kind": "more", "data": {"count": 4, "id": "w", "parent_id": "t1_x", "children": ["w", "v"]}}]}}}
            """
        let discussion = try Discussion.load(redditMoreChildren: DocumentBytes(Array(json.utf8)), post: "post")
        #expect(
            outline(discussion) == """
                x
                  y
                  [4 more replies not in this file]
                z
                """)
        #expect(discussion.isOrphan(3))
        #expect(discussion.more(of: 2)?.children == ["w", "v"])
    }
}
