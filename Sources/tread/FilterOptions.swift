import ArgumentParser
import ThreadModel
import ThreadQuery
import ThreadTree

/// `--filter QUERY`: keeps the matching comments and their ancestors, for printing and converting.
struct FilterOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "Keep only comments matching QUERY, with their ancestors as context (the reader opens with it on; Esc clears it).",
            discussion: """
                Words and "phrases" (ignoring case), /regex/, author:NAME, op, new, depth>N, depth<N, \
                score>N, score<N, replies>N, long, has:link, has:code, deleted; side by side = and, \
                'or', '-' = not, ( ).
                """,
            valueName: "QUERY"))
    var filter: String?

    /// A mistake in the query is a usage error (status 64) naming its column, before anything loads.
    func validate() throws {
        guard let filter else { return }
        do {
            _ = try Query.parse(filter)
        } catch {
            throw ValidationError("--filter: \(error.description)")
        }
    }

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
