/// Turns Reddit's Markdown into tread's plain text, as reddit.com shows it.
///
/// The output follows the body grammar of FORMAT.md: blocks separated by a blank line (or by
/// `>` alone between quote levels), `> ` once per quote level, code as lines indented by 4
/// spaces after the quote markers (`">     let x = 1"` is code in a quote), list items as
/// `- ` or `N. ` (nested items two spaces in, never four: four would read as code).
///
/// What each construct becomes, since a terminal has no fonts to show it:
/// - emphasis (`*x*`, `**x**`, `***x***`, `_x_`) and inline code: the text alone, code verbatim;
/// - `~~x~~`: `[struck: x]`, because dropping the strike reverses what "~~Old~~ New" means;
/// - spoilers `>!x!<`: `[spoiler: x]`;
/// - superscript `^x` and `^(x y)`: the text; a `^` (and the parentheses) stay only where the
///   superscript touches the word before it, so `2^10` still reads as a power;
/// - links `[text](address "title")`, and `[text][label]` with a `[label]: address` line:
///   `text <address>`, or the address alone when it is the text; bare addresses kept whole;
///   `![gif](giphy|…)` and other Reddit media: `[gif]`, `[emote]`, `[image]`;
/// - headings: their own paragraph, upper-cased for `#` and `##`; horizontal rules: a line of `─`;
/// - tables: code lines, columns padded and aligned as the delimiter row says, `─` under the header;
/// - HTML character references: decoded everywhere but in code (`&#x200B;` alone makes no paragraph).
///
/// One pass over the lines (and one for link definitions) and one over each paragraph, with
/// bounded look-ahead, so the work is linear in the input (a 400,000-line paragraph included),
/// and nothing recurses on nesting depth.
public enum MarkdownText {
    /// Converts `markdown` to plain text; `entityEscaped` says the site escaped it as HTML
    /// (Reddit without `raw_json=1`: `>` saved as `&gt;`), so entities are decoded first.
    public static func convert(_ markdown: String, entityEscaped: Bool = false) -> String {
        let source = entityEscaped ? HTMLEntities.decode(markdown) : markdown
        // Lines are slices of one array: no copy per line.
        let bytes = Array(source.utf8)
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while let end = bytes[start...].firstIndex(of: newline) {
            lines.append(bytes[start..<end])
            start = end + 1
        }
        lines.append(bytes[start...])
        var parser = BlockParser(references: references(in: lines))
        for line in lines { parser.add(line) }
        return parser.finish()
    }

    /// Reference link definitions (`[label]: address`), by normalised label.
    typealias References = [String: [UInt8]]

    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")

    /// The quote prefix for `level`: `> ` once per level.
    static func quotePrefix(_ level: Int) -> [UInt8] {
        Array(String(repeating: "> ", count: level).utf8)
    }
}
