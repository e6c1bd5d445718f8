import Foundation
import Testing

@testable import SiteFormats
@testable import ThreadModel

/// The real saved discussions in `Tests/Fixtures` (where each came from: `Tests/Fixtures/README.md`).
enum Corpus {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let files: [String] = {
        let folders = ["discourse", "hn_algolia", "hn_firebase", "lobsters", "reddit"]
        return folders.flatMap { folder in
            let names =
                (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path))
                ?? []
            return names.filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
        }
    }()

    static func load(_ file: String) throws -> Discussion {
        try Discussion.load(DocumentBytes.read(path: directory.appendingPathComponent(file).path))
    }

    /// The index of the comment with this id.
    static func index(of id: String, in discussion: Discussion) -> Int? {
        (0..<discussion.count).first { discussion.id(of: $0)?.key == id }
    }
}

@Suite struct CorpusTests {
    @Test func corpusIsThere() {
        #expect(Corpus.files.count == 26)
    }

    @Test(arguments: Corpus.files)
    func commentsAndDepthMatchAnIndependentCount(_ file: String) throws {
        let discussion = try Corpus.load(file)
        let expected = try CorpusCounts.count(Corpus.directory.appendingPathComponent(file))
        var depth = [Int](repeating: 0, count: discussion.count)
        var deepest = 0
        for i in 0..<discussion.count {
            depth[i] = discussion.parent(of: i).map { depth[$0] + 1 } ?? 1
            if !discussion.isPlaceholder(i) { deepest = max(deepest, depth[i]) }
        }
        #expect(discussion.commentCount == expected.comments, "\(file)")
        #expect(deepest == expected.maxDepth, "\(file)")
        #expect(discussion.notes.isEmpty, "\(file): \(discussion.notes)")
    }

    @Test(arguments: Corpus.files)
    func titleIsTheSitesTitle(_ file: String) throws {
        let discussion = try Corpus.load(file)
        let expected = try CorpusCounts.count(Corpus.directory.appendingPathComponent(file))
        if let title = expected.title {
            #expect(discussion.article.title == title)
        } else if file.hasPrefix("hn_algolia") {
            #expect(discussion.article.title.hasPrefix("Comment by "))
        } else {
            #expect(discussion.article.title == "[deleted story]")
        }
    }

    @Test(arguments: Corpus.files)
    func convertingTwiceGivesTheSameBytes(_ file: String) throws {
        let discussion = try Corpus.load(file)
        let first = DocumentWriter.canonicalJSON(discussion)
        let again = try Discussion.load(DocumentBytes(first))
        #expect(again.count == discussion.count)
        #expect(again.commentCount == discussion.commentCount)
        #expect(DocumentWriter.canonicalJSON(again) == first)
        #expect(DocumentFormat.detect(DocumentBytes(first)) == .tread)
    }

    @Test func detectionNamesEachSite() throws {
        let expected: [String: DocumentFormat] = [
            "discourse": .discourse, "hn_algolia": .hackerNewsAlgolia, "hn_firebase": .hackerNewsItems,
            "lobsters": .lobsters, "reddit": .reddit,
        ]
        for file in Corpus.files {
            let bytes = try DocumentBytes.read(path: Corpus.directory.appendingPathComponent(file).path)
            #expect(DocumentFormat.detect(bytes) == expected[String(file.prefix { $0 != "/" })], "\(file)")
        }
    }

    // MARK: - One comment per format, converted exactly

