/// One link of a comment's or the article's decoded text, numbered in reading order.
///
/// `url` is exactly as written in the text, never shortened; whether it may be opened is
/// `safety`, decided once. Show it with `display(maxWidth:)`, never raw.
public struct Link: Equatable, Sendable {
    /// 1-based, in order of first appearance; a URL written twice keeps its first number.
    public var number: Int
    /// The words the link was written with (`text <url>`), when there were any.
    public var label: String?
    public var url: String
    public var safety: LinkSafety

    public init(number: Int, label: String?, url: String) {
        self.number = number
        self.label = label
        self.url = url
        safety = LinkSafety.check(url)
    }

    /// Whether tread may hand the URL to a browser, a hyperlink or the clipboard.
    public var isOpenable: Bool { safety == .safe }

    /// The URL for a narrow place: scheme dropped, cut with `…` past `maxWidth` columns, control
    /// characters made visible. The value itself (`url`) is never cut.
    public func display(maxWidth: Int) -> String { LinkText.shortened(url, maxWidth: maxWidth) }
}
