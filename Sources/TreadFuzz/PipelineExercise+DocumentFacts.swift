import ThreadModel
import ThreadTree

extension PipelineExercise {
    /// Checks the document's own facts: every count of comments agrees, and what `convert`
    /// writes loads back as the same thread (ids, parents, orphans, text, flags).
    static func checkDocumentFacts(_ discussion: Discussion, tree: CommentTree) {
        check(tree.commentCount == discussion.commentCount, "the tree and the discussion count comments differently")
        check(discussion.statistics().comments == discussion.commentCount, "stats counts comments differently")
        let written = DocumentWriter.canonicalJSON(discussion)
        guard let back = try? Discussion.load(canonical: DocumentBytes(written)) else {
            check(false, "a converted document does not load back")
            return
        }
        check(back.count == discussion.count, "a converted document has another number of entries")
        check(back.orphanCount == discussion.orphanCount, "a converted document lost or gained orphans")
        check(back.distinctAuthors == discussion.distinctAuthors, "a converted document has other authors")
        for i in 0..<discussion.count {
            check(back.parent(of: i) == discussion.parent(of: i), "a converted comment moved")
            // Ids missing from the input are made up in the flat form; every other id is kept.
            check(discussion.id(of: i) == nil || back.id(of: i) == discussion.id(of: i), "a converted id changed")
            check(back.missingParentID(of: i) == discussion.missingParentID(of: i), "an orphan's parent changed")
            check(back.author(of: i) == discussion.author(of: i), "a converted author changed")
            check(back.body(of: i) == discussion.body(of: i), "a converted body changed")
            check(back.published(of: i) == discussion.published(of: i), "a converted date changed")
            check(back.score(of: i) == discussion.score(of: i), "a converted score changed")
            check(back.isDeleted(i) == discussion.isDeleted(i), "a converted deletion changed")
            check(back.isPlaceholder(i) == discussion.isPlaceholder(i), "a converted placeholder changed")
        }
    }
}
