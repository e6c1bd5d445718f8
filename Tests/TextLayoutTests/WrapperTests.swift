import Testing
import TextLayout

/// The texts of `Wrapper.wrap`'s lines, checking on the way that each width is right.
private func wrapped(_ text: String, width: Int, hangingIndent: Int = 0) -> [String] {
    let lines = Wrapper.wrap(text, width: width, hangingIndent: hangingIndent)
    for line in lines {
        #expect(line.width == TextWidth.of(line.text), "\(line.text.debugDescription)")
        #expect(line.width <= max(1, width), "\(line.text.debugDescription) wider than \(width)")
    }
    return lines.map(\.text)
}

@Test func wrapBreaksAtSpaces() {
    #expect(
        wrapped("the quick brown fox jumps over the lazy dog", width: 10)
            == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
}

@Test func wrapDropsTheRunOfSpacesAtABreakButKeepsInnerOnes() {
    #expect(wrapped("aaa     bbb", width: 5) == ["aaa", "bbb"])
    #expect(wrapped("a   b", width: 10) == ["a   b"])
}

@Test func wrapKeepsLeadingSpacesAndDropsTrailingOnes() {
    #expect(wrapped("  indented text   ", width: 20) == ["  indented text"])
}

@Test func wrapIndentsContinuationLines() {
    #expect(
        wrapped("- item text that wraps around", width: 12, hangingIndent: 2)
            == ["- item text", "  that wraps", "  around"])
}

@Test func wrapClampsHangingIndentToLeaveOneColumn() {
    #expect(wrapped("aaa bbb", width: 3, hangingIndent: 10) == ["aaa", "  b", "  b", "  b"])
}

@Test func wrapCutsAWordLongerThanTheLine() {
    #expect(wrapped("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
    #expect(wrapped("see abcdefghijklmnop", width: 5) == ["see a", "bcdef", "ghijk", "lmnop"])
}

@Test func wrapBreaksCJKWithoutSpaces() {
    #expect(wrapped("世界你好吗", width: 4) == ["世界", "你好", "吗"])
    #expect(wrapped("世界你好吗", width: 5) == ["世界", "你好", "吗"])
}

@Test func wrapKeepsWideClosingPunctuationWithTheCharacterBeforeIt() {
    #expect(wrapped("你好。世界", width: 4) == ["你", "好。", "世界"])
}

@Test func wrapBreaksAtASpaceFollowedByNonASCII() {
    #expect(wrapped("word émigré 世界", width: 6) == ["word", "émigré", "世界"])
}

@Test func wrapKeepsASCIIPunctuationWithTheWideCharacterBeforeIt() {
    #expect(wrapped("世界世界.", width: 8) == ["世界世", "界."])
}

@Test func wrapNeverLetsAWideCharacterStraddleTheEdge() {
    #expect(wrapped("abc世界", width: 4) == ["abc", "世界"])
    #expect(wrapped("ab世", width: 3) == ["ab", "世"])
}

@Test func wrapShowsAWideCharacterThatCannotFitAsAnEllipsis() {
    #expect(wrapped("ab 世", width: 1) == ["a", "b", "…"])
}

@Test func wrapTreatsWidthBelowOneAsOne() {
    #expect(wrapped("ab", width: 0) == ["a", "b"])
    #expect(wrapped("ab", width: -5) == ["a", "b"])
}

@Test func wrapOfEmptyOrBlankTextIsOneEmptyLine() {
    #expect(Wrapper.wrap("", width: 10) == [WrappedLine(text: "", width: 0)])
    #expect(Wrapper.wrap("     ", width: 3) == [WrappedLine(text: "", width: 0)])
}

@Test func wrapTreatsANewlineAsASpace() {
    #expect(wrapped("one\ntwo", width: 20) == ["one two"])
    #expect(wrapped("one\r\ntwo", width: 3) == ["one", "two"])
}

@Test func wrapNeverSplitsAGraphemeCluster() {
    #expect(wrapped("e\u{301}e\u{301}e\u{301}", width: 2) == ["e\u{301}e\u{301}", "e\u{301}"])
    #expect(wrapped("👍🏽👍🏽👍🏽", width: 5) == ["👍🏽👍🏽", "👍🏽"])
    #expect(wrapped("🇯🇵🇫🇷", width: 3) == ["🇯🇵", "🇫🇷"])
}

@Test func wrapSanitisesItsInput() {
    #expect(wrapped("\u{1B}[2Jhi\u{202E}", width: 10) == ["␛[2Jhi"])
}

@Test(arguments: [
    "\u{1B}]0;pwned\u{07} 世界 e\u{301} 👨\u{200D}👩\u{200D}👧 \u{301}\u{302} 🇯🇵 a\u{200B}b",
    "\u{2060}\u{301}x \u{FE0F} \u{1160} ภาษาไทย ที่นี่ 한국어 ｶﾀｶﾅ",
    "closing」 「opening 。。。。 ——— a、b、c",
])
func everyWrappedLineFitsAndReportsItsWidth(_ text: String) {
    for width in 1...12 {
        for hangingIndent in [0, 2] {
            _ = wrapped(text, width: width, hangingIndent: hangingIndent)
        }
    }
}

@Test func truncateKeepsTextThatFits() {
    #expect(Wrapper.truncate("hello", width: 5) == "hello")
    #expect(Wrapper.truncate("", width: 3) == "")
}

@Test func truncateEndsCutTextWithAnEllipsisInsideTheWidth() {
    #expect(Wrapper.truncate("hello world", width: 8) == "hello w…")
    #expect(Wrapper.truncate("abc", width: 1) == "…")
}

@Test func truncateTrimsSpacesBeforeTheEllipsis() {
    #expect(Wrapper.truncate("hello world", width: 7) == "hello…")
}

@Test func truncateNeverSplitsAWideCharacter() {
    #expect(Wrapper.truncate("世界世界", width: 5) == "世界…")
    #expect(Wrapper.truncate("世界世界", width: 8) == "世界世界")
    #expect(Wrapper.truncate("世界世界", width: 4) == "世…")
}

@Test func truncateOfZeroOrNegativeWidthIsEmpty() {
    #expect(Wrapper.truncate("abc", width: 0) == "")
    #expect(Wrapper.truncate("abc", width: -1) == "")
}

@Test func truncateMakesOneSafeLine() {
    #expect(Wrapper.truncate("a\nb\u{1B}[2J", width: 20) == "a b␛[2J")
}

/// Before: an address in angle brackets (how the importers write a link: `text <https://…>`) was cut
/// at the width like any long word, so `--print` split it over two lines; a bare one never was, but
/// the line after it started with a stray space (" now", seen after long links in the corpus).
@Test func anAddressInBracketsIsNeverCut() {
    let address = "https://example.com/" + String(repeating: "a", count: 40)
    for written in ["<\(address)>", "(\(address))", address] {
        let lines = Wrapper.wrap("see \(written) now", width: 30).map(\.text)
        #expect(lines == ["see", written, "now"], "\(written)")
    }
    // A long word that is no address is still cut.
    #expect(Wrapper.wrap("<" + String(repeating: "b", count: 40) + ">", width: 30).count == 2)
}
