#!/usr/bin/env bash
# End-to-end: keys whose escape sequences the TERM's terminfo entry does not name (ctrl-↑ under
# TERM=screen, Page Down and Delete under TERM=vt100) are one key or none, never Esc and letters:
# Esc clears the filter and closes a prompt, `[` goes a thread back, digits make a count.
# Usage: test-qa-terminal-keys.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-qa-terminal-keys.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")

# --- TERM=screen (GNU screen, older tmux): ctrl-↑ and shift-→ are not in its entry ----------
start_app 80 24 env TERM=screen "$BIN"
expect_status "article" "TERM=screen: the sample opens"
send c '&'
send -l zte
send Enter
expect_status "filter: 4 of 7 · comment 1 of 7" "TERM=screen: the filter is on"
send C-Up S-Right F12 '?'
expect_screen "tread keys" "TERM=screen: the help opens after the unknown keys"
expect_status "filter: 4 of 7 · comment 1 of 7" "TERM=screen: ctrl-↑, shift-→, F12 leave the filter and the selection"
send q q
expect_exit 0 "TERM=screen: q quits"
expect_tty_restored "TERM=screen: the terminal is restored"

# --- TERM=vt100 on an emulator: its entry has no Page Up, Page Down or Delete -----------------
start_app 80 24 env TERM=vt100 "$BIN"
expect_status "article" "TERM=vt100: the sample opens"
send NPage
expect_status "comment 1 of 7 · depth 1" "TERM=vt100: Page Down scrolls a page"
send PPage
expect_status "article" "TERM=vt100: Page Up scrolls back"
send / a b DC c
expect_status "/abc" "TERM=vt100: Delete leaves the search prompt open"
send Escape
expect_gone "/abc" "TERM=vt100: Esc closes the prompt"
send q
expect_exit 0 "TERM=vt100: q quits"
expect_tty_restored "TERM=vt100: the terminal is restored"

finish
