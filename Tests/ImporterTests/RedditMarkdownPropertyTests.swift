import Testing

@testable import Markup
@testable import ThreadModel

/// Random Markdown from the pieces most likely to confuse a parser: nothing traps, and the
/// output always keeps the body grammar's shape.
@Suite struct RedditMarkdownPropertyTests {
    static let pieces = [
        "*", "**", "***", "_", "__", "~~", "~", "`", "``", "[", "]", "](", "] (", ")", "(", "<", ">", ">!", "!<",
        "!", "^", "^(", "\\", "&amp;", "&#x200B;", "&#", "&", ";", "|", "-|-", "|:-:|", "\n", "\n\n", "    ", "> ",
        ">>", "- ", "* ", "1. ", "2) ", "```", "~~~", "# ", "###", "---", "===", "http://a.b/x_y", "www.", "word",
        " ", "  \n", "é", "日本", "\t", "\r\n", "\"t\"", "<https://x>", "giphy|1", "[a]: http://x\n", "[a]", "][a]", "[]",
        "\\\n",
    ]

    /// A small deterministic generator, so a failure names a seed that reproduces it.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11 ^ state
        }
    }

    @Test func randomMarkupConvertsToWellFormedBodies() {
        for seed in UInt64(1)...3000 {
            var random = Generator(state: seed)
            let count = Int.random(in: 1...60, using: &random)
            let markdown = (0..<count).map { _ in Self.pieces.randomElement(using: &random) ?? "" }.joined()
            let body = MarkdownText.convert(markdown, entityEscaped: seed % 3 == 0)
            let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(
                body.isEmpty || (lines.first?.isEmpty == false && lines.last?.isEmpty == false),
                "seed \(seed): \(markdown.debugDescription) -> \(body.debugDescription)")
            #expect(
                !body.contains("\n\n\n") && !body.contains("\r"),
                "seed \(seed): \(markdown.debugDescription) -> \(body.debugDescription)")
        }
    }
}
