import Glibc
import ThreadModel

/// Comment dates as the `dates` preference shows them: `3h ago`, or `2018-07-03 10:12` in the local zone.
///
/// Pure apart from the zone: `now` is given, and the zone is the process's (`TZ`, read by `tzset`).
public enum RelativeDate {
    /// Seconds since 1970 of an ISO 8601 time in the format's `published` form (`...Z` or `±hh:mm`); nil otherwise.
    public static func epoch(_ iso: String) -> Int64? { ISOTime.epoch(iso) }

    /// `just now`, `5m ago`, `3h ago`, `2d ago`, `5mo ago` up to a year back; older, or in the future
    /// by more than a minute, the absolute local date. Unparsable text is shown as written.
    public static func relative(_ iso: String, now: Int64) -> String {
        guard let time = epoch(iso) else { return iso }
        return ElapsedText.text(now - time, style: .compact) ?? absolute(epoch: time)
    }

    /// `2018-07-03 10:12` in the local zone (the proleptic Gregorian calendar, as the text's own date);
    /// unparsable text as written.
    public static func absolute(_ iso: String) -> String {
        epoch(iso).map(absolute(epoch:)) ?? iso
    }

    /// The local time of an epoch, by the C library so that `TZ` and its rules apply.
    public static func absolute(epoch: Int64) -> String {
        var seconds = time_t(clamping: epoch)
        var parts = tm()
        guard localtime_r(&seconds, &parts) != nil else { return "\(epoch)" }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(year(Int64(parts.tm_year) + 1900))-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday)) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min))"
    }

    /// A year as ISO 8601 writes it: four digits at least (`0999`, `0000`), a sign before one before year 0000.
    static func year(_ year: Int64) -> String {
        let digits = String(year.magnitude)
        return (year < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}
