#!/usr/bin/env bash
# End-to-end: | pipes the selected comment (ctrl-T: with its replies) to a command typed at the prompt,
# run without a shell on the terminal, its exit status on the status line and the reader usable after,
# `less` included; w and W save to a file (~ expanded, a file there replaced only after y).
# A temporary XDG home and HOME: nothing of the user's is read or written.
# Usage: test-pipe.sh PATH/TO/tread
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-pipe.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work="$E2E_DIR/pipe"
mkdir -p "$work/xdg/tread" "$work/state" "$work/home/notes"

cat >"$work/thread.json" <<'JSON'
{"article": {"title": "Piping thread", "author": "ann"},
 "comments": [
  {"id": "c1", "author": "ann", "body": "first words $(touch /tmp/tread-pipe-pwned) `x`", "replies": [
    {"id": "c2", "author": "bob", "body": "a reply", "replies": [
      {"id": "c3", "author": "cy", "body": "deeper"}]}]},
  {"id": "c4", "author": "dee", "body": "another thread"}
 ]}
JSON

# The config's pipe command: a script that keeps what it reads, so the default is what | offers.
cat >"$work/keep.sh" <<SH
#!/bin/sh
cat > "$work/kept.md"
SH
chmod +x "$work/keep.sh"
cat >"$work/xdg/tread/config.toml" <<TOML
[pipe]
command = ["$work/keep.sh"]
TOML

run() {
  start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" XDG_STATE_HOME="$work/state" HOME="$work/home" \
    "$BIN" "$@" "$work/thread.json"
}

# Types TEXT literally at the prompt, after clearing what it offers.
type_line() { send C-u; send -l "$1"; }

command_runs() { [[ -n $(command_pid "$1") ]]; }

run
expect_screen "Piping thread" "the reader opens"
send c
expect_status "comment 1 of 4" "the first comment is selected"

send '|'
expect_status "pipe the comment to: $work/keep.sh" "| offers the config's command"
send Enter
expect_status "keep.sh ended (exit status 0)" "the command's exit status is on the status line"
if [[ -f $work/kept.md ]] && grep -qF '**ann**' "$work/kept.md" \
  && grep -qF 'first words $(touch /tmp/tread-pipe-pwned) `x`' "$work/kept.md" \
  && ! grep -qF 'a reply' "$work/kept.md"; then
  pass "the command reads the comment as Markdown on its standard input"
else
  fail "the command reads the comment ($(cat "$work/kept.md" 2>/dev/null))"
fi
[[ -e /tmp/tread-pipe-pwned ]] && fail "no shell ran the document's text" || pass "no shell ran the document's text"

send '|'
type_line "tee '$work/with replies.md'"
send C-t
expect_status "pipe the comment and 2 replies to: tee" "ctrl-T pipes the replies too"
send Enter
expect_status "tee ended (exit status 0)" "tee ends with 0"
if grep -qF '> > **cy**' "$work/with replies.md" 2>/dev/null && grep -qF 'a reply' "$work/with replies.md"; then
  pass "a quoted argument with a space is one word, and the subtree is nested Markdown"
else
  fail "the subtree reaches tee ($(ls "$work"))"
fi

send '|'
type_line 'sh -c "exit 7"'
send Enter
expect_status "sh failed (exit status 7)" "a failing command's status is said"
send '|'
type_line 'sh -c "kill -9 $$"'
send Enter
expect_status "sh was ended by signal 9 (SIGKILL)" "a killed command is said"
send '|'
type_line "no-such-program-tread"
send Enter
expect_status "no-such-program-tread: command not found; nothing piped" "a missing program is said"
send j
expect_status "comment 2 of 4" "the reader takes keys after the commands"
expect_screen "Piping thread" "the reader's screen is back"

# A pager gets the terminal: its screen, its keys, then the reader's screen again.
send '|'
type_line "less"
send Enter
expect_screen "(END)" "less draws on the terminal"
send q
expect_status "less ended (exit status 0)" "the reader comes back after less"
send k
expect_status "comment 1 of 4" "keys reach the reader after less"

