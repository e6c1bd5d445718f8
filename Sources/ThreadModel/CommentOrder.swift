/// An order of the comments among their siblings: replies always stay under their parent.
///
/// `best` is the document's own order, as loaded (what the site sent); the others need a field
/// the document may lack: `top` the points (`score`), `new` and `old` the date (`published`).
/// There is no `controversial`: no importer keeps the up and down votes it needs.
public enum CommentOrder: Sendable, CaseIterable {
    case best
    case top
    case new
    case old

    /// The name in config.toml (`sort = "new"`), in `--sort` and on the status line: written out by
    /// hand, since users' files and scripts name it.
    public var name: String {
        switch self {
        case .best: return "best"
        case .top: return "top"
        case .new: return "new"
        case .old: return "old"
        }
    }

    /// The order called `name`, nil for any other word.
    public init?(named name: String) {
        guard let order = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = order
    }

    /// Every name, for error messages and help: "best, top, new, old".
    public static var names: String { allCases.map(\.name).joined(separator: ", ") }

    /// The field a document must have for this order, as said when it has none.
    public var missingField: String? {
        switch self {
        case .best: return nil
        case .top: return "no comment has points"
        case .new, .old: return "no comment has a date"
        }
    }

    /// The order after this one, cycling (what `s` steps through).
    public var next: CommentOrder {
        let all = Self.allCases
        let index = all.firstIndex(of: self) ?? 0
        return all[(index + 1) % all.count]
    }
}
