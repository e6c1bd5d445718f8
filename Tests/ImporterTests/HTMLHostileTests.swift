import Testing

@testable import Markup
@testable import ThreadModel

/// Hostile or broken comment HTML converts in time and memory linear in its size, and quoted code keeps its grammar.
@Suite struct HTMLHostileTests {
    @Test func quotesDeeperThanTheCapShowAtTheCap() {
        let html = String(repeating: "<blockquote>", count: 20) + "deep" + String(repeating: "</blockquote>", count: 20)
        #expect(HTMLText.convert(html) == String(repeating: "> ", count: HTMLText.maximumQuoteDepth) + "deep")
    }

    @Test func twentyThousandNestedQuotesGiveOutputLinearInTheInput() {
        // Text at every level: before the cap each level's line repeated the whole prefix (2.1 GB).
        let html = String(repeating: "<blockquote>x", count: 20_000) + String(repeating: "</blockquote>", count: 20_000)
        let text = HTMLText.convert(html)
        #expect(text.utf8.count < 40 * html.utf8.count)
        #expect(text.hasSuffix(String(repeating: "> ", count: HTMLText.maximumQuoteDepth) + "x"))
    }

    @Test func unclosedLinksEndAtTheNextLink() {
        #expect(
            HTMLText.convert(#"<a href="https://a.org">one <a href="https://b.org">two"#)
                == "one <https://a.org> two <https://b.org>")
    }

    @Test func eightThousandUnclosedLinksGiveOutputLinearInTheInput() {
        let html = String(repeating: #"<a href="https://example.org/x">word "#, count: 8_000)
        let text = HTMLText.convert(html)
        #expect(text.utf8.count < 2 * html.utf8.count)
        #expect(text.hasPrefix("word <https://example.org/x> word <https://example.org/x>"))
    }

    @Test func oneboxHeadingLeftOpenDoesNotSwallowThePost() {
        let html = #"<aside class="onebox"><h3><a href="https://e.org">"# + String(repeating: "word ", count: 10_000)
        let text = HTMLText.convert(html)
        #expect(text.hasPrefix("[link: word word"))
        #expect(text.hasSuffix(" <https://e.org>]"))
        #expect(text.utf8.count < 400)
    }

    @Test func codeInAQuoteIsQuoteMarkersThenFourSpaces() {
        let html = "<blockquote><p>he wrote:</p><pre><code>let x = 1\n\n  return x\n</code></pre></blockquote><p>ok</p>"
        #expect(
            HTMLText.convert(html) == """
                > he wrote:
                >
                >     let x = 1
                >
                >       return x

                ok
                """)
    }

    @Test func codeInANestedQuoteHasOneMarkerPerLevel() {
        let html = "<blockquote><blockquote><pre>a  b</pre></blockquote></blockquote>"
        #expect(HTMLText.convert(html) == "> >     a  b")
    }

    @Test func codeHoldingEscapedHTMLStaysVerbatim() {
        // As Hacker News and Lobsters send it: the markup in the code is escaped once.
        let html =
            "<p>try:</p><pre><code>&lt;div class=&quot;a&quot;&gt;\n  &lt;p&gt;x &amp;amp; y&lt;/p&gt;\n&lt;/div&gt;</code></pre>"
        #expect(
            HTMLText.convert(html) == """
                try:

                    <div class="a">
                      <p>x &amp; y</p>
                    </div>
                """)
    }
}
