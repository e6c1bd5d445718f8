import Foundation
import SiteFormats
import Testing
import ThreadModel

/// The site a thread is from is a field of the document (`article.site`), set from the format that read
/// the site's answer, not guessed from `article.source`'s text; `convert` keeps it, and a tread document
/// says it or not.
@Suite struct ArticleSiteTests {
    static let recorded: [(String, String)] = [
        ("hn_algolia/item17_pg_comment_subtree_2014.json", "hn"),
        ("hn_firebase/ibm_rto_43727727_items.json", "hn"),
        ("reddit/python_rtv_announcement_2xmo63.json", "reddit"),
        ("discourse/urho3d_github-in-decay.6482.json", "discourse"),
        ("lobsters/d9ucpe_strace_2021_legacy.json", "lobsters"),
        ("mastodon/context_halcy_mastodonpy.json", "mastodon"),
        ("lemmy/post_1_lemmyktclient.json", "lemmy"),
        ("bluesky/thread_mid_morpho.json", "bluesky"),
    ]

    @Test func eachSitesRecordedThreadSaysItsSiteAndConvertKeepsIt() throws {
        for (file, site) in Self.recorded {
            let path = Corpus.directory.appendingPathComponent(file).path
            let discussion = try Discussion.load(DocumentBytes.read(path: path))
            #expect(discussion.article.site == site, "\(file)")
            #expect(Article.siteNames.contains(site))
            let converted = try Discussion.load(DocumentBytes(DocumentWriter.canonicalJSON(discussion)), format: .tread)
            #expect(converted.article.site == site, "\(file) converted")
            let decoded = try JSONDecoder().decode(Document.self, from: Data(DocumentWriter.canonicalJSON(discussion)))
            #expect(decoded.article.site == site, "\(file) through Codable")
        }
    }

    @Test func aTreadDocumentSaysItsSiteOrNot() throws {
        let without = #"{"article": {"title": "T", "source": "Reddit r/swift"}, "comments": []}"#
        #expect(try Discussion.load(DocumentBytes(Array(without.utf8))).article.site == nil)
        let with = #"{"article": {"title": "T", "site": "reddit"}, "comments": []}"#
        #expect(try Discussion.load(DocumentBytes(Array(with.utf8))).article.site == "reddit")
    }
}
