/// A fetch the reader asked for: its loop runs it off the main thread and answers with
/// `.fetchProgress`, then `.reloaded`, `.expanded` or `.fetchFailed` (`.arrived` for `.rest`).
public struct FetchRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// `R`: the whole thread again, merged by comment id.
        case reload
        /// Enter on stub `index` of the discussion on screen: its replies in its place.
        case expand(stub: Int)
        /// The rest of a thread opened on its first part: `.arrived` messages bring it in.
        case rest
    }

    public var kind: Kind
    /// Counts the requests, so the loop tells a new one from the one it runs.
    public var number: Int
    /// What the status line says while it runs ("fetching 340 of 2,112").
    public var progress: String
}
