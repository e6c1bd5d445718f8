import Testing

@testable import SiteFormats
@testable import ThreadModel

@Suite struct ImportErrorTests {
    private func load(_ json: String) throws(DocumentError) -> Discussion {
        try Discussion.load(DocumentBytes(Array(json.utf8)))
    }

    @Test func wronglyTypedFieldIsDroppedAndCountedKeepingTheComment() throws {
        let discussion = try load(
            """
            [{"id": 1, "type": "story", "title": "T", "kids": [2, 3, 4]},
             {"id": 2, "type": "comment", "by": "a", "text": "fine", "parent": 1},
             {"id": 3, "type": "comment", "by": 42, "text": "wrong author type", "parent": 1},
             {"id": 4, "type": "comment", "by": "c", "text": "also fine", "parent": 1}]
            """)
        #expect(discussion.count == 3)
        #expect(discussion.author(of: 1) == nil)
        #expect(discussion.body(of: 1) == "wrong author type")
        #expect(discussion.notes == ["1 field with the wrong type left out"])
    }

    @Test func redditCommentWithAWronglyTypedBodyKeepsItsPlace() throws {
        let discussion = try load(
            """
            [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "P"}}]}},
             {"kind": "Listing", "data": {"children": [
               {"kind": "t1", "data": {"id": "a", "body": "ok", "replies": ""}},
               {"kind": "t1", "data": {"id": "b", "body": ["not", "text"], "replies": ""}}]}}]
            """)
        #expect(discussion.commentCount == 2)
        #expect(discussion.hasBody(1) == false)
        #expect(discussion.notes == ["1 field with the wrong type left out"])
    }

    @Test func hackerNewsItemsThatAllFormALoopSaySo() {
        #expect(throws: DocumentError(kind: .parentLoop(["2", "3", "2"]))) {
            try Discussion.load(
                DocumentBytes(
                    Array(
                        """
                        [{"id": 1, "type": "comment", "text": "a", "parent": 2},
                         {"id": 2, "type": "comment", "text": "b", "parent": 3},
                         {"id": 3, "type": "comment", "text": "c", "parent": 2}]
                        """.utf8)), format: .hackerNewsItems)
        }
    }

    @Test func unknownJSONListsTheFormats() {
        #expect(throws: DocumentError(kind: .unknownFormat(DocumentFormat.unknownMessage))) {
            try load(#"{"hello": [1, 2, 3]}"#)
        }
        #expect(DocumentFormat.unknownMessage.contains("tread, hn-algolia, hn-items, reddit, discourse, lobsters"))
    }

    @Test func notJSONGivesAPositionedSyntaxError() {
        do {
            _ = try load("{\"hello\": [1, 2,}")
            Issue.record("expected an error")
        } catch {
            guard case .syntax(_, let line, _) = error.kind else {
                Issue.record("expected a syntax error, got \(error)")
                return
            }
            #expect(line == 1)
        }
    }

    @Test func nestingBeyondFoundationsLimitLoads() throws {
        let depth = 300
        var json = #"{"id": 1, "type": "story", "title": "deep", "created_at_i": 0, "children": ["#
        for id in 0..<depth { json += #"{"id": \#(id + 2), "author": "a", "children": ["# }
        json += String(repeating: "]}", count: depth) + "]}"
        let discussion = try load(json)
        #expect(discussion.count == depth)
        #expect(discussion.parent(of: depth - 1) == depth - 2)
        #expect(discussion.notes.isEmpty)
    }

    @Test func invalidUTF8StillOpens() throws {
        var bytes = Array(#"{"id": 1, "type": "story", "title": "bad "#.utf8)
        bytes += [0xFF, 0xFE]
        bytes += Array(
            #" byte", "created_at_i": 0, "children": [{"id": 2, "author": "a", "text": "\ud800 lone"}]}"#.utf8)
        let discussion = try Discussion.load(DocumentBytes(bytes))
        try #require(discussion.count == 1)
        #expect(discussion.article.title == "bad \u{FFFD}\u{FFFD} byte")
        #expect(discussion.body(of: 0) == "\u{FFFD} lone")
    }

    @Test func deepChainIsWrittenFlatAndRoundTrips() throws {
        var builder = DiscussionBuilder(article: Article(title: "chain"))
        var parent: Int?
        for k in 0..<5_000 {
            parent = builder.add(
                Comment(author: k % 2 == 0 ? "a" : nil, body: "level \(k)\n\"quoted\"\u{1}"), under: parent)
        }
        builder.add(Comment(id: .string("c1"), body: "taken id"))
        let discussion = try builder.build()
        let first = DocumentWriter.canonicalJSON(discussion)
        let text = String(decoding: first, as: UTF8.self)
        #expect(text.contains(#""parent": "c2""#))
        #expect(text.contains(#"\u0001"#))
        #expect(!text.contains(#""replies""#))
        let again = try Discussion.load(DocumentBytes(first))
        #expect(DocumentWriter.maximumDepth(again) == 5_000)
        #expect(DocumentWriter.canonicalJSON(again) == first)
    }

    @Test func sampleLikeCanonicalInputRoundTrips() throws {
        let json = """
            {"article": {"title": "ZTE", "author": "Staff", "published": "2018-07-03T09:00:00Z", "tags": ["ZTE"],
              "body": "First.\\n\\nSecond."},
             "comments": [{"id": "c1", "author": "Anonymous", "score": 4, "body": "x",
               "replies": [{"id": 7, "body": "y", "deleted": true}, {"body": "more", "placeholder": true}]},
               {}]}
            """
        let discussion = try load(json)
        #expect(discussion.isPlaceholder(2) && discussion.commentCount == 3)
        let first = DocumentWriter.canonicalJSON(discussion)
        #expect(
            String(decoding: first, as: UTF8.self) == """
                {
                  "article": {
                    "title": "ZTE",
                    "author": "Staff",
                    "published": "2018-07-03T09:00:00Z",
                    "tags": [
                      "ZTE"
                    ],
                    "body": [
                      "First.",
                      "Second."
                    ]
                  },
                  "comments": [
                    {
                      "id": "c1",
                      "author": "Anonymous",
                      "score": 4,
                      "body": "x",
                      "replies": [
                        {
                          "id": 7,
                          "deleted": true,
                          "body": "y"
                        },
                        {
                          "placeholder": true,
                          "body": "more"
                        }
                      ]
                    },
                    {
                    }
                  ]
                }

                """)
        #expect(DocumentWriter.canonicalJSON(try Discussion.load(DocumentBytes(first))) == first)
    }
}
