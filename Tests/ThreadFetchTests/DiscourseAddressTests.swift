import Testing
import ThreadModel

@testable import ThreadFetch

/// A fetched Discourse topic carries its page's address, which its JSON never gives, so `O`, `I`
/// and the canonical document written from it know the forum (issue 13).
@Suite struct DiscourseAddressTests {
    @Test func theTopicsPageHasItsSlugWhenItIsPlain() throws {
        let forum = try #require(WebAddress("https://discourse.urho3d.io"))
        #expect(
            ThreadFetcher.discoursePage(forum, "5864", slug: #""to-rbfx-and-not-to-rbfx""#)
                == "https://discourse.urho3d.io/t/to-rbfx-and-not-to-rbfx/5864")
        for odd in [nil, #""""#, #""a\"b""#, #""caf\u00e9""#, "17", #""a/../b""#, #""a b""#] {
            #expect(ThreadFetcher.discoursePage(forum, "5864", slug: odd) == "https://discourse.urho3d.io/t/topic/5864")
        }
    }

    @Test func aFetchedTopicIsAddressed() async throws {
        let forum = try #require(WebAddress("http://127.0.0.1:8123"))
        let page =
            #"{"id":9,"slug":"a-topic","title":"T","post_stream":{"posts":[{"id":1,"post_number":1,"#
            + #""username":"a","cooked":"<p>x</p>"},{"id":2,"post_number":2,"username":"b","cooked":"<p>y</p>"}]}}"#
        let transport = CannedTransport(["http://127.0.0.1:8123/t/9.json": [json(page)]])
        let discussion = try await fetcher(transport).fetch(ThreadAddress(site: .discourse, id: "9", forum: forum))
        #expect(discussion.article.url == "http://127.0.0.1:8123/t/a-topic/9")
        let written = try Discussion.load(canonical: DocumentBytes(DocumentWriter.canonicalJSON(discussion)))
        #expect(written.article.url == "http://127.0.0.1:8123/t/a-topic/9")
    }
}
