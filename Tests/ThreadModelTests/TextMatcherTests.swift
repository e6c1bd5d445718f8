import Testing
import ThreadModel

@Suite struct TextMatcherTests {
    private func document(_ comments: String) throws -> Discussion {
        let json = #"{"article":{"title":"T"},"comments":["# + comments + "]}"
        return try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
    }

    /// The raw bytes `\nThe` hold "nthe"; the decoded text (a line break, then "The") does not.
    @Test func aLineBreakEscapeIsNotALetter() throws {
        let discussion = try document(#"{"body":"the end.\nThe start"}"#)
        #expect(!discussion.matches(TextMatcher("nthe"), comment: 0))
        #expect(discussion.matches(TextMatcher("THE START"), comment: 0))
    }

    @Test func escapesThatSpellTheQueryAreFound() throws {
        let discussion = try document(
            #"{"body":"caf\u00e9"},{"body":"\u0041BC"},{"body":"a\/b"},{"body":"\u212Ailn"},{"body":"\u212ailn"}"#)
        #expect(discussion.comments(matching: TextMatcher("café"), in: 0..<5) == [0])
        #expect(discussion.comments(matching: TextMatcher("abc"), in: 0..<5) == [1])
        #expect(discussion.comments(matching: TextMatcher("a/b"), in: 0..<5) == [2])
        #expect(discussion.comments(matching: TextMatcher("kiln"), in: 0..<5) == [3, 4])
    }

    /// Unicode's case folding makes a final sigma a sigma: ΟΔΟΣ, lower-cased a letter at a time, is
    /// "οδοσ", and the word written in lower case ends in ς.
    @Test func aCapitalSigmaFindsAFinalSigma() throws {
        let discussion = try document(#"{"body":"ο δρόμος"},{"body":"Ο ΔΡΌΜΟΣ"},{"body":"δρόμοσ"}"#)
        #expect(discussion.comments(matching: TextMatcher("ΔΡΌΜΟΣ"), in: 0..<3) == [0, 1, 2])
        #expect(discussion.comments(matching: TextMatcher("δρόμος"), in: 0..<3) == [0, 1, 2])
        #expect(TextMatcher("δρόμος").matches(in: "Ο ΔΡΌΜΟΣ".map(TextMatcher.fold)) == [2..<8])
    }

    /// A range big enough to be cut between cores gives the hits of a search comment by comment, in order.
    @Test func aRangeCutBetweenCoresFindsWhatOneByOneDoes() throws {
        let count = WorkSplit.smallestPart * 3 + 5
        let bodies = (0..<count).map { $0 % 7 == 0 || $0 == count - 1 ? "a Needle here" : "hay" }
        let discussion = try document(bodies.map { #"{"body":"\#($0)"}"# }.joined(separator: ","))
        let matcher = TextMatcher("needle")
        let expected = (0..<count).filter { discussion.matches(matcher, comment: $0) }
        #expect(expected.first == 0 && expected.last == count - 1 && expected.count > count / 7)
        #expect(discussion.comments(matching: matcher, in: 0..<count) == expected)
        let inner = 5..<count - 3
        #expect(discussion.comments(matching: matcher, in: inner) == expected.filter { inner.contains($0) })
    }

    @Test func partsCoverTheRangeInOrder() {
        let range = 3..<(WorkSplit.smallestPart * 4 + 3)
        let parts = WorkSplit.parts(of: range)
        #expect(parts.count == min(WorkSplit.cores, 4))
        #expect(parts.first?.lowerBound == range.lowerBound && parts.last?.upperBound == range.upperBound)
        #expect(zip(parts, parts.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound && !$0.isEmpty })
        #expect(WorkSplit.parts(of: 0..<WorkSplit.smallestPart) == [0..<WorkSplit.smallestPart])
    }

    @Test func aKelvinSignInPlainBytesMatchesK() throws {
        let discussion = try document("{\"body\":\"\u{212A}iln\"}")
        #expect(discussion.matches(TextMatcher("kiln"), comment: 0))
    }

    /// Grapheme clusters: "e" is not the "é" of e + combining acute, and an escape's digits are not text.
    @Test func matchingIsOverWholeClusters() throws {
        let discussion = try document(
            "{\"body\":\"cafe\u{301}\"},{\"body\":\"x\\u0301\"},{\"body\":\"\\u00e9t\\u00e9\"}")
        #expect(!discussion.matches(TextMatcher("cafe"), comment: 0))
        #expect(discussion.matches(TextMatcher("CAFE\u{301}"), comment: 0))
        // Clusters compare by their bytes: the precomposed é is other text (the highlighter agrees).
        #expect(!discussion.matches(TextMatcher("caf\u{E9}"), comment: 0))
        #expect(!discussion.matches(TextMatcher("x"), comment: 1))
        #expect(!discussion.matches(TextMatcher("u0301"), comment: 1))
        #expect(!discussion.matches(TextMatcher("00e9t"), comment: 2))
    }

    @Test func authorsAndTheArticleMatchToo() throws {
        let discussion = try document(#"{"author":"Ann","body":"x"}"#)
        #expect(discussion.matches(TextMatcher("ANN"), comment: 0))
        #expect(discussion.articleMatches(TextMatcher("t")))
        #expect(!discussion.articleMatches(TextMatcher("")))
    }

    @Test func everyOccurrenceOnALineIsFound() {
        let matcher = TextMatcher("Ab")
        #expect(matcher.matches(in: "abXAB ab".map(TextMatcher.fold)) == [0..<2, 3..<5, 6..<8])
    }
}

@Suite struct TextMatcherRuleTests {
    /// CR LF is one cluster; `Character.asciiValue` calls it LF, which must not make it match "\n".
    @Test func crLfIsNotALineFeed() {
        #expect(!TextMatcher("a\nb").matches("a\r\nb"))
        #expect(TextMatcher("a\r\nb").matches("A\r\nB"))
    }

    @Test func nonASCIIQueriesIgnoreCase() {
        #expect(TextMatcher("ÉTÉ").matches("un été chaud"))
        #expect(TextMatcher("οδοσ").matches("ΟΔΟΣ"))
        #expect(!TextMatcher("été").matches("un ete chaud"))
    }
}

@Suite struct NonASCIIPrefilterTests {
    /// The skim for non-ASCII queries must still see non-ASCII text behind an escape.
    @Test func anEscapedAccentIsFoundByANonASCIIQuery() throws {
        let json = #"{"article":{"title":"T"},"comments":[{"body":"plain"},{"body":"\u00c9T\u00c9"},{"body":"ÉTÉ"}]}"#
        let discussion = try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
        #expect(discussion.comments(matching: TextMatcher("été"), in: 0..<3) == [1, 2])
    }
}
