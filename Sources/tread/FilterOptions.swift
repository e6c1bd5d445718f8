import ThreadModel
import ThreadQuery
import ThreadTree

/// `--filter QUERY`: keeps the matching comments and their ancestors, for printing and converting
/// (`FilterArguments` reads it from the command line).
struct FilterOptions {
    var filter: String?

    /// The parsed query; nil without `--filter` or when it is empty.
    func query() throws -> Query? {
        guard let filter else { return nil }
        let query = try Query.parse(filter)
        return query.isEmpty ? nil : query
    }

    /// The discussion cut to the matches and their ancestors; unchanged without `--filter`. A comment
    /// `killFile` hides is no match, as in the reader.
    func apply(_ discussion: Discussion, killFile: KillFile = KillFile()) throws -> Discussion {
        try filtered(discussion, killFile: killFile).discussion
    }

    /// `apply`, with the count the reader's status line gives ("filter: 4 of 351"), which the printed
    /// rule says beside its own (the ancestors kept as context are comments printed too).
    func filtered(
        _ discussion: Discussion, killFile: KillFile = KillFile()
    ) throws -> (discussion: Discussion, status: String?) {
        guard let query = try query() else { return (discussion, nil) }
        let tree = CommentTree(discussion: discussion)
        var evaluation = FilterEvaluation(matcher: QueryMatcher(query: query, discussion: discussion, tree: tree))
        let hidden = killFile.isEmpty ? nil : killFile.marks(discussion, tree: tree)
        let filtered = evaluation.finish(excluding: hidden)
        writeError("tread: \(filtered.status) (kept with their ancestors as context)")
        return (discussion.keeping(filtered.kept), filtered.status)
    }
}
