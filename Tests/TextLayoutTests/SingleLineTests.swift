import Testing

@testable import TextLayout

@Suite struct SingleLineTests {
    @Test func lineEndsStayVisibleSoAMessageIsOneLine() {
        #expect(Sanitizer.singleLine("a\nb\r\nc\u{2028}d\u{2029}e") == "a␊b␍␊c␤d␤e")
    }

    @Test func escapeSequencesAreShownNotObeyed() {
        #expect(Sanitizer.singleLine("x\u{1B}]0;pwned\u{7}y") == "x␛]0;pwned␇y")
        #expect(Sanitizer.singleLine("\u{1B}]52;c;ZXZpbA==\u{1B}\\") == "␛]52;c;ZXZpbA==␛\\")
    }

    @Test func bidiControlsAndMarksAreRemoved() {
        #expect(Sanitizer.singleLine("a\u{200E}b\u{200F}c\u{061C}d\u{202E}e\u{2066}f") == "abcdef")
    }

    @Test func c1ControlsAreReplaced() {
        #expect(Sanitizer.singleLine("a\u{9B}31mb") == "a\u{FFFD}31mb")
    }

    @Test func safeTextIsKeptAsItIs() {
        let text = "tread: café.json:3:4: two comments have the id \"日本\""
        #expect(Sanitizer.singleLine(text) == text)
    }
}
