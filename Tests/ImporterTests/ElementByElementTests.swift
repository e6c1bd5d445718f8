import Testing

@testable import SiteFormats
@testable import ThreadModel

/// The importers read a response's comment array element by element (`JSONTree.init(parsing:deferring:)`
/// and its cursors): what they read must be what the whole tree held, and a broken file must fail as
/// it did when the whole tree was parsed first.
@Suite struct ElementByElementTests {
    private func bytes(_ json: String) -> DocumentBytes { DocumentBytes(Array(json.utf8)) }

    /// A value written back as compact JSON (strings decoded and re-escaped), to compare two readings.
    func dump(_ tree: JSONTree, _ node: Int32) -> String {
        var out = ""
        // Explicit stack: (node, closing text to write after its children).
        var stack: [(node: Int32, closing: String?)] = [(node, nil)]
        while let (current, closing) = stack.popLast() {
            if let closing {
                out += closing
                continue
            }
            let value = tree.nodes[Int(current)]
            if !value.key.isAbsent { out += "\"" + (tree.bytes.string(value.key) ?? "") + "\":" }
            switch value.kind {
            case .object, .array:
                if tree.isDeferred(current) { out += "<deferred>" }
                out += value.kind == .object ? "{" : "["
                stack.append((current, value.kind == .object ? "}," : "],"))
                for child in tree.elements(current).reversed() { stack.append((child, nil)) }
            case .string: out += "\"" + (tree.bytes.string(value.text) ?? "") + "\","
            case .number: out += (tree.bytes.string(value.text) ?? "") + ","
            case .bool: out += value.flag ? "true," : "false,"
            case .null: out += "null,"
            }
        }
        return out
    }

