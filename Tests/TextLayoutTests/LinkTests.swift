import Testing

@testable import TextLayout

@Suite struct LinkTests {
    @Test func linksAreNumberedInReadingOrder() {
        let links = LinkText.links(
            in: """
                See the report <https://example.org/report> and https://lobste.rs/s/abc.
                Mail me: mailto:ann@example.org, or read (https://en.wikipedia.org/wiki/Foo_(bar)).
                """)
        #expect(links.map(\.number) == [1, 2, 3, 4])
        #expect(
            links.map(\.url) == [
                "https://example.org/report", "https://lobste.rs/s/abc", "mailto:ann@example.org",
                "https://en.wikipedia.org/wiki/Foo_(bar)",
            ])
        #expect(links[0].label == "See the report")
        #expect(links[1].label == nil)
        #expect(links.allSatisfy { $0.isOpenable })
    }

    @Test func aRepeatedURLKeepsItsFirstNumber() {
        let links = LinkText.links(in: "a <https://x.org/1> b https://x.org/1 c https://x.org/2")
        #expect(links.map(\.url) == ["https://x.org/1", "https://x.org/2"])
        #expect(links.map(\.number) == [1, 2])
    }

    @Test func textWithoutLinksHasNone() {
        #expect(LinkText.links(in: "no links here, a <b> c, http:// and 3 < 4 > 2").isEmpty)
        #expect(LinkText.links(in: "xhttps://glued.example.org").isEmpty)
    }

    @Test func hostileLinksAreFoundButRefused() {
        let links = LinkText.links(in: "click <javascript:alert(1)> or <file:///etc/passwd> or <data:text/html,x>")
        #expect(links.count == 3)
        #expect(links.allSatisfy { !$0.isOpenable })
        #expect(links[0].safety == .refused("only http, https and mailto links are opened, not javascript:"))
    }

    @Test func controlsInsideAURLAreRefused() {
        for url in [
            "https://example.org/\u{1B}]52;c;aGk=\u{07}", "https://example.org/a\nb", "https://example.org/\u{9C}",
            "https://exa\u{202E}mple.org", "https://example.org/ a", "https://example.org/\u{0}",
        ] {
            #expect(LinkSafety.check(url) == .refused("the link holds a control character or white space"), "\(url)")
        }
    }

    @Test func aNewlineInsideAnHrefMakesOneRefusedLink() {
        let links = LinkText.links(in: "see <https://x.org/a\nb> and <https://x.org/\u{1B}]8;;evil\u{7}>")
        #expect(links.map(\.url) == ["https://x.org/a\nb", "https://x.org/\u{1B}]8;;evil\u{7}"])
        #expect(links.allSatisfy { !$0.isOpenable })
    }

    @Test func anUnclosedAngleStaysText() {
        let links = LinkText.links(in: "a <https://x.org/a b <c> https://y.org")
        #expect(links.map(\.url) == ["https://x.org/a", "https://y.org"])
    }

    @Test func aHundredKilobyteURLIsRefusedButKeptWhole() {
        let url = "https://example.org/" + String(repeating: "a", count: 100_000)
        let links = LinkText.links(in: "long <\(url)> end")
        #expect(links.count == 1)
        #expect(links[0].url == url)
        #expect(links[0].safety == .refused("the link is longer than 8,192 bytes"))
        #expect(links[0].display(maxWidth: 30) == "example.org/aaaaaaaaaaaaaaaaa…")
    }

    @Test func schemesAndHostsAreChecked() {
        #expect(LinkSafety.check("HTTPS://Example.org") == .safe)
        #expect(LinkSafety.check("mailto:a@b.c") == .safe)
        #expect(LinkSafety.check("https:///path") == .refused("the link has no host"))
        #expect(LinkSafety.check("http:example.org") == .refused("the link has no host"))
        #expect(LinkSafety.check("example.org") == .refused("the link has no scheme such as https:"))
        #expect(LinkSafety.check("mailto:") == .refused("the link has no address"))
    }

    @Test func displayDropsTheSchemeAndCutsWithAnEllipsis() {
        #expect(LinkText.shortened("https://www.example.com/a", maxWidth: 40) == "example.com/a")
        #expect(
            LinkText.shortened("https://example.com/very/long/path/to/a/page", maxWidth: 25)
                == "example.com/very/long/pa…")
        #expect(LinkText.shortened("mailto:ann@example.org", maxWidth: 40) == "ann@example.org")
        #expect(LinkText.shortened("https://example.com/\u{1B}[2J", maxWidth: 40) == "example.com/\u{FFFD}[2J")
        #expect(TextWidth.of(LinkText.shortened("https://例え.jp/日本語のページ", maxWidth: 10)) <= 10)
    }
}
