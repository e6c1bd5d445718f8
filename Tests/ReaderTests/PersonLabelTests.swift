import Reader
import Testing
import ThreadModel

/// The printer labels the original poster and site roles after the author (issue 13).
@Suite struct PersonLabelTests {
    static func thread() throws -> Discussion {
        try Discussion.load(
            canonical: DocumentBytes(
                Array(
                    """
                    {"article": {"title": "T", "author": "ann"}, "comments": [
                      {"id": 1, "author": "ann", "op": true, "body": "mine", "replies": [
                        {"id": 2, "author": "mo", "role": "moderator", "body": "rules"},
                        {"id": 3, "author": "ann", "op": true, "role": "admin", "body": "both"}
                      ]},
                      {"id": 4, "author": "bob", "body": "plain"}
                    ]}
                    """.utf8)))
    }

    @Test func printedHeadersCarryOPAndRoleLabels() throws {
        let printed = ThreadPrinter(width: 60).text(of: try Self.thread())
        let headers = printed.split(separator: "\n").filter { $0.contains("▾") || $0.contains("•") }
        #expect(headers == ["▾ ann OP", "│ • mo mod", "│ • ann OP admin", "• bob"])
    }

    @Test func labelsNeverWidenTheLine() throws {
        let printed = ThreadPrinter(width: 8).text(of: try Self.thread())
        for line in printed.split(separator: "\n") { #expect(line.count <= 8, "\(line)") }
    }
}
