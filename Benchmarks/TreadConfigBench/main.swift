import Configuration

#if canImport(Glibc)
    import Glibc
#endif

// `TreadConfigBench FILE [RUNS] [ACTIONS_FILE]`: what reading config.toml costs at start-up (file read, TOML
// parse, checks), as the mean of RUNS loads in one process, for Benchmarks/bench-config.sh.
// Kept out of `tread`, which has no benchmark switch.
//
// The actions it accepts are the names the `[keys]` table of ACTIONS_FILE (default FILE) binds:
// give it `tread config --defaults` output, which binds every action.

/// The names bound in the `[keys]` table of a config file, read line by line.
func boundNames(_ text: String) -> [String] {
    var names: [String] = []
    var inKeys = false
    for line in text.split(separator: "\n") {
        let trimmed = line.drop(while: { $0 == " " })
        if trimmed.hasPrefix("[") {
            inKeys = trimmed.hasPrefix("[keys]")
        } else if inKeys, !trimmed.hasPrefix("#"), let equals = trimmed.firstIndex(of: "=") {
            names.append(String(trimmed[..<equals]).split(separator: " ").first.map(String.init) ?? "")
        }
    }
    return names
}

func printError(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

let arguments = CommandLine.arguments.dropFirst()
guard let path = arguments.first, let runs = Int(arguments.dropFirst().first ?? "1000"), runs > 0 else {
    printError("usage: TreadConfigBench FILE [RUNS] [ACTIONS_FILE]\n")
    exit(64)
}
let actionsFile = arguments.dropFirst(2).first ?? path
guard let file = fopen(actionsFile, "r") else {
    printError("TreadConfigBench: cannot read \(actionsFile)\n")
    exit(66)
}
var text: [UInt8] = []
var buffer = [UInt8](repeating: 0, count: 65_536)
while case let count = fread(&buffer, 1, buffer.count, file), count > 0 { text += buffer[0..<count] }
fclose(file)
let actions = boundNames(String(decoding: text, as: UTF8.self)).map { BindableAction(name: $0, defaultKeys: []) }

do {
    _ = try Preferences.load(path: path, actions: actions)
} catch {
    printError("TreadConfigBench: \(error)\n")
    exit(65)
}
let clock = ContinuousClock()
let start = clock.now
for _ in 0..<runs { _ = try? Preferences.load(path: path, actions: actions) }
let total = clock.now - start
let micros = Double(total.components.seconds) * 1e6 + Double(total.components.attoseconds) / 1e12
printError("config load: \(micros / Double(runs)) µs per load over \(runs) runs\n")
