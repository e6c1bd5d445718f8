/// ISO 8601 times as the sites and the format write them, read without Foundation.
public enum ISOTime {
    /// Seconds since 1970 of `2021-03-04T10:11:12.345-06:00`, `...Z`, `...+0100`, or a time with no zone
    /// (read as UTC); the seconds may be left out. Nil for anything else, so callers can show it as written.
    public static func epoch(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8 { epoch(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// `epoch(_:)` of text given as its UTF-8 bytes: a date read where the document holds it, with no
    /// string made (sorting a million comments by date reads a million).
    public static func epoch(utf8 bytes: UnsafeRawBufferPointer) -> Int64? {
        var cursor = Cursor(bytes: bytes)
        guard let year = cursor.number(4), cursor.skip("-"), let month = cursor.number(2), cursor.skip("-"),
            let day = cursor.number(2), cursor.skip("T") || cursor.skip(" "), let hour = cursor.number(2),
            cursor.skip(":"), let minute = cursor.number(2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60
        else { return nil }
        var second: Int64 = 0
        if cursor.skip(":") {
            guard let given = cursor.number(2), given < 61 else { return nil }
            second = given
        }
        if cursor.skip(".") || cursor.skip(",") {
            while cursor.atDigit { cursor.i += 1 }
        }
        var offset: Int64 = 0
        if cursor.skip("Z") || cursor.skip("z") {
        } else if cursor.skip("+") || cursor.skip("-") {
            let sign: Int64 = bytes[cursor.i - 1] == UInt8(ascii: "-") ? -1 : 1
            guard let hours = cursor.number(2), hours < 24 else { return nil }
            _ = cursor.skip(":")
            let minutes = cursor.atEnd ? 0 : cursor.number(2)
            guard let minutes, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard cursor.atEnd else { return nil }
        // Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm); every value here
        // is small. January and February of year 0000 belong to year -1's era: the division rounds down.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    /// Where reading has got to in the bytes: a value, so reading a date allocates nothing.
    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var i = 0

        var atEnd: Bool { i == bytes.count }
        var atDigit: Bool { i < bytes.count && bytes[i] &- UInt8(ascii: "0") < 10 }

        /// The next `digits` decimal digits as a number, nil when they are not all digits.
        mutating func number(_ digits: Int) -> Int64? {
            guard i + digits <= bytes.count else { return nil }
            var value: Int64 = 0
            for k in i..<(i + digits) {
                let digit = bytes[k] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            i += digits
            return value
        }

        /// Steps over `byte` when it is next.
        mutating func skip(_ byte: Unicode.Scalar) -> Bool {
            guard i < bytes.count, bytes[i] == UInt8(ascii: byte) else { return false }
            i += 1
            return true
        }
    }
}
