import Testing
import ThreadTestSupport

@testable import ThreadModel

/// The builder's index of ids (hashes, with the text compared on equal hashes) and its shared
/// authors and times: every answer is the one the text gives, even when every hash collides.
@Suite struct BuilderIDTests {
    /// A mix of what the index must get right: parents before and after their replies, a parent that
    /// is not there, ids that are prefixes of each other, an integer id and its string.
    static let comments: [ThreadModel.Comment] = [
        ThreadModel.Comment(id: .string("a")),
        ThreadModel.Comment(id: .string("ab"), parent: .string("a")),
        ThreadModel.Comment(id: .string("b"), parent: .string("later")),
        ThreadModel.Comment(id: .string("abc"), parent: .string("ab")),
        ThreadModel.Comment(id: .string("later")),
        ThreadModel.Comment(id: .integer(5), parent: .string("nowhere")),
        ThreadModel.Comment(id: .string("c"), parent: .string("5")),
        ThreadModel.Comment(id: .string("d"), parent: .integer(5)),
        ThreadModel.Comment(id: .string(""), parent: .string("a")),
        ThreadModel.Comment(id: .string("e"), parent: .string("")),
    ]

    static func builder(_ comments: [ThreadModel.Comment], colliding: Bool) -> DiscussionBuilder {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        if colliding { builder.idHashBits = 0 }
        for comment in comments { builder.add(comment) }
        return builder
    }

    /// `hasComment(withID:)` (mutating: `#expect` cannot call it itself).
    static func has(_ builder: inout DiscussionBuilder, _ id: String) -> Bool { builder.hasComment(withID: id) }

    @Test func indexTellsCollidingEntriesApartByTheirText() {
        let texts = (0..<1000).map { "id\($0)" }
        let hashes = [UInt64](repeating: 7, count: texts.count)
        var index = GrowingIDIndex()
        for k in texts.indices {
            #expect(index.insert(k, hashes: hashes) { texts[$0] == texts[k] } == nil)
        }
        #expect(index.count == 1000)
        for k in texts.indices {
            #expect(index.find(7, hashes: hashes) { texts[$0] == texts[k] } == k)
        }
        #expect(index.find(7, hashes: hashes) { texts[$0] == "id1000" } == nil)
        #expect(index.find(8, hashes: hashes) { _ in true } == nil)
        // A repeat is not added: the first entry with that text stays the one found.
        #expect(index.insert(0, hashes: hashes) { texts[$0] == "id42" } == 42)
        #expect(index.count == 1000)
    }

    @Test(arguments: [false, true])
    func parentsResolveAsWithoutTheIndex(colliding: Bool) throws {
        let built = try Self.builder(Self.comments, colliding: colliding).build()
        // The canonical loader resolves every parent by id when the load ends, as the builder did alone.
        let flat = """
            {"article": {"title": "T"}, "comments": [{"id": "a"}, {"id": "ab", "parent": "a"},
            {"id": "b", "parent": "later"}, {"id": "abc", "parent": "ab"}, {"id": "later"},
            {"id": 5, "parent": "nowhere"}, {"id": "c", "parent": "5"}, {"id": "d", "parent": 5},
            {"id": "", "parent": "a"}, {"id": "e", "parent": ""}]}
            """
        let reference = try Discussion.load(canonical: DocumentBytes(Array(flat.utf8)))
        #expect(outline(built) == outline(reference))
        #expect(outline(built) == "a\n  ab\n    abc\n  \n    e\nlater\n  b\n5\n  c\n  d")
        #expect(built.orphanCount == 1)
        let orphan = try #require((0..<built.count).first { built.isOrphan($0) })
        #expect(built.id(of: orphan) == .integer(5))
        #expect(built.missingParentID(of: orphan) == .string("nowhere"))
    }

