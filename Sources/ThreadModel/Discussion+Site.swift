extension Discussion {
    /// The same discussion, its article saying which site it is from (`Article.site`): what an importer
    /// knows of the answer it read, for what the config sets per site.
    public func fromSite(_ site: String) -> Discussion {
        article.site == site ? self : withArticle { $0.site = site }
    }

    /// How far a front page's count of the thread is from the comments the reader shows, kept with the visit
    /// so that the list's row, once read, counts what the reader showed. On Discourse: the entries the site
    /// counts that tread shows as one-line events, not comments (a topic's small actions, "closed the
    /// topic", its only stand-ins), which the row takes away from `posts_count`. On Hacker News: the
    /// comments its count (`descendants`, the count the story announced) leaves out, dead and deleted ones,
    /// which the row adds. None for other sites, whose stand-ins stand for comments ("12 more replies").
    public var eventCount: Int {
        switch article.site {
        case "discourse": return count - commentCount
        case "hn": return article.commentCount.map { max(0, commentCount - Int(clamping: $0)) } ?? 0
        default: return 0
        }
    }

    /// The same comments under an article `change` rewrote (the article is all a discussion's copy changes).
    func withArticle(_ change: (inout Article) -> Void) -> Discussion {
        var article = self.article
        change(&article)
        var copy = Discussion(
            article: article, bytes: bytes, records: records, orphanCount: orphanCount,
            distinctAuthors: distinctAuthors)
        copy.notes = notes
        return copy
    }
}