    @Test func hackerNewsItemKeepsQuoteCodeAndEntities() throws {
        let discussion = try Corpus.load("hn_firebase/less_slow_cpp_43727743_items.json")
        let index = try #require(Corpus.index(of: "43732238", in: discussion))
        #expect(
            discussion.body(of: index) == """
                > lightweight context switching

                the cost of context switch consists of two parts, one of which can be subdivided:

                1. register save/restore

                           1a. user-space only registers
                           1b. full register save/restore, required in kernel space

                2. the cost of the TLB flush, which is in turn proportional to the working set size of the switched-to process (i.e. if you don't touch much memory after the context switch, the cost is lower than if you do)

                I am not sure that any assembler instructions could address either of these.

                What do you have in mind?
                """)
    }

    @Test func hackerNewsAlgoliaShowsAShortenedLinkWhole() throws {
        let discussion = try Corpus.load("hn_algolia/crowdstrike_subtree_41003710_2024.json")
        let index = try #require(Corpus.index(of: "41010722", in: discussion))
        #expect(
            discussion.body(of: index)
                == "Here you go. <https://www.reddit.com/r/crowdstrike/comments/1e6vmkf/comment/ldwaj2v/>")
    }

    @Test func redditEscapedMarkdownBecomesQuotes() throws {
        let discussion = try Corpus.load("reddit/python_rtv_announcement_2xmo63.json")
        let index = try #require(Corpus.index(of: "cp3vcjf", in: discussion))
        #expect(
            discussion.body(of: index) == """
                Sorry for the delay. I just got the project setup with PIP, so the easiest way to install is using that

                > sudo pip install --pre rtv

                It won't update automatically, but you can do that with a single line as well

                > sudo pip install --upgrade --pre rtv

                Hope that helps!
                """)
    }

    @Test func redditEscapedTextDecodesAngleBrackets() throws {
        let discussion = try Corpus.load("reddit/python_rtv_announcement_2xmo63.json")
        let index = try #require(Corpus.index(of: "cp225cp", in: discussion))
        // Not indented in the source, so Reddit shows it as a paragraph too; the entities are decoded once.
        #expect(
            discussion.body(of: index).hasSuffix(
                "\n\nTraceback (most recent call last): File \"setup.py\", line 1, in <module> "
                    + "from setuptools import setup ImportError: No module named setuptools"))
    }

    @Test func discourseKeepsBlockquoteAndDropsMentionLink() throws {
        let discussion = try Corpus.load("discourse/urho3d_interesting-animation-approach.4633.json")
        let index = try #require(Corpus.index(of: "7", in: discussion))
        #expect(
            discussion.body(of: index) == """
                @JTippetts1 it’s the overgrowth few keyframes thing just done in UE4’s blendspaces.

                > If somebody needs these I think entire high level animation tree can be copied from Godot and implemented on top of AnimationController and AnimationState.

                That’s bonkers overkill, 1D and 2D blend spaces are trivial. 3D blend states aren’t particularly hard either.

                Implementing on-top-of instead of as-part-of animation wouldn’t be a great idea IMO, because of networking and ice-skating client-side.
                """)
    }

    @Test func lobstersDropsInlineCodeTags() throws {
        let discussion = try Corpus.load("lobsters/d9ucpe_strace_2021_legacy.json")
        let index = try #require(Corpus.index(of: "kejbct", in: discussion))
        #expect(
            discussion.body(of: index).hasPrefix("strace is an invaluable tool for reverse engineering and learning."))
        #expect(discussion.body(of: index).contains("how tail -f was implemented"))
        #expect(discussion.parent(of: Corpus.index(of: "vvs5qn", in: discussion) ?? 0) == nil)
    }

    // MARK: - Site rules

    @Test func redditMoreStubsArePlaceholdersAtTheirPlace() throws {
        let discussion = try Corpus.load("reddit/askreddit_ablzuq_limit1_toplevel_more.json")
        #expect(discussion.count == 3)
        #expect(discussion.commentCount == 1)
        #expect(discussion.isPlaceholder(1) && discussion.parent(of: 1) == 0)
        #expect(discussion.body(of: 1) == "50 more replies not in this file")
        #expect(discussion.isPlaceholder(2) && discussion.parent(of: 2) == nil)
        #expect(discussion.body(of: 2) == "8,620 more replies not in this file")
        #expect(discussion.author(of: 2) == nil)
    }

    @Test func discourseDanglingRepliesAreOrphansAndEventsAreOneLine() throws {
        let animation = try Corpus.load("discourse/urho3d_interesting-animation-approach.4633.json")
        #expect(animation.orphanCount == 4)
        let decay = try Corpus.load("discourse/urho3d_github-in-decay.6482.json")
        let events = (0..<decay.count).filter { decay.isPlaceholder($0) }.map { decay.body(of: $0) }
        #expect(events == ["Modanung pinned the topic", "weitjong closed the topic", "weitjong unpinned the topic"])
    }

    @Test func hackerNewsDeletedStoryStillOpens() throws {
        let discussion = try Corpus.load("hn_firebase/deleted_dead_story_43728594_items.json")
        #expect(discussion.count == 2)
        #expect(discussion.isDeleted(0) && discussion.isDeleted(1))
    }

    @Test func hackerNewsKidsOrderIsTheDisplayOrder() throws {
        let discussion = try Corpus.load("hn_firebase/ibm_rto_43727727_items.json")
        #expect(discussion.id(of: 0) == .integer(43_728_954))
    }
}
