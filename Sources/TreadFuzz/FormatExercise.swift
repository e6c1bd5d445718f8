import Markup
import Reader
import SiteFormats
import TextLayout
import ThreadModel
import ThreadTree

/// Drives one input through what `PipelineExercise` does not reach by detection alone: every
/// importer (as `--format` forces), the HTML and Markdown converters, and the CLI's error lines.
///
/// Checks that a refusal, once through the sanitiser as the CLI prints it, is one line with no
/// control; that an imported discussion keeps its tree invariants and prints with no control;
/// and that converted text, once sanitised, holds no control either.
enum FormatExercise {
    static func run(_ data: UnsafeRawBufferPointer) {
        let bytes = DocumentBytes(data)
        for format in DocumentFormat.allCases {
            let discussion: Discussion
            do {
                discussion = try Discussion.load(bytes, format: format)
            } catch {
                checkErrorLine(error, path: format.rawValue)
                continue
            }
            let tree = CommentTree(discussion: discussion)
            tree.checkInvariants()
            ThreadPrinter(width: 40, depthLimit: nil).print(discussion, tree: tree) { line in
                PipelineExercise.check(
                    PipelineExercise.isPrintable(line, allowingNewline: true), "a control in an import's --print output"
                )
            }
            for note in discussion.notes {
                PipelineExercise.check(isOneCleanLine("tread: \(note)"), "a note is not one clean line")
            }
        }
        // The input as markup in a comment body, and as a file name in an error.
        let text = String(decoding: data, as: UTF8.self)
        for converted in [
            HTMLText.convert(text), MarkdownText.convert(text), MarkdownText.convert(text, entityEscaped: true),
            HTMLEntities.decode(text), MarkdownText.convert(LemmyMarkdown.normalized(text)),
        ] {
            PipelineExercise.check(
                PipelineExercise.isPrintable(Sanitizer.sanitize(converted), allowingNewline: true),
                "a control in sanitised converted text")
        }
        checkErrorLine(DocumentError(kind: .duplicateID(text, line: 1, column: 1)), path: String(text.prefix(200)))
    }

    /// The CLI prints `tread: DESCRIPTION` through `Sanitizer.singleLine`: it must come out as one clean line.
    static func checkErrorLine(_ error: DocumentError, path: String) {
        let named = DocumentError(path: path, kind: error.kind)
        PipelineExercise.check(!named.description.isEmpty, "an empty error message")
        PipelineExercise.check(isOneCleanLine("tread: \(named.description)"), "an error is not one clean line")
    }

    static func isOneCleanLine(_ line: String) -> Bool {
        let shown = Sanitizer.singleLine(line)
        return PipelineExercise.isPrintable(shown, allowingNewline: false)
            && !shown.unicodeScalars.contains { [0x200E, 0x200F, 0x061C, 0x2028, 0x2029].contains($0.value) }
    }
}
