import Testing

@testable import Configuration

/// `[pipe] command`: what `|` offers at its prompt, words as `[copy] command` takes them.
@Suite struct PipeCommandConfigTests {
    @Test func thePipeOffersLessUnlessTheConfigSaysOtherwise() throws {
        #expect(try parse("").pipeCommand == ["less"])
        #expect(try parse("[pipe]\ncommand = [\"vim\", \"-\"]").pipeCommand == ["vim", "-"])
        #expect(try parse("[pipe]\ncommand = []").pipeCommand == [])
    }

    @Test func aPipeCommandIsAListOfWordsLikeTheCopyCommand() {
        #expect(
            problem("[pipe]\ncommand = \"less -R\"")
                == "config.toml:2: command must be a list of the program and its arguments, such as [\"less\", \"-R\"] "
                + "(no shell runs it), not the string \"less -R\"")
        #expect(
            problem("[pipe]\ncommand = [\"\"]")
                == "config.toml:2: command's first word must name the program, not be empty")
        #expect(
            problem("[pipe]\nprogram = [\"less\"]")
                == "config.toml:2: unknown setting \"program\" in [pipe]; expected command")
    }

    @Test func tomlWritesThePipeCommandBack() throws {
        var preferences = Preferences(actions: actions)
        preferences.pipeCommand = ["tee", "/tmp/a \"b\".md"]
        let text = preferences.toml(actions: actions)
        #expect(text.contains("[pipe]\ncommand = [\"tee\", \"/tmp/a \\\"b\\\".md\"]\n"))
        #expect(try parse(text) == preferences)
    }
}
