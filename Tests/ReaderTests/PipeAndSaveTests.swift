import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// `|` pipes the selected comment to a command typed at a prompt, `w` and `W` save it to a file: the
/// prompt's state, the commands handed to the runtime, and what the runtime's answers show.
@Suite struct PipeAndSaveTests {
    private let thread = "ann: one\n  bob: two\n    cy: three\ndee: four"

    private func reader(pipeCommand: String = "less") -> ReaderState {
        var options = ReaderOptions()
        options.pipeCommand = pipeCommand
        return ReaderState(discussion: discussion(thread), rows: 12, columns: 70, options: options)
    }

    private func type(_ text: String, into state: inout ReaderState) {
        for character in text { state.update(.key(.character(character))) }
    }

    @Test func pipeOpensAPromptHoldingTheConfigsCommand() {
        var state = reader(pipeCommand: "less -R")
        #expect(state.press("|").isEmpty)
        #expect(state.mode == .linePrompt(LinePrompt(.pipe, subtree: false, text: "less -R")))
        #expect(state.statusText.hasPrefix("pipe the comment to: less -R"))
    }

    @Test func enterPipesTheMarkdownThatYCopies() throws {
        var state = reader()
        let copied = state.press("Y").done
        state.press("|")
        state.update(.key(.control("u")))
        type("tee out.md", into: &state)
        let commands = state.update(.key(.enter)).done
        #expect(state.mode == .reading)
        let text = try #require(copied.first.flatMap { if case .copy(let text) = $0 { text } else { nil } })
        #expect(commands == [.pipe(PipeRequest(commandLine: "tee out.md", text: text, what: "the comment"))])
    }

    @Test func controlTPipesTheRepliesTooAsTCopiesThem() throws {
        var state = reader()
        let copied = state.press("T").done
        state.press("|")
        state.update(.key(.control("t")))
        #expect(state.statusText.hasPrefix("pipe the comment and 2 replies to: less"))
        let commands = state.update(.key(.enter)).done
        let text = try #require(copied.first.flatMap { if case .copy(let text) = $0 { text } else { nil } })
        #expect(commands == [.pipe(PipeRequest(commandLine: "less", text: text, what: "3 comments"))])
    }

    /// Types `line` at the pipe's prompt (in place of what it offers) and runs it, or at the save's.
    private func submit(_ line: String, at key: String, in state: inout ReaderState) {
        state.press(key)
        state.update(.key(.control("u")))
        type(line, into: &state)
        state.update(.key(.enter))
    }

    @Test func theLastCommandIsOfferedNext() {
        var state = reader()
        submit("wc -l", at: "|", in: &state)
        state.press("|")
        #expect(state.mode == .linePrompt(LinePrompt(.pipe, subtree: false, text: "wc -l")))
    }

    @Test func theNextReaderOfTheSessionOffersTheLastCommandAndDirectory() {
        // The first story: a command run, a file saved.
        var first = reader()
        submit("wc -l", at: "|", in: &first)
        submit("~/notes/x.md", at: "w", in: &first)
        first.update(.saved(.written(SaveRequest(path: "~/notes/x.md", text: "", comments: 1))))
        // The next story of the list is another reader, opened with what the first one handed back.
        var opening = ReaderOpening(inList: true)
        opening.piping = first.piping
        var next = ReaderState(
            discussion: discussion(thread), rows: 12, columns: 70, options: ReaderOptions(), opening: opening)
        next.press("|")
        #expect(next.mode == .linePrompt(LinePrompt(.pipe, subtree: false, text: "wc -l")))
        next.update(.key(.escape))
        next.press("w")
        #expect(next.mode == .linePrompt(LinePrompt(.save, subtree: false, text: "~/notes/")))
    }

    @Test func escapeAndAnEmptyCommandPipeNothing() {
        var state = reader()
        state.press("|")
        #expect(state.update(.key(.escape)).isEmpty)
        #expect(state.mode == .reading)
        state.press("|")
        state.update(.key(.control("u")))
        #expect(state.update(.key(.enter)).isEmpty)
        #expect(state.message == "no command: nothing piped")
    }

