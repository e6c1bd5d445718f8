import Markup
import ThreadModel

/// A Hacker News poll's options as the article's lines, whichever API they came from: "Poll", then
/// "- option · 1,234 votes" per option, as Discourse polls read. Options (`pollopt` items) are never
/// comments: not counted, not printed as replies.
enum HackerNewsPoll {
    /// The lines for `options` (each its HTML text and its votes), in the order given; none without options.
    static func lines(_ options: [(text: String?, votes: Int64?)]) -> [String] {
        guard !options.isEmpty else { return [] }
        return ["Poll"]
            + options.map { option in
                let text = ImportSupport.paragraphs(HTMLText.convert(option.text ?? "")).joined(separator: " ")
                let votes = option.votes.map { " · " + CountText.counted($0, "vote") } ?? ""
                return "- " + (text.isEmpty ? "[option]" : text) + votes
            }
    }

    /// What the article says of a poll whose answer holds no options (an old Algolia answer, or an
    /// official API file saved without its `pollopt` items).
    static let optionsMissing = ["a poll; its options are not in this answer"]
}
