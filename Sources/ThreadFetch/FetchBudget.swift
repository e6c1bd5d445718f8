/// How far one fetch of a thread that arrives in many answers may go.
///
/// A server that keeps naming new items cannot keep tread fetching forever; a fetch that reaches
/// the limit is cut, says so, and is never saved as whole.
struct FetchBudget {
    private let limits: FetchLimits

    init(_ limits: FetchLimits) {
        self.limits = limits
    }

    /// Why a fetch holding `items` items (the story or topic counted) may not ask for one more.
    func refusesItem(after items: Int) -> FetchError.Kind? {
        items >= limits.maximumItems ? .itemLimit(limits.maximumItems) : nil
    }
}
