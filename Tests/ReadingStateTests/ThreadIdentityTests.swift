import Testing
import ThreadModel

@testable import ReadingState

@Suite struct ThreadIdentityTests {
    @Test func siteAndIdNameAThreadWhereverItsFileIs() {
        let article = Article(id: "4711", title: "Ask HN", url: "https://example.org/x", source: "Hacker News")
        let here = ThreadIdentity(article: article, path: "/home/a/hn.json")
        let there = ThreadIdentity(article: article, path: "/tmp/copy.json")
        #expect(here == there)
        #expect(here.key == "site:Hacker News\u{1F}4711")
        #expect(here.site == "Hacker News")
    }

    @Test func urlWithoutIdNamesTheThread() {
        let article = Article(title: "Essay", url: "https://blog.example.org/essay")
        let identity = ThreadIdentity(article: article, path: "/a.json")
        #expect(identity.key == "url:https://blog.example.org/essay")
        #expect(identity.site == "blog.example.org")
    }

    @Test func fileWithoutIdIsPathPlusArticleHash() {
        let article = Article(title: "Notes", body: ["One."])
        let first = ThreadIdentity(article: article, path: "/notes.json")
        #expect(first == ThreadIdentity(article: article, path: "/notes.json"))
        #expect(first != ThreadIdentity(article: article, path: "/other.json"))
        #expect(first != ThreadIdentity(article: Article(title: "Notes", body: ["Two."]), path: "/notes.json"))
    }

    @Test func discourseTopicNumbersAreQualifiedByTheArticle() {
        let one = ThreadIdentity(article: Article(id: "12", title: "A", source: "Discourse"), path: nil)
        let two = ThreadIdentity(article: Article(id: "12", title: "B", source: "Discourse"), path: nil)
        #expect(one != two)
    }

    @Test func keysAreBoundedAndPrintable() {
        let hostile = Article(id: String(repeating: "é", count: 5000) + "\u{1B}[2J", title: "x", source: "S\u{7}")
        let identity = ThreadIdentity(article: hostile, path: nil)
        #expect(identity.key.utf8.count <= ThreadIdentity.maximumKeyLength)
        #expect(!identity.key.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" })
        let other = Article(id: String(repeating: "é", count: 5000) + "!", title: "x", source: "S\u{7}")
        #expect(ThreadIdentity(article: other, path: nil) != identity)
    }
}
