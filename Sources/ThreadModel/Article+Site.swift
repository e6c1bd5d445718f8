extension Article {
    /// The sites' short names, as `article.site` writes them and config.toml names them (`[sort]`): written
    /// out here once, never derived from a Swift name.
    public static let siteNames = ["hn", "reddit", "lobsters", "discourse", "mastodon", "lemmy", "bluesky"]
}
