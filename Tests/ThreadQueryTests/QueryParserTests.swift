import Testing
import ThreadModel
import ThreadTree

@testable import ThreadQuery

/// The query's error text, or nil when it parses.
func parseError(_ text: String) -> String? {
    do {
        _ = try Query.parse(text)
        return nil
    } catch {
        return error.description
    }
}

@Test func numberMissingAfterDepthNamesItsColumn() {
    #expect(parseError("rust depth>x") == "expected a number after depth> at column 12")
    #expect(parseError("depth>") == "expected a number after depth> at column 7")
    #expect(parseError("score<1.5") == "expected a number after score< at column 7")
}

@Test func mistakesNameTheirColumn() {
    #expect(parseError("a or") == "expected a term after or at column 5")
    #expect(parseError("or a") == "expected a term before or at column 1")
    #expect(parseError("(a b") == "expected ) to close the ( at column 1 at column 5")
    #expect(parseError("a )") == "unmatched ) at column 3")
    #expect(parseError("\"open phrase") == "expected a closing \" for the one at column 1")
    #expect(parseError("has:pictures") == "unknown has:pictures; has:link or has:code at column 1")
    #expect(parseError("author:") == "expected a name after author: at column 8")
    #expect(parseError("a - b") == "expected a term after - at column 4")
    #expect(parseError("/(a/") == "expected ) to close the ( in the pattern at column 2")
    #expect(parseError("x /a\\1/") == "\\1 is not supported in a pattern at column 5")
    #expect(parseError("/a{500}/") == "a repeat count above 50 at column 3")
    #expect(parseError("/[ab]{20}[ab]{20}/") == "the pattern is too large (over 64 steps) at column 18")
    #expect(parseError("/\\d{4}-\\d{2}-\\d{2}T[0-9:]+/") == nil)
}

@Test func nestingPastTheCapIsAnErrorNotACrash() {
    let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
    #expect(parseError(deep) == "nested deeper than 32 levels at column 33")
    #expect(parseError(String(repeating: "-", count: 100_000) + "a") != nil)
    // A long flat query is fine: side-by-side terms are one node, not a chain.
    #expect(parseError(Array(repeating: "w", count: 100_000).joined(separator: " ")) == nil)
    #expect(parseError(Array(repeating: "w", count: 100_000).joined(separator: " or ")) == nil)
}

@Test func emptyQueryKeepsEverything() throws {
    #expect(try Query.parse("   ").isEmpty)
}

@Test func queriesKnowWhetherTheyReadNew() throws {
    #expect(try Query.parse("new").readsNew)
    #expect(try Query.parse("author:x (rust or -(new))").readsNew)
    #expect(try !Query.parse("\"new\" author:x").readsNew)
}

@Test func fieldQueriesAreKnownToReadNoText() throws {
    #expect(try Query.parse("author:pg depth>2 -deleted or score>3").readsOnlyFields)
    #expect(try !Query.parse("author:pg rust").readsOnlyFields)
}

@Test func anyTextParsesOrNamesAColumnInsideIt() throws {
    // Random queries from the characters that mean something, with a fixed seed: none may trap,
    // every error points inside the text (or just past its end), and every query evaluates.
    let pieces = [
        "a", "B", " ", "(", ")", "-", "\"", "/", "\\", "or", "op", "new", "author:", "depth>", "score<", "3",
        "has:", "link", "*", "+", "?", "{2,3}", "{", "}", "[", "]", "^", "$", "|", ".", "é", "(?:", "\\d",
    ]
    let d = try discussion(comments: sample)
    let tree = CommentTree(discussion: d)
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    for _ in 0..<3000 {
        var text = ""
        for _ in 0..<Int(state % 12) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            text += pieces[Int(state >> 33) % pieces.count]
        }
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        do {
            let query = try Query.parse(text)
            let matcher = QueryMatcher(query: query, discussion: d, tree: tree)
            #expect(matcher.matches(in: 0..<d.count) == (0..<d.count).map { matcher.matches($0) }, "\(text)")
        } catch {
            #expect(error.column >= 1 && error.column <= text.count + 1, "\(text): \(error)")
        }
    }
}

@Test func aNumberTooLargeSaysSoNotThatItIsNoNumber() {
    #expect(parseError("score>99999999999999999999") == "the number after score> is too large at column 7")
    #expect(parseError("rust score<-99999999999999999999") == "the number after score< is too large at column 12")
    #expect(parseError("depth>9223372036854775808") == "the number after depth> is too large at column 7")
    #expect(
        parseError("replies>123456789012345678901234567890") == "the number after replies> is too large at column 9")
    // The largest number still is one.
    #expect(parseError("score>9223372036854775807") == nil)
    #expect(parseError("score>-9223372036854775808") == nil)
    #expect(parseError("score>1e99") == "expected a number after score> at column 7")
}
