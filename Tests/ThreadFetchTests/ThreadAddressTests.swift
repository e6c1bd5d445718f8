import Testing

@testable import ThreadFetch

@Suite struct ThreadAddressTests {
    @Test func hackerNewsItemAndShortForm() {
        #expect(
            ThreadAddress("https://news.ycombinator.com/item?id=43727727")
                == ThreadAddress(site: .hackerNews, id: "43727727"))
        #expect(
            ThreadAddress("http://NEWS.ycombinator.com/item?id=17#reply") == ThreadAddress(site: .hackerNews, id: "17"))
        #expect(ThreadAddress("hn:43727727") == ThreadAddress(site: .hackerNews, id: "43727727"))
    }

    @Test func hackerNewsRefusesIDsThatAreNotNumbers() {
        #expect(ThreadAddress("hn:12a") == nil)
        #expect(ThreadAddress("hn:") == nil)
        #expect(ThreadAddress("https://news.ycombinator.com/item?id=1/../../etc") == nil)
        #expect(ThreadAddress("https://news.ycombinator.com/news") == nil)
    }

    @Test func redditThreadForms() {
        let expected = ThreadAddress(site: .reddit, id: "441hsf")
        for text in [
            "https://www.reddit.com/r/LifeProTips/comments/441hsf/lpt_when_people_are_grieving/",
            "https://old.reddit.com/r/LifeProTips/comments/441hsf/",
            "https://np.reddit.com/r/LifeProTips/comments/441hsf",
            "https://reddit.com/comments/441hsf",
            "https://redd.it/441hsf",
            "https://www.reddit.com/r/LifeProTips/comments/441hsf/lpt/czmq3xl/?context=3",
        ] {
            #expect(ThreadAddress(text) == expected, "\(text)")
        }
    }

    @Test func aThreadsAPIAddressIsTheThreads() throws {
        // What "redirects to another site (…); open that address instead" names.
        #expect(
            ThreadAddress("https://www.reddit.com/comments/441hsf.json?raw_json=1")
                == ThreadAddress(site: .reddit, id: "441hsf"))
        #expect(
            ThreadAddress("https://www.reddit.com/r/x/comments/441hsf/.json")
                == ThreadAddress(site: .reddit, id: "441hsf"))
        #expect(ThreadAddress("https://www.reddit.com/comments/441hsf/_/czmq3xl.json")?.comment == "czmq3xl")
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh.json") == ThreadAddress(site: .lobsters, id: "tdfoqh"))
        let forum = try #require(WebAddress("https://forum.example.org"))
        #expect(
            ThreadAddress("https://forum.example.org/t/5864.json")
                == ThreadAddress(site: .discourse, id: "5864", forum: forum))
        #expect(
            ThreadAddress("https://forum.example.org/t/slug/5864.json")
                == ThreadAddress(site: .discourse, id: "5864", forum: forum))
        #expect(ThreadAddress("https://forum.example.org/t/.json") == nil)
    }

    @Test func aRefusalNamesEverySiteTreadOpens() {
        #expect(
            ThreadAddress.refusal(of: "https://bsky.app/profile/x/post/")
                == "not a Bluesky post's address (bsky.app/profile/HANDLE/post/ID)")
        let other = ThreadAddress.refusal(of: "https://lemmy.world/post/99999999999999999999") ?? ""
        for site in ["Hacker News", "Reddit", "Lobsters", "Discourse", "Mastodon", "Lemmy", "Bluesky"] {
            #expect(other.contains(site), "\(site)")
        }
    }

    @Test func aRedditShareLinkIsRefusedForWhatItIs() {
        let link = "https://www.reddit.com/r/LifeProTips/s/AbCdEf12"
        #expect(ThreadAddress(link) == nil)
        #expect(
            ThreadAddress.refusal(of: link)
                == "a Reddit share link names no thread; open it in a browser and give tread the address it lands on")
        #expect(
            ThreadAddress.refusal(of: "https://redd.it/ABCdef")
                == "not a Reddit thread's address (a thread's id is lower-case letters and digits)")
    }

    @Test func redditRefusesOtherPages() {
        #expect(ThreadAddress("https://www.reddit.com/r/LifeProTips/") == nil)
        #expect(ThreadAddress("https://www.reddit.com/r/x/comments/ab%2F..%2Fcd") == nil)
        #expect(ThreadAddress("https://redd.it/a/b") == nil)
    }

    @Test func discourseTopicWithAndWithoutSlug() {
        let slug = ThreadAddress("https://discourse.urho3d.io/t/to-rbfx-and-not-to-rbfx/5864/12")
        #expect(slug?.site == .discourse)
        #expect(slug?.id == "5864")
        #expect(slug?.forum?.origin == "https://discourse.urho3d.io")
        let bare = ThreadAddress("http://127.0.0.1:8123/t/5864")
        #expect(bare?.id == "5864")
        #expect(bare?.forum?.origin == "http://127.0.0.1:8123")
    }

    @Test func lobstersStoryWithAndWithoutSlug() {
        #expect(
            ThreadAddress("https://lobste.rs/s/tdfoqh/ranking_comments") == ThreadAddress(site: .lobsters, id: "tdfoqh")
        )
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh") == ThreadAddress(site: .lobsters, id: "tdfoqh"))
        #expect(ThreadAddress("https://lobste.rs/t/rust") == nil)
    }

    @Test func lobstersCommentLinksNameTheirComment() {
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh/ranking_comments#c_lqqn3a")?.comment == "lqqn3a")
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh/ranking_comments/comments/lqqn3a")?.comment == "lqqn3a")
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh/ranking_comments#c_lqqn3a")?.id == "tdfoqh")
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh/ranking_comments#c_../x")?.comment == nil)
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh/ranking_comments#top")?.comment == nil)
        #expect(ThreadAddress("https://lobste.rs/s/tdfoqh")?.comment == nil)
        #expect(ThreadAddress.lobstersCommentLink("https://lobste.rs/c/LQQN3A") == "lqqn3a")
        #expect(ThreadAddress.lobstersCommentLink("https://lobste.rs/c/a%2F..") == nil)
        #expect(ThreadAddress.lobstersCommentLink("https://example.org/c/lqqn3a") == nil)
        #expect(ThreadAddress.lobstersCommentLink("https://lobste.rs/s/tdfoqh") == nil)
    }

    @Test func onlyHTTPAndHTTPSAreAddresses() {
        #expect(ThreadAddress("file:///etc/passwd") == nil)
        #expect(ThreadAddress("ftp://news.ycombinator.com/item?id=1") == nil)
        #expect(ThreadAddress("javascript:alert(1)") == nil)
        #expect(ThreadAddress("thread.json") == nil)
        #expect(ThreadAddress("-") == nil)
    }

    @Test func disguisedHostsAreRefused() {
        #expect(WebAddress("https://news.ycombinator.com@evil.example/item?id=1") == nil)
        #expect(WebAddress("https://evil example/t/1") == nil)
        #expect(WebAddress("https://host:99999/t/1") == nil)
        #expect(WebAddress("https://ho\u{7}st/t/1") == nil)
        #expect(WebAddress("https://../t/1") == nil)
    }

    @Test func cacheNamesComeFromValidatedParts() {
        #expect(ThreadAddress(site: .hackerNews, id: "17").cacheName == "hn-17.json")
        #expect(ThreadAddress("https://redd.it/441hsf")?.cacheName == "reddit-441hsf.json")
        #expect(ThreadAddress("http://127.0.0.1:8123/t/slug/5864")?.cacheName == "discourse-127.0.0.1_8123-5864.json")
        #expect(ThreadAddress("https://lobste.rs/s/TDFOQH")?.cacheName == "lobsters-tdfoqh.json")
    }
}
