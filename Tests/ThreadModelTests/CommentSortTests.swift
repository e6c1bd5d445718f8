import Testing
import ThreadModel
import ThreadTestSupport

@Suite struct CommentSortTests {
    /// Three levels, each with siblings whose points and times disagree with the data's order.
    let thread = scoredDiscussion(sortableOutline)

    @Test func topSortsSiblingsAtEveryLevelHighestFirst() {
        let sorted = thread.sorted(by: .top)
        #expect(
            outline(sorted.discussion) == """
                b
                c
                  c1
                a
                  a2
                    a2y
                    a2x
                  a3
                  a1
                """)
        #expect(sorted.order == .top)
    }

    @Test func newAndOldSortByTimeEitherWay() {
        #expect(
            depthsAndIDs(thread.sorted(by: .new).discussion) == [
                "0:c", "1:c1", "0:a", "1:a1", "1:a3", "1:a2", "2:a2x", "2:a2y", "0:b",
            ])
        #expect(
            depthsAndIDs(thread.sorted(by: .old).discussion) == [
                "0:b", "0:a", "1:a2", "2:a2y", "2:a2x", "1:a3", "1:a1", "0:c", "1:c1",
            ])
    }

    @Test func repliesStayUnderTheirParentAndTextFollows() throws {
        let sorted = thread.sorted(by: .top).discussion
        for index in 0..<sorted.count {
            let id = try #require(sorted.id(of: index)?.key)
            #expect(sorted.body(of: index) == "text of \(id)")
            if let parent = sorted.parent(of: index) {
                #expect(parent < index)
                #expect(id.hasPrefix(try #require(sorted.id(of: parent)?.key)))
            }
        }
        #expect(sorted.commentCount == thread.commentCount)
    }

    @Test func tiesKeepTheDataOrder() {
        let ties = scoredDiscussion(
            """
            x 3 5
            y 7 5
            z 3 5
            w 7 5
            """)
        #expect(outline(ties.sorted(by: .top).discussion) == "y\nw\nx\nz")
        #expect(outline(ties.sorted(by: .new).discussion) == "x\ny\nz\nw")
        #expect(outline(ties.sorted(by: .old).discussion) == "x\ny\nz\nw")
    }

    @Test func commentsWithoutTheFieldAndPlaceholdersComeLast() {
        let patchy = scoredDiscussion(
            """
            a - 30
            [3 more replies]
            b 2 -
            c 9 10
            d -
            """)
        #expect(outline(patchy.sorted(by: .top).discussion) == "c\nb\na\n[3 more replies]\nd")
        #expect(outline(patchy.sorted(by: .new).discussion) == "a\nc\n[3 more replies]\nb\nd")
    }

    @Test func bestGivenTheRanksFindsTheDataOrderAgain() {
        let top = thread.sorted(by: .top)
        let new = top.discussion.sorted(by: .new, ranks: top.ranks)
        #expect(outline(new.discussion) == outline(thread.sorted(by: .new).discussion))
        let best = new.discussion.sorted(by: .best, ranks: new.ranks)
        #expect(outline(best.discussion) == outline(thread))
        #expect(best.ranks == (0..<Int32(thread.count)).map { $0 })
    }

    @Test func oldToNewSaysWhereEachEntryWent() throws {
        let sorted = thread.sorted(by: .top)
        for old in 0..<thread.count {
            let new = Int(sorted.oldToNew[old])
            #expect(sorted.discussion.id(of: new) == thread.id(of: old))
        }
        #expect(sorted.merge.oldToNew.compactMap { $0 } == sorted.oldToNew.map { Int($0) })
        #expect(sorted.merge.newIDs.isEmpty)
    }

    @Test func theOrdersOfferedAreThoseTheDataHas() {
        #expect(thread.availableOrders == [.best, .top, .new, .old])
        #expect(discussion("a\n  b\nc").availableOrders == [.best])
        #expect(scoredDiscussion("a 1 -\nb").availableOrders == [.best, .top])
        #expect(scoredDiscussion("a - 5").availableOrders == [.best, .new, .old])
        // A placeholder's date is no comment's.
        #expect(scoredDiscussion("[more]").availableOrders == [.best])
    }

    @Test func aDeepChainSortsWithoutRecursion() throws {
        let depth = 100_000
        var builder = DiscussionBuilder(article: Article(title: "deep"))
        var last: Int?
        for level in 0..<depth {
            last = builder.add(Comment(id: .integer(Int64(level)), score: Int64(level % 7)), under: last)
        }
        builder.add(Comment(id: .string("top"), score: 100))
        let deep = try builder.build()
        let sorted = deep.sorted(by: .top).discussion
        #expect(sorted.count == depth + 1)
        #expect(sorted.id(of: 0) == .string("top"))
        #expect(sorted.parent(of: depth) == depth - 1)
    }

    @Test func orderNamesAreTheConfigsAndCycle() {
        #expect(CommentOrder.allCases.map(\.name) == ["best", "top", "new", "old"])
        #expect(CommentOrder(named: "new") == .new)
        #expect(CommentOrder(named: "controversial") == nil)
        #expect(CommentOrder(named: "Top") == nil)
        #expect(CommentOrder.old.next == .best)
        #expect(CommentOrder.names == "best, top, new, old")
    }

    @Test func aSortedDiscussionIsAnotherArrayOfComments() {
        let sorted = thread.sorted(by: .top).discussion
        #expect(thread.hasSameRecords(as: thread))
        #expect(!thread.hasSameRecords(as: sorted))
    }
}

@Suite struct ISOTimeBytesTests {
    @Test func datesReadFromBytesAsFromStrings() {
        let cases: [(String, Int64?)] = [
            ("1970-01-01T00:00:00Z", 0), ("2020-01-01T10:30:00Z", 1_577_874_600),
            ("2021-03-04T10:11:12.345-06:00", 1_614_874_272), ("2021-03-04T10:11+0100", 1_614_849_060),
            ("2021-03-04 10:11:12", 1_614_852_672), ("2021-13-04T10:11:12Z", nil), ("2021-03-04T10:11:12Zx", nil),
            ("2021-03-04", nil), ("", nil), ("2021-03-04T10:11:12+", nil),
        ]
        for (text, expected) in cases {
            #expect(ISOTime.epoch(text) == expected, "\(text)")
            var copy = text
            #expect(copy.withUTF8 { ISOTime.epoch(utf8: UnsafeRawBufferPointer($0)) } == expected, "\(text)")
        }
    }
}
