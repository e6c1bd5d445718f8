import Foundation
import Testing

@testable import Markup
@testable import ThreadModel

/// Reddit Markdown in the real threads of `Tests/Fixtures/reddit`, as reddit.com shows it.
@Suite struct RedditMarkdownFixtureTests {
    func body(_ id: String, in file: String) throws -> String {
        let discussion = try Corpus.load("reddit/\(file).json")
        let index = try #require(Corpus.index(of: id, in: discussion))
        return discussion.body(of: index)
    }

    @Test func strikethroughKeepsItsMeaning() throws {
        #expect(try body("fldv7sv", in: "announcements_polls_fo7p5b_rawjson_2020") == "[struck: Old] Real Reddit")
    }

    @Test func superscriptTouchingAWordKeepsOneCaret() throws {
        #expect(try body("fldm0gd", in: "announcements_polls_fo7p5b_rawjson_2020") == "Soon^tm")
    }

    @Test func stackedSuperscriptCaretsDisappear() throws {
        #expect(
            try body("ed1czme", in: "askreddit_ablzuq_limit1_toplevel_more")
                == "But when I finally do, it'll be the years biggest shit so far")
    }

    @Test func botFooterHasARuleAndNoCarets() throws {
        #expect(
            try body("cu5uy0y", in: "funny_ba_dum_tsss_3hahrw_sort_old") == """
                Non-Mobile link: https://en.wikipedia.org/wiki/Ride_of_the_Valkyries

                ────────────────────

                HelperBot_™ v1.0 I am a bot. Please message /u/swim1929 with any feedback and/or hate. Counter: 8375
                """)
    }

    @Test func zeroWidthSpaceParagraphAndImageLinksInAPost() throws {
        let discussion = try Corpus.load("reddit/announcements_polls_fo7p5b_rawjson_2020.json")
        let body = discussion.article.body
        let image = try #require(body.firstIndex { $0.hasPrefix("Viewing the results of a poll") })
        #expect(body[image].hasSuffix("&format=png&auto=webp&s=cbd040f5e79e93b503c0a2d61378470c478e2305>"))
        #expect(body[image + 1].hasPrefix("Trunks...the people have spoken <"))
        #expect(body.contains("Platform Support"))
        #expect(!body.contains { $0.contains("\u{200B}") || $0.contains("**") || $0.contains("&#") })
    }

    @Test(arguments: Corpus.files.filter { $0.hasPrefix("reddit/") })
    func noRawMarkupIsLeft(_ file: String) throws {
        let discussion = try Corpus.load(file)
        let texts = discussion.article.body + (0..<discussion.count).map { discussion.body(of: $0) }
        for text in texts {
            for leftover in ["**", "~~", "^(", "&gt;", "&amp;", "&#x", "&nbsp;", "](http", ">!"] {
                #expect(!text.contains(leftover), "\(file): \(leftover) in \(text.prefix(200))")
            }
        }
    }
}

/// Reddit saved each comment's HTML too (`body_html`): its words, read as a browser shows them,
/// must be the words tread shows, in order. Markup tread adds on purpose is taken out first.
extension RedditMarkdownFixtureTests {
    /// Comments where tread shows other words than this 2015 HTML, on purpose: the author typed
    /// `&amp;amp;` in a bare link, which Reddit showed as `&amp;` and tread decodes (issue 9); and
    /// `1)` items, which old Reddit left as text and CommonMark (and reddit.com today) numbers.
    static let knownDifferences: Set<String> = ["cu5wwkd", "cu5wud7"]

    @Test(arguments: Corpus.files.filter { $0.hasPrefix("reddit/") })
    func wordsAgreeWithRedditsHTML(_ file: String) throws {
        let data = try Data(contentsOf: Corpus.directory.appendingPathComponent(file))
        var html: [String: String] = [:]
        var pending = [try JSONSerialization.jsonObject(with: data)]
        while let value = pending.popLast() {
            if let list = value as? [Any] { pending += list }
            guard let object = value as? [String: Any] else { continue }
            pending += object.values.filter { $0 is [Any] || $0 is [String: Any] }
            if let id = object["id"] as? String, let body = object["body_html"] as? String { html[id] = body }
        }
        let discussion = try Corpus.load(file)
        var compared = 0
        for index in 0..<discussion.count {
            guard let id = discussion.id(of: index)?.key, let source = html[id],
                !Self.knownDifferences.contains(id)
            else { continue }
            let expected = Self.words(Self.textOfHTML(source))
            let shown = Self.words(Self.withoutAddedMarkup(discussion.body(of: index)))
            #expect(shown == expected, "\(file) \(id)")
            compared += 1
        }
        #expect(compared > 0)
    }

    /// What a browser shows of Reddit's HTML: tags out (block ones leave a space), entities decoded;
    /// escaped twice when saved without raw_json=1.
    static func textOfHTML(_ source: String) -> String {
        var html = source
        if html.hasPrefix("&lt;") { html = HTMLEntities.decode(html) }
        var text = ""
        var tag: String?
        for character in html {
            if var open = tag {
                if character == ">" {
                    let name = open.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
                    let inline = ["a", "strong", "em", "del", "sup", "code", "span", "b", "i", "s"]
                    if !inline.contains(name) { text += " " }
                    tag = nil
                } else {
                    open.append(character)
                    tag = open
                }
            } else if character == "<" {
                tag = ""
            } else {
                text.append(character)
            }
        }
        return HTMLEntities.decode(text)
    }

    /// tread's text without what it adds to show markup: link addresses, `[struck: `, `[spoiler: `,
    /// the `^` of a superscript touching a word, and the numbers of ordered list items (a browser draws those itself).
    static func withoutAddedMarkup(_ body: String) -> String {
        var text = body.replacingOccurrences(of: "[struck: ", with: " ").replacingOccurrences(
            of: "[spoiler: ", with: " "
        )
        .replacingOccurrences(of: "^", with: "")
        text = text.replacingOccurrences(of: #" <(https?://|/)[^ >]*>"#, with: " ", options: .regularExpression)
        return text.replacingOccurrences(of: #"(?m)^(> )*\d+\. "#, with: " ", options: .regularExpression)
    }

    static func words(_ text: String) -> [Substring] {
        text.split { !($0.isLetter || $0.isNumber) }
    }
}
