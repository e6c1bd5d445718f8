import Reader
import Testing
import ThreadTestSupport

/// Whole screens at fixed sizes, compared with the expected text. The selected comment
/// shows as the "┃" bar beside its body (its header is also drawn reversed).
@Suite struct ScreenTests {
    @Test func sampleAt80x24AfterFoldingTheSecondComment() {
        var state = ReaderState(discussion: sampleDiscussion(), rows: 24, columns: 80)
        state.press("cjj ")
        #expect(
            state.render().plainText == """
                ▾ anonymous
                  ZTE only cares because the US still has sone economic clout.

                  Enjoy it while it lasts.
                │
                │ • anonymous
                │   Exactly, and within a decade or two, China will be banning Apple for silly
                │   things like doing business with the nation of Taiwan and stuff like that.
                │
                ▸ anonymous · 2 replies hidden
                ┃
                • anonymous
                  It's all made in China (or Korea, Taiwan,etc) anyway. Why single out one
                  company to pick on?

                • anonymous
                  Other companies did not violate UN sanctions and sell $millions worth of comm
                  equipment to the N. Koreans and Iran. They did not have Directors and other
                  senior executives that were former military intel officers. They did not have
                  Communist Party committees inside the company, or conduct "special projects"
                  to help gather intel. When caught and fined, they did not break all the
                  promises they made to hold Sr. Execs and others involved in breaking sanctions
                  accountable. Instead they gave them bonuses.
                 comment 3 of 7 · depth 1 · 42%                                          ? help
                """)
    }

    @Test func sampleAt40x12ShowsDepthAsANumber() {
        var state = ReaderState(discussion: sampleDiscussion(), rows: 12, columns: 40)
        state.press("cj")
        #expect(
            state.render().plainText == """
                  ZTE only cares because the US still
                  has sone economic clout.

                  Enjoy it while it lasts.
                │
                • [2] anonymous
                ┃ Exactly, and within a decade or two,
                ┃ China will be banning Apple for silly
                ┃ things like doing business with the
                ┃ nation of Taiwan and stuff like that.
                ┃
                 comment 2 of 7 · depth 2 · 28%  ? help
                """)
    }

    @Test func sampleAt120x40AtTheLastComment() {
        var state = ReaderState(discussion: sampleDiscussion(), rows: 40, columns: 120)
        state.press("G")
        #expect(
            state.render().plainText == """
                The question that remains now is, will the U.S. Commerce Department accept ZTE's moves?

                ── 7 comments ──────────────────────────────────────────────────────────────────────────────────────

                ▾ anonymous
                  ZTE only cares because the US still has sone economic clout.

                  Enjoy it while it lasts.
                │
                │ • anonymous
                │   Exactly, and within a decade or two, China will be banning Apple for silly things like doing
                │   business with the nation of Taiwan and stuff like that.
                │
                ▾ anonymous
                  I think ZTE should not be banned. Ultimately, it means less competition and higher prices for the
                  smartphone market. As a ZMAX Pro user, I appreciate that it has a high quality rear-facing camera
                  and doesn't cost an arm and a leg. The video was as good as what was shot using my friend's iPhone
                  7+.
                │
                │ • anonymous
                │   I'm sure the video was as good as the iPhone's in very optimal lighting. but once it gets a little
                │   dark, the cheap phones fall away, and only the very expensive ones have cameras that keep up.
                │
                │ • anonymous
                │   You think that ZTE cameras are as good as iPhone cameras? Nice to meet you, Mr. Magoo!
                │
                • anonymous
                  It's all made in China (or Korea, Taiwan,etc) anyway. Why single out one company to pick on?

                • anonymous
                ┃ Other companies did not violate UN sanctions and sell $millions worth of comm equipment to the N.
                ┃ Koreans and Iran. They did not have Directors and other senior executives that were former military
                ┃ intel officers. They did not have Communist Party committees inside the company, or conduct "special
                ┃ projects" to help gather intel. When caught and fined, they did not break all the promises they made
                ┃ to hold Sr. Execs and others involved in breaking sanctions accountable. Instead they gave them
                ┃ bonuses.
                ┃ If it wasn't for the $2.5B that ZTE pays to Google for GMS and to Qualcomm for chips each year, they
                ┃ would still be banned.
                ┃
                 comment 7 of 7 · depth 1 · 100%                                                                                 ? help
                """)
    }

    @Test func oneByOneShowsOneCell() {
        var state = ReaderState(discussion: sampleDiscussion(), rows: 1, columns: 1)
        state.press("jG")
        let frame = state.render()
        #expect(frame.width == 1 && frame.height == 1)
        #expect(frame.plainText == "t")
    }

    @Test func theFirstScreenOpensOnTheArticle() {
        let state = ReaderState(discussion: sampleDiscussion(), rows: 24, columns: 80)
        let lines = state.render().plainText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)
        #expect(lines[0] == "ZTE Complies With US Demands, Receives Partial Reprieve to Push Security Patches")
        #expect(lines[1] == "The Verge, Engadget")
        #expect(lines[23].hasPrefix(" article"))
        #expect(lines[23].hasSuffix("? help"))
    }

    @Test func wideCharactersNeverStraddleTheEdge() {
        var state = ReaderState(discussion: discussion("a: 日本語の文章を端末で表示すると全角文字の幅がずれることがあります"), rows: 8, columns: 21)
        state.press("c")
        let frame = state.render()
        for row in 0..<frame.height {
            for column in 0..<frame.width where frame[row, column].isContinuation {
                #expect(column > 0 && TextWidthProbe.isWide(frame[row, column - 1].text), "row \(row) col \(column)")
            }
        }
        #expect(frame.plainText.contains("日本語の文章を端末"))
    }
}

enum TextWidthProbe {
    static func isWide(_ text: String) -> Bool { text.unicodeScalars.first.map { $0.value >= 0x1100 } ?? false }
}
