#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

#if FUZZING
    /// The libFuzzer entry point; `Scripts/fuzz.sh` builds it with `-sanitize=fuzzer` and `-DFUZZING`.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzTestOneInput(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
        PipelineExercise.run(UnsafeRawBufferPointer(start: count > 0 ? start : nil, count: count))
        return 0
    }

    /// libFuzzer's driver, for a program that has its own `main`.
    ///
    /// SwiftPM links every executable with `main` aliased to `TreadFuzz_main`, which keeps
    /// libFuzzer's own `main` out; so ours hands the command line to the driver. Only pointers
    /// and an integer cross, which Swift passes in the same registers as C.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt

    @main
    enum FuzzCommand {
        static func main() {
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            let status = runFuzzerDriver(&argc, &argv) { start, count in fuzzTestOneInput(start, count) }
            exit(status)
        }
    }
#else
    import ThreadModel

    /// Without libFuzzer: replays inputs (a crash the fuzzer saved, say) through the same checks.
    ///
    /// `tread-fuzz FILE...` runs each file and prints its name first, so a trap names its input.
    @main
    enum ReplayCommand {
        static func main() {
            let paths = CommandLine.arguments.dropFirst()
            if paths.isEmpty {
                printError("usage: TreadFuzz FILE...  (runs each input through the fuzz checks)")
                exit(64)
            }
            for path in paths {
                print(path)
                let bytes: DocumentBytes
                do {
                    bytes = try DocumentBytes.read(path: path)
                } catch {
                    printError("\(error)")
                    exit(66)
                }
                PipelineExercise.run(bytes.buffer)
            }
        }

        private static func printError(_ line: String) {
            let bytes = Array((line + "\n").utf8)
            _ = bytes.withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        }
    }
#endif
