import Foundation
import SiteFormats
import Testing
import ThreadModel

/// `Codable` is a second, independent reading of the canonical format: `JSONDecoder` into
/// `Document`, then `Discussion(document:)`, must give what the fast loader gives, and what
/// `JSONEncoder` writes must load in tread to the same discussion.
///
/// JSONDecoder refuses input nested past 512 arrays and objects: a document is an object, its
/// `comments` an array, and each level of replies one object and one array, so 255 levels of
/// nested replies decode and 256 do not. Deeper threads use the flat form (`parent` ids), which
/// `DocumentWriter` writes past 200 levels; both readings take it at any depth.
@Suite struct CodableAgreementTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every bundled sample and every saved thread of the fixtures, by path from the repository's root.
    static let files: [String] = {
        let manager = FileManager.default
        var paths: [String] = []
        for folder in ["SampleData"]
            + ["discourse", "hn_algolia", "hn_firebase", "lobsters", "reddit"].map({
                "Tests/Fixtures/\($0)"
            })
        {
            let names = (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            paths += names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
        }
        return paths
    }()

    /// The canonical form of a file: itself when it is one, else what `tread convert` writes for it.
    static func canonical(_ path: String) throws -> [UInt8] {
        let bytes = try DocumentBytes.read(path: root.appendingPathComponent(path).path)
        if DocumentFormat.detect(bytes) == .tread { return Array(bytes.buffer) }
        return DocumentWriter.canonicalJSON(try Discussion.load(bytes))
    }

    /// The discussion as canonical JSON: every fact `tread convert` keeps, in one comparable value.
    static func written(_ discussion: Discussion) -> String {
        String(decoding: DocumentWriter.canonicalJSON(discussion), as: UTF8.self)
    }

    @Test func everyFileIsFound() {
        #expect(Self.files.count >= 29)
        #expect(Self.files.contains("SampleData/zte-partial-reprieve.json"))
    }

    @Test(arguments: files)
    func decoderAndLoaderReadTheSameDiscussion(_ path: String) throws {
        let bytes = try Self.canonical(path)
        let fast = try Discussion.load(canonical: DocumentBytes(bytes))
        let document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        #expect(Self.written(try Discussion(document: document)) == Self.written(fast))
    }

    @Test(arguments: files)
    func encoderOutputLoadsToTheSameDiscussion(_ path: String) throws {
        let bytes = try Self.canonical(path)
        let fast = try Discussion.load(canonical: DocumentBytes(bytes))
        let document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        let encoded = try JSONEncoder().encode(document)
        #expect(Self.written(try Discussion.load(canonical: DocumentBytes(Array(encoded)))) == Self.written(fast))
    }

    /// A chain of `depth` replies in the nested form.
    static func nestedChain(_ depth: Int) -> [UInt8] {
        var text = #"{"article": {"title": "t"}, "comments": "#
        for level in 0..<depth { text += #"[{"id": \#(level), "body": "b", "replies": "# }
        text += "[]"
        for _ in 0..<depth { text += "}]" }
        return Array((text + "}").utf8)
    }

    @Test func decoderTakes255NestedLevelsAndRefuses256() throws {
        let deepest = Self.nestedChain(255)
        let document = try JSONDecoder().decode(Document.self, from: Data(deepest))
        #expect(
            Self.written(try Discussion(document: document))
                == Self.written(try Discussion.load(canonical: DocumentBytes(deepest))))
        let tooDeep = Self.nestedChain(256)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Document.self, from: Data(tooDeep)) }
        #expect(try Discussion.load(canonical: DocumentBytes(tooDeep)).count == 256)
    }

    @Test func flatFormDecodesAtAnyDepth() throws {
        var text = #"{"article": {"title": "t"}, "comments": [{"id": 0}"#
        for level in 1..<10_000 { text += #", {"id": \#(level), "parent": \#(level - 1)}"# }
        let bytes = Array((text + "]}").utf8)
        let document = try JSONDecoder().decode(Document.self, from: Data(bytes))
        let viaCodable = try Discussion(document: document)
        #expect(viaCodable.count == 10_000)
        #expect(Self.written(viaCodable) == Self.written(try Discussion.load(canonical: DocumentBytes(bytes))))
    }

    @Test func idsAreStringsOrIntegersAndOneKeyEither() throws {
        let json =
            #"{"article": {"title": "t", "body": "one\n\ntwo"}, "comments": [{"id": 1}, {"id": "2", "parent": "1"}]}"#
        let document = try JSONDecoder().decode(Document.self, from: Data(json.utf8))
        #expect(document.article.body == ["one", "two"])
        #expect(document.comments?.map(\.id) == [.integer(1), .string("2")])
        #expect(document.comments?[1].parent?.key == CommentID.integer(1).key)
    }

    @Test func lenientFieldsFollowTheFormat() throws {
        let json = #"""
            {"article": {"title": "t"}, "comments": [
              {"op": "yes", "role": "wizard", "body": "a"},
              {"placeholder": true, "body": "2 more",
               "more": {"site": "reddit", "link": "t3_a", "parent": "t3_a", "children": ["b", "c"]}},
              {"placeholder": true, "body": "bad", "more": {"site": "other", "link": "t3_a", "parent": "t3_a"}}
            ]}
            """#
        let comments = try #require(try JSONDecoder().decode(Document.self, from: Data(json.utf8)).comments)
        #expect(comments[0].op == nil && comments[0].role == nil)
        #expect(comments[1].more == MoreStub(link: "t3_a", parent: "t3_a", children: ["b", "c"]))
        #expect(comments[2].placeholder == true && comments[2].more == nil)
    }
}
