import Testing

@testable import ThreadModel

/// Code in real Hacker News and Lobsters comments comes out verbatim, markup in it decoded once.
@Suite struct CodeBlockFixtureTests {
    @Test func lobstersShellCodeKeepsItsRedirection() throws {
        let discussion = try Corpus.load("lobsters/donlgu_systemd_2018_legacy.json")
        let comment = try #require(Corpus.index(of: "f9v3ml", in: discussion))
        #expect(
            discussion.body(of: comment).contains("\n    #!/bin/sh\n    exec murmurd -ini /etc/murmur.ini -fg 2>&1\n"))
    }

    @Test func hackerNewsCodeKeepsAngleBracketedAddresses() throws {
        let discussion = try Corpus.load("hn_firebase/less_slow_cpp_43727743_items.json")
        let comment = try #require(Corpus.index(of: "43728456", in: discussion))
        let body = discussion.body(of: comment)
        #expect(body.contains("\n      - Python: <https://github.com/ashvardanian/less_slow.py/blob/"))
        #expect(!body.contains("&lt;") && !body.contains("&#x2F;"))
    }
}
