import SiteFormats
import Testing
import ThreadModel

/// Dates read as the proleptic Gregorian calendar says, year 0000 too (its January and February belong to
/// the 400-year era before 0000-03-01, where a division rounding towards zero put them a day late).
@Suite struct ISOTimeYearZeroTests {
    @Test func yearZeroReadsAsTheCalendarSays() {
        #expect(ISOTime.epoch("0000-01-01T00:00:00Z") == -62_167_219_200)
        #expect(ISOTime.epoch("0000-02-29T12:00:00Z") == -62_167_219_200 + 59 * 86_400 + 43_200)
        #expect(ISOTime.epoch("0000-03-01T00:00:00Z") == -62_167_219_200 + 60 * 86_400)
        #expect(ISOTime.epoch("0001-01-01T00:00:00Z") == -62_135_596_800)
        #expect(ISOTime.epoch("0000-01-01T01:00:00+01:00") == -62_167_219_200)
    }

    @Test func everyDayOfYearsZeroToTwoIsOneDayAfterTheLast() {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        var expected: Int64 = -62_167_219_200
        for year in 0...2 {
            for month in 1...12 {
                let leap = month == 2 && year % 4 == 0 ? 1 : 0
                for day in 1...(lengths[month - 1] + leap) {
                    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
                    let text = "000\(year)-\(two(month))-\(two(day))T00:00:00Z"
                    #expect(ISOTime.epoch(text) == expected, "\(text)")
                    expected += 86_400
                }
            }
        }
    }

    @Test func anEpochOfYearZeroComesBackAsTheSameEpoch() throws {
        // Hacker News gives times as epochs; the importer writes them as the format's dates, read back here.
        let items = #"""
            [{"id": 1, "type": "story", "title": "T", "time": -62167219200, "kids": [2]},
             {"id": 2, "type": "comment", "parent": 1, "text": "x", "time": -62162078400}]
            """#
        let discussion = try Discussion.load(DocumentBytes(Array(items.utf8)), format: .hackerNewsItems)
        #expect(discussion.article.published == "0000-01-01T00:00:00Z")
        #expect(discussion.published(of: 0) == "0000-02-29T12:00:00Z")
        #expect(discussion.article.published.flatMap(ISOTime.epoch) == -62_167_219_200)
        #expect(discussion.published(of: 0).flatMap(ISOTime.epoch) == -62_162_078_400)
    }
}
