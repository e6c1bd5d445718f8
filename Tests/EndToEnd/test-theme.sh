#!/usr/bin/env bash
# End-to-end: theme presets (theme = "dark" | "light" | "terminal") start and draw under tmux: the
# screen's background is the preset's (tmux capture-pane -e shows the SGR sequences), eight colours take
# the basic twins, vt100 and NO_COLOR draw no colour at all, a bad name exits 78, tread config shows it.
# A temporary XDG home: nothing of the user's is read or written.
# Usage: test-theme.sh PATH/TO/tread
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-theme.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work="$E2E_DIR/theme"
mkdir -p "$work/xdg/tread" "$work/state"

# run PRESET [ENV...]: the reader on the sample with `theme = PRESET`.
run() {
  local preset=$1
  shift
  printf 'theme = "%s"\n' "$preset" >"$work/xdg/tread/config.toml"
  start_app 80 20 env XDG_CONFIG_HOME="$work/xdg" XDG_STATE_HOME="$work/state" "$@" "$BIN"
  wait_for "? help" || fail "the reader draws with theme $preset"
}

# has_sgr PATTERN: the screen, with its escape sequences, holds an SGR matching PATTERN (extended regex).
has_sgr() { screen_with_escapes | grep -qE $'\e\\['"$1"; }

run dark
expect_screen "ZTE" "the dark preset starts and draws the thread"
if has_sgr '([0-9;]*;)?48;5;234m'; then pass "dark draws on its dark background"; else fail "dark background"; fi
if has_sgr '([0-9;]*;)?38;5;252m'; then pass "dark draws its light text"; else fail "dark text colour"; fi
send q
expect_exit 0 "q quits the dark preset"
expect_tty_restored "the terminal is restored after the dark preset"

run light
if has_sgr '([0-9;]*;)?48;5;255m'; then pass "light draws on its light background"; else fail "light background"; fi
if has_sgr '([0-9;]*;)?38;5;236m'; then pass "light draws its dark text"; else fail "light text colour"; fi
send q
expect_exit 0 "q quits the light preset"

run terminal
if has_sgr '([0-9;]*;)?48;5;[0-9]+m'; then fail "terminal forces no background"; else pass "terminal forces no background"; fi
send q

# Eight colours (TERM=xterm): the preset's twins, black behind everything.
run dark TERM=xterm
if has_sgr '([0-9;]*;)?40m'; then pass "dark on eight colours takes black as its background"; else fail "dark on 8 colours"; fi
if has_sgr '([0-9;]*;)?48;5;'; then fail "no 256-colour sequence on eight colours"; else pass "no 256-colour sequence on eight colours"; fi
send q
expect_exit 0 "q quits on eight colours"

# No colour at all: a monochrome terminal and NO_COLOR still draw, with attributes only.
for setting in TERM=vt100 NO_COLOR=1; do
  run dark "$setting"
  expect_screen "ZTE" "dark draws with $setting"
  # 39 and 49 (the terminal's own colours) are no colour.
  if has_sgr '([0-9;]*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;|m)'; then fail "no colour with $setting"; else pass "no colour with $setting"; fi
  send q
  expect_exit 0 "q quits with $setting"
done

printf 'theme = "blue"\n' >"$work/xdg/tread/config.toml"
start_app 80 20 env XDG_CONFIG_HOME="$work/xdg" XDG_STATE_HOME="$work/state" "$BIN"
expect_screen 'theme must be "terminal", "dark" or "light", not "blue"' "a bad preset is one line naming the file"
expect_exit 78 "a bad preset exits 78 like other config errors"

printf '[theme]\npreset = "light"\nlink = "red"\n' >"$work/xdg/tread/config.toml"
shown=$(env XDG_CONFIG_HOME="$work/xdg" "$BIN" config)
if grep -qx 'preset = "light"' <<<"$shown" && grep -qx 'link = "red"' <<<"$shown"; then
  pass "tread config shows the preset and the role set over it"
else
  fail "tread config shows the preset"
fi
finish
