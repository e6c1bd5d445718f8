import Testing

@testable import ThreadModel

/// The original poster and site roles each importer reads from the real fixtures.
///
/// Expected counts were made by a separate walk over the raw JSON (Python), not by tread.
@Suite struct PeopleTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        let file: String
        let opComments: Int
        let roles: [CommentRole: Int]
        var testDescription: String { file }
    }

    static let expected: [Expected] = [
        .init(file: "reddit/announcements_polls_fo7p5b_rawjson_2020.json", opComments: 6, roles: [.admin: 10]),
        .init(file: "reddit/crafts_gallery_13opkyi_2023_removed_comment.json", opComments: 8, roles: [.moderator: 1]),
        .init(file: "reddit/iama_obama_z1c9z_huge.json", opComments: 7, roles: [.admin: 1, .moderator: 1]),
        .init(file: "reddit/askreddit_tattoos_cmwov_depth10_stubs.json", opComments: 4, roles: [:]),
        .init(file: "reddit/python_rtv_announcement_2xmo63.json", opComments: 11, roles: [:]),
        .init(file: "discourse/try_discourse_sandbox_topic_2013.json", opComments: 1, roles: [.staff: 3]),
        .init(file: "discourse/urho3d_github-in-decay.6482.json", opComments: 18, roles: [.moderator: 1, .admin: 5]),
        .init(
            file: "discourse/urho3d_to-rbfx-and-not-to-rbfx.5864.json", opComments: 80,
            roles: [.moderator: 30, .admin: 3]),
        .init(
            file: "lobsters/tdfoqh_ranking_comments_2023_indent_level_format.json", opComments: 2, roles: [.admin: 1]),
        .init(file: "lobsters/tdfoqh_ranking_comments_2025_depth_format.json", opComments: 2, roles: [:]),
        .init(file: "lobsters/d9ucpe_strace_2021_legacy.json", opComments: 0, roles: [:]),
        .init(file: "hn_firebase/ask_hn_disillusioned_43728870_items.json", opComments: 5, roles: [:]),
        .init(file: "hn_firebase/less_slow_cpp_43727743_items.json", opComments: 15, roles: [:]),
        .init(file: "hn_firebase/deleted_dead_story_43728594_items.json", opComments: 0, roles: [:]),
        // A saved comment subtree has no original poster: its root's author is not labelled.
        .init(file: "hn_algolia/item17_pg_comment_subtree_2014.json", opComments: 0, roles: [:]),
    ]

    @Test(arguments: expected)
    func importersLabelTheOriginalPosterAndRoles(_ expected: Expected) throws {
        let discussion = try Corpus.load(expected.file)
        let ops = (0..<discussion.count).filter { discussion.isOP($0) }
        var roles: [CommentRole: Int] = [:]
        for i in 0..<discussion.count { if let role = discussion.role(of: i) { roles[role, default: 0] += 1 } }
        #expect(ops.count == expected.opComments)
        #expect(roles == expected.roles)
        // Every OP label sits on a comment by the article's author, the one the header names.
        for i in ops where discussion.author(of: i) != discussion.article.author {
            Issue.record("comment \(i) by \(discussion.author(of: i) ?? "-") is labelled OP")
        }
    }

    @Test func lobstersAdminIsTheSiteOwner() throws {
        let discussion = try Corpus.load("lobsters/tdfoqh_ranking_comments_2023_indent_level_format.json")
        let admins = (0..<discussion.count).filter { discussion.role(of: $0) == .admin }
        #expect(admins.map { discussion.author(of: $0) } == ["pushcx"])
        #expect(discussion.personLabels(of: admins[0]) == ["admin"])
    }

    @Test func peopleSurviveConvertAndReload() throws {
        let discussion = try Corpus.load("discourse/urho3d_github-in-decay.6482.json")
        let again = try Discussion.load(canonical: DocumentBytes(DocumentWriter.canonicalJSON(discussion)))
        #expect(again.count == discussion.count)
        for i in 0..<discussion.count {
            #expect(again.isOP(i) == discussion.isOP(i))
            #expect(again.role(of: i) == discussion.role(of: i))
        }
    }
}
