extension Discussion {
    /// The same discussion with `url` as its article's address, for what a fetch knows and the
    /// document does not say: a Discourse topic's JSON never names its forum.
    public func addressed(_ url: String) -> Discussion {
        withArticle { $0.url = url }
    }
}
