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
