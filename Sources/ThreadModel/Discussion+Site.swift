extension Discussion {
    /// The same discussion, its article saying which site it is from (`Article.site`): what an importer
    /// knows of the answer it read, for what the config sets per site.
    public func fromSite(_ site: String) -> Discussion {
        article.site == site ? self : withArticle { $0.site = site }
    }

    /// Entries the site counts among the thread's comments that tread shows as one-line events, not
    /// comments: a Discourse topic's small actions ("closed the topic"), its only stand-ins. A front page
    /// counts them (`posts_count`); the reader does not. None for other sites, whose stand-ins stand for
    /// comments ("12 more replies").
    public var eventCount: Int {
        article.site == "discourse" ? count - commentCount : 0
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
