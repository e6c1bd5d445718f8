import Testing

@testable import ReadingState

@Suite struct JumpListTests {
    @Test func backAndForwardRetraceJumps() {
        var jumps = JumpList<Int>()
        jumps.record(1)  // jumped from 1 to 5
        jumps.record(5)  // jumped from 5 to 9
        let back = [jumps.back(from: 9), jumps.back(from: 5), jumps.back(from: 1)]
        let forward = [jumps.forward(), jumps.forward(), jumps.forward()]
        #expect(back == [5, 1, nil])
        #expect(forward == [5, 9, nil])
    }

    @Test func aJumpAfterGoingBackDropsThePositionsAhead() {
        var jumps = JumpList<Int>()
        jumps.record(1)
        jumps.record(5)
        let first = jumps.back(from: 9)
        jumps.record(5)  // jumped from 5 to 7
        let entries = jumps.entries
        let steps = [jumps.forward(), jumps.back(from: 7), jumps.back(from: 5)]
        #expect(first == 5)
        #expect(entries == [1, 5])
        #expect(steps == [nil, 5, 1])
    }

    @Test func aPositionIsKeptOnceAtItsLatestPlace() {
        var jumps = JumpList<Int>()
        for position in [1, 2, 1, 3] { jumps.record(position) }
        #expect(jumps.entries == [2, 1, 3])
    }

    @Test func theOldestPositionsGoPastTheCapacity() {
        var jumps = JumpList<Int>(capacity: 3)
        for position in 1...5 { jumps.record(position) }
        #expect(jumps.entries == [3, 4, 5])
    }

    @Test func positionsFollowAChangedDiscussion() {
        var jumps = JumpList<Int>()
        for position in [10, 20, 30] { jumps.record(position) }
        let first = jumps.back(from: 40)
        var moved = jumps.compactMap { $0 == 20 ? nil : $0 + 1 }
        let entries = moved.entries
        let again = moved.back(from: 31)
        #expect(first == 30)
        #expect(entries == [11, 31, 41])
        #expect(again == 11)
    }
}