    @Test func deferredElementsReadAsTheWholeTreeReadsThem() throws {
        let json = #"""
            {"title": "T", "comments": [
              {"id": "a", "text": "caf\u00e9 \"q\" \ud83d\ude00 \\ end", "n": -1.5e3, "ok": true, "none": null},
              {"text": "fields in another order", "id": "b", "id": "repeated key"},
              [1, [2, [3]]], "plain", 7, {}, []
            ], "after": {"x": [1, 2]}}
            """#
        let whole = try JSONTree(parsing: bytes(json))
        var split = try JSONTree(parsing: bytes(json), deferring: ["comments"])
        let wholeList = try #require(whole.member(whole.root, "comments"))
        let list = try #require(split.member(split.root, "comments"))
        #expect(split.isDeferred(list))
        #expect(split.elementCount(list) == 7)
        #expect(dump(split, try #require(split.member(split.root, "after"))) == #""after":{"x":[1,2,],},"#)
        var read: [String] = []
        var cursor = split.cursor(list)
        while let element = split.next(&cursor) { read.append(dump(split, element)) }
        #expect(read == whole.elements(wholeList).map { dump(whole, $0) })
        #expect(read[0].contains(#""text":"café "q" 😀 \ end""#))
        let afterTheEnd = split.next(&cursor)
        #expect(afterTheEnd == nil)
    }

    @Test func onlyTheSkeletonAndOneElementAreHeldAtOnce() throws {
        let elements = (0..<10_000).map { #"{"id": \#($0), "body": "text \#($0)", "tags": ["a", "b"]}"# }
        let json = #"{"title": "T", "comments": ["# + elements.joined(separator: ",") + "]}"
        var tree = try JSONTree(parsing: bytes(json), deferring: ["comments"])
        let skeleton = tree.nodes.count
        var cursor = tree.cursor(try #require(tree.member(tree.root, "comments")))
        var count = 0
        var most = 0
        while let element = tree.next(&cursor) {
            count += 1
            most = max(most, tree.nodes.count)
            #expect(tree.integer(try #require(tree.member(element, "id"))) == Int64(count - 1))
        }
        #expect(count == 10_000)
        // An element is 6 nodes: the object, id, body, tags and its two strings.
        #expect(most == skeleton + 6)
    }

    @Test func nestedDeferredArraysOutliveTheElementTheyCameFrom() throws {
        let json =
            #"{"id": 1, "children": [{"id": 2, "children": [{"id": 3, "children": []}], "after": "x"}, {"id": 4}]}"#
        var tree = try JSONTree(parsing: bytes(json), deferring: ["children"])
        var top = tree.cursor(try #require(tree.member(tree.root, "children")))
        let firstNode = tree.next(&top)
        let first = try #require(firstNode)
        var replies = tree.cursor(try #require(tree.member(first, "children")))
        let after = tree.string(first, "after")
        #expect(after == "x")
        let replyNode = tree.next(&replies)
        let reply = try #require(replyNode)
        let replyID = try #require(tree.member(reply, "id"))
        #expect(tree.integer(replyID) == 3)
        let noMoreReplies = tree.next(&replies)
        #expect(noMoreReplies == nil)
        let secondNode = tree.next(&top)
        let second = try #require(secondNode)
        let secondID = try #require(tree.member(second, "id"))
        #expect(tree.integer(secondID) == 4)
        let noMore = tree.next(&top)
        #expect(noMore == nil)
    }

    /// One small response per format, with `COMMENTS` where its comment array's elements go.
    private static let shapes: [(DocumentFormat, String)] = [
        (.lobsters, #"{"short_id": "s", "title": "T", "comments": [COMMENTS]}"#),
        (.hackerNewsAlgolia, #"{"id": 1, "type": "story", "title": "T", "children": [COMMENTS]}"#),
        (.hackerNewsItems, #"[{"id": 1, "type": "story", "title": "T", "kids": []}, COMMENTS]"#),
        (
            .reddit,
            #"[{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"title": "P"}}]}}, {"kind": "Listing", "data": {"children": [COMMENTS]}}]"#
        ),
        (.discourse, #"{"title": "T", "post_stream": {"posts": [COMMENTS]}}"#),
        (
            .mastodon,
            #"{"status": {"id": "1", "content": "x"}, "context": {"ancestors": [], "descendants": [COMMENTS]}}"#
        ),
        (.lemmy, #"{"post_view": {"post": {"id": 1, "name": "T"}}, "comments": [COMMENTS]}"#),
        (
            .bluesky,
            #"{"thread": {"post": {"uri": "at://a/app.bsky.feed.post/b", "record": {"text": "x"}}, "replies": [COMMENTS]}}"#
        ),
    ]

    /// Broken elements in the middle of a long array, each with the error the whole parse gives.
    private static let breakages = [
        #"{"id": 2, "text": "a" "b"}"#,  // a missing comma
        #"{"id": 2, "text": "unterminated}]}"#,
        #"{"id": 2, "text": tru}"#,
        #"{"id": 02}"#,
        #"{"id": 2,}"#,
        #"{"id": 2, "text": "x"]"#,
        #"{"id": 2, "nested": [1, 2 3]}"#,
    ]

    @Test(arguments: shapes)
    func aBrokenElementFailsWithTheWholeParsesErrorAndPlace(format: DocumentFormat, shape: String) throws {
        let fine = (0..<50).map { #"{"id": \#($0 + 100), "text": "fine"}"# }
        for broken in Self.breakages {
            let json = shape.replacing("COMMENTS", with: (fine + [broken] + fine).joined(separator: ",\n"))
            let expected = #expect(throws: DocumentError.self) { try JSONTree(parsing: bytes(json)) }
            let got = #expect(throws: DocumentError.self) { try Discussion.load(bytes(json), format: format) }
            #expect(got == expected, "\(format): \(broken)")
        }
        // Cut short inside the array, and text after the document.
        let whole = shape.replacing("COMMENTS", with: fine.joined(separator: ","))
        for json in [String(whole.prefix(whole.count * 2 / 3)), whole + " ]"] {
            let expected = #expect(throws: DocumentError.self) { try JSONTree(parsing: bytes(json)) }
            let got = #expect(throws: DocumentError.self) { try Discussion.load(bytes(json), format: format) }
            #expect(got == expected, "\(format)")
        }
    }

    @Test(arguments: shapes)
    func anEmptyCommentArrayLoadsTheArticleAlone(format: DocumentFormat, shape: String) throws {
        let json = shape.replacing(", COMMENTS", with: "").replacing("COMMENTS", with: "")
        let discussion = try Discussion.load(bytes(json), format: format)
        #expect(discussion.count == 0)
    }

    @Test func lobstersStoryFieldsAfterTheCommentsStillMarkTheOriginalPoster() throws {
        let discussion = try Discussion.load(
            bytes(
                #"""
                {"comments": [{"short_id": "a", "comment": "<p>mine</p>", "commenting_user": "op"},
                              {"short_id": "b", "comment": "<p>theirs</p>", "commenting_user": "other", "parent_comment": "a"}],
                 "title": "T", "submitter_user": "op"}
                """#), format: .lobsters)
        #expect(discussion.count == 2)
        #expect(discussion.isOP(0))
        #expect(!discussion.isOP(1))
        #expect(discussion.parent(of: 1) == 0)
    }

    @Test func aRepeatedCommentsKeyReadsTheFirstArrayAsBefore() throws {
        let discussion = try Discussion.load(
            bytes(
                #"""
                {"title": "T", "comments": [{"short_id": "a", "comment": "<p>first</p>"}],
                 "comm\u0065nts": [{"short_id": "b", "comment": "<p>second</p>"}]}
                """#), format: .lobsters)
        #expect(discussion.count == 1)
        #expect(discussion.body(of: 0) == "first")
    }

    @Test func anEscapedKeyIsReadElementByElementToo() throws {
        let discussion = try Discussion.load(
            bytes(#"{"id": 1, "title": "T", "chil\u0064ren": [{"id": 2, "author": "a", "text": "caf\u00e9"}]}"#),
            format: .hackerNewsAlgolia)
        #expect(discussion.count == 1)
        #expect(discussion.body(of: 0) == "café")
    }

    @Test func aRedditMoreStubReadsItsIdsAndCountsAWrongCountOnce() throws {
        let thread = #"""
            [{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "p", "title": "P"}}]}},
             {"kind": "Listing", "data": {"children": [
               {"kind": "more", "data": {"count": "3", "parent_id": "t3_p", "children": ["x", "y"]}},
               {"kind": "more", "data": {"count": 2, "parent_id": "t3_p", "children": ["z", 5]}},
               {"kind": "t1", "data": {"id": "a", "body": "after the stubs", "replies": ""}}]}}]
            """#
        let discussion = try Discussion.load(bytes(thread), format: .reddit)
        #expect(discussion.count == 3)
        #expect(discussion.more(of: 0)?.children == ["x", "y"])
        #expect(discussion.more(of: 1) == nil)
        #expect(discussion.body(of: 2) == "after the stubs")
        // The wrong count of the first stub, read for its line and for its stub.
        #expect(discussion.notes == ["2 fields with the wrong type left out"])
    }

    @Test func aLoopThroughLaterCommentsIsBrokenInTheBuilderAsInAList() throws {
        let discussion = try Discussion.load(
            bytes(
                #"""
                {"title": "T", "comments": [
                  {"short_id": "a", "comment": "<p>a</p>", "parent_comment": "c"},
                  {"short_id": "b", "comment": "<p>b</p>", "parent_comment": "a"},
                  {"short_id": "c", "comment": "<p>c</p>", "parent_comment": "b"},
                  {"short_id": "d", "comment": "<p>d</p>", "parent_comment": "d"}]}
                """#), format: .lobsters)
        var comments = ["a", "b", "c", "d"].map { Comment(id: .string($0), body: $0) }
        for (k, parent) in ["c", "a", "b", "d"].enumerated() { comments[k].parent = .string(parent) }
        var notes = ImportNotes()
        ImportSupport.breakLoops(&comments, notes: &notes)
        #expect(discussion.notes == notes.lines)
        var parents: [String: String?] = [:]
        for i in 0..<discussion.count {
            let parent = discussion.parent(of: i).flatMap { discussion.id(of: $0)?.key }
            parents.updateValue(parent, forKey: discussion.id(of: i)?.key ?? "-")
        }
        #expect(parents == Dictionary(uniqueKeysWithValues: comments.map { ($0.id?.key ?? "-", $0.parent?.key) }))
    }
}
