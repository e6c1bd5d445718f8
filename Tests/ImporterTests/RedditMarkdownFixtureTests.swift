import Testing

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