# While the command runs the terminal is the user's (no alternate screen, no mouse reporting), and
# both come back after it.
flags() { e2e_tmux display -p -t app '#{alternate_on} #{mouse_standard_flag} #{mouse_sgr_flag}'; }
flags_are() { [[ $(flags) == "$1" ]]; }
[[ $(flags) == "1 1 1" ]] && pass "the reader has the alternate screen and the mouse" || fail "reader flags: $(flags)"
# A command that runs until the test lets it end (a `sleep 2` ended before a loaded machine looked).
send '|'
type_line "sh -c 'until [ -e $work/go ]; do sleep 0.1; done'"
send Enter
poll_until 10 flags_are "0 0 0" && pass "the command has the terminal as it was" || fail "flags while piping: $(flags)"
touch "$work/go"
expect_status "sh ended (exit status 0)" "the command ends"
[[ $(flags) == "1 1 1" ]] && pass "the alternate screen and the mouse come back" || fail "flags after: $(flags)"

# ctrl-C is the command's: it stops it, and the reader stays.
send '|'
type_line "sleep 300"
send Enter
# ^C before the command runs would be the reader's (it quits on ^C).
poll_until 10 command_runs sleep || fail "sleep runs under tread"
send C-c
expect_status "sleep was ended by signal 2 (SIGINT)" "ctrl-C stops the command, not the reader"

send w
expect_status "save the comment to: " "w asks for a path"
type_line "~/notes/one.md"
send Enter
expect_status "saved 1 comment to ~/notes/one.md" "w saves the comment, ~ expanded"
if grep -qF '**ann**' "$work/home/notes/one.md" 2>/dev/null && ! grep -qF 'a reply' "$work/home/notes/one.md"; then
  pass "the saved file holds the comment"
else
  fail "the saved file holds the comment"
fi
before=$(cat "$work/home/notes/one.md")

send W
expect_status "save the comment and 2 replies to: ~/notes/" "W offers the last directory"
send -l "one.md"
send Enter
expect_status "~/notes/one.md exists: replace it? (y/n)" "a file there is not replaced without asking"
send n
expect_status "not saved: ~/notes/one.md is kept as it was" "n keeps the file"
[[ $(cat "$work/home/notes/one.md") == "$before" ]] && pass "the file is unchanged" || fail "the file is unchanged"
send W
send -l "one.md"
send Enter
expect_status "replace it? (y/n)" "asked again"
send y
expect_status "saved 3 comments to ~/notes/one.md" "y replaces it with the comment and its replies"
grep -qF 'deeper' "$work/home/notes/one.md" && pass "the subtree is saved" || fail "the subtree is saved"

send w
type_line "$work/no/such/dir/x.md"
send Enter
expect_status "no such directory" "a save that cannot be made says why in words"
# /dev/full: a device is written in place (AtomicFile), and its ENOSPC is a full disk.
send w
type_line "/dev/full"
send Enter
expect_status "/dev/full exists: replace it? (y/n)" "a device there is asked about too"
send y
expect_status "could not save to /dev/full: the disk is full" "a full disk is said in words"

send q
expect_exit 0 "q quits after piping and saving"
expect_tty_restored "the terminal is restored after piping and saving"

# A file past `ulimit -f` (SIGXFSZ is ignored, so the write fails with EFBIG) is said in words.
body=$(printf 'long words %.0s' $(seq 1 400))
printf '{"article": {"title": "Big comment"}, "comments": [{"id": "b", "author": "ann", "body": "%s"}]}' \
  "$body" >"$work/big.json"
start_app 100 30 sh -c "ulimit -f 1; exec env XDG_CONFIG_HOME='$work/xdg' XDG_STATE_HOME='$work/state' \
  HOME='$work/home' '$BIN' '$work/big.json'"
expect_screen "Big comment" "the reader opens under ulimit -f"
send c w
type_line "~/big.md"
send Enter
expect_status "the file is too big for this system or for ulimit -f (EFBIG)" "a file past ulimit -f is said in words"
[[ -e $work/home/big.md ]] && fail "no half file is left" || pass "no half file is left"
send q
expect_exit 0 "q quits under ulimit -f"

# SIGTERM to tread while a command has the terminal: the command is ended too, tread exits 143 as
# ever, and the terminal is restored.
run
expect_screen "Piping thread" "the reader opens again"
send '|'
type_line "sleep 300"
send Enter
poll_until 10 command_runs sleep
reader=$(app_pid)
sleeper=$(command_pid sleep)
[[ -n $sleeper ]] && pass "the command runs as tread's child" || fail "no command under tread ($reader)"
kill -TERM "$reader"
expect_exit 143 "SIGTERM while piping ends tread with 143"
expect_tty_restored "the terminal is restored after SIGTERM while piping"
if [[ -n $sleeper ]] && kill -0 "$sleeper" 2>/dev/null; then
  fail "the command is ended with tread"
  kill "$sleeper"
else
  pass "the command is ended with tread"
fi
finish
