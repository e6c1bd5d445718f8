import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// The reader marks the selected comment for the terminal to draw in the theme's `selection` role (issue 13).
@Suite struct SelectionMarkTests {
    @Test func theSelectedHeaderIsMarkedAndItsBodyHasTheSelectionBar() throws {
        let state = ReaderState(discussion: discussion("a: one\nb: two"), rows: 12, columns: 40)
        let frame = state.render()
        let rows = (0..<frame.height).map { row in (0..<frame.width).map { frame[row, $0] } }
        let headers = rows.indices.filter { row in rows[row].contains { $0.text == "a" } }
        let header = try #require(headers.first)
        #expect(rows[header].contains { $0.text == "a" && $0.style.selected })
        #expect(!rows[header].contains { $0.style.reverse }, "reverse video is the terminal's choice now")
        let other = try #require(rows.indices.first { row in rows[row].contains { $0.text == "b" } })
        #expect(!rows[other].contains { $0.style.selected })
        let bars = rows.joined().filter { $0.text == "┃" }
        #expect(!bars.isEmpty && bars.allSatisfy { $0.style.tint == .selection })
    }

    /// A search hit on the selected header keeps its own look.
    @Test func aSearchHitOnTheSelectedHeaderIsNotMarked() {
        var state = ReaderState(discussion: discussion("alpha: one"), rows: 12, columns: 40)
        state.press("/")
        for c in "alpha" { state.update(.key(.character(c))) }
        state.update(.key(.enter))
        let frame = state.render()
        let hits = frame.cells.filter { $0.style.tint == .highlight }
        #expect(!hits.isEmpty && hits.allSatisfy { !$0.style.selected })
    }
}
