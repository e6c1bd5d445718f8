#if DEBUG
    import ArgumentParser

    #if canImport(Glibc)
        import Glibc
    #endif

    /// Debug builds only (the tests' binary; a release build has none of this): the shortcut past
    /// ArgumentParser is checked against ArgumentParser itself, on every command line it takes and,
    /// for `Tests/EndToEnd/test-startup.sh`, on thousands of generated ones.
    ///
    /// Here and not in a unit test: a test target cannot link `tread`, whose static Swift runtime and
    /// Foundation (Package.swift) leave out the test libraries.
    extension ReadArguments {
        /// What ArgumentParser makes of `arguments`: the `read` command's arguments, or nil for anything else
        /// (help, a mistake, another command).
        static func parsed(_ arguments: [String]) -> ReadArguments? {
            guard let command = try? Tread.parseAsRoot(arguments) else { return nil }
            return (command as? Read)?.arguments
        }

        /// Stops the process when the shortcut read `arguments` otherwise than ArgumentParser does.
        static func checkAgreement(_ arguments: [String], _ shortcut: ReadArguments) {
            let parsed = parsed(arguments)
            precondition(
                parsed == shortcut,
                "the shortcut read \(arguments) as \(shortcut); ArgumentParser as \(parsed.map { "\($0)" } ?? "another command")"
            )
        }

        /// Words a command line is made of: the shortcut's flags, files, addresses, command names,
        /// options with values and their values, help, mistakes.
        static let words = [
            "--print", "--no-state", "--offline", "--refresh", "--no-mouse", "--no-kill", "thread.json", "hn",
            "https://news.ycombinator.com/item?id=1", "-", "", "stats", "read", "help", "config", "recent",
            "--help", "-h", "--version", "--", "--width", "80", "--print=true", "--filter", "op", "--sort", "top",
            "--format", "reddit", "-p", "--no-print", "--depth", "a b", "--generate-completion-script", "--print ",
        ]

        /// `TREAD_CHECK_SHORTCUT=1 tread`: the usual command lines take the shortcut, the unusual ones do not,
        /// and on every command line of up to three `words` and 5,000 longer ones (a fixed seed) the
        /// shortcut either declines or agrees with ArgumentParser. Prints what it checked; exits 1 on a
        /// difference (printed), else 0.
        static func checkEveryCommandLine() -> Never {
            var differences: [String] = []
            var checked = 0
            var taken = 0
            func check(_ arguments: [String], taken mustTake: Bool? = nil) {
                checked += 1
                let shortcut = common(arguments)
                if let mustTake, mustTake != (shortcut != nil) {
                    differences.append("\(arguments): the shortcut \(mustTake ? "declined" : "took") it")
                }
                guard let shortcut else { return }
                taken += 1
                let parsed = parsed(arguments)
                if parsed != shortcut {
                    differences.append(
                        "\(arguments): shortcut \(shortcut), ArgumentParser \(parsed.map { "\($0)" } ?? "another command")"
                    )
                }
            }
            let usual: [[String]] = [
                [], ["thread.json"], ["--print", "thread.json"], ["thread.json", "--print"], ["hn"],
                ["https://lobste.rs/s/abc"], ["--offline", "https://news.ycombinator.com/item?id=1"],
                ["--no-state", "--no-mouse", "--no-kill", "x.json"], ["--refresh", "r/swift"], ["--print"],
            ]
            for arguments in usual { check(arguments, taken: true) }
            let unusual: [[String]] = [
                ["--help"], ["-h"], ["--version"], ["stats", "x.json"], ["read", "x.json"], ["help"], ["--", "x"],
                ["--print=true", "x"], ["--width", "80", "x"], ["--filter", "op"], ["a", "b"], ["--print", "--print"],
                ["--offline", "--refresh", "x"], [""], ["-"], ["--generate-completion-script", "bash"], ["-x"],
                ["config"], ["x", "forget"],
            ]
            for arguments in unusual { check(arguments, taken: false) }
            let choices = [nil] + words.map(Optional.some)
            for first in choices {
                for second in choices {
                    for third in choices { check([first, second, third].compactMap { $0 }) }
                }
            }
            var random = SplitMix(seed: 25)
            for _ in 0..<5000 {
                let count = 4 + Int(random.next() % 5)
                // The shortcut's own words (the first nine) half the time, so that many lines are taken.
                let arguments = (0..<count).map { _ in
                    words[Int(random.next() % UInt64(random.next() % 2 == 0 ? 9 : words.count))]
                }
                check(arguments)
            }
            for difference in differences { writeError("tread: shortcut: \(difference)") }
            Swift.print("\(checked) command lines, \(taken) taken by the shortcut, \(differences.count) differences")
            exit(differences.isEmpty && taken > 1000 ? 0 : 1)
        }
    }

    /// A small seeded generator, so a failing command line comes back on every run.
    struct SplitMix {
        var state: UInt64
        init(seed: UInt64) { state = seed }
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }
#endif
