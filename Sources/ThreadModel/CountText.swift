/// How tread writes a count for people, wherever it shows one (the status line, the filter, a fetch's
/// progress, the rule, the overview, `stats`, `recent`, the list screen, `--print`): a comma every three
/// digits, "12,418". Every count shown goes through here, so that none is written "12418" in one
/// place and "12,418" in another.
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

    /// `count` grouped, as an `Int64` from a document or a site (clamped on a 32-bit platform).
    public static func grouped(_ count: Int64) -> String { grouped(Int(clamping: count)) }

    /// The count and its noun: "1 comment", "2,112 comments"; `plural` when it is not the noun and an
    /// "s" ("1 story", "30 stories"). One and minus one take the singular.
    public static func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
        grouped(count) + " " + (count == 1 || count == -1 ? noun : plural ?? noun + "s")
    }

    /// `counted` for an `Int64` from a document or a site.
    public static func counted(_ count: Int64, _ noun: String, plural: String? = nil) -> String {
        counted(Int(clamping: count), noun, plural: plural)
    }
}
