/// The converter's text helpers: scalars to a string, trimming, which links are shown.
extension HTMLText.Converter {
    static func isAbsolute(_ href: String) -> Bool {
        let lower = href.lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("ftp://")
            || lower.hasPrefix("mailto:")
    }

    /// The scalars as a string, encoded as UTF-8 in one buffer: appending them to a
    /// `String.UnicodeScalarView` went through its unspecialised generic path, scalar by scalar, and was
    /// half of converting a Hacker News comment.
    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The line without spaces at either end; `trimming` builds a set for each call, this runs once a line.
    static func trimSpaces(_ line: Substring) -> Substring {
        let space = UInt8(ascii: " ")
        guard let first = line.utf8.firstIndex(where: { $0 != space }),
            let last = line.utf8.lastIndex(where: { $0 != space })
        else { return "" }
        return line[first...last]
    }
}
