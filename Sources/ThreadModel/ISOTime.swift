/// ISO 8601 times as the sites and the format write them, read without Foundation.
public enum ISOTime {
    /// Seconds since 1970 of `2021-03-04T10:11:12.345-06:00`, `...Z`, `...+0100`, or a time with no zone
    /// (read as UTC); the seconds may be left out. Nil for anything else, so callers can show it as written.
    public static func epoch(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int64? {
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
        func skip(_ byte: Character) -> Bool {
            guard i < bytes.count, bytes[i] == byte.asciiValue else { return false }
            i += 1
            return true
        }
        guard let year = number(4), skip("-"), let month = number(2), skip("-"), let day = number(2),
            skip("T") || skip(" "), let hour = number(2), skip(":"), let minute = number(2),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60
        else { return nil }
        var second: Int64 = 0
        if skip(":") {
            guard let given = number(2), given < 61 else { return nil }
            second = given
        }
        if skip(".") || skip(",") {
            while i < bytes.count, bytes[i] &- UInt8(ascii: "0") < 10 { i += 1 }
        }
        var offset: Int64 = 0
        if skip("Z") || skip("z") {
        } else if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") {
            let sign: Int64 = bytes[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let hours = number(2), hours < 24 else { return nil }
            _ = skip(":")
            let minutes = i < bytes.count ? number(2) : 0
            guard let minutes, minutes < 60 else { return nil }
            offset = sign * (hours * 3600 + minutes * 60)
        }
        guard i == bytes.count else { return nil }
        // Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm); every value here is small.
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second - offset
    }
}
