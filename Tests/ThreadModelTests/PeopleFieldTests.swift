import Testing

@testable import ThreadModel

/// The canonical format's `op` and `role` fields (FORMAT.md).
@Suite struct PeopleFieldTests {
    @Test func opAndRoleLoadAndLabel() throws {
        let discussion = try load(
            """
            {"article": {"title": "t", "author": "ann"}, "comments": [
              {"id": 1, "author": "ann", "op": true, "role": "moderator", "body": "a"},
              {"id": 2, "author": "bob", "role": "admin", "body": "b"},
              {"id": 3, "author": "cat", "body": "c"}
            ]}
            """)
        #expect((0..<3).map { discussion.personLabels(of: $0) } == [["OP", "mod"], ["admin"], []])
        #expect(discussion.isOP(0) && !discussion.isOP(1))
        #expect(discussion.role(of: 1) == .admin && discussion.role(of: 2) == nil)
    }

    @Test func unknownRoleAndOddOpValuesAreHarmless() throws {
        let discussion = try load(
            """
            {"article": {"title": "t"}, "comments": [
              {"id": 1, "role": "special", "op": "yes", "body": "a"},
              {"id": 2, "role": 7, "op": false, "body": "b"},
              {"id": 3, "role": null, "op": null, "body": "c"},
              {"id": 4, "role": {"x": ["y"]}, "op": [true], "body": "d"}
            ]}
            """)
        #expect(discussion.count == 4)
        #expect((0..<4).allSatisfy { !discussion.isOP($0) && discussion.role(of: $0) == nil })
        // The field after an unknown role is still read.
        #expect(discussion.body(of: 0) == "a")
    }

    @Test func writerKeepsOpAndRole() throws {
        let discussion = try load(
            """
            {"article": {"title": "t"}, "comments": [{"id": 1, "author": "ann", "op": true, "role": "staff"}]}
            """)
        let text = String(decoding: DocumentWriter.canonicalJSON(discussion), as: UTF8.self)
        #expect(
            text == """
                {
                  "article": {
                    "title": "t"
                  },
                  "comments": [
                    {
                      "id": 1,
                      "author": "ann",
                      "op": true,
                      "role": "staff"
                    }
                  ]
                }

                """)
    }

    @Test func recordStaysSmall() {
        // 56 bytes: a million comments cost 8 MB more at 64 (BENCHMARKS.md, `tread stats`).
        #expect(MemoryLayout<CommentRecord>.stride <= 56)
    }
}
