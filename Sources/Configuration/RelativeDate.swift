import Glibc

/// Comment dates as the `dates` preference shows them: `3h ago`, or `2018-07-03 10:12` in the local zone.
///
/// Pure apart from the zone: `now` is given, and the zone is the process's (`TZ`, read by `tzset`).
public enum RelativeDate {
    /// Seconds since 1970 of an ISO 8601 time in the format's `published` form (`...Z` or `±hh:mm`); nil otherwise.
    public static func epoch(_ iso: String) -> Int64? {
        let b = Array(iso.utf8)
        var i = 0
        func number(_ digits: Int) -> Int64? {
            guard i + digits <= b.count else { return nil }
            var v: Int64 = 0
            for k in i..<(i + digits) {
                let d = b[k] &- UInt8(ascii: "0")
                guard d < 10 else { return nil }
                v = v * 10 + Int64(d)
            }
            i += digits
            return v
        }
        func skip(_ c: UInt8) -> Bool {
            guard i < b.count, b[i] == c else { return false }
            i += 1
            return true
        }
        guard let year = number(4), skip(UInt8(ascii: "-")), let month = number(2), skip(UInt8(ascii: "-")),
            let day = number(2), skip(UInt8(ascii: "T")) || skip(UInt8(ascii: " ")), let hour = number(2),
            skip(UInt8(ascii: ":")), let minute = number(2), (1...12).contains(month), (1...31).contains(day),
            hour < 24, minute < 60
        else { return nil }
        var second: Int64 = 0
        if skip(UInt8(ascii: ":")) {
            guard let s = number(2), s < 61 else { return nil }
            second = s
        }
        if skip(UInt8(ascii: ".")) { while i < b.count, b[i] &- UInt8(ascii: "0") < 10 { i += 1 } }
        var offset: Int64 = 0
        if skip(UInt8(ascii: "Z")) || skip(UInt8(ascii: "z")) {
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let h = number(2), h < 24 else { return nil }
            _ = skip(UInt8(ascii: ":"))
            guard let m = number(2), m < 60 else { return nil }
            offset = sign * (h * 3600 + m * 60)
        }
        guard i == b.count else { return nil }
        // Days from 1970-01-01 of a civil date (Howard Hinnant's algorithm).
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return days * 86_400 + hour * 3600 + minute * 60 + second - offset
    }

    /// `just now`, `5m ago`, `3h ago`, `2d ago`, `5mo ago` up to a year back; older, or in the future
    /// by more than a minute, the absolute local date. Unparsable text is shown as written.
    public static func relative(_ iso: String, now: Int64) -> String {
        guard let time = epoch(iso) else { return iso }
        let age = now - time
        switch age {
        case -60..<60: return "just now"
        case 60..<3600: return "\(age / 60)m ago"
        case 3600..<86_400: return "\(age / 3600)h ago"
        case 86_400..<(30 * 86_400): return "\(age / 86_400)d ago"
        case (30 * 86_400)..<(365 * 86_400): return "\(age / (30 * 86_400))mo ago"
        default: return absolute(epoch: time)
        }
    }

    /// `2018-07-03 10:12` in the local zone; unparsable text as written.
    public static func absolute(_ iso: String) -> String {
        epoch(iso).map(absolute(epoch:)) ?? iso
    }

    /// The local time of an epoch, by the C library so that `TZ` and its rules apply.
    public static func absolute(epoch: Int64) -> String {
        var seconds = time_t(clamping: epoch)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "\(epoch)" }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min))"
    }
}
