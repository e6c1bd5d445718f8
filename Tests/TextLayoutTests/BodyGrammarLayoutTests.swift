import Testing
import TextLayout
import ThreadModel

private func quotedCode(_ level: Int, _ text: String) -> BodyLine {
    BodyLine(kind: .code, text: text, width: TextWidth.of(text), indent: BodyLayout.codeIndent, quoteLevel: level)
}

private func quote(_ level: Int, _ text: String) -> BodyLine {
    BodyLine(kind: .quote(level: level), text: text, width: TextWidth.of(text), indent: 0)
}

@Suite struct BodyGrammarTests {
    @Test func everyKindOfLineIsRecognised() {
        let lines = [
            "", "   ", "plain", "    code  ", "- item", "12. item", "> quoted", ">> deep", "> > deep",
            ">     let x = 1", ">>     nested()", "> - quoted item", ">", "   > spaced",
        ].map { BodyGrammar.parse(Substring($0)) }
        let described = lines.map { "\($0.quoteLevel) \($0.kind) [\($0.content)]" }
        #expect(
            described == [
                "0 blank []", "0 blank []", "0 paragraph [plain]", "0 code [code  ]",
                "0 listItem(markerWidth: 2) [- item]", "0 listItem(markerWidth: 4) [12. item]",
                "1 paragraph [quoted]", "2 paragraph [deep]", "2 paragraph [deep]", "1 code [let x = 1]",
                "2 code [nested()]", "1 listItem(markerWidth: 2) [- quoted item]", "1 paragraph []",
                "1 paragraph [spaced]",
            ])
    }

    @Test func writtenCodeLinesParseBackAsCodeAtTheirLevel() {
        for level in 0...3 {
            let line = BodyGrammar.codeLine("  let x = 1", quoteLevel: level)
            #expect(
                BodyGrammar.parse(Substring(line))
                    == BodyGrammar.Line(quoteLevel: level, kind: .code, content: "  let x = 1"))
        }
        #expect(BodyGrammar.codeLine("x", quoteLevel: 1) == ">     x")
    }
}

@Suite struct QuotedLayoutTests {
    @Test func codeInsideAQuoteStaysCodeAndIsNotRewrapped() {
        let body = "> look:\n>\n>     let x = 1\n>         indented(  a,   b )\n> after"
        #expect(
            BodyLayout.lines(of: body, width: 40) == [
                quote(1, "look:"), quote(1, ""), quotedCode(1, "let x = 1"), quotedCode(1, "    indented(  a,   b )"),
                quote(1, "after"),
            ])
    }

    @Test func quotedCodeIsCutToTheWidthLeftByTheBars() {
        let lines = BodyLayout.lines(of: ">>     abcdefghij", width: 10)
        #expect(lines == [quotedCode(2, "abcd"), quotedCode(2, "efgh"), quotedCode(2, "ij")])
    }

    @Test func quoteDepthIsDrawnCappedWithItsLevel() {
        #expect(BodyLayout.quotePrefix(level: 0) == "")
        #expect(BodyLayout.quotePrefix(level: 2) == "│ │ ")
        #expect(BodyLayout.quotePrefix(level: 8) == String(repeating: "│ ", count: 8))
        #expect(BodyLayout.quotePrefix(level: 20_000) == String(repeating: "│ ", count: 8) + "[20000] ")
        for level in [0, 3, 8, 9, 20_000] {
            #expect(BodyLayout.quotePrefixWidth(level: level) == TextWidth.of(BodyLayout.quotePrefix(level: level)))
        }
    }

    @Test func twentyThousandQuoteMarkersWrapToTheWidthLeftAfterTheCappedPrefix() {
        let body = String(repeating: ">", count: 20_000) + " " + String(repeating: "word ", count: 200)
        let lines = BodyLayout.lines(of: body, width: 60)
        let room = 60 - BodyLayout.quotePrefixWidth(level: 20_000)
        #expect(lines.allSatisfy { $0.quoteLevel == 20_000 && $0.width <= room })
        #expect(lines.dropLast().allSatisfy { $0.width > room - 5 })
        #expect(lines.map(\.text).joined(separator: " ") == String(repeating: "word ", count: 200).dropLast())
    }

    @Test func aClusterOfThousandsOfMarksIsLaidOutAsWhatIsDrawn() {
        let letter = "a" + String(repeating: "\u{301}", count: 10_000)
        let lines = BodyLayout.lines(of: "x " + letter + " y", width: 20)
        #expect(lines.count == 1)
        #expect(lines.first?.text == "x a\u{301}\u{301}\u{301}\u{301} y")
        #expect(lines.first?.width == 5)
    }

    @Test func aHundredThousandRegionalIndicatorsPairIntoFlags() {
        let flags = String(repeating: "\u{1F1FA}\u{1F1F8}", count: 50_000)
        let lines = BodyLayout.lines(of: "before\n" + flags, width: 80)
        #expect(lines.count == 1 + 50_000 * 2 / 80)
        #expect(lines.dropFirst().allSatisfy { $0.width == 80 && $0.text.count == 40 })
    }
}
