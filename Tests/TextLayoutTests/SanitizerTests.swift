import Testing

@testable import TextLayout

/// Strings a hostile document might carry, each with a name for the failure message.
private let nastyStrings: [(String, String)] = [
    (
        "every C0 control",
        String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
    ),
    ("DEL", "a\u{7F}b"),
    (
        "every C1 control",
        String(String.UnicodeScalarView((0x80..<0xA0).compactMap(Unicode.Scalar.init)))
    ),
    ("OSC title", "\u{1B}]0;pwned\u{07}"),
    ("clear screen", "\u{1B}[2J"),
    ("OSC 52 clipboard", "\u{1B}]52;c;cm0gLXJmIH4=\u{07}"),
    ("OSC 8 hyperlink", "\u{1B}]8;;https://evil.example\u{1B}\\click\u{1B}]8;;\u{1B}\\"),
    ("8-bit CSI", "\u{9B}31mred"),
    ("bidi override", "abc\u{202E}fed\u{202C}"),
    ("bidi embeddings", "\u{202A}x\u{202B}y\u{202D}z\u{202C}"),
    ("bidi isolates", "\u{2066}a\u{2067}b\u{2068}c\u{2069}"),
    ("bidi marks", "\u{200E}l\u{200F}r\u{061C}"),
    ("zero-width space and joiners", "zero\u{200B}width\u{200C}non\u{200D}joiner"),
    ("word joiner and invisible operators", "a\u{2060}b\u{2061}c\u{2062}d\u{2063}e\u{2064}"),
    ("BOM", "\u{FEFF}text"),
    ("soft hyphen", "hy\u{AD}phen"),
    ("tabs", "\tcode\there"),
    ("CRLF and CR", "one\r\ntwo\rthree"),
    ("line and paragraph separators", "a\u{2028}b\u{2029}c"),
]

private func isBidiControl(_ value: UInt32) -> Bool {
    (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
        || [0x200E, 0x200F, 0x061C].contains(value)
}

@Test(arguments: nastyStrings.map(\.1))
func sanitizedTextHasNoControlsOrBidi(_ input: String) {
    let output = Sanitizer.sanitize(input)
    for scalar in output.unicodeScalars {
        #expect(
            scalar.value >= 0x20 || scalar == "\n", "\(scalar.value) in \(output.debugDescription)")
        #expect(
            !(0x7F...0x9F).contains(scalar.value), "\(scalar.value) in \(output.debugDescription)")
        #expect(!isBidiControl(scalar.value), "\(scalar.value) in \(output.debugDescription)")
        #expect(![0x200B, 0x200C, 0xFEFF, 0xAD].contains(scalar.value))
    }
}

@Test func escapeSequencesAreShownNotObeyed() {
    #expect(Sanitizer.sanitize("\u{1B}]0;pwned\u{07}") == "␛]0;pwned␇")
    #expect(Sanitizer.sanitize("\u{1B}[2J") == "␛[2J")
}

@Test func c0ControlsBecomeControlPictures() {
    #expect(Sanitizer.sanitize("\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}") == "␀␁␈␋␌␟")
}

@Test func delAndC1ControlsBecomeVisiblePlaceholders() {
    #expect(Sanitizer.sanitize("a\u{7F}b") == "a␡b")
    #expect(Sanitizer.sanitize("\u{9B}31m\u{85}") == "\u{FFFD}31m\u{FFFD}")
}

@Test func lineEndsBecomeNewlines() {
    #expect(Sanitizer.sanitize("one\r\ntwo\rthree\nfour") == "one\ntwo\nthree\nfour")
    #expect(Sanitizer.sanitize("\r\r\n") == "\n\n")
    #expect(Sanitizer.sanitize("a\u{2028}b") == "a\nb")
}

@Test func tabBecomesFourSpaces() {
    #expect(Sanitizer.sanitize("\tx\ty") == "    x    y")
}

@Test func bidiAndInvisibleCharactersAreRemoved() {
    #expect(Sanitizer.sanitize("abc\u{202E}fed\u{202C}") == "abcfed")
    #expect(Sanitizer.sanitize("\u{2067}b\u{2069}\u{200F}") == "b")
    #expect(Sanitizer.sanitize("\u{FEFF}zero\u{200B}width hy\u{AD}phen") == "zerowidth hyphen")
}

@Test func zeroWidthJoinerIsKeptOnlyInsideEmojiSequences() {
    let family = "👨\u{200D}👩\u{200D}👧"
    #expect(Sanitizer.sanitize(family) == family)
    #expect(Sanitizer.sanitize("non\u{200D}joiner") == "nonjoiner")
}

@Test func ordinaryTextIsUnchanged() {
    let text = "Héllo, 世界! 👍🏽 🇯🇵 café — “quoted” ʕ•ᴥ•ʔ\nnext line"
    #expect(Sanitizer.sanitize(text) == text)
}

@Test func drawableCutsEmojiSequencesToWhatWcwidthSizes() {
    #expect(Sanitizer.drawable("👨\u{200D}👩\u{200D}👧") == "👨")
    #expect(Sanitizer.drawable("❤\u{FE0F}") == "❤")
    #expect(Sanitizer.drawable("👍🏽") == "👍")
    #expect(Sanitizer.drawable("🇯🇵") == "🇯🇵")
    #expect(Sanitizer.drawable("1\u{FE0F}\u{20E3}") == "1\u{20E3}")
}

@Test func drawableKeepsAtMostFourMarksOnABase() {
    let zalgo: Character = "Z\u{0337}\u{0322}\u{031B}\u{0349}\u{0353}\u{0324}\u{0330}"
    #expect(Sanitizer.drawable(zalgo) == "Z\u{0337}\u{0322}\u{031B}\u{0349}")
}

@Test func drawableGivesALoneMarkADottedCircle() {
    #expect(Sanitizer.drawable("\u{301}") == "\u{25CC}\u{301}")
}

@Test func drawableNeverReturnsAControl() {
    #expect(Sanitizer.drawable("\u{1B}") == "␛")
    #expect(Sanitizer.drawable("\n") == "␊")
    #expect(Sanitizer.drawable("\r\n") == "␊")
    #expect(Sanitizer.drawable("\u{85}") == "\u{FFFD}")
}

@Test func drawableOfInvisibleClusterIsEmpty() {
    #expect(Sanitizer.drawable("\u{200B}") == "")
    #expect(Sanitizer.drawable("\u{FE0F}") == "")
}

@Test func drawableReplacesWhatGlibcCannotSize() {
    // U+1FAE8 (Unicode 15) is unknown to glibc 2.36, and U+0378 is unassigned.
    #expect(Sanitizer.drawable("\u{1FAE8}") == "\u{FFFD}")
    #expect(Sanitizer.drawable("\u{378}") == "\u{FFFD}")
}
