/// Time gone by as text, the one home of "N ago": each screen keeps the wording it has always shown.
public enum ElapsedText {
    public enum Style: Sendable {
        /// Comment dates (`dates = "relative"`): "just now", "5m ago", "3h ago", "2d ago", "5mo ago";
        /// nil from a year back, or more than a minute ahead (the caller shows the date).
        case compact
        /// Lists (recent threads, front pages): "just now", "12 min ago", "3 h ago", "yesterday",
        /// "5 days ago"; a time ahead counts as now.
        case spaced
        /// A saved copy's age in a sentence ("the copy saved … ago"): "12 seconds", "3 minutes",
        /// "5 hours", "2 days".
        case spelled
    }

    /// `seconds` gone by, in `style`.
    public static func text(_ seconds: Int64, style: Style) -> String? {
        switch style {
        case .compact:
            switch seconds {
            case -60..<60: return "just now"
            case 60..<3600: return "\(seconds / 60)m ago"
            case 3600..<86_400: return "\(seconds / 3600)h ago"
            case 86_400..<(30 * 86_400): return "\(seconds / 86_400)d ago"
            case (30 * 86_400)..<(365 * 86_400): return "\(seconds / (30 * 86_400))mo ago"
            default: return nil
            }
        case .spaced:
            let seconds = max(0, seconds)
            switch seconds {
            case ..<60: return "just now"
            case ..<3600: return "\(seconds / 60) min ago"
            case ..<86_400: return "\(seconds / 3600) h ago"
            case ..<172_800: return "yesterday"
            default: return "\(seconds / 86_400) days ago"
            }
        case .spelled:
            func plural(_ count: Int64, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
            switch seconds {
            case ..<60: return plural(seconds, "second")
            case ..<3600: return plural(seconds / 60, "minute")
            case ..<86400: return plural(seconds / 3600, "hour")
            default: return plural(seconds / 86400, "day")
            }
        }
    }
}
