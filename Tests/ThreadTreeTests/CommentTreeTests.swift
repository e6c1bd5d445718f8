import Testing
import ThreadModel
import ThreadTestSupport

@testable import ThreadTree

/// The visible comments, by name, walking `nextVisible` from the first.
func visible(_ tree: CommentTree, _ names: [String]) -> [String] {
    var shown: [String] = []
    var node = tree.firstVisible
    while let current = node {
        shown.append(names[current])
        node = tree.nextVisible(after: current)
    }
    return shown
}

let sample = """
    a
      a1
        a1x
        a1y
      a2
    b
    c
      c1
        c1x
    """

@Suite struct CommentTreeTests {
    @Test func structureOfASmallThread() {
        let (t, _) = commentTree(sample)
        #expect(t.count == 9)
        #expect(t.roots == [0, 5, 6])
        #expect(t.depth(of: 2) == 2)
        #expect(t.replyCount(of: 0) == 2)
        #expect(t.descendantCount(of: 0) == 4)
        #expect(t.subtree(of: 1) == 1..<4)
        #expect(t.maximumDepth == 2)
        t.checkInvariants()
    }

    @Test func siblingsSkipSubtrees() {
        let (t, _) = commentTree(sample)
        #expect(t.nextSibling(of: 1) == 4)
        #expect(t.nextSibling(of: 4) == nil)
        #expect(t.previousSibling(of: 4) == 1)
        #expect(t.previousSibling(of: 1) == nil)
        #expect(t.nextSibling(of: 0) == 5)
        #expect(t.previousSibling(of: 6) == 5)
        #expect(t.nextSibling(of: 6) == nil)
    }

    @Test func parentRootAndThreads() {
        let (t, _) = commentTree(sample)
        #expect(t.parent(of: 2) == 1)
        #expect(t.parent(of: 0) == nil)
        #expect(t.root(of: 3) == 0)
        #expect(t.root(of: 8) == 6)
        #expect(t.root(of: 5) == 5)
        #expect(t.ancestor(of: 3, levels: 1) == 1)
        #expect(t.ancestor(of: 3, levels: 2) == 0)
        #expect(t.ancestor(of: 3, levels: 9) == 0)
        #expect(t.nextThread(after: 2) == 5)
        #expect(t.nextThread(after: 8) == nil)
        #expect(t.previousThread(before: 8) == 6)
        #expect(t.previousThread(before: 6) == 5)
        #expect(t.previousThread(before: 0) == nil)
    }

    @Test func foldingHidesReplies() {
        var (t, names) = commentTree(sample)
        t.fold(1)
        #expect(visible(t, names) == ["a", "a1", "a2", "b", "c", "c1", "c1x"])
        t.fold(0)
        #expect(visible(t, names) == ["a", "b", "c", "c1", "c1x"])
        t.unfold(0)
        #expect(visible(t, names) == ["a", "a1", "a2", "b", "c", "c1", "c1x"])
    }

    @Test func foldingALeafDoesNothing() {
        var (t, names) = commentTree(sample)
        t.fold(5)
        #expect(!t.isFolded(5))
        #expect(visible(t, names).count == 9)
    }

    @Test func previousVisibleLandsOnTheFoldedAncestor() {
        var (t, _) = commentTree(sample)
        t.fold(1)
        #expect(t.previousVisible(before: 4) == 1)
        t.fold(6)
        #expect(t.lastVisible == 6)
        t.unfold(6)
        #expect(t.lastVisible == 8)
        #expect(t.previousVisible(before: 0) == nil)
    }

    @Test func foldAllShowLevelsAndUnfoldAll() {
        var (t, names) = commentTree(sample)
        t.foldAll()
        #expect(visible(t, names) == ["a", "b", "c"])
        t.showLevels(2)
        #expect(visible(t, names) == ["a", "a1", "a2", "b", "c", "c1"])
        t.showLevels(1)
        #expect(visible(t, names) == ["a", "b", "c"])
        t.unfoldAll()
        #expect(visible(t, names).count == 9)
    }

    @Test func revealUnfoldsThePath() {
        var (t, _) = commentTree(sample)
        t.foldAll()
        #expect(!t.isVisible(2))
        #expect(t.visibleAncestor(of: 2) == 0)
        t.reveal(2)
        #expect(t.isVisible(2))
        #expect(t.isFolded(6))
    }

    @Test func emptyTreeHasNoVisibleComments() {
        let t = CommentTree(parents: [])
        #expect(t.firstVisible == nil)
        #expect(t.lastVisible == nil)
    }

    @Test func buildsFromADiscussion() throws {
        let json = #"{"article":{"title":"T"},"comments":[{"id":"a","replies":[{"id":"b"}]},{"id":"c","parent":"b"}]}"#
        let discussion = try Discussion.load(canonical: DocumentBytes(Array(json.utf8)))
        let t = CommentTree(discussion: discussion)
        #expect(t.depth(of: 2) == 2)
        #expect(t.subtree(of: 0) == 0..<3)
    }
}

/// Placeholders keep their place in the tree but every count of comments leaves them out.
@Suite struct CommentCountTests {
    /// a(b(c, …3 more), d), …topic closed, e
    static let tree = CommentTree(
        parents: [-1, 0, 1, 1, 0, -1, -1], placeholders: [false, false, false, true, false, true, false])

    @Test func hiddenRepliesLeavePlaceholdersOut() {
        #expect(Self.tree.hiddenCommentCount(of: 0) == 3)
        #expect(Self.tree.descendantCount(of: 0) == 4)
        #expect(Self.tree.hiddenCommentCount(of: 1) == 1)
        #expect(Self.tree.hiddenCommentCount(of: 5) == 0)
        #expect(Self.tree.hiddenCommentCount(of: 6) == 0)
    }

    @Test func commentsAreNumberedWithoutPlaceholders() {
        #expect(Self.tree.commentCount == 5)
        #expect((0..<7).map(Self.tree.commentNumber) == [1, 2, 3, nil, 4, nil, 5])
        #expect(Self.tree.commentsBefore(5) == 4)
        #expect(Self.tree.isPlaceholder(3) && !Self.tree.isPlaceholder(2))
    }

    @Test func treeFromADiscussionKnowsItsPlaceholders() throws {
        var builder = DiscussionBuilder(article: Article(title: "T"))
        let top = builder.add(Comment(body: "a"))
        builder.addPlaceholder("12 more replies", under: top)
        builder.add(Comment(body: "b"), under: top)
        let discussion = try builder.build()
        let tree = CommentTree(discussion: discussion)
        #expect(tree.commentCount == discussion.commentCount)
        #expect(tree.hiddenCommentCount(of: 0) == 1)
    }
}
