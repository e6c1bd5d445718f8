import Markup
import Testing

/// HTML a daily user met on real threads (branch qa); each test failed before its fix.
@Suite struct HTMLDailyUseTests {
    /// Before: `<ol start="5">` was numbered from 1, so "step 5" read as "1.".
    @Test func anOrderedListStartsWhereItSays() {
        #expect(HTMLText.convert(#"<ol start="5"><li>five</li><li>six</li></ol>"#) == "5. five\n6. six")
        #expect(HTMLText.convert(#"<ol start="x"><li>one</li></ol>"#) == "1. one")
    }

    /// Before: a strike vanished ("<s>Old</s> New" read as "Old New"); Reddit's `~~Old~~` shows
    /// `[struck: Old]`, and so does the HTML of Discourse, Lobsters and Mastodon now.
    @Test func struckTextSaysSo() {
        #expect(HTMLText.convert("<p><s>Old</s> New</p>") == "[struck: Old] New")
        #expect(HTMLText.convert("<p>a <del>b <i>c</i> </del>d</p>") == "a [struck: b c] d")
        #expect(HTMLText.convert("<p>x<strike><strike>y</strike></strike></p>") == "x[struck: y]")
        #expect(HTMLText.convert("<del><p>one</p><p>two</p></del>") == "[struck: one]\n\n[struck: two]")
        #expect(HTMLText.convert("<pre><code>a <s>b</s></code></pre>") == "    a b")
        #expect(HTMLText.convert("<p><s></s>z</p>") == "z")
    }

    /// A link inside a strike keeps its address.
    @Test func aLinkInAStrikeKeepsItsAddress() {
        #expect(
            HTMLText.convert(#"<p><s>see <a href="https://a.org/x">this</a></s></p>"#)
                == "[struck: see this <https://a.org/x>]")
    }
}

/// Tables (branch qa).
@Suite struct HTMLTableTests {
    /// Before: each row was a paragraph of its cells joined by spaces ("Col A Col B", a blank line,
    /// "1 two words"): columns lost. Now the rows line up as Reddit's Markdown tables do.
    @Test func aTableIsAlignedCodeLinesWithARuleUnderItsHeader() {
        let html = """
            <p>Before.</p><table><thead><tr><th>Name</th><th>Value</th></tr></thead>
            <tbody><tr><td>alpha</td><td>1</td></tr><tr><td>beta, longer</td><td><b>22</b><br>more</td></tr></tbody>
            </table><p>After.</p>
            """
        #expect(
            HTMLText.convert(html) == """
                Before.

                    Name          Value
                    ────────────  ───────
                    alpha         1
                    beta, longer  22 more

                After.
                """)
    }

    @Test func aTableWithoutHeaderCellsHasNoRule() {
        #expect(
            HTMLText.convert("<table><tr><td>a</td><td>b</td></tr><tr><td>cc</td></tr></table>") == "    a   b\n    cc")
    }

    @Test func aTableInAQuoteStaysQuoted() {
        #expect(
            HTMLText.convert("<blockquote><table><tr><td>x</td><td>y</td></tr></table></blockquote>") == ">     x  y")
    }

    @Test func aNestedTableIsPartOfItsCell() {
        #expect(
            HTMLText.convert(
                "<table><tr><td>a<table><tr><td>in</td><td>ner</td></tr></table></td><td>b</td></tr></table>")
                == "    a in ner  b")
    }

    @Test func anEmptyOrUnclosedTableIsHarmless() {
        #expect(HTMLText.convert("<table><tr><td> </td></tr></table><p>x</p>") == "x")
        #expect(HTMLText.convert("<table><tr><td>a</td><td>b") == "    a  b")
        #expect(HTMLText.convert("<td>stray</td> cell") == "stray cell")
    }

    /// Before: a superscript glued to its word (`Text<sup>sup</sup>` read `Textsup`, `mc<sup>2</sup>`
    /// `mc2`); Reddit's Markdown keeps `^` where a superscript touches a word, and so does HTML now.
    @Test func aSuperscriptTouchingAWordKeepsItsCaret() {
        #expect(HTMLText.convert("<p>Text<sup>sup</sup></p>") == "Text^sup")
        #expect(HTMLText.convert("<p>E = mc<sup>2</sup> and 10<sup>th</sup>.</p>") == "E = mc^2 and 10^th.")
        #expect(HTMLText.convert("<p>see <sup>1</sup></p>") == "see 1")
        #expect(HTMLText.convert("<p><sup>first</sup></p>") == "first")
        #expect(HTMLText.convert("<pre><code>x<sup>2</sup></code></pre>") == "    x2")
    }
}
