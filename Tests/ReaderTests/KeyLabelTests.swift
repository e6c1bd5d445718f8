import Reader
import Testing

/// Messages name a key by the first one bound to its action, as the help shows it, or by the action's
/// config.toml name when the config left it no key.
@Suite struct KeyLabelTests {
    @Test func aMessageNamesTheFirstKeyOrTheActionsName() {
        #expect(Keymap.standard.keyLabel(for: .parent) == "u")
        #expect(Keymap.standard.rebound(["parent": [.character("P")]]).keyLabel(for: .parent) == "P")
        #expect(Keymap.standard.rebound(["parent": []]).keyLabel(for: .parent) == "parent")
        #expect(Keymap.standard.rebound(["toggle-killed": []]).keyLabel(for: .toggleKilled) == "toggle-killed")
    }
}
