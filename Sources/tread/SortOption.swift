import ArgumentParser
import ThreadModel

/// `--sort ORDER`: the names config.toml's `sort` takes.
extension CommentOrder: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(named: argument)
    }

    public static var allValueStrings: [String] { allCases.map(\.name) }
}

/// The discussion in `order` for `--print`; an order the document has no data for is said on standard
/// error, and the thread is printed in the site's order (still exit 0, as skipped items are).
func sortedForPrinting(_ discussion: Discussion, by order: CommentOrder) -> Discussion {
    guard order != .best else { return discussion }
    guard discussion.availableOrders.contains(order) else {
        writeError("tread: cannot sort by \(order.name): \(order.missingField ?? ""); printed in the site's order")
        return discussion
    }
    return discussion.sorted(by: order).discussion
}
