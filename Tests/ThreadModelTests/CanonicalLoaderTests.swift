import Testing
import ThreadTestSupport

@testable import SiteFormats
@testable import ThreadModel

/// Loads a canonical document given as text.
func load(_ json: String) throws(DocumentError) -> Discussion {
    try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
}

/// The error a document gives, or nil when it loads.
func loadError(_ json: String) -> DocumentError.Kind? {
    do {
        _ = try load(json)
        return nil
    } catch {
        return error.kind
    }
}

@Suite struct CanonicalLoaderTests {
    @Test func nestedFormKeepsThreadOrder() throws {
        let discussion = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "a", "body": "first", "replies": [
                {"id": "a1", "replies": [{"id": "a1x"}]},
                {"id": "a2"}]},
              {"id": "b"}]}
            """)
        #expect(depthsAndIDs(discussion) == ["0:a", "1:a1", "2:a1x", "1:a2", "0:b"])
        #expect(discussion.body(of: 0) == "first")
    }

    @Test func flatFormResolvesParentsInAnyOrder() throws {
        let discussion = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": "r1", "parent": "a"},
              {"id": "a"},
              {"id": "b"},
              {"id": "r2", "parent": "a"},
              {"id": "r1x", "parent": "r1"}]}
            """)
        #expect(depthsAndIDs(discussion) == ["0:a", "1:r1", "2:r1x", "1:r2", "0:b"])
    }

    @Test func mixedFormsCombine() throws {
        let discussion = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": 1, "replies": [{"id": "n1"}]},
              {"id": "f1", "parent": "n1"},
              {"id": "f2", "parent": 1}]}
            """)
        #expect(depthsAndIDs(discussion) == ["0:1", "1:n1", "2:f1", "1:f2"])
        #expect(discussion.id(of: 0) == .integer(1))
    }

    @Test func parentNamingNoCommentGoesToTopLevelMarked() throws {
        let discussion = try load(
            """
            {"article": {"title": "T"}, "comments": [{"id": "a"}, {"id": "b", "parent": "gone"}]}
            """)
        #expect(depthsAndIDs(discussion) == ["0:a", "0:b"])
        #expect(discussion.isOrphan(1))
        #expect(!discussion.isOrphan(0))
        #expect(discussion.orphanCount == 1)
    }

    @Test func duplicateIDsAreRefusedWithPosition() {
        let kind = loadError(
            """
            {"article": {"title": "T"},
             "comments": [{"id": "a"}, {"id": "a"}]}
            """)
        #expect(kind == .duplicateID("a", line: 2, column: 36))
    }

    @Test func integerAndStringIDsAreTheSameID() {
        #expect(loadError(#"{"article":{"title":"T"},"comments":[{"id":1},{"id":"1"}]}"#) != nil)
    }

    @Test func ownParentIsRefused() {
        let kind = loadError(#"{"article":{"title":"T"},"comments":[{"id":"a","parent":"a"}]}"#)
        #expect(kind == .ownParent("a"))
    }

    @Test func parentLoopIsRefusedNamingTheLoop() {
        let kind = loadError(
            #"{"article":{"title":"T"},"comments":[{"id":"x"},{"id":"a","parent":"c"},{"id":"b","parent":"a"},{"id":"c","parent":"b"}]}"#
        )
        guard case .parentLoop(let ids) = kind else {
            Issue.record("expected a loop, got \(String(describing: kind))")
            return
        }
        #expect(Set(ids) == ["a", "b", "c"])
        #expect(ids.first == ids.last)
    }

    @Test func unknownFieldsAreIgnored() throws {
        let discussion = try load(
            """
            {"version": 3, "article": {"title": "T", "extra": {"deep": [1, {"x": null}]}},
             "comments": [{"id": "a", "flair": ["x"], "votes": {"up": 1}, "body": "kept"}], "more": true}
            """)
        #expect(discussion.count == 1)
        #expect(discussion.body(of: 0) == "kept")
    }

    @Test func everyOptionalFieldMayBeMissingOrNull() throws {
        let discussion = try load(
            """
            {"article": {"title": "T", "id": null, "author": null, "published": null, "url": null,
                         "source": null, "tags": null, "body": null},
             "comments": [{}, {"id": null, "author": null, "published": null, "score": null,
                               "body": null, "deleted": null, "parent": null, "replies": null}]}
            """)
        #expect(discussion.count == 2)
        #expect(discussion.author(of: 1) == nil)
        #expect(discussion.score(of: 1) == nil)
        #expect(discussion.body(of: 1) == "")
        #expect(!discussion.isDeleted(1))
        #expect(discussion.article.body == [])
    }

    @Test func commentsMayBeAbsent() throws {
        #expect(try load(#"{"article": {"title": "Only"}}"#).count == 0)
    }

    @Test func articleFieldsAreRead() throws {
        let discussion = try load(
            """
            {"article": {"id": "x", "title": "Title", "author": "Ann", "published": "2018-07-03T09:00:00Z",
              "url": "https://e.org", "source": "S", "tags": ["a", "b"], "body": "One.\\n\\nTwo\\nlines."}}
            """)
        let article = discussion.article
        #expect(article.title == "Title")
        #expect(article.author == "Ann")
        #expect(article.tags == ["a", "b"])
        #expect(article.body == ["One.", "Two\nlines."])
    }

    @Test func deletedCommentsKeepTheirPlaceAndReplies() throws {
        let discussion = try load(
            #"{"article":{"title":"T"},"comments":[{"id":"d","deleted":true,"replies":[{"id":"r"}]}]}"#)
        #expect(discussion.isDeleted(0))
        #expect(depthsAndIDs(discussion) == ["0:d", "1:r"])
    }

    @Test func escapesAreDecodedAndBrokenTextReplaced() throws {
        let discussion = try load(
            #"{"article":{"title":"T"},"comments":[{"body":"a\"b\\c\u00e9\ud83d\ude00 \ud800 end\n"}]}"#)
        #expect(discussion.body(of: 0) == "a\"b\\cé😀 \u{FFFD} end\n")
    }

    @Test func invalidUTF8BecomesReplacementCharacter() throws {
        var bytes = Array(#"{"article":{"title":"T"},"comments":[{"body":"ok "#.utf8)
        bytes += [0xFF, 0xC3, 0x28]
        bytes += Array(#""}]}"#.utf8)
        let discussion = try Discussion.load(canonical: DocumentBytes(bytes))
        #expect(discussion.body(of: 0) == "ok \u{FFFD}\u{FFFD}(")
    }

    /// An id is its text, and invalid UTF-8 reads as U+FFFD (as a lone surrogate's escape does):
    /// ids of different broken bytes are the same id, so the document means what `convert` writes of it.
    @Test func idsOfInvalidUTF8AreTheirTextAsRead() throws {
        /// Two comments, `a` + `first` and `b`; the second's `member` is `a` + `second`.
        func document(_ first: [UInt8], _ member: String, _ second: [UInt8]) -> DocumentBytes {
            var bytes = Array(#"{"article":{"title":"T"},"comments":[{"id":"a"#.utf8) + first
            bytes += Array(#"","body":"x"},{"id":"b","\#(member)":"a"#.utf8) + second + Array(#""}]}"#.utf8)
            return DocumentBytes(bytes)
        }
        let child = try Discussion.load(canonical: document([0xFF], "parent", [0xFE]))
        #expect(depthsAndIDs(child) == ["0:a\u{FFFD}", "1:b"])
        let escaped = try Discussion.load(canonical: document([0xFF], "parent", Array(#"\ud800"#.utf8)))
        #expect(depthsAndIDs(escaped) == ["0:a\u{FFFD}", "1:b"])
        let raw = try Discussion.load(canonical: document(Array(#"\ud800"#.utf8), "parent", [0xC3]))
        #expect(depthsAndIDs(raw) == ["0:a\u{FFFD}", "1:b"])
        var twice = Array(#"{"article":{"title":"T"},"comments":[{"id":"a"#.utf8) + [0xFF]
        twice += Array(#""},{"id":"a"#.utf8) + [0xFE] + Array(#""}]}"#.utf8)
        #expect(throws: DocumentError.self) { try Discussion.load(canonical: DocumentBytes(twice)) }
    }

    @Test func nestingFarBeyondFoundationsLimitLoads() throws {
        let depth = 5_000
        var json = #"{"article":{"title":"T"},"comments":["#
        for i in 0..<depth { json += #"{"id":"c\#(i)","replies":["# }
        json += String(repeating: "]}", count: depth) + "]}"
        let discussion = try load(json)
        #expect(discussion.count == depth)
        #expect(discussion.parent(of: depth - 1) == depth - 2)
    }
}

@Suite struct DocumentErrorTests {
    @Test(arguments: [
        (#"{"article": {"title": "T"}, "comments": [{"id": "a"},]}"#, 1, 54),
        ("{\n  \"article\": {\"title\": \"T\"\n", 3, 1),
        (#"{"article": {"title": "T"} "comments": []}"#, 1, 28),
        (#"{"article": {"title": "T"}, "comments": [{"body": "unterminated}]}"#, 1, 51),
        (#"{"article": {"title": "T"}} trailing"#, 1, 29),
        (#"{"article": {"title": tru}}"#, 1, 23),
    ])
    func syntaxErrorsGiveLineAndColumn(json: String, line: Int, column: Int) {
        guard case .syntax(_, let gotLine, let gotColumn) = loadError(json) else {
            Issue.record("expected a syntax error for \(json)")
            return
        }
        #expect(gotLine == line)
        #expect(gotColumn == column)
    }

    @Test(arguments: [
        (#"[1, 2]"#, "a tread document is a JSON object"),
        (#"{"comments": []}"#, "no \"article\""),
        (#"{"article": {"body": []}}"#, "no \"title\""),
        (#"{"article": {"title": 5}}"#, "\"article.title\" must be a string"),
        (#"{"article": {"title": "T"}, "comments": {}}"#, "\"comments\" must be an array"),
        (#"{"article": {"title": "T"}, "comments": [{"author": 12}]}"#, "\"author\" must be a string"),
        (#"{"article": {"title": "T"}, "comments": [{"score": "high"}]}"#, "\"score\" must be an integer"),
        (#"{"article": {"title": "T"}, "comments": [{"score": 1.5}]}"#, "\"score\" must be an integer"),
        (#"{"article": {"title": "T"}, "comments": [{"replies": 3}]}"#, "\"replies\" must be an array"),
        (#"{"article": {"title": "T"}, "comments": [7]}"#, "a comment must be an object"),
        (#"{"article": {"title": "T"}, "comments": [{"id": 1.5}]}"#, "string or an integer"),
    ])
    func wrongShapesAreNamed(json: String, expected: String) {
        guard case .shape(let message, _, _) = loadError(json) else {
            Issue.record("expected a shape error for \(json), got \(String(describing: loadError(json)))")
            return
        }
        #expect(message.contains(expected), "\(message)")
    }

    @Test func messagesNameTheFileAndPosition() {
        let error = DocumentError(path: "talk.json", kind: .syntax("expected ','", line: 3, column: 7))
        #expect(error.description == "talk.json:3:7: not valid JSON: expected ','")
        #expect(error.exitStatus == 65)
    }

    /// The limit the message names is the one applied: a file a byte under 4 GiB is refused too.
    @Test func tooLargeNamesTheLimitInBytes() {
        let size = DocumentBytes.maximumSize + 1
        let error = DocumentError(path: "big.json", kind: .tooLarge(bytes: size))
        #expect(size < 1 << 32)
        #expect(error.description == "big.json: too large (4,294,967,295 bytes; tread reads up to 4,294,967,294)")
    }

    @Test func idsInMessagesCannotCarryControls() {
        let error = DocumentError(path: "x.json", kind: .ownParent("\u{1B}]0;pwned\u{07}\u{202E}"))
        #expect(
            !error.description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E })
    }

    @Test func unreadableFilesExitWithNoInput() {
        #expect(DocumentError(kind: .cannotOpen(reason: "no such file")).exitStatus == 66)
        #expect(DocumentError(kind: .isDirectory).exitStatus == 66)
        #expect(DocumentError(kind: .empty).exitStatus == 65)
    }

    @Test func readingADirectoryOrMissingFileFails() {
        #expect(throws: DocumentError(path: "/", kind: .isDirectory)) { try Discussion.load(path: "/", format: nil) }
        do {
            _ = try Discussion.load(path: "/nonexistent/file.json", format: nil)
            Issue.record("expected an error")
        } catch {
            #expect(error.exitStatus == 66)
            #expect(error.description.hasPrefix("/nonexistent/file.json: cannot open:"))
        }
    }
}

@Suite struct NumberEdgeTests {
    @Test func extremeScoresLoad() throws {
        let discussion = try load(
            #"{"article":{"title":"T"},"comments":[{"score":-9223372036854775808},{"score":9223372036854775807},{"score":123456789012345678901234567890},{"score":-99999999999999999999999},{"score":0}]}"#
        )
        #expect(discussion.score(of: 0) == Int64.min)
        #expect(discussion.score(of: 1) == Int64.max)
        #expect(discussion.score(of: 2) == Int64.max)
        #expect(discussion.score(of: 3) == Int64.min)
        #expect(discussion.score(of: 4) == 0)
    }

    @Test func hugeIntegerIDsStayTheirDigits() throws {
        let discussion = try load(#"{"article":{"title":"T"},"comments":[{"id":123456789012345678901234567890}]}"#)
        #expect(discussion.id(of: 0) == .string("123456789012345678901234567890"))
    }
}
