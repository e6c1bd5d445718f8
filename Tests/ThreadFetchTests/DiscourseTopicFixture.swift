@testable import ThreadFetch

/// A 45-post Discourse topic (id 9 on https://forum.example) as canned answers: the topic's page
/// carries the first 3 posts and the whole stream, and each batch of the other 42 is answered
/// at the address the fetcher asks for. Post n has id 100 + n, author "un", text "pn".
enum DiscourseTopicFixture {
    static let forum: WebAddress = {
        guard let forum = WebAddress("https://forum.example") else {
            fatalError("the fixture's forum address is refused")
        }
        return forum
    }()

    static let address = ThreadAddress(site: .discourse, id: "9", forum: forum)

    static var answers: [String: [HTTPResponse]] {
        let posts = (1...45).map {
            #"{"id":\#($0 + 100),"post_number":\#($0),"username":"u\#($0)","cooked":"<p>p\#($0)</p>"}"#
        }
        let stream = (1...45).map { "\($0 + 100)" }.joined(separator: ",")
        var answers: [String: [HTTPResponse]] = [
            "https://forum.example/t/9.json": [
                json(
                    #"{"id":9,"title":"Topic","post_stream":{"posts":[\#(posts[0..<3].joined(separator: ","))],"stream":[\#(stream)]}}"#
                )
            ]
        ]
        let missing = Array(104...145)
        for start in stride(from: 0, to: missing.count, by: ThreadFetcher.discourseBatch) {
            let batch = Array(missing[start..<min(start + ThreadFetcher.discourseBatch, missing.count)])
            let body = batch.map { posts[Int($0) - 101] }.joined(separator: ",")
            answers[SiteAPI.discoursePosts(forum, "9", postIDs: batch.map(Int64.init))] = [
                json(#"{"post_stream":{"posts":[\#(body)]}}"#)
            ]
        }
        return answers
    }
}
