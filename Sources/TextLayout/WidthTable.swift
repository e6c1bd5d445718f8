/// How one Unicode scalar behaves when ncurses draws it.
enum ScalarKind: Equatable {
    /// A C0 control, DEL or a C1 control: never drawn as itself.
    case control
    /// One column.
    case narrow
    /// Two columns (East Asian Wide and Fullwidth, emoji presentation).
    case wide
    /// Zero columns, drawn on the scalar before it (combining marks, Hangul Jamo vowels and finals).
    case mark
    /// Zero columns and invisible (format characters); layout drops it.
    case format
    /// glibc's `wcwidth` says -1 (unassigned in its Unicode version, noncharacters, U+2028/U+2029):
    /// ncurses cannot size it, so it is drawn as a replacement character.
    case unprintable
}

/// The display width of single scalars, as glibc's `wcwidth` computes it.
///
/// ncurses advances the cursor by `wcwidth` of each scalar it is given, so matching glibc
/// (not the terminal, not the Unicode standard) is what keeps later cells in place.
enum WidthTable {
    // Kinds as they appear in `ranges`; one letter keeps the table readable.
    // swift-format-ignore: AlwaysUseLowerCamelCase
    static let W: UInt32 = 0
    // swift-format-ignore: AlwaysUseLowerCamelCase
    static let M: UInt32 = 1
    // swift-format-ignore: AlwaysUseLowerCamelCase
    static let F: UInt32 = 2
    // swift-format-ignore: AlwaysUseLowerCamelCase
    static let X: UInt32 = 3

    /// The lower bounds of `ranges`, split out so the binary search touches one dense array.
    private static let lowers: [UInt32] = stride(from: 0, to: ranges.count, by: 3).map {
        ranges[$0]
    }

    /// The kind of `scalar`; O(1) below U+0300, otherwise a binary search over ~1,200 ranges.
    static func kind(of scalar: Unicode.Scalar) -> ScalarKind {
        let value = scalar.value
        if value < 0x300 {
            if value < 0x20 || (value >= 0x7F && value < 0xA0) { return .control }
            // glibc gives the soft hyphen a column, but terminals disagree on drawing it; it is
            // invisible in running text, so it is treated like the other format characters.
            return value == 0xAD ? .format : .narrow
        }
        // Find the last range whose lower bound is <= value.
        var low = 0
        var high = lowers.count
        while low < high {
            let middle = (low + high) / 2
            if lowers[middle] <= value { low = middle + 1 } else { high = middle }
        }
        guard low > 0 else { return .narrow }
        let entry = (low - 1) * 3
        guard value <= ranges[entry + 1] else { return .narrow }
        switch ranges[entry + 2] {
        case W: return .wide
        case M: return .mark
        case F: return .format
        default: return .unprintable
        }
    }
}
