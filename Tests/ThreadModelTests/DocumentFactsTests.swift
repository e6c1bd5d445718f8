import Foundation
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// The document as written by `convert`, as text.
func written(_ discussion: Discussion) -> String {
    String(decoding: DocumentWriter.canonicalJSON(discussion), as: UTF8.self)
}

/// Loads what the writer made of `discussion`.
func roundTrip(_ discussion: Discussion) throws(DocumentError) -> Discussion {
    try Discussion.load(canonical: DocumentBytes(DocumentWriter.canonicalJSON(discussion)))
}

/// Everything a reader sees of each comment, in thread order, for round-trip comparisons.
func facts(_ discussion: Discussion) -> [String] {
    (0..<discussion.count).map { i in
        [
            discussion.id(of: i)?.key ?? "-", discussion.parent(of: i).map(String.init) ?? "top",
            discussion.isOrphan(i) ? "orphan" : "", discussion.author(of: i) ?? "", discussion.body(of: i),
            discussion.isPlaceholder(i) ? "placeholder" : "",
        ].joined(separator: "|")
    }
}

/// A canonical document with `comments` (JSON text) and a one-word article.
private func loaded(_ comments: String) throws -> Discussion {
    try Discussion.load(canonical: DocumentBytes(Array(#"{"article": {"title": "t"}, "comments": \#(comments)}"#.utf8)))
}

@Suite struct DocumentFactsTests {
    // MARK: Counting

    @Test func aRepeatedAuthorCountsOnlyTheLastName() throws {
        // Found by the fuzzer: both names were counted, but only the last is the comment's (and written).
        let discussion = try loaded(#"[{"id": "c1", "author": "ann", "author": "kit"}, {"id": "c2", "author": "kit"}]"#)
        #expect(discussion.author(of: 0) == "kit")
        #expect(discussion.distinctAuthors == 1)
        #expect(try roundTrip(discussion).distinctAuthors == 1)
    }

    @Test func deletedIsNotADistinctAuthor() throws {
        let discussion = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"author": "ann"}, {"author": "[deleted]"}, {"author": "[deleted]"}, {"author": "bob"}]}
            """)
        #expect(discussion.distinctAuthors == 2)
        var builder = DiscussionBuilder(article: Article(title: "T"))
        builder.add(Comment(author: "[deleted]", body: "gone"))
        builder.add(Comment(author: "ann", body: "here"))
        #expect(try builder.build().distinctAuthors == 1)
    }

    @Test func placeholdersAreNotCountedAsComments() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let top = builder.add(Comment(id: .string("a"), body: "a"))
        builder.add(Comment(id: .string("b"), body: "b"), under: top)
        builder.addPlaceholder("3 more replies", under: top)
        builder.addPlaceholder("topic closed")
        let discussion = try builder.build()
        #expect(discussion.count == 4)
        #expect(discussion.commentCount == 2)
        #expect(discussion.statistics().comments == 2)
        #expect(discussion.statistics().topLevel == 1)
    }

    // MARK: Encodings

    @Test func utf8ByteOrderMarkIsAccepted() throws {
        let bytes = [0xEF, 0xBB, 0xBF] + Array(#"{"article": {"title": "T"}, "comments": [{"id": 1}]}"#.utf8)
        #expect(try Discussion.load(canonical: DocumentBytes(bytes)).count == 1)
        #expect(try Discussion.load(DocumentBytes(bytes)).count == 1)
    }

    /// A small tread document in UTF-16, little- or big-endian, with or without a byte order mark.
    static func utf16(littleEndian: Bool, mark: Bool) -> [UInt8] {
        let units: [UInt16] = (mark ? [0xFEFF] : []) + Array(#"{"article": {"title": "T"}}"#.utf16)
        return units.flatMap { unit -> [UInt8] in
            let low = UInt8(unit & 0xFF)
            let high = UInt8(unit >> 8)
            return littleEndian ? [low, high] : [high, low]
        }
    }

    @Test(arguments: [
        utf16(littleEndian: true, mark: true), utf16(littleEndian: false, mark: true),
        utf16(littleEndian: true, mark: false), utf16(littleEndian: false, mark: false),
    ])
    func utf16IsRefusedAsUTF16(bytes: [UInt8]) {
        for format: DocumentFormat? in [nil, .tread, .reddit] {
            #expect(throws: DocumentError(kind: .utf16)) { try Discussion.load(DocumentBytes(bytes), format: format) }
        }
        #expect(throws: DocumentError(kind: .utf16)) { try Discussion.load(canonical: DocumentBytes(bytes)) }
        let message = DocumentError(path: "t.json", kind: .utf16).description
        #expect(message.hasPrefix("t.json: the file is UTF-16; tread reads UTF-8"))
    }

    @Test func zeroBytesThatAreNoUTF16AreASyntaxError() {
        #expect(throws: DocumentError(kind: .syntax("expected a value", line: 1, column: 1))) {
            try Discussion.load(DocumentBytes([0, 0, 0, 0]))
        }
    }

    // MARK: Detection

    @Test(arguments: ["time", "by", "kids", "options", "id", "children", "post_stream", "short_id", "deleted"])
    func canonicalDocumentIsDetectedWhateverItsFirstKey(key: String) {
        let json = #"{"\#(key)": 1, "article": {"title": "T"}, "comments": []}"#
        #expect(DocumentFormat.detect(DocumentBytes(Array(json.utf8))) == .tread)
    }

    @Test(arguments: [
        (#"{"by": "pg", "id": 1, "kids": [], "time": 1, "type": "story"}"#, DocumentFormat.hackerNewsItems),
        (#"{"id": 1, "created_at_i": 1, "children": []}"#, .hackerNewsAlgolia),
        (#"{"title": "x", "post_stream": {"posts": []}}"#, .discourse),
        (#"{"title": "x", "short_id": "abc", "comments": []}"#, .lobsters),
        (#"[{"kind": "Listing", "data": {}}]"#, .reddit),
        (#"[{"by": "pg", "id": 1}]"#, .hackerNewsItems),
    ])
    func siteDocumentsAreDetectedByTheirShape(json: String, format: DocumentFormat) {
        #expect(DocumentFormat.detect(DocumentBytes(Array(json.utf8))) == format)
    }

    @Test func objectWithATimeButNoIDIsNoHackerNewsItem() {
        #expect(DocumentFormat.detect(DocumentBytes(Array(#"{"time": 1, "by": "x"}"#.utf8))) == nil)
    }

    // MARK: Writing

    @Test func writerEscapesWhatATerminalWouldObey() throws {
        let body =
            "c1:\u{85}\u{9B} bidi:\u{202E}\u{2066}\u{2069} marks:\u{200E}\u{200F}\u{61C} lines:\u{2028}\u{2029} é€"
        var builder = DiscussionBuilder(article: Article(title: "T\u{202E}"))
        builder.add(Comment(id: .integer(1), author: "a\u{9B}", body: body))
        let discussion = try builder.build()
        let text = written(discussion)
        #expect(
            !text.unicodeScalars.contains {
                (0x80...0x9F).contains($0.value) || DocumentError.mustEscape($0.value) && $0 != "\n"
            })
        #expect(
            text.contains(#"c1:\u0085\u009b bidi:\u202e\u2066\u2069 marks:\u200e\u200f\u061c lines:\u2028\u2029 é€"#))
        let back = try roundTrip(discussion)
        #expect(back.body(of: 0) == body)
        #expect(back.author(of: 0) == "a\u{9B}")
        #expect(back.article.title == "T\u{202E}")
    }

    @Test func orphanKeepsItsMissingParentThroughConvert() throws {
        let discussion = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": 1, "body": "top"}, {"id": 2, "parent": 99, "body": "orphan"}, {"id": 3, "parent": "c1"}]}
            """)
        #expect(discussion.orphanCount == 2)
        #expect(discussion.missingParentID(of: 1) == .integer(99))
        #expect(written(discussion).contains(#""parent": 99"#))
        let back = try roundTrip(discussion)
        #expect(back.orphanCount == 2)
        #expect(facts(back) == facts(discussion))
    }

    @Test func orphanKeepsItsMissingParentInTheFlatForm() throws {
        // Deeper than the nesting limit, so written flat, with made-up ids that must not adopt the orphan.
        var builder = DiscussionBuilder(article: Article(title: "T"))
        var parent: Int?
        for _ in 0...DocumentWriter.nestingLimit { parent = builder.add(Comment(body: "x"), under: parent) }
        builder.add(Comment(id: .string("o"), parent: .string("c1"), body: "orphan"))
        let discussion = try builder.build()
        #expect(discussion.orphanCount == 1)
        let back = try roundTrip(discussion)
        #expect(back.orphanCount == 1)
        #expect(back.isOrphan(back.count - 1))
        #expect(back.missingParentID(of: back.count - 1) == .string("c1"))
    }

    @Test func zeroAndMinusZeroAreOneID() throws {
        #expect(
            loadError(#"{"article": {"title": "T"}, "comments": [{"id": 0}, {"id": -0}]}"#)
                == .duplicateID("0", line: 1, column: 61))
        let discussion = try load(#"{"article": {"title": "T"}, "comments": [{"id": 0}, {"id": 1, "parent": -0}]}"#)
        #expect(discussion.parent(of: 1) == 0)
        #expect(facts(try roundTrip(discussion)) == facts(discussion))
    }

    @Test func idsOfEverySpellingRoundTrip() throws {
        let discussion = try load(
            """
            {"article": {"title": "T"}, "comments": [
              {"id": -0, "replies": [{"id": "-0"}, {"id": "01"}]}, {"id": 1}, {"id": "1.0"},
              {"id": 123456789012345678901234567890}, {"id": "\\u0032"}, {"parent": 2}]}
            """)
        #expect(discussion.orphanCount == 0)
        let back = try roundTrip(discussion)
        #expect(facts(back) == facts(discussion))
        #expect(written(back) == written(discussion))
    }

    static let fixtures: [String] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures")
        return ["discourse", "hn_algolia", "hn_firebase", "lobsters", "reddit"].flatMap { folder in
            let path = directory.appendingPathComponent(folder).path
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            return names.filter { $0.hasSuffix(".json") }.map { path + "/" + $0 }
        }
    }()

    @Test(arguments: fixtures)
    func everyFixtureConvertsToTheSameThread(_ path: String) throws {
        let discussion = try Discussion.load(DocumentBytes.read(path: path))
        let back = try roundTrip(discussion)
        #expect(facts(back) == facts(discussion))
        #expect(back.orphanCount == discussion.orphanCount)
        #expect(back.distinctAuthors == discussion.distinctAuthors)
        #expect(back.statistics(sourceBytes: 0) == discussion.statistics(sourceBytes: 0))
    }

    @Test func idsInMessagesCannotCarryMarksOrSeparators() {
        let error = DocumentError(path: "x.json", kind: .ownParent("a\u{200E}\u{200F}\u{61C}\u{2028}\u{2029}b"))
        #expect(
            error.description
                == #"x.json: comment "a\u{200e}\u{200f}\u{61c}\u{2028}\u{2029}b" names itself as its parent"#)
    }

    // MARK: Text references

    @Test func referencesOutsideTheBytesReadAsNothing() {
        let bytes = DocumentBytes(Array("hello".utf8))
        let inside = TextRef(offset: 1, length: 3, jsonEscaped: false)
        let past = TextRef(offset: 3, length: 5, jsonEscaped: false)
        let far = TextRef(offset: 1 << 30, length: 2, jsonEscaped: true)
        #expect(bytes.holds(inside) && bytes.holds(.absent))
        #expect(!bytes.holds(past) && !bytes.holds(far))
        #expect(bytes.string(inside) == "ell")
        #expect(bytes.bytes(of: past) == nil && bytes.bytes(of: far) == nil)
        #expect(bytes.string(past) == "\u{FFFD}" && bytes.string(far) == "\u{FFFD}")
        #expect(!bytes.sameText(past, past))
        #expect(TextHash.of(far, in: bytes) == TextHash.of("\u{FFFD}"))
    }
}
