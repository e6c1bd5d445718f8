import CNcursesw
import Glibc
import Testing
import TextLayout

/// ncurses places text by glibc's wcwidth of each scalar it is given; the reader lays out
/// by `TextWidth`. If the two disagree for any cluster, every later cell on its line shifts.
@Suite(.serialized) struct WidthAgreementTests {
    static let nastyClusters: [Character] = [
        "a", "世", "中", "ｆ", "Ａ", "한", "🌍", "🎉", "👍🏽", "👨‍👩‍👧", "🏳️‍🌈", "❤️", "❤",
        "🇯🇵", "🇺🇸", "🇦", "e\u{301}", "o\u{308}\u{304}", "Z\u{336}\u{337}\u{338}\u{339}\u{33A}\u{33B}",
        "\u{1100}\u{1161}\u{11A8}", "\u{1100}\u{1161}", "ก", "กำ", "น้ำ", "ع", "ﻻ", "\u{627}\u{64B}",
        "1️⃣", "#️⃣", "©️", "☺", "☺️", "\u{200B}", "\u{AD}", "\u{FFFD}", "\u{3000}", "ｶ", "ﾞ",
        "\u{1F1E6}\u{1F1E8}", "🧑‍💻", "👩🏿‍🔬", "\u{FE0F}", "\u{20E3}",
    ]

    @Test(arguments: nastyClusters)
    func nastyClusterIsSizedAlike(_ character: Character) {
        setlocale(LC_ALL, "C.UTF-8")
        #expect(
            glibcWidth(Sanitizer.drawable(character)) == TextWidth.of(character),
            "U+\(character.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " U+"))")
    }

    @Test func everyLoneScalarIsSizedAlike() {
        setlocale(LC_ALL, "C.UTF-8")
        var disagreements: [String] = []
        for value in UInt32(0x20)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            guard text.count == 1, let character = text.first else { continue }
            let drawn = glibcWidth(Sanitizer.drawable(character))
            let laidOut = TextWidth.of(character)
            if drawn != laidOut {
                disagreements.append(
                    "U+\(String(value, radix: 16, uppercase: true)) wcwidth \(drawn) TextWidth \(laidOut)")
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count): \(disagreements.prefix(20).joined(separator: ", "))")
    }

    /// Columns ncurses advances for `text`: glibc's wcwidth summed over its scalars (-1 counts as -1, a mismatch).
    private func glibcWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + Int(wcwidth(wchar_t(bitPattern: $1.value))) }
    }
}
