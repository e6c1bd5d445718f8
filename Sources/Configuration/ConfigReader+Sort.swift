import TOMLKit
import ThreadModel

/// `sort`: one order for every thread (`sort = "top"`), or a `[sort]` table of an order per site, the
/// site known from the document (`article.site`), never from its free text:
///
/// ```toml
/// [sort]
/// default = "best"    # every site not named below
/// reddit = "top"
/// ```
extension ConfigReader {
    /// The `[sort]` table: its `default` (best when absent) and each named site's order.
    func siteSorts(_ table: TOMLTable) throws(ConfigurationError) -> (CommentOrder, [String: CommentOrder]) {
        var fallback = CommentOrder.best
        var sites: [String: CommentOrder] = [:]
        for key in table.keys {
            guard let value = table[key] else { continue }
            if key == "default" {
                fallback = try order(value, key, in: "sort")
            } else if Article.siteNames.contains(key) {
                sites[key] = try order(value, key, in: "sort")
            } else {
                let known = (["default"] + Article.siteNames).joined(separator: ", ")
                throw error(key, in: "sort", "unknown site \(quoted(key)) in [sort]; expected one of \(known)")
            }
        }
        return (fallback, sites)
    }

    /// One order's name: `best`, `top`, `new` or `old`.
    func order(_ value: any TOMLValueConvertible, _ key: String, in section: String?) throws(ConfigurationError)
        -> CommentOrder
    {
        let expected = "one of \(CommentOrder.names)"
        let name = section.map { "\($0).\(key)" } ?? key
        guard value.type == .string, let text = value.string else {
            throw error(key, in: section, "\(name) must be \(expected), not \(describe(value))")
        }
        guard let order = CommentOrder(named: text) else {
            throw error(key, in: section, "\(name) must be \(expected), not \(quoted(text))")
        }
        return order
    }
}
