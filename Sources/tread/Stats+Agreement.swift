#if DEBUG
    import ArgumentParser

    /// Debug builds only (as `ReadArguments+Agreement`): the `stats FILE` shortcut past ArgumentParser is
    /// checked against ArgumentParser on every command line it takes.
    extension Stats {
        /// Stops the process when the shortcut read `arguments` otherwise than ArgumentParser does.
        static func checkAgreement(_ arguments: [String], _ shortcut: DocumentOptions) {
            let parsed = (try? Tread.parseAsRoot(arguments) as? Stats)?.document
            precondition(
                parsed.map {
                    $0.file == shortcut.file && $0.format == shortcut.format
                        && $0.fetch.offline == shortcut.fetch.offline && $0.fetch.refresh == shortcut.fetch.refresh
                } ?? false,
                "the stats shortcut read \(arguments) as the file \(shortcut.file ?? "none"); ArgumentParser otherwise"
            )
        }
    }
#endif
