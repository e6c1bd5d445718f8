import Testing

@testable import Markup
@testable import ThreadModel

@Suite struct HTMLTextTests {
    @Test func nestedBlockquotesNestTheMarker() {
        #expect(
            HTMLText.convert("<blockquote><p>outer</p><blockquote><p>inner</p></blockquote></blockquote><p>after</p>")
                == "> outer\n>\n> > inner\n\nafter")
    }

    @Test func preCodeKeepsIndentationAndDecodesLessThan() {
        #expect(
            HTMLText.convert("<p>see:<pre><code>  if a &lt; b {\n    x()\n  }\n</code></pre>done")
                == "see:\n\n      if a < b {\n        x()\n      }\n\ndone")
    }

    @Test func linkWhoseTextIsItsAddressIsShownOnce() {
        #expect(
            HTMLText.convert(#"<a href="https://example.org/a">https://example.org/a</a>"#) == "https://example.org/a")
        #expect(
            HTMLText.convert(#"read <a href="https:&#x2F;&#x2F;example.org">the post</a>."#)
                == "read the post <https://example.org>.")
    }

    @Test func doubleEscapedEntityDecodesOnce() {
        #expect(HTMLText.convert("a &amp;lt; b &#60; c &#x27;d&#x27;") == "a &lt; b < c 'd'")
    }

    @Test func bareParagraphSoupMakesParagraphs() {
        #expect(HTMLText.convert("one<p>two<p><p>three</p></p>") == "one\n\ntwo\n\nthree")
    }

    @Test func unclosedTagsNeverFail() {
        #expect(HTMLText.convert("<blockquote><i>quoted <b>text") == "> quoted text")
        #expect(HTMLText.convert("a < b and <a href=\"x") == "a < b and")
        #expect(HTMLText.convert("</blockquote></ul>text") == "text")
    }

    @Test func listsGetMarkers() {
        #expect(HTMLText.convert("<ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>") == "- a\n- b\n  1. c")
    }

    @Test func imagesShowTheirAltText() {
        #expect(HTMLText.convert(#"<p>nice <img src="x.png" alt=":smile:" class="emoji"></p>"#) == "nice :smile:")
    }

    @Test func deepNestingNeedsNoRecursion() {
        let depth = 100_000
        let html =
            String(repeating: "<blockquote>", count: depth) + "x" + String(repeating: "</blockquote>", count: depth)
        #expect(HTMLText.convert(html).hasSuffix("> x"))
    }
}

@Suite struct MarkdownTextTests {
    @Test func escapedQuotesAreDecodedFirst() {
        #expect(
            MarkdownText.convert("&gt; quoted &amp;amp;\n\nreply", entityEscaped: true) == "> quoted &\n\nreply")
    }

    @Test func softWrappedLinesJoin() {
        #expect(MarkdownText.convert("one\ntwo  \nthree") == "one two\nthree")
    }

    @Test func linksShowTheirAddress() {
        #expect(
            MarkdownText.convert("[docs](https://example.org) and [https://a.b](https://a.b)")
                == "docs <https://example.org> and https://a.b")
    }

    @Test func codeStaysIndentedAndFencesBecomeIndented() {
        #expect(
            MarkdownText.convert("text\n\n    code <x>\n\n```\nfenced\n```") == "text\n\n    code <x>\n\n    fenced")
    }

    @Test func nestedQuotesAndListsAreNormalised() {
        #expect(MarkdownText.convert(">> deep\n\n* item\n2) two") == "> > deep\n\n- item\n2. two")
    }
}
