import Testing

@testable import Markup
@testable import ThreadModel

/// Reddit Markdown's blocks, written in the body grammar of FORMAT.md.
@Suite struct RedditMarkdownBlockTests {
    @Test func headingsAreParagraphsAndTheTopTwoAreUpperCased() {
        #expect(
            MarkdownText.convert("# Big *news*\ntext\n### small ###\n\nSetext\n===\nmore") == """
                BIG NEWS

                text

                small

                SETEXT

                more
                """)
    }

    @Test func hashWithoutSpaceIsNotAHeading() {
        #expect(MarkdownText.convert("#hashtag and #2") == "#hashtag and #2")
    }

    @Test func horizontalRulesBecomeALine() {
        #expect(
            MarkdownText.convert("above\n\n***\n\nbelow\n\n- - -")
                == "above\n\n────────────────────\n\nbelow\n\n────────────────────")
    }

    @Test func fencedCodeIsCodeInEitherFence() {
        #expect(
            MarkdownText.convert("text\n```swift\nlet *x* = 1\n\n  y &amp; z\n```\n~~~\na\n~~~~\nafter") == """
                text

                    let *x* = 1

                      y &amp; z

                    a

                after
                """)
    }

    @Test func unclosedFenceRunsToTheEnd() {
        #expect(MarkdownText.convert("```\ncode\nmore") == "    code\n    more")
    }

    @Test func quotedIndentedCodeIsCodeInsideTheQuote() {
        #expect(
            MarkdownText.convert("> look:\n>\n>     let x = 1\n>     if x { y() }\n\nok") == """
                > look:
                >
                >     let x = 1
                >     if x { y() }

                ok
                """)
    }

    @Test func fenceInsideAQuoteIsCodeInsideTheQuote() {
        #expect(
            MarkdownText.convert("> > ```\n> > a  b\n> > ```\n> said") == """
                > >     a  b
                >
                > said
                """)
    }

    @Test func quotesNestAndLazyLinesContinueThem() {
        #expect(
            MarkdownText.convert(">outer\n>>inner\ncontinued\n\nout") == """
                > outer
                >
                > > inner continued

                out
                """)
    }

    @Test func nestedListsIndentTwoSpacesAtMost() {
        #expect(
            MarkdownText.convert("* one\n    * two\n        * three\n* four\n\n1. a\n2. b\n   continued") == """
                - one
                  - two
                  - three
                - four

                1. a
                2. b continued
                """)
    }

    @Test func numberedLineInsideAParagraphIsNotAList() {
        #expect(MarkdownText.convert("born in\n1984. Then") == "born in 1984. Then")
    }

    @Test func codeInAListItemIsCode() {
        #expect(MarkdownText.convert("- item\n\n      code\n- next") == "- item\n\n    code\n\n- next")
    }

    @Test func tablesBecomeAlignedCode() {
        #expect(
            MarkdownText.convert(
                "Stats:\n\n| Name | Score | Note |\n|:---|---:|:-:|\n| **ann** | 3 | ok |\n| bob | 12 |\n\nafter")
                    == """
                    Stats:

                        Name  Score  Note
                        ────  ─────  ────
                        ann       3   ok
                        bob      12

                    after
                    """)
    }

    @Test func tableCellsHoldEscapedPipesAndWideCharacters() {
        #expect(
            MarkdownText.convert("a|b\n-|-\n日本|x \\| y") == """
                    a     b
                    ────  ─────
                    日本  x | y
                """)
    }

    @Test func pipesWithoutADelimiterRowAreText() {
        #expect(MarkdownText.convert("a | b\nc | d") == "a | b c | d")
    }

    @Test func spoilerLineIsNotAQuote() {
        #expect(MarkdownText.convert(">!hidden!<\n\n>quoted") == "[spoiler: hidden]\n\n> quoted")
    }

    @Test func hardBreaksKeepTheirLineInQuotesAndLists() {
        #expect(MarkdownText.convert("> a  \n> b\\\n> c") == "> a\n> b\n> c")
    }

    @Test func deepQuotesAreCappedSoOutputStaysLinear() {
        let body = String(repeating: ">", count: 20_000) + " x  \n" + String(repeating: "y  \n", count: 1000)
        let converted = MarkdownText.convert(body)
        #expect(converted.utf8.count < 100_000)
        #expect(converted.hasPrefix(String(repeating: "> ", count: MarkdownText.maxQuoteLevel) + "x\n"))
    }

    @Test func aLongParagraphConvertsInOnePass() {
        // Issue 15: a 400,000-line paragraph took 18 s, copying the paragraph for every line.
        let body = String(repeating: "word\n", count: 100_000)
        let converted = MarkdownText.convert(body)
        #expect(converted.utf8.count == 100_000 * 5 - 1)
        #expect(!converted.contains("\n"))
    }
}

extension RedditMarkdownBlockTests {
    @Test func blankLinesInCodeAreKeptOnlyBetweenCodeLines() {
        #expect(MarkdownText.convert("```\n\na\n\n\nb\n\n```\n> ```\n>\n> c\n>\n> ```") == "    a\n\n    b\n\n>     c")
    }
}

extension RedditMarkdownBlockTests {
    @Test func tableOfEmptyCellsLeavesNoBlankLine() {
        #expect(MarkdownText.convert("x\n\n|\n---\n|\n\ny") == "x\n\n    ─\n\ny")
    }
}

extension RedditMarkdownBlockTests {
    @Test func escapedMarkersStayTextForTheLayout() {
        // The body grammar has no escape: a no-break space keeps these from reading as a quote or list.
        #expect(
            MarkdownText.convert("\\> not a quote\n\n\\- not a list\n\n1\\. not either\n\n> a  \n> &gt; b")
                == "\u{A0}> not a quote\n\n-\u{A0}not a list\n\n1.\u{A0}not either\n\n> a\n> \u{A0}> b")
    }
}
