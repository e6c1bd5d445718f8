import Testing

@testable import Configuration

@Suite struct KeyAndColorTests {
    @Test func keyNamesParseAndPrintBack() {
        let names = ["j", "J", "/", "ctrl-d", "Down", "PageDown", "Space", "Enter", "Esc", "F1", "F12", "Tab"]
        for name in names {
            #expect(KeyName(parsing: name)?.description == name, "\(name)")
        }
        #expect(KeyName(parsing: "pagedown") == .pageDown)
        #expect(KeyName(parsing: "CTRL-D") == .control("d"))
        #expect(KeyName(parsing: "Escape") == .escape)
    }

    @Test func badKeyNamesAreRefused() {
        for name in ["", " ", "F0", "F13", "F01", "ctrl-", "ctrl-1", "ctrl-dd", "Dwon", "\u{1B}", "\u{7F}", "jk"] {
            #expect(KeyName(parsing: name) == nil, "\(name)")
        }
    }

    @Test func colorsByNameNumberAndRGB() {
        #expect(Color(parsing: "blue") == .indexed(4))
        #expect(Color(parsing: "Bright-Red") == .indexed(9))
        #expect(Color(parsing: "default") == .terminalDefault)
        #expect(Color(parsing: "255") == .indexed(255))
        #expect(Color(parsing: "#ff0000") == .indexed(196))
        #expect(Color(parsing: "#000000") == .indexed(16))
        #expect(Color(parsing: "#808080") == .indexed(244))
        #expect(Color(parsing: "#ff8700") == .indexed(208))
        for bad in ["256", "-1", "#fff", "#gggggg", "purple", "+5", "#+fffff"] {
            #expect(Color(parsing: bad) == nil, "\(bad)")
        }
    }
}
