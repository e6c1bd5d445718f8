import ThreadModel

/// One rule of the kill-file (config.toml's `[[kill]]`): a query in the filter's language, what it does to
/// the comments it matches, and the site it holds on (everywhere when nil).
public struct KillRule: Sendable, Equatable {
    /// What a rule does to a comment it matches.
    public enum Action: Sendable, Equatable {
        /// Drawn as one line ("hidden by the kill-file") with its replies kept under it; the show-killed
        /// action shows its text for a moment.
        case hide
        /// As `hide`, and its replies folded under its line when the thread opens (slrn's killed
        /// subthread); unfolding it shows them.
        case hideThread
        /// Drawn in the dim style, still read, searched and selected like any comment.
        case dim

        /// The config's word for it, spelled by hand.
        public var name: String {
            switch self {
            case .hide: return "hide"
            case .hideThread: return "hide-thread"
            case .dim: return "dim"
            }
        }

        public init?(name: String) {
            switch name {
            case "hide": self = .hide
            case "hide-thread": self = .hideThread
            case "dim": self = .dim
            default: return nil
            }
        }

        public static let expectedForm = "\"hide\", \"hide-thread\" or \"dim\""
    }

    public let query: Query
    public let action: Action
    /// A site's name or host as `ThreadSite` knows it (`hn`, `reddit`, `r/swift`, `meta.discourse.org`);
    /// nil: every thread.
    public let site: String?

    public init(query: Query, action: Action, site: String?) {
        self.query = query
        self.action = action
        self.site = site
    }

    /// Parses the rule's query; a query that cannot say anything about a comment by itself is refused:
    /// an empty one (it would hide everything) and one asking `new` (the kill-file knows no visit).
    public static func parse(_ text: String, action: Action, site: String?) throws(KillRuleError) -> KillRule {
        let query: Query
        do {
            query = try Query.parse(text)
        } catch {
            throw .query(error)
        }
        if query.isEmpty { throw .empty }
        if query.readsNew { throw .readsNew }
        return KillRule(query: query, action: action, site: site)
    }

    public static func == (a: KillRule, b: KillRule) -> Bool {
        a.query.text == b.query.text && a.action == b.action && a.site == b.site
    }
}

/// Why a kill-file rule's query was refused.
public enum KillRuleError: Error, Equatable, CustomStringConvertible {
    case query(QueryError)
    case empty
    case readsNew

    public var description: String {
        switch self {
        case .query(let error): return error.description
        case .empty: return "the query is empty (it would hide every comment)"
        case .readsNew: return "`new` depends on the visit; a kill-file rule cannot use it"
        }
    }
}
