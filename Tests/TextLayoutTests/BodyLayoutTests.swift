import Testing
import TextLayout

private func text(_ text: String, indent: Int = 0) -> BodyLine {
    BodyLine(kind: .text, text: text, width: TextWidth.of(text), indent: indent)
}

private func quote(_ level: Int, _ text: String, indent: Int = 0) -> BodyLine {
    BodyLine(kind: .quote(level: level), text: text, width: TextWidth.of(text), indent: indent)
}

private func code(_ text: String) -> BodyLine {
    BodyLine(kind: .code, text: text, width: TextWidth.of(text), indent: BodyLayout.codeIndent)
}

private func item(_ text: String, indent: Int = 0) -> BodyLine {
    BodyLine(kind: .listItem, text: text, width: TextWidth.of(text), indent: indent)
}

@Test func paragraphsAreSeparatedByOneBlankLine() {
    let body = "\n\nFirst paragraph here.\n\n\n\nSecond one\nwith a line break.\n\n"
    #expect(
        BodyLayout.lines(of: body, width: 40) == [
            text("First paragraph here."),
            .blank,
            text("Second one"),
            text("with a line break."),
        ])
}

@Test func paragraphTextIsWrapped() {
    #expect(
        BodyLayout.lines(of: "the quick brown fox jumps", width: 10) == [
            text("the quick"), text("brown fox"), text("jumps"),
        ])
}

@Test func quotesLoseTheirMarkersAndKeepTheirLevel() {
    let body = "> outer quote\n>> inner quote that wraps\n> > also inner\n>\nreply"
    #expect(
        BodyLayout.lines(of: body, width: 20) == [
            quote(1, "outer quote"),
            // Wrapped to 20 - 2 * 2 columns: the renderer draws "│ " per level.
            quote(2, "inner quote that"),
            quote(2, "wraps"),
            quote(2, "also inner"),
            quote(1, ""),
            text("reply"),
        ])
}

@Test func aListInsideAQuoteHangsUnderItsText() {
    #expect(
        BodyLayout.lines(of: "> - quoted item that wraps", width: 14) == [
            quote(1, "- quoted"), quote(1, "item that", indent: 2), quote(1, "wraps", indent: 2),
        ])
}

@Test func quoteDeeperThanTheWidthStillGetsOneColumn() {
    let lines = BodyLayout.lines(of: ">>>>>>>>>> deep", width: 10)
    #expect(lines == ["d", "e", "e", "p"].map { quote(10, $0) })
}

@Test func codeIsKeptVerbatimWithItsInnerIndentation() {
    let body = "Run this:\n\n    let x = 1\n        indented()   \n\tdone\n\nAfter."
    #expect(
        BodyLayout.lines(of: body, width: 30) == [
            text("Run this:"),
            .blank,
            code("let x = 1"),
            code("    indented()"),
            code("done"),
            .blank,
            text("After."),
        ])
}

@Test func longCodeIsCutIntoPiecesNotReflowed() {
    #expect(
        BodyLayout.lines(of: "    ab cdefghij", width: 6) == [
            code("ab c"), code("defg"), code("hij"),
        ])
    #expect(BodyLayout.lines(of: "    abc世d", width: 6) == [code("abc"), code("世d")])
}

@Test func listItemsHangUnderTheirText() {
    let body =
        "Shopping:\n- apples and pears\n* milk\n12. twelve things to buy\n  and more\n\nDone."
    #expect(
        BodyLayout.lines(of: body, width: 12) == [
            text("Shopping:"),
            item("- apples and"),
            item("pears", indent: 2),
            item("* milk"),
            item("12. twelve"),
            item("things", indent: 4),
            item("to buy", indent: 4),
            item("and more", indent: 4),
            .blank,
            text("Done."),
        ])
}

@Test func dashesAndNumbersThatAreNotMarkersStayText() {
    #expect(
        BodyLayout.lines(of: "-dash\n1.5 is a number", width: 20) == [
            text("-dash"), text("1.5 is a number"),
        ])
}

@Test func emptyBodyHasNoLines() {
    #expect(BodyLayout.lines(of: "", width: 20) == [])
    #expect(BodyLayout.lines(of: "\n  \n\t\n", width: 20) == [])
}

@Test func bodyIsSanitised() {
    #expect(
        BodyLayout.lines(of: "\u{1B}[31mred\u{1B}[0m\u{202E}", width: 40) == [text("␛[31mred␛[0m")])
}

@Test func everyBodyLineFitsItsWidth() {
    let body = """
        Some text with 世界 and e\u{301} and 👨\u{200D}👩\u{200D}👧 in it, long enough to wrap.
        > quoted 한국어 text that goes on
        >> deeper ｶﾀｶﾅ quote
            code 世界世界世界世界 line that is long
        - list item 🇯🇵🇫🇷 with flags
        3. numbered
        """
    for width in 1...30 {
        for line in BodyLayout.lines(of: body, width: width) {
            var bars = 0
            if case .quote(let level) = line.kind { bars = 2 * level }
            #expect(line.width == TextWidth.of(line.text))
            // Quote bars that leave no room get one column of text anyway.
            #expect(
                bars + line.indent + line.width <= max(width, bars + 1), "\(line) at width \(width)"
            )
        }
    }
}

/// Before: a nested item ("  - b", as the HTML and Markdown converters write one) lost its two
/// spaces, so nested lists read flat.
@Test func aNestedListItemKeepsItsIndent() {
    #expect(
        BodyLayout.lines(of: "- a\n  - b, which is long\n  - c\n- d", width: 14) == [
            item("- a"),
            item("- b, which", indent: 2),
            item("is long", indent: 4),
            item("- c", indent: 2),
            item("- d"),
        ])
}
