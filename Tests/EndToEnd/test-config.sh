#!/usr/bin/env bash
# End-to-end: `tread config` prints the configuration in force from $XDG_CONFIG_HOME/tread/config.toml
# (or ~/.config), as a file that reads back the same; a broken config is one line naming file and line.
# Usage: test-config.sh PATH/TO/tread
source "$(dirname "$0")/cli_lib.sh"

# No config anywhere: the defaults, and they read back unchanged.
if XDG_CONFIG_HOME="$work/none" HOME="$work/none" "$BIN" config >"$work/defaults.toml" 2>"$work/err" &&
    grep -qx 'max-width = 80' "$work/defaults.toml" && grep -qx 'quit = \["q"\]' "$work/defaults.toml"; then
    pass "no config prints the defaults"
else
    fail "no config prints the defaults" "$(head -c 300 "$work/err")"
fi

mkdir -p "$work/xdg/tread" "$work/home/.config/tread"
cp "$work/defaults.toml" "$work/xdg/tread/config.toml"
if XDG_CONFIG_HOME="$work/xdg" "$BIN" config >"$work/again.toml" && cmp -s "$work/defaults.toml" "$work/again.toml"; then
    pass "the printed defaults read back as the same file"
else
    fail "the printed defaults read back as the same file" "$(diff "$work/defaults.toml" "$work/again.toml" | head)"
fi

cat >"$work/xdg/tread/config.toml" <<'TOML'
max-width = 70
[keys]
quit = ["Esc", "ctrl-q"]
[theme]
op = "#ff8700 bold"
TOML
out=$(XDG_CONFIG_HOME="$work/xdg" HOME="$work/home" "$BIN" config)
if grep -qx 'max-width = 70' <<<"$out" && grep -qx 'quit = \["Esc", "ctrl-q"\]' <<<"$out" &&
    grep -qx 'cancel = \[\]' <<<"$out" && grep -qx 'op = "208 bold"' <<<"$out"; then
    pass "XDG_CONFIG_HOME's config is in force"
else
    fail "XDG_CONFIG_HOME's config is in force" "$out"
fi

# The selection role and the copy command are printed, and read back as written.
cat >"$work/xdg/tread/config.toml" <<'TOML'
[theme]
selection = "bright-yellow underline"
[copy]
command = ["xclip", "-selection", "clipboard"]
TOML
out=$(XDG_CONFIG_HOME="$work/xdg" HOME="$work/home" "$BIN" config)
if grep -qx 'selection = "bright-yellow underline"' <<<"$out" &&
    grep -qx 'command = \["xclip", "-selection", "clipboard"\]' <<<"$out"; then
    pass "tread config shows the selection role and the copy command"
else
    fail "tread config shows the selection role and the copy command" "$out"
fi
printf '%s\n' "$out" >"$work/xdg/tread/config.toml"
if [[ $(XDG_CONFIG_HOME="$work/xdg" "$BIN" config) == "$out" ]]; then
    pass "a printed copy command reads back the same"
else
    fail "a printed copy command reads back the same" "differs"
fi
if grep -qx 'selection = "reverse"' "$work/defaults.toml" && grep -qx 'command = \[\]' "$work/defaults.toml" &&
    grep -q '^# .*run without a shell' "$work/defaults.toml"; then
    pass "the defaults show the selection as reverse and no copy command, explained"
else
    fail "the defaults show the selection and the copy command" "$(grep -n 'selection\|command' "$work/defaults.toml")"
fi

echo 'max-width = 90' >"$work/home/.config/tread/config.toml"
if env -u XDG_CONFIG_HOME HOME="$work/home" "$BIN" config | grep -qx 'max-width = 90'; then
    pass "without XDG_CONFIG_HOME, ~/.config/tread/config.toml"
else
    fail "without XDG_CONFIG_HOME, ~/.config/tread/config.toml" "not read"
fi

# expect_error NAME PATTERN CONFIG: exit 78 (EX_CONFIG, as every config error), one line on stderr matching PATTERN, nothing on stdout.
expect_error() {
    printf '%s\n' "$3" >"$work/bad.toml"
    "$BIN" config --file "$work/bad.toml" >"$work/out" 2>"$work/err"
    local got=$?
    if [ "$got" -ne 78 ]; then
        fail "$1" "exit $got"
    elif [ "$(wc -l <"$work/err")" -ne 1 ] || ! grep -qE -- "$2" "$work/err"; then
        fail "$1" "stderr: $(cat "$work/err")"
    elif [ -s "$work/out" ]; then
        fail "$1" "printed a half-read config"
    else
        pass "$1"
    fi
}
expect_error "bad TOML" "bad.toml:2: not valid TOML" $'max-width = 70\n[keys'
expect_error "unknown action" "bad.toml:2: unknown action \"jump\"" $'[keys]\njump = "j"'
expect_error "unknown key name" "bad.toml:2: unknown key name \"ctrl-\"" $'[keys]\nquit = "ctrl-"'
expect_error "key bound twice" "bad.toml:3: key \"x\" is bound to both" $'[keys]\nquit = "x"\nroot = "x"'
expect_error "colour that does not exist" "bad.toml:2: no colour or attribute \"reddish\"" $'[theme]\nlink = "reddish"'
expect_error "wrong type" "bad.toml:1: mouse must be true or false" 'mouse = 1'
expect_error "a selection that is not a style" "bad.toml:2: no colour or attribute \"inverse\" in selection" \
    $'[theme]\nselection = "inverse"'
expect_error "a copy command as a shell string" "bad.toml:2: command must be a list of the program" \
    $'[copy]\ncommand = "xclip -selection clipboard | tee"'
expect_error "a copy command with a newline" "bad.toml:2: a word of command holds a control character" \
    $'[copy]\ncommand = ["wl-copy", "a\\nb"]'
expect_error "escape in a value is not echoed raw" 'bad.toml:2: unknown key name "\?\]0;pwned' $'[keys]\nquit = "\\u001b]0;pwned"'

cli_finish
