extension DocumentBytes {
    /// The UTF-8 byte order mark (U+FEFF), which may open a document and is no part of the JSON.
    package static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// 3 when the bytes open with a UTF-8 byte order mark, else 0.
    package var byteOrderMarkLength: Int {
        count >= 3 && self[0] == Self.byteOrderMark[0] && self[1] == Self.byteOrderMark[1]
            && self[2] == Self.byteOrderMark[2] ? 3 : 0
    }

    /// Refuses a file in UTF-16, with or without a byte order mark: its mark (FF FE or FE FF) or
    /// its first character, ASCII in any JSON text, as one zero and one non-zero byte. A JSON
    /// text in UTF-8 never holds a zero byte, so no UTF-8 document is refused.
    package func checkEncoding() throws(DocumentError) {
        guard count >= 2 else { return }
        let first = self[0]
        let second = self[1]
        if (first == 0xFF && second == 0xFE) || (first == 0xFE && second == 0xFF) || ((first == 0) != (second == 0)) {
            throw DocumentError(kind: .utf16)
        }
    }
}
