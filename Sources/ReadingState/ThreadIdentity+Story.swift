import ThreadModel

extension ThreadIdentity {
    /// The identity of a front page's story: the one its thread gets once opened (the site as its
    /// importer names it in `article.source`, and its id), so a list can say which stories were read.
    public init(story: Story) {
        self.init(key: "site:\(story.source)\u{1F}\(story.id)", site: story.source)
    }
}
