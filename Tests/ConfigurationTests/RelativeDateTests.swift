import Glibc
import Testing

@testable import Configuration

@Suite(.serialized) struct RelativeDateTests {
    /// 2018-07-03T12:00:00Z.
    let now: Int64 = 1_530_619_200

    @Test func agesAreShort() {
        #expect(RelativeDate.relative("2018-07-03T11:59:30Z", now: now) == "just now")
        #expect(RelativeDate.relative("2018-07-03T11:55:00Z", now: now) == "5m ago")
        #expect(RelativeDate.relative("2018-07-03T09:00:00Z", now: now) == "3h ago")
        #expect(RelativeDate.relative("2018-07-01T10:00:00Z", now: now) == "2d ago")
        #expect(RelativeDate.relative("2018-03-03T12:00:00Z", now: now) == "4mo ago")
        #expect(RelativeDate.relative("2018-07-03T14:00:00+02:00", now: now) == "just now")
        #expect(RelativeDate.relative("yesterday", now: now) == "yesterday")
    }

    @Test func oldAndFutureDatesAreAbsoluteInTheLocalZone() {
        withZone("UTC") {
            #expect(RelativeDate.relative("2016-07-03T10:12:00Z", now: now) == "2016-07-03 10:12")
            #expect(RelativeDate.relative("2018-07-04T10:12:00Z", now: now) == "2018-07-04 10:12")
        }
    }

    @Test func absoluteHonoursTZ() {
        withZone("Asia/Tokyo") { #expect(RelativeDate.absolute("2018-07-03T10:12:00Z") == "2018-07-03 19:12") }
        withZone("America/New_York") {
            #expect(RelativeDate.absolute("2018-07-03T10:12:00Z") == "2018-07-03 06:12")
            #expect(RelativeDate.absolute("2018-01-03T10:12:00Z") == "2018-01-03 05:12")
        }
        withZone("UTC") { #expect(RelativeDate.absolute("2018-07-03T10:12:00.5-01:30") == "2018-07-03 11:42") }
    }

    @Test func yearZeroShowsTheDateItsTextSays() {
        withZone("UTC") {
            #expect(RelativeDate.absolute("0000-01-01T00:00:00Z") == "0000-01-01 00:00")
            #expect(RelativeDate.absolute("0000-02-29T12:00:00Z") == "0000-02-29 12:00")
            #expect(RelativeDate.absolute("0000-03-01T00:00:00Z") == "0000-03-01 00:00")
            #expect(RelativeDate.absolute("0999-12-31T23:59:00Z") == "0999-12-31 23:59")
            #expect(RelativeDate.relative("0000-01-01T00:00:00Z", now: now) == "0000-01-01 00:00")
        }
        // An hour west of UTC, the first hour of year 0000 is the last of year -1.
        withZone("<-01>1") { #expect(RelativeDate.absolute("0000-01-01T00:30:00Z") == "-0001-12-31 23:30") }
    }

    private func withZone(_ zone: String, _ body: () -> Void) {
        let old = getenv("TZ").map { String(cString: $0) }
        setenv("TZ", zone, 1)
        tzset()
        body()
        if let old { setenv("TZ", old, 1) } else { unsetenv("TZ") }
        tzset()
    }
}
