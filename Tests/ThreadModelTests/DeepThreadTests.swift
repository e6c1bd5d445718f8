import Testing

@testable import ThreadModel

@Suite struct DeepThreadTests {
    /// A 100,000-deep chain in the flat form loads and frees without touching the stack's limit.
    @Test func hundredThousandDeepFlatChainLoads() throws {
        let depth = 100_000
        var json = #"{"article":{"title":"Deep"},"comments":[{"id":"c0"}"#
        json.reserveCapacity(depth * 40)
        for i in 1..<depth { json += #",{"id":"c\#(i)","parent":"c\#(i - 1)","body":"level \#(i)"}"# }
        json += "]}"
        let discussion = try load(json)
        #expect(discussion.count == depth)
        #expect(discussion.parent(of: depth - 1) == depth - 2)
        #expect(discussion.body(of: depth - 1) == "level \(depth - 1)")
    }

    @Test func reversedFlatChainIsReordered() throws {
        let depth = 20_000
        var json = #"{"article":{"title":"Deep"},"comments":["#
        for i in stride(from: depth - 1, to: 0, by: -1) { json += #"{"id":"c\#(i)","parent":"c\#(i - 1)"},"# }
        json += #"{"id":"c0"}]}"#
        let discussion = try load(json)
        #expect(discussion.id(of: 0) == .string("c0"))
        #expect(discussion.id(of: depth - 1) == .string("c\(depth - 1)"))
        #expect((1..<depth).allSatisfy { discussion.parent(of: $0) == $0 - 1 })
    }
}
