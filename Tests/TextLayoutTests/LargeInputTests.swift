import Testing
import TextLayout

// Correctness on inputs of hostile size; their speed is measured in Benchmarks/, not here.

@Test func aHundredThousandCharacterWordIsCutIntoFullLines() {
    let word = String(repeating: "x", count: 100_000)
    let lines = Wrapper.wrap(word, width: 80)
    #expect(lines.count == 1_250)
    #expect(lines.allSatisfy { $0.width == 80 })
    #expect(lines.map(\.text).joined() == word)
}

@Test func aHundredThousandCJKCharactersWrapToFullLines() {
    let text = String(repeating: "世", count: 100_000)
    let lines = Wrapper.wrap(text, width: 80)
    #expect(lines.count == 2_500)
    #expect(lines.reduce(0) { $0 + $1.width } == 200_000)
}

@Test func aMegabyteParagraphWrapsWithoutLosingAWord() {
    let words = [
        "lorem", "ipsum", "dolor", "sit", "amet,", "consectetur", "adipiscing", "elit", "世界",
        "naïve",
    ]
    var paragraph = ""
    var index = 0
    while paragraph.utf8.count < 1_000_000 {
        if !paragraph.isEmpty { paragraph += " " }
        paragraph += words[index % words.count]
        index += 1
    }
    let lines = Wrapper.wrap(paragraph, width: 72)
    #expect(lines.allSatisfy { $0.width <= 72 && $0.width > 0 })
    // Each break dropped exactly one space, so joining with one gives the paragraph back.
    #expect(lines.map(\.text).joined(separator: " ") == paragraph)
    #expect(BodyLayout.lines(of: paragraph, width: 72).count == lines.count)
}
