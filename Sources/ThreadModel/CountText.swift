/// How tread writes a count for people, wherever it shows one (the status line, the filter, a fetch's
/// progress): a comma every three digits, "12,418".
public enum CountText {
    /// `count` with its thousands separated by commas ("2,112"); never a comma right after a minus sign.
    public static func grouped(_ count: Int) -> String {
        var digits = String(count)
        var index = digits.count - 3
        while index > (count < 0 ? 1 : 0) {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits
    }
}
