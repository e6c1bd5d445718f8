import ThreadQuery

/// The reader's live filter: the query as typed, the last thread it made and, for a word or
/// regex query, the evaluation still running in steps.
public struct ReaderFilter: Sendable {
    /// The query as typed.
    public internal(set) var text: String
    /// The filtered thread shown: the last one finished (the previous query's while a new one runs).
    public internal(set) var result: FilteredThread?
    /// What is wrong with the query as typed, with its column; the last good result stays shown.
    public internal(set) var error: QueryError?
    /// The query whose result is shown; nil when none is. It differs from `text` while a query
    /// typed since is wrong or still running, and the prompt then says which one is on.
    public internal(set) var inForce: String?
    /// A word or regex query still reading comments; nil once done.
    var evaluation: FilterEvaluation?
    /// Go to the first match once the running evaluation ends (the prompt was confirmed before it did).
    var goWhenDone = false
    /// The comment the user selected, and the selection the filter left (its stub's first comment
    /// when the query hid it): while the selection is still that one, the next query shows `chosen`
    /// again where it can, so a query typed and cancelled leaves the reader where it was.
    var chosen: Int?
    var placed: Int?

    /// The status line's words: "filter: 37 of 12,418", or the progress of a running evaluation.
    public var status: String? {
        if let evaluation { return "filtering… \(Int(evaluation.progress * 100))%" }
        return result?.status
    }
}
