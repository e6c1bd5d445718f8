import Testing

@testable import Markup
@testable import ThreadModel

/// Reddit Markdown's inline constructs, each as reddit.com shows it, in plain text.
@Suite struct RedditMarkdownInlineTests {
    @Test func everyEntityIsDecodedOnce() {
        #expect(
            MarkdownText.convert("a&nbsp;b &#3232;_&#3232; caf&eacute; &NotEqualTilde; &amp;lt;")
                == "a\u{A0}b ಠ_ಠ café ≂̸ &lt;")
    }

    @Test func invalidNumericReferencesBecomeReplacementCharacters() {
        #expect(
            MarkdownText.convert("&#0; &#xD800; &#x110000; &#99999999999; &#150;")
                == "\u{FFFD} \u{FFFD} \u{FFFD} \u{FFFD} –")
    }

    @Test func unknownOrUnfinishedReferencesStayAsWritten() {
        #expect(MarkdownText.convert("AT&T &bogus; &#xZZ; & done") == "AT&T &bogus; &#xZZ; & done")
    }

    @Test func zeroWidthSpaceParagraphsLeaveNoEmptyParagraph() {
        #expect(MarkdownText.convert("one\n\n&#x200B;\n\ntwo") == "one\n\ntwo")
    }

    @Test func escapedFileDecodesTwiceLikeReddit() {
        // Saved without raw_json=1: the user's `&#x200B;` arrives as `&amp;#x200B;`.
        #expect(MarkdownText.convert("x &amp;#x200B; &amp;amp; &gt; y", entityEscaped: true) == "x \u{200B} & > y")
    }

    @Test func superscriptDropsItsCaretUnlessItTouchesAWord() {
        #expect(
            MarkdownText.convert("^HelperBot ^v1.0 ^^^^so ^(I am a bot.) Soon^tm 2^10 x^(n+1)")
                == "HelperBot v1.0 so I am a bot. Soon^tm 2^10 x^(n+1)")
    }

    @Test func nestedEmphasisLeavesNoMarkers() {
        #expect(
            MarkdownText.convert("***both*** **_mixed_** *it **bold** it* __under__") == "both mixed it bold it under")
    }

    @Test func intrawordUnderscoresAndLoneStarsStay() {
        #expect(MarkdownText.convert("snake_case_name, 2 * 3 * 4, a*b") == "snake_case_name, 2 * 3 * 4, a*b")
    }

    @Test func backslashEscapesShowThePunctuation() {
        #expect(MarkdownText.convert(##"\*not bold\* \_x\_ \# \\ \a"##) == ##"*not bold* _x_ # \ \a"##)
    }

    @Test func strikethroughIsMarked() {
        #expect(
            MarkdownText.convert("~~Old~~ Real Reddit, ~single~ and ~~~three~~~")
                == "[struck: Old] Real Reddit, ~single~ and ~~~three~~~")
    }

    @Test func spoilersAreMarked() {
        #expect(
            MarkdownText.convert(">!Snape kills **Dumbledore**!< and more")
                == "[spoiler: Snape kills Dumbledore] and more")
        #expect(MarkdownText.convert("it was >!the butler!<.") == "it was [spoiler: the butler].")
    }

    @Test func inlineCodeIsVerbatim() {
        #expect(
            MarkdownText.convert("run `rm -rf *_tmp_*` or `` a`b `` &amp; `&amp;`")
                == "run rm -rf *_tmp_* or a`b & &amp;")
    }

    @Test func linksWithTitlesSpacesAndEntities() {
        #expect(
            MarkdownText.convert(
                #"[docs](https://e.org/a?b=1&amp;c=2 "The docs") [spaced](<https://e.org/a b>) [p](https://e.org/W_(x))"#
            )
                == "docs <https://e.org/a?b=1&c=2> spaced <https://e.org/a b> p <https://e.org/W_(x)>")
    }

    @Test func bareLinksKeepTheirUnderscoresAndLoseTrailingPunctuation() {
        #expect(
            MarkdownText.convert("see https://en.wikipedia.org/wiki/Ride_of_the_Valkyries. (www.a.com/x_y_z)")
                == "see https://en.wikipedia.org/wiki/Ride_of_the_Valkyries. (www.a.com/x_y_z)")
        #expect(
            MarkdownText.convert("https://e.org/a\\_b and <https://e.org/*x*>")
                == "https://e.org/a_b and https://e.org/*x*")
    }

    @Test func redditMediaBecomeStandIns() {
        #expect(MarkdownText.convert("lol ![gif](giphy|abc123) ![img](emote|t5_2qh1i|594)") == "lol [gif] [emote]")
        #expect(
            MarkdownText.convert("![img](abc123) ![a cat](abc124) ![](https://i.imgur.com/x.png)")
                == "[image] [image: a cat] [image: <https://i.imgur.com/x.png>]")
    }

    @Test func emphasisStaysLinearOnPathologicalRuns() {
        let text = String(repeating: "*a _b ", count: 20_000) + String(repeating: "[x](", count: 20_000)
        let converted = MarkdownText.convert(text)
        #expect(converted.hasPrefix("*a _b *a _b"))
        #expect(converted.hasSuffix("[x]("))
    }
}

extension RedditMarkdownInlineTests {
    @Test func oldRedditLinkWithASpaceBeforeTheAddress() {
        #expect(
            MarkdownText.convert("[NOT BAD!] (http://www.quickmeme.com/meme/3qorh7/) and [1] (see above)")
                == "NOT BAD! <http://www.quickmeme.com/meme/3qorh7/> and [1] (see above)")
    }
}

extension RedditMarkdownInlineTests {
    @Test func referenceLinksShowTheAddressTheirDefinitionGives() {
        #expect(
            MarkdownText.convert(
                "See [the docs][Docs], [faq][] and [FAQ].\n\n[docs]: https://e.org/d \"t\"\n[faq]: <https://e.org/f q>")
                == "See the docs <https://e.org/d>, faq <https://e.org/f q> and FAQ <https://e.org/f q>.")
    }

    @Test func undefinedReferencesStayAsWritten() {
        #expect(MarkdownText.convert("[deleted] and [x][y]\n\n[z]: https://e.org") == "[deleted] and [x][y]")
    }
}

extension RedditMarkdownInlineTests {
    @Test func unclosedLabelEndingInABackslashIsText() {
        // Trapped once: the escape carried the scan past the end of the text.
        #expect(MarkdownText.convert("[a\\") == "[a\\")
        #expect(MarkdownText.convert("[abc\n\n[abc]: https://e.org") == "[abc")
    }
}