    @Test func theCommandsEndIsSaidOnTheStatusLine() {
        var state = reader()
        state.update(.notice("sh failed (exit status 3)"))
        #expect(state.statusText.contains("sh failed (exit status 3)"))
    }

    @Test func saveAsksForAPathAndRemembersItsDirectory() throws {
        var state = reader()
        state.press("w")
        #expect(state.mode == .linePrompt(LinePrompt(.save, subtree: false, text: "")))
        #expect(state.statusText.hasPrefix("save the comment to: "))
        type("~/notes/x.md", into: &state)
        let commands = state.update(.key(.enter)).done
        #expect(commands.count == 1)
        let request = try #require(commands.first.flatMap { if case .save(let request) = $0 { request } else { nil } })
        #expect(request.path == "~/notes/x.md")
        #expect(request.comments == 1)
        #expect(!request.overwrite)
        #expect(request.text.hasPrefix("**ann**\n\none\n"))
        state.update(.saved(.written(request)))
        state.press("W")
        #expect(state.mode == .linePrompt(LinePrompt(.save, subtree: true, text: "~/notes/")))
    }

    @Test func aDirectoryWhereTheSaveFailedIsNotOffered() {
        var state = reader()
        submit("~/notes/x.md", at: "w", in: &state)
        state.update(.saved(.written(SaveRequest(path: "~/notes/x.md", text: "", comments: 1))))
        submit("/tmp/nope/x.md", at: "w", in: &state)
        state.update(
            .saved(.failed(SaveRequest(path: "/tmp/nope/x.md", text: "", comments: 1), reason: "no such directory")))
        state.press("w")
        #expect(state.mode == .linePrompt(LinePrompt(.save, subtree: false, text: "~/notes/")))
    }

    @Test func aPathFromTheRootReplacesTheOfferedDirectory() throws {
        var state = reader()
        submit("/tmp/notes/x.md", at: "w", in: &state)
        state.update(.saved(.written(SaveRequest(path: "/tmp/notes/x.md", text: "", comments: 1))))
        // A name typed after the offered directory goes in it.
        state.press("w")
        type("y.md", into: &state)
        #expect(state.statusText.hasPrefix("save the comment to: /tmp/notes/y.md"))
        state.update(.key(.escape))
        // A path typed from the root (or home) starts afresh: not /tmp/notes//tmp/z.md.
        for start in ["/tmp/z.md", "~/z.md"] {
            state.press("w")
            type(start, into: &state)
            let commands = state.update(.key(.enter)).done
            let request = try #require(
                commands.first.flatMap { if case .save(let request) = $0 { request } else { nil } })
            #expect(request.path == start)
        }
        // Once the offered text is edited, a `/` is typed as any character.
        state.press("w")
        type("sub/x.md", into: &state)
        #expect(state.statusText.hasPrefix("save the comment to: /tmp/notes/sub/x.md"))
    }

    @Test func savedSaysHowManyCommentsAndWhere() {
        var state = reader()
        let request = SaveRequest(path: "~/x.md", text: "…", comments: 1_204)
        state.update(.saved(.written(request)))
        #expect(state.message == "saved 1,204 comments to ~/x.md")
        state.update(.saved(.failed(request, reason: "the disk is full")))
        #expect(state.message == "could not save to ~/x.md: the disk is full")
    }

    @Test func aFileThereIsReplacedOnlyAfterYes() {
        var state = reader()
        let request = SaveRequest(path: "x.md", text: "t", comments: 1)
        #expect(state.update(.saved(.exists(request))).isEmpty)
        #expect(state.statusText.hasPrefix("x.md exists: replace it? (y/n)"))
        #expect(state.press("n").isEmpty)
        #expect(state.mode == .reading)
        #expect(state.message == "not saved: x.md is kept as it was")
        state.update(.saved(.exists(request)))
        var replacing = request
        replacing.overwrite = true
        #expect(state.press("y").done == [.save(replacing)])
    }

    @Test func aPathFromThePromptIsShownSafely() {
        var state = reader()
        state.update(.saved(.written(SaveRequest(path: "a\u{1B}[2Jb.md", text: "", comments: 1))))
        #expect(state.statusText.contains("a␛[2Jb.md"))
    }
}

