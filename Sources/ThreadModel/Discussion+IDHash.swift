/// Stable 64-bit hashes of comment ids, for state kept across runs (ReadingState).
extension Discussion {
    /// The hash of comment `index`'s id, read from the document's bytes without building a String; 0 when it has none.
    ///
    /// Equal to `Discussion.idHash(of: key)` for the id's key, and the same in every run: stores keep these.
    public func idHash(of index: Int) -> UInt64 {
        TextHash.of(records[index].id, in: bytes)
    }

    /// The hash of a comment id's key (`CommentID.key`): never 0, the same in every run.
    public static func idHash(of key: String) -> UInt64 {
        TextHash.of(key)
    }
}
