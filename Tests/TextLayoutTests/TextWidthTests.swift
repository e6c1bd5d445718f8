import Testing

@testable import TextLayout

@Test(arguments: [
    ("hello", 5),
    ("", 0),
    ("世界", 4),
    ("ＡＢＣ", 6),  // fullwidth forms
    ("ｶﾀｶﾅ", 4),  // halfwidth katakana
    ("한국어", 6),  // precomposed Hangul
    ("\u{1100}\u{1161}\u{11A8}", 2),  // conjoining Jamo: one syllable
    ("ภาษาไทย", 7),  // Thai: every letter and vowel here is a spacing character
    ("ที่นี่", 2),  // Thai: above vowels and tone marks draw on their consonant
    ("กำ", 2),  // sara am is a spacing character
    ("😀", 2),
    ("👍🏽", 2),  // skin tone dropped
    ("👨\u{200D}👩\u{200D}👧", 2),  // ZWJ family drawn as its first member
    ("❤\u{FE0F}", 1),  // VS16 dropped; glibc gives U+2764 one column
    ("🇯🇵", 2),  // two regional indicators, one column each
    ("🇯🇵🇺", 3),
    ("e\u{301}", 1),  // NFD é
    ("Z\u{0337}\u{0322}\u{031B}\u{0349}\u{0353}\u{0324}\u{0330}a", 2),  // zalgo
    ("\u{301}", 1),  // a lone mark on a dotted circle
    ("a\u{200B}b", 2),
    ("\u{1B}[2J", 4),  // ESC as ␛
    ("…", 1),
    ("日本語text", 10),
])
func widthOfString(_ text: String, _ expected: Int) {
    #expect(TextWidth.of(text) == expected)
}

@Test func widthOfStringIsTheSumOverItsCharacters() {
    // Mixes the byte-at-a-time paths (ASCII, common letters, kana) with clusters they must
    // not split: a combining mark after a precomposed letter, a voiced mark after kana.
    let samples = [
        "abc世界e\u{301}👍🏽", "x\u{301}\u{302}", "ab🇯🇵cd", "plain ascii then é",
        "é\u{301}ア\u{3099}カ“quoted”—ok", "Ωμέγα Привет\u{0483}", "日本語\u{FE0F}x",
    ]
    for sample in samples {
        #expect(TextWidth.of(sample) == sample.reduce(0) { $0 + TextWidth.of($1) })
        #expect(TextWidth.of(sample[...]) == TextWidth.of(sample))
    }
}

@Test func widthOfCharacterIsTheWidthOfItsDrawableForm() {
    let samples: [Character] = [
        "a", "世", "👨\u{200D}👩\u{200D}👧", "❤\u{FE0F}", "🇯🇵", "e\u{301}", "\u{1B}", "\u{200B}",
    ]
    for character in samples {
        let drawn = Sanitizer.drawable(character)
        // Per scalar, as glibc's wcwidth (which the table reproduces) sizes it.
        let summed = drawn.unicodeScalars.reduce(0) { total, scalar in
            switch WidthTable.kind(of: scalar) {
            case .wide: total + 2
            case .mark, .format: total
            default: total + 1
            }
        }
        #expect(TextWidth.of(character) == summed, "\(character.debugDescription)")
    }
}

@Test func invisibleClusterHasNoWidth() {
    #expect(TextWidth.of(Character("\u{2060}")) == 0)
    #expect(TextWidth.of(Character("\u{FE0F}")) == 0)
}

@Test func aClusterNeverTakesMoreThanTwoColumns() {
    // Devanagari "stri" is one cluster of four spacing scalars under Unicode 15.1's conjunct
    // rule; `Frame` gives a cluster at most two cells, so it is cut to two columns.
    let stri = "स्त्री"
    #expect(stri.count == 1)
    #expect(stri.allSatisfy { TextWidth.of($0) <= 2 })
}