/// `~` in a path typed at the save prompt, and the directory the next prompt offers.
@Suite struct SavePathTests {
    @Test func aTildeIsTheHomeDirectory() {
        #expect(SavePath.expanded("~/x.md", home: "/home/ann") == "/home/ann/x.md")
        #expect(SavePath.expanded("~", home: "/home/ann") == "/home/ann")
        #expect(SavePath.expanded("~/x.md", home: "/home/ann/") == "/home/ann/x.md")
    }

    @Test func otherPathsAreTakenAsTyped() {
        #expect(SavePath.expanded("/tmp/~x", home: "/home/ann") == "/tmp/~x")
        #expect(SavePath.expanded("notes/x.md", home: "/home/ann") == "notes/x.md")
    }

    @Test func anotherUsersHomeOrNoHomeIsNotExpanded() {
        #expect(SavePath.expanded("~bob/x.md", home: "/home/ann") == nil)
        #expect(SavePath.expanded("~/x.md", home: nil) == nil)
        #expect(SavePath.expanded("~/x.md", home: "") == nil)
    }

    @Test func theDirectoryIsKeptAsTyped() {
        #expect(SavePath.directory(of: "~/notes/x.md") == "~/notes/")
        #expect(SavePath.directory(of: "x.md") == "")
        #expect(SavePath.directory(of: "~") == "~/")
        #expect(SavePath.directory(of: "/x.md") == "/")
    }

    /// A reply deeper than the quotes nest (32) says its level: the nesting is not lost unsaid.
    @Test func aReplyDeeperThanTheQuotesNestSaysItsLevel() throws {
        let chain = (0..<40).map { String(repeating: "  ", count: $0) + "c\($0): level \($0)" }.joined(separator: "\n")
        var state = ReaderState(discussion: discussion(chain), rows: 12, columns: 70)
        state.press("c")
        let copied = state.press("T").done
        let text = try #require(copied.first.flatMap { if case .copy(let text) = $0 { text } else { nil } })
        let quotes = String(repeating: "> ", count: 32)
        #expect(text.contains(quotes + "**c32** · 32 levels deep") == false)
        #expect(text.contains(quotes + "**c33** · 33 levels deep"))
        #expect(text.contains(quotes + "**c39** · 39 levels deep"))
        #expect(text.contains(quotes + "**c32**\n"))
    }

    /// A big subtree is handed over unbuilt, for the runtime to build beside the reader (200,000 replies took
    /// 4 s in `update`, the reader frozen without a word); built, it is what T copies.
    @Test func aBigSubtreeIsBuiltBesideTheReader() throws {
        let replies = (1...2_500).map { "  r\($0) bob: reply \($0)" }
        var state = ReaderState(
            discussion: discussion((["root ann: the root"] + replies).joined(separator: "\n")), rows: 12, columns: 70)
        state.press("c")
        state.press("|")
        state.update(.key(.control("t")))
        state.update(.key(.control("u")))
        for character in "wc -c" { state.update(.key(.character(character))) }
        let commands = state.update(.key(.enter))
        guard case .pipe(let request)? = commands.first else {
            Issue.record("no pipe command: \(commands.done)")
            return
        }
        #expect(request.text.isEmpty)
        #expect(request.what == "2,501 comments")
        let pending = try #require(request.pending)
        let text = request.content()
        #expect(text == pending.text())
        #expect(text.hasPrefix("**ann**\n\nthe root\n"))
        #expect(text.hasSuffix("> **bob**\n> \n> reply 2500\n\n"))
        #expect(text.components(separatedBy: "> **bob**\n").count == 2_501)
        // Streamed in parts (as the pipe feeds it), the same text; a reader that stops ends the building.
        var parts: [String] = []
        request.stream {
            parts.append($0)
            return true
        }
        #expect(parts.count > 1 && parts.joined() == text)
        var taken = 0
        request.stream { _ in
            taken += 1
            return false
        }
        #expect(taken == 1)
        state.press("W")
        for character in "big.md" { state.update(.key(.character(character))) }
        let saves = state.update(.key(.enter))
        guard case .save(let save)? = saves.first else {
            Issue.record("no save command: \(saves.done)")
            return
        }
        #expect(save.text.isEmpty && save.comments == 2_501)
        #expect(save.content() == request.content())
    }
}