    /// Comments whose parents all come first skip the assembly when they are in thread order, and
    /// go through it when they are not: either way the discussion is the canonical loader's.
    /// Each comment is written `id<parent/author`, in the file's order.
    @Test(arguments: ["a a1<a/x a2<a1 b/y b1<b/x", "a b a1<a a3<b a2<a1", "a/x b<a/y c<a/x", "a b<a c<b d<a e<d"])
    func commentsInOrderOrNotAreTheCanonicalLoadersDiscussion(list: String) throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        var flat: [String] = []
        for entry in list.split(separator: " ") {
            let halves = entry.split(separator: "/").map(String.init)
            let author = halves.count > 1 ? halves[1] : nil
            let parts = halves[0].split(separator: "<").map(String.init)
            let parent = parts.count > 1 ? parts[1] : nil
            builder.add(ThreadModel.Comment(id: .string(parts[0]), parent: parent.map { .string($0) }, author: author))
            flat.append(
                #"{"id": "\#(parts[0])""# + (parent.map { #", "parent": "\#($0)""# } ?? "")
                    + (author.map { #", "author": "\#($0)""# } ?? "") + "}")
        }
        let json = #"{"article": {"title": "T"}, "comments": [\#(flat.joined(separator: ", "))]}"#
        let reference = try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
        // Only the second list is out of thread order (a1 comes after b): the assembly sorts it.
        #expect(builder.isSettled == !list.hasPrefix("a b a1"))
        let built = try builder.build()
        #expect(outline(built) == outline(reference))
        #expect(built.distinctAuthors == reference.distinctAuthors)
        #expect(built.orphanCount == 0)
    }

    @Test(arguments: [false, true])
    func duplicatesAndOwnParentsAreRefusedWhateverTheHashes(colliding: Bool) throws {
        let duplicate = Self.builder(Self.comments + [ThreadModel.Comment(id: .string("ab"))], colliding: colliding)
        #expect(throws: DocumentError(kind: .duplicateID("ab", line: 0, column: 0))) { try duplicate.build() }
        let own = Self.builder(
            Self.comments + [ThreadModel.Comment(id: .string("own"), parent: .string("own"))], colliding: colliding)
        #expect(throws: DocumentError(kind: .ownParent("own"))) { try own.build() }
    }

    @Test(arguments: [false, true])
    func duplicatesAreFoundByTheirText(colliding: Bool) {
        var builder = Self.builder(Self.comments, colliding: colliding)
        for id in ["a", "ab", "abc", "later", "5", "", "e"] {
            #expect(Self.has(&builder, id), "\(id)")
        }
        for id in ["A", "abcd", "x", "6", "nowhere", " "] { #expect(!Self.has(&builder, id), "\(id)") }
    }

    /// The importers' sets compared ids as Swift strings do: canonically equivalent ids are one.
    @Test(arguments: [false, true])
    func idsThatAreOneOnlyAsStringsAreStillOne(colliding: Bool) {
        var builder = Self.builder(
            [ThreadModel.Comment(id: .string("K")), ThreadModel.Comment(id: .string("e\u{301}"))], colliding: colliding)
        #expect(Self.has(&builder, "\u{212A}"))
        #expect(Self.has(&builder, "\u{E9}"))
        #expect(Self.has(&builder, "K"))
        #expect(!Self.has(&builder, "k"))
        builder.add(ThreadModel.Comment(id: .string("x")))
        #expect(Self.has(&builder, "x"))
        // Ids added before the first question count too: the Kelvin sign first, then `K` asked for.
        var kelvinFirst = Self.builder([ThreadModel.Comment(id: .string("\u{212A}"))], colliding: colliding)
        #expect(Self.has(&kelvinFirst, "K"))
        // A parent still names its comment by its bytes, as the assembly has always matched them.
        var parents = Self.builder(
            [
                ThreadModel.Comment(id: .string("K")),
                ThreadModel.Comment(id: .string("r"), parent: .string("\u{212A}")),
            ], colliding: colliding)
        #expect(parents.parentIndices() == [-1, -1])
        #expect(!Self.has(&parents, "k"))
    }

    @Test(arguments: [false, true])
    func loopsAreFoundAmongCollidingIDs(colliding: Bool) {
        let looped: [ThreadModel.Comment] = [
            ThreadModel.Comment(id: .string("x"), parent: .string("z")),
            ThreadModel.Comment(id: .string("y"), parent: .string("x")),
            ThreadModel.Comment(id: .string("z"), parent: .string("y")),
            ThreadModel.Comment(id: .string("w"), parent: .string("w")),
        ]
        let builder = Self.builder(looped, colliding: colliding)
        #expect(builder.parentIndices() == [2, 0, 1, 3])
    }

    @Test func aRepeatedAuthorOrTimeIsStoredOnce() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let authors = (0..<2000).map { "user\($0 % 300)" }
        for (k, author) in authors.enumerated() {
            builder.add(
                ThreadModel.Comment(id: .string("c\(k)"), author: author, published: "2024-01-0\(k % 3 + 1)T00:00:00Z"))
        }
        let storedAuthors = Set(builder.records.map(\.author.offset))
        #expect(storedAuthors.count < 2000)
        let discussion = try builder.build()
        #expect(discussion.distinctAuthors == 300)
        for k in 0..<2000 {
            let comment = discussion.comment(at: k)
            #expect(comment.author == authors[k])
            #expect(comment.published == "2024-01-0\(k % 3 + 1)T00:00:00Z")
        }
    }

    @Test func finishingEmptiesTheBuilderAndBuildingLeavesIt() throws {
        var builder = Self.builder(Self.comments, colliding: false)
        let built = try builder.build()
        #expect(builder.count == Self.comments.count)
        let finished = try builder.finish()
        #expect(outline(finished) == outline(built))
        #expect(builder.count == 0)
        #expect(!Self.has(&builder, "a"))
        builder.add(ThreadModel.Comment(id: .string("a")))
        #expect(outline(try builder.finish()) == "a")
    }
}
