import TextLayout

/// How dates from a document are shown.
public enum DateText {
    /// "2018-07-03 10:12" for an ISO 8601 timestamp; anything else as written, made safe and cut short.
    ///
    /// Absolute, not relative: the same document prints the same text tomorrow.
    public static func short(_ raw: String) -> String {
        let scalars = Array(raw.unicodeScalars.prefix(20))
        func digits(_ range: Range<Int>) -> Bool {
            range.upperBound <= scalars.count && range.allSatisfy { ("0"..."9").contains(scalars[$0]) }
        }
        if digits(0..<4), scalars.count >= 10, scalars[4] == "-", digits(5..<7), scalars[7] == "-", digits(8..<10) {
            let date = String(String.UnicodeScalarView(scalars[0..<10]))
            if scalars.count >= 16, scalars[10] == "T" || scalars[10] == " ", digits(11..<13), scalars[13] == ":",
                digits(14..<16)
            {
                return date + " " + String(String.UnicodeScalarView(scalars[11..<16]))
            }
            return date
        }
        return Wrapper.truncate(Blocks.oneLine(raw), width: 32)
    }
}
