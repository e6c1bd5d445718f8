import Testing

@testable import ThreadModel

/// Many queries looked for at once answer what each asked alone answers (`Discussion.bodyMatches`).
@Suite struct TextMatcherSetTests {
    static func comments(_ bodies: [String]) throws -> Discussion {
        let items = bodies.enumerated().map { k, body in #"{"id": "c\#(k)", "body": "\#(body)"}"# }
        let json = #"{"article": {"title": "t"}, "comments": [\#(items.joined(separator: ","))]}"#
        return try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
    }

    static func found(_ set: TextMatcherSet, _ d: Discussion, _ index: Int) -> [String] {
        var scratch = TextMatcherSet.Scratch(for: set)
        var hits: [Int] = []
        set.bodyMatches(in: d, comment: index, scratch: &scratch) { hits.append($0) }
        return hits.sorted().map { set.matchers[$0].query }
    }

    @Test func overlappingQueriesAreAllFound() throws {
        let d = try Self.comments(["USHERS and his", "no match", "she"])
        let set = TextMatcherSet(["he", "she", "hers", "his", "us", "Hers"].map(TextMatcher.init))
        #expect(Self.found(set, d, 0) == ["he", "she", "hers", "his", "us", "Hers"])
        #expect(Self.found(set, d, 1) == [])
        #expect(Self.found(set, d, 2) == ["he", "she"])
    }

    @Test func eachQueryAnswersAsItDoesAlone() throws {
        let bodies = [
            #"cr\u0079pto"#, #"a\/b\/nft"#, #"\u212Aelvin"#, "ca\u{301}fe cafe\u{301}", "naïve ÉCOLE",
            #"crypto\u0301 x"#, "\u{212A}elvin", #"\\u0079 escaped backslash"#, "plain crypto text", "",
        ]
        let d = try Self.comments(bodies)
        let queries = [
            "crypto", "kelvin", "cafe", "nft", "école", "naïve", "elvin", "u0079", "b/nft", "x", "crypto text",
            "\u{212A}",
        ]
        let set = TextMatcherSet(queries.map(TextMatcher.init))
        for index in 0..<d.count {
            let alone = queries.filter { d.bodyMatches(TextMatcher($0), comment: index) }
            #expect(Self.found(set, d, index) == alone, "comment \(index): \(bodies[index])")
        }
    }

    @Test func randomTextsAgreeWithEachQueryAlone() throws {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        // Pieces of JSON string content: escapes, a Kelvin sign raw and escaped, combining marks, case.
        let pieces = [
            "a", "b", "A", "K", "k", #"\u212A"#, "\u{212A}", #"\u0061"#, #"\/"#, "/", "\u{301}", #"\u0301"#, "é", "É",
            " ", "ab", "ba", #"\n"#, #"\\"#, "\u{1F600}",
        ]
        let bodies = (0..<400).map { _ in (0..<next(12)).map { _ in pieces[next(pieces.count)] }.joined() }
        let d = try Self.comments(bodies)
        let queries = ["a", "ab", "ba", "k", "ka", "a/b", "b a", "aba", "é", "á", "kk", "\\", "a\u{301}", "/", "A B"]
        let set = TextMatcherSet(queries.map(TextMatcher.init))
        for index in 0..<d.count {
            let alone = queries.filter { d.bodyMatches(TextMatcher($0), comment: index) }
            #expect(Self.found(set, d, index) == alone, "comment \(index): \(bodies[index])")
        }
    }
}
