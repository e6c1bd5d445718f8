/// One line of wrapped text.
public struct WrappedLine: Equatable, Sendable {
    /// The line as drawn, leading indent spaces included; sanitised, every cluster drawable.
    public var text: String
    /// Columns `text` occupies: `TextWidth.of(text)`.
    public var width: Int

    public init(text: String, width: Int) {
        self.text = text
        self.width = width
    }
}
