import Reader
import Testing
import ThreadModel
import ThreadTestSupport

/// Each message and the commands `update` answers it with: what leaves the reader for the runtime.
@Suite struct CommandTests {
    private let thread = "a: one\n  b: two\nc: three"

    @Test func openingAPlainThreadAsksForItsVisit() {
        var state = ReaderState(discussion: discussion(thread), rows: 10, columns: 60)
        #expect(state.update(.started).done == [.buildVisit])
    }

    @Test func openingOnAFirstPartFetchesTheRestAndTheVisitWaitsForIt() {
        var state = ReaderState(
            discussion: discussion(thread), rows: 10, columns: 60, options: ReaderOptions(),
            opening: ReaderOpening(source: .address, restArriving: true))
        #expect(state.update(.started).done == [.startFetch(.rest)])
        #expect(state.update(.arrived(discussion(thread + "\nd: four"), whole: true)).done == [.buildVisit])
        #expect(state.fetch == nil)
    }

    @Test func escOnTheRestStopsItAndBuildsTheVisitOnWhatArrived() {
        var state = ReaderState(
            discussion: discussion(thread), rows: 10, columns: 60, options: ReaderOptions(),
            opening: ReaderOpening(source: .address, restArriving: true))
        state.update(.started)
        #expect(state.update(.key(.escape)).done == [.stopFetch, .buildVisit])
    }

    @Test func quitSavesTheVisitThenLeaves() {
        var state = ReaderState(discussion: discussion(thread), rows: 10, columns: 60)
        #expect(state.press("q").done == [.saveVisit, .quit(.quit)])
    }

    @Test func quitDuringAFetchStopsItFirst() {
        var state = ReaderState(discussion: discussion(thread), rows: 10, columns: 60, source: .address)
        #expect(state.press("R").done == [.startFetch(.reload)])
        #expect(state.press("q").done == [.stopFetch, .saveVisit, .quit(.quit)])
    }

    @Test func storyKeysSayNoListInAPlainThread() {
        var state = ReaderState(discussion: discussion(thread), rows: 10, columns: 60)
        #expect(state.apply(.nextStory).isEmpty)
        #expect(state.message == "no list: this thread was not opened from one")
        #expect(state.apply(.previousStory).isEmpty)
    }

    @Test func storyKeysLeaveForTheListTheThreadCameFrom() {
        var state = ReaderState(
            discussion: discussion(thread), rows: 10, columns: 60, options: ReaderOptions(),
            opening: ReaderOpening(inList: true))
        #expect(state.apply(.nextStory).done == [.saveVisit, .quit(.nextStory)])
        #expect(state.apply(.previousStory).done == [.saveVisit, .quit(.previousStory)])
    }

    @Test func aSignalSavesTheVisitAndExitsWithTheShellsStatus() {
        var state = ReaderState(discussion: discussion(thread), rows: 10, columns: 60)
        #expect(state.update(.interrupted(signal: 15)).done == [.saveVisit, .exit(143)])
    }

    @Test func ctrlCDuringAFetchStopsOnlyTheFetch() {
        var state = ReaderState(discussion: discussion(thread), rows: 10, columns: 60, source: .address)
        state.press("R")
        #expect(state.update(.interrupted(signal: 2)).done == [.stopFetch])
        #expect(state.message == "fetch stopped; the thread is as it was")
    }

    @Test func theWholeDocumentAsksForItsVisitAndAuthorIndex() {
        var state = ReaderState(discussion: discussion("a: one"), rows: 10, columns: 60, loading: true)
        #expect(state.update(.started).isEmpty)
        #expect(state.update(.loaded(discussion(thread))).done == [.buildVisit, .indexAuthors])
    }

    /// The visit is saved before the reader leaves (issue 23, bug 1).
    @Test func aLateLoadFailureSavesTheVisitAndLeaves() {
        var state = ReaderState(discussion: discussion("a: one"), rows: 10, columns: 60, loading: true)
        let failure = DocumentError(kind: .syntax("bad", line: 1, column: 1))
        #expect(state.update(.loadFailed(failure)).done == [.saveVisit, .loadFailed])
    }

    @Test func anAnswerAfterTheFetchStoppedIsDropped() {
        var state = ReaderState(discussion: discussion(thread), rows: 10, columns: 60, source: .address)
        state.press("R")
        state.update(.key(.escape))
        #expect(state.update(.fetchFailed("late")).isEmpty)
        #expect(state.message == "fetch stopped; the thread is as it was")
    }
}

/// The one table of actions: hand-written names, every action bindable, each key listed once.
@Suite struct ActionTableTests {
    @Test func everyActionHasOneNameAndEveryKeyOneAction() {
        let bindings = Keymap.standard.bindings
        #expect(Set(bindings.map(\.name)).count == bindings.count)
        let keys = bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test func everyActionHasAGroup() {
        #expect(Keymap.standard.bindings.allSatisfy { $0.group != .other })
    }

    @Test func aVisitKeyMovedToAnotherActionLeavesItInTheHelp() {
        let keymap = Keymap.standard.rebound(["next-new": [.character("n")], "mark-subtree-read": [.character("}")]])
        #expect(keymap.action(for: .character("n")) == .visit(.nextNew))
        #expect(keymap.action(for: .character("}")) == .visit(.markSubtreeRead))
        #expect(keymap.action(for: .character("d")) == nil)
        #expect(!keymap.bindings.contains { $0.name == "next-match" })
        let keys = keymap.bindings.flatMap(\.keys)
        #expect(Set(keys).count == keys.count)
    }

    @Test func anUnboundDigitIsACount() {
        var state = ReaderState(discussion: discussion("a: 1\nb: 2\nc: 3\nd: 4"), rows: 30, columns: 60)
        state.press("3j")
        #expect(state.selectedName == "d")
    }
}
