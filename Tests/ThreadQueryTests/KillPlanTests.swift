import Testing
import ThreadModel
import ThreadTestSupport
import ThreadTree

@testable import ThreadQuery

/// The kill-file compiled into one pass (`KillPlan`): the rules of words and authors answered together, and
/// the marks exactly those of each rule asked alone.
@Suite struct KillPlanTests {
    /// Written as a file holds it, so JSON escapes, a Kelvin sign and combining marks reach the matcher raw.
    static let json =
        #"""
        {"article": {"title": "t"}, "comments": [
          {"id": "a", "author": "Spammer", "body": "Buy CRYPTO now"},
          {"id": "b", "author": "ann", "body": "cr\u0079pto in an escape"},
          {"id": "c", "author": "bob", "body": "http:\/\/example.com\/nft", "score": -2},
          {"id": "d", "author": "Bob", "body": "\u212Aelvin and a ca\u0301fe"},
          {"id": "e", "author": "carol", "body": "cafe\u0301 and naïve ÉCOLE"},
          {"id": "f", "author": "sp\u0061mmer", "body": "plain words", "score": -3},
          {"id": "g", "author": "dave", "body": "the project is fine", "parent": "a"},
          {"id": "h", "author": "eve", "body": "cryptography of the  project", "parent": "g"},
          {"id": "i", "author": "zed", "body": "cafe and K\u0301", "parent": "h"},
          {"id": "j", "author": "kim", "body": "\#("\u{212A}")elvin; crypto\u0301; x-crypto-y"}
        ]}
        """#

    static let queries = [
        "crypto", "author:spammer", "kelvin", "cafe", "nft", "école", "\"the project\"", "author:bob score<0",
        "crypto or author:eve", "-author:bob", "score<0", "/fi[n]e/", "crypto depth>1", "CAFE or naïve", "elvin",
        "author:BOB", "x-crypto-y", "(crypto or kelvin) -author:kim",
    ]

    /// Each comment's mark as each rule alone finds it (the filter's matcher), the highest winning.
    static func reference(_ rules: [KillRule], _ d: Discussion, _ tree: CommentTree) -> [String] {
        let rank: [KillRule.Action: Int] = [.dim: 1, .hide: 2, .hideThread: 3]
        return (0..<d.count).map { index in
            let best =
                rules.filter { QueryMatcher(query: $0.query, discussion: d, tree: tree).matches(index) }
                .map { rank[$0.action] ?? 0 }.max() ?? 0
            return ["", "~", "-", "="][best] + (d.id(of: index)?.key ?? "")
        }
    }

    static func marked(_ rules: [KillRule], _ d: Discussion, _ tree: CommentTree) -> [String] {
        let marks = KillFile(rules: rules).marks(d, tree: tree)
        let threads = Set(marks.hiddenThreads.map(Int.init))
        return (0..<d.count).map { index in
            (threads.contains(index) ? "=" : marks.isHidden(index) ? "-" : marks.isDimmed(index) ? "~" : "")
                + (d.id(of: index)?.key ?? "")
        }
    }

    @Test func marksAreThoseOfEachRuleAlone() throws {
        let d = try Discussion.load(canonical: DocumentBytes(Array(Self.json.utf8)))
        let tree = CommentTree(discussion: d)
        let actions: [KillRule.Action] = [.dim, .hide, .hideThread]
        // Every rule alone, then all of them with their actions in turn.
        for query in Self.queries {
            for action in actions {
                let rules = [try KillRule.parse(query, action: action, site: nil)]
                #expect(Self.marked(rules, d, tree) == Self.reference(rules, d, tree), "\(query)")
            }
        }
        for shift in 0..<3 {
            let rules = try Self.queries.enumerated().map { k, query in
                try KillRule.parse(query, action: actions[(k + shift) % 3], site: nil)
            }
            #expect(Self.marked(rules, d, tree) == Self.reference(rules, d, tree))
        }
    }

    @Test func escapesKelvinAndClustersDecideAsTheFilterDoes() throws {
        let d = try Discussion.load(canonical: DocumentBytes(Array(Self.json.utf8)))
        let tree = CommentTree(discussion: d)
        let rules = try ["crypto", "kelvin", "cafe", "nft", "école"].map {
            try KillRule.parse($0, action: .hide, site: nil)
        }
        // b's `\u0079` spells crypto; c's `\/nft` is nft; d's escaped Kelvin sign reads "kelvin", and its
        // "ca\u0301fe" is no "cafe" (an accented a); e's decomposed é ends "cafe\u0301", no cafe either, but
        // ÉCOLE is école; i's "K\u0301" holds no kelvin, its "cafe" stands alone; j's raw Kelvin sign reads
        // "kelvin", and "crypto\u0301" ends on an accented o.
        #expect(Self.marked(rules, d, tree) == ["-a", "g", "-h", "-i", "-b", "-c", "-d", "-e", "f", "-j"])
        let cafe = [try KillRule.parse("cafe", action: .hide, site: nil)]
        #expect(Self.marked(cafe, d, tree) == ["a", "g", "h", "-i", "b", "c", "d", "e", "f", "j"])
    }

    @Test func aThousandRulesOfWordsAndAuthorsAreOnePass() throws {
        let rules = try (0..<1000).map { k in
            try KillRule.parse(k % 2 == 0 ? "author:name\(k)" : "word\(k)", action: .hide, site: nil)
        }
        let plan = KillPlan(rules: rules)
        #expect(plan.scanned.isEmpty)
        #expect(plan.words.matchers.count == 500)
        #expect(plan.authorNames.count == 500)
        #expect(plan.triggerIsRule.allSatisfy { $0 })
    }

    @Test func threeRulesOrFewerReadTheThreadOnceEach() throws {
        let plan = KillPlan(
            rules: try ["author:x", "crypto", "a or b"].map { try KillRule.parse($0, action: .hide, site: nil) })
        #expect(plan.scanned == [0, 1, 2])
        #expect(plan.triggerIsRule == [false, false, false])
        #expect(plan.words.isEmpty && plan.authorNames.isEmpty)
    }

    @Test func rulesWithoutAWordOrAnAuthorReadTheThreadOnTheirOwn() throws {
        let queries = ["score<0", "-author:x", "/re/", "crypto or score<0", "depth>2", "author:x or -crypto"]
        let plan = KillPlan(rules: try queries.map { try KillRule.parse($0, action: .hide, site: nil) })
        #expect(plan.scanned == Array(queries.indices))
        let mixed = KillPlan(
            rules: try ["author:x score<0", "crypto depth>1", "(a or b) c", "author:y"].map {
                try KillRule.parse($0, action: .hide, site: nil)
            })
        #expect(mixed.scanned.isEmpty)
        #expect(mixed.triggerIsRule == [false, false, false, true])
        // The fewest triggers of an `and`: "c" alone rather than "a" or "b".
        #expect(mixed.words.matchers.map(\.query) == ["crypto", "c"])
    }
}
