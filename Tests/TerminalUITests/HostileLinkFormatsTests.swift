import SiteFormats
import Testing
import TextLayout
import ThreadModel

@testable import TerminalUI

/// Hostile hrefs in every format tread reads: after import, none is an openable link and
/// none gets an OSC 8 hyperlink, whatever the importer made of it.
@Suite struct HostileLinkFormatsTests {
    /// JSON string contents (escaped for JSON) of the hrefs to plant.
    static let hrefs = [
        "javascript:alert(1)", "file:///etc/passwd", "https://x.org/\\u001b]52;c;aGk=\\u0007",
        "https://x.org/a\\nb", "https://x.org/" + String(repeating: "a", count: 100_000),
    ]

    static func html(_ href: String) -> String { "<p>see <a href=\\\"\(href)\\\">this</a> now</p>" }

    static func document(_ format: DocumentFormat, _ href: String) -> String {
        switch format {
        case .tread:
            return #"{"article": {"title": "t"}, "comments": [{"id": 1, "body": "see this <\#(href)> now"}]}"#
        case .hackerNewsAlgolia:
            return
                #"{"id": 1, "type": "story", "title": "t", "author": "a", "children": [{"id": 2, "type": "comment", "#
                + #""author": "b", "text": "\#(html(href))", "children": []}]}"#
        case .hackerNewsItems:
            return #"[{"id": 1, "type": "story", "title": "t", "by": "a", "kids": [2]}, "#
                + #"{"id": 2, "type": "comment", "by": "b", "parent": 1, "text": "\#(html(href))"}]"#
        case .reddit:
            return #"[{"kind": "Listing", "data": {"children": [{"kind": "t3", "data": {"id": "p", "title": "t", "#
                + #""author": "a", "selftext": "[this](\#(href))"}}]}}, {"kind": "Listing", "data": {"children": "#
                + #"[{"kind": "t1", "data": {"id": "c", "author": "b", "body": "see [this](\#(href)) now", "#
                + #""replies": ""}}]}}]"#
        case .discourse:
            return #"{"id": 1, "title": "t", "post_stream": {"posts": [{"post_number": 1, "username": "a", "#
                + #""cooked": "\#(html(href))"}, {"post_number": 2, "username": "b", "cooked": "\#(html(href))"}]}}"#
        case .lobsters:
            return #"{"short_id": "s", "title": "t", "submitter_user": "a", "description": "\#(html(href))", "#
                + #""comments": [{"short_id": "c", "commenting_user": "b", "comment": "\#(html(href))", "depth": 0}]}"#
        case .mastodon:
            return #"{"status": {"id": "1", "content": "\#(html(href))", "media_attachments": [{"type": "image", "#
                + #""url": "\#(href)"}]}, "context": {"descendants": [{"id": "2", "in_reply_to_id": "1", "#
                + #""content": "\#(html(href))"}]}}"#
        case .lemmy:
            return #"{"post_view": {"post": {"id": 1, "name": "t", "body": "[this](\#(href))", "url": "\#(href)"}}, "#
                + #""comments": [{"comment": {"id": 2, "path": "0.2", "content": "see [this](\#(href)) now"}}]}"#
        case .bluesky:
            let facet =
                #"{"index": {"byteStart": 4, "byteEnd": 8}, "features": [{"$type": "app.bsky.richtext.facet#link", "#
                + #""uri": "\#(href)"}]}"#
            let record = #"{"text": "see this now", "facets": [\#(facet)]}"#
            let embed = #"{"$type": "app.bsky.embed.external#view", "external": {"uri": "\#(href)", "title": "x"}}"#
            return #"{"thread": {"post": {"uri": "at://did:plc:a/app.bsky.feed.post/1", "record": \#(record), "#
                + #""embed": \#(embed)}, "replies": [{"post": {"uri": "at://did:plc:a/app.bsky.feed.post/2", "#
                + #""record": \#(record)}}]}}"#
        }
    }

    @Test(arguments: DocumentFormat.allCases)
    func hostileHrefsNeverBecomeOpenableLinks(_ format: DocumentFormat) throws {
        var found = 0
        for href in Self.hrefs {
            let discussion = try Discussion.load(DocumentBytes(Array(Self.document(format, href).utf8)), format: format)
            #expect(discussion.count >= 1, "\(format)")
            let texts = discussion.article.body + (0..<discussion.count).map { discussion.body(of: $0) }
            for text in texts {
                for link in LinkText.links(in: text) {
                    found += 1
                    // Markdown with a newline in `(...)` is no link but text, whose first line holds a
                    // plain URL, as reddit.com (and Lemmy) would show it: that one opens.
                    if format == .reddit || format == .lemmy, href.contains("\\n"), link.url == "https://x.org/a" {
                        continue
                    }
                    #expect(!link.isOpenable, "\(format): \(link.url.prefix(60))")
                    #expect(Hyperlink.start(link.url) == nil)
                    #expect(throws: LinkOpener.Failure.self) { try LinkOpener.command(for: link.url, browser: nil) }
                }
            }
        }
        // The importers keep the ESC one as `this <url>`: the check above saw real links.
        #expect(found > 0, "\(format)")
    }
}
