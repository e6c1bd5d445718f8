#!/usr/bin/env bash
# End-to-end: the reader under tmux with a config file (temporary XDG_CONFIG_HOME) remapping keys
# and colours, opening links through a BROWSER stub that records its arguments, copying through
# OSC 52 into tmux's buffer, hostile links never opened, and a broken config refused before drawing;
# the selection role's look, and copying through a copy command stub that records its input.
# Usage: test-prefs-reader.sh PATH/TO/tread
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-prefs-reader.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work="$E2E_DIR/prefs"
mkdir -p "$work/xdg/tread"

cat >"$work/browser.sh" <<SH
#!/bin/sh
printf '%s\n' "\$#" "\$@" >> "$work/opened"
SH
chmod +x "$work/browser.sh"

long="https://example.org/$(printf 'segment%02d/' $(seq 1 12))end"
cat >"$work/thread.json" <<JSON
{"article": {"title": "Links thread", "url": "https://example.org/story", "author": "ann"},
 "comments": [
  {"id": 1, "author": "ann", "op": true, "body": "docs <https://docs.example.org/a?b=1&c=2> and $long", "replies": [
    {"id": 2, "author": "mo", "role": "moderator", "body": "bad <javascript:alert(1)> link"}
  ]},
  {"id": 3, "author": "bob", "body": "one <https://one.example.org/x>"}
 ]}
JSON

cat >"$work/xdg/tread/config.toml" <<'TOML'
max-width = 60
dates = "absolute"
[keys]
next-comment = ["e", "Down"]
quit = ["Q"]
[theme]
author = "red bold"
TOML

run() { start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" BROWSER="$work/browser.sh" "$BIN" "$@" "$work/thread.json"; }

# The BROWSER stub and the copies run beside the reader: each check polls for what they leave (a fixed
# sleep of 0.5 s was too short on a loaded machine).
# opened_only URL: the stub was run once, with URL as its one argument.
opened_only() { [[ -f $work/opened ]] && diff -q <(printf '1\n%s\n' "$1") "$work/opened" >/dev/null; }
# opened_url URL: the stub's first argument is URL.
opened_url() { [[ $(sed -n 2p "$work/opened" 2>/dev/null) == "$1" ]]; }
# buffer_is TEXT, buffer_has_line LINE: tmux's buffer (where OSC 52 copies go).
buffer_is() { [[ $(e2e_tmux show-buffer 2>/dev/null) == "$1" ]]; }
buffer_has_line() { e2e_tmux show-buffer 2>/dev/null | grep -qxF -- "$1"; }
# copied_has_line LINE: the copy command stub was given LINE.
copied_has_line() { grep -qxF -- "$1" "$work/copied" 2>/dev/null; }

run
expect_screen "Links thread" "the reader opens with the config"
expect_screen "▾ ann OP" "the OP is labelled in the reader"
expect_screen "docs [1] and" "links are numbered in the text"
expect_screen "example.org/segment01/" "a bare URL is drawn without its scheme"
if screen | grep -q "segment12/end"; then fail "a long URL is shortened"; else pass "a long URL is shortened"; fi
if screen | grep -q "…\[2\]"; then pass "a long URL is one token with its number"; else fail "a long URL is one token"; fi
# Author in red (colour 1): tmux reports it as SGR 31.
if screen_with_escapes | grep -q $'\e\\[1m\e\\[31mann\|\e\\[31m\e\\[1mann\|\e\\[1;31mann\|31m.*ann'; then
  pass "the theme colours the author"
else
  fail "the theme colours the author"
fi

send 2 o
if poll_until 10 opened_only "$long"; then
  pass "2o opens link 2, whole, as the browser's one argument"
else
  fail "2o opens link 2 (got: $(cat "$work/opened" 2>/dev/null | head -c 300))"
fi
rm -f "$work/opened"

send o
expect_screen "open which link?" "o with several links opens the picker"
send Down Enter
if poll_until 10 opened_url "$long"; then
  pass "the picker opens the chosen link"
else
  fail "the picker opens the chosen link"
fi
rm -f "$work/opened"

# A count typed after the key shows once the key has been taken (keys are taken in order): then the
# selection must not have moved. (A sleep of 0.3 s passed whatever j did on a loaded machine.)
count_shown() { status_line | grep -qE " 5( +\? help)? *$"; }
send j 5
if poll_until 10 count_shown && [[ $(status_line) == *"comment 1 of 3"* ]]; then
  pass "j is unbound when the config gives next-comment only e and Down"
else
  fail "j is unbound when the config gives next-comment only e and Down ($(status_line))"
fi
send Escape
send e
expect_screen "comment 2 of 3" "e moves to the next comment"
send o
expect_screen "not opened:" "a javascript: link is refused with a message"
sleep 0.3
if [[ -f $work/opened ]]; then fail "a hostile link is never opened"; else pass "a hostile link is never opened"; fi

e2e_tmux set -s set-clipboard on
send e y
expect_screen "copied link 1" "y copies the link"
if poll_until 10 buffer_is "https://one.example.org/x"; then
  pass "OSC 52 puts the link in tmux's buffer"
else
  fail "OSC 52 puts the link in tmux's buffer (got: $(e2e_tmux show-buffer 2>&1 | head -c 200))"
fi
send Y
if poll_until 10 buffer_has_line '**bob**'; then
  pass "Y copies the comment as Markdown with its author"
else
  fail "Y copies the comment as Markdown"
fi

send O
if poll_until 10 opened_url "https://example.org/story"; then
  pass "O opens the thread's address"
else
  fail "O opens the thread's address"
fi

send '?'
expect_screen "e ↓" "the help lists the keys in force"
send Escape
send q 5
if poll_until 10 count_shown && ! screen | grep -q "\[exit"; then pass "q no longer quits when quit is Q"; else
  fail "q no longer quits when quit is Q ($(status_line))"; fi
send Escape
send Q
expect_exit 0 "Q quits"
expect_tty_restored "the terminal is as it was after opening links"

# A broken config: one line naming the file and the line, exit 78, nothing drawn.
printf 'max-width = 60\n[keys]\nnext-comment = ["nope-key"]\n' >"$work/xdg/tread/config.toml"
start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$work/thread.json"
expect_exit 78 "a broken config stops tread with 78"
if screen | grep -q "config.toml:3" && ! screen | grep -q "Links thread"; then
  pass "the error names the file and line and nothing is drawn"
else
  fail "the error names the file and line (screen: $(screen | head -3))"
fi

# --print uses the same width from the config. A web address longer than that runs past it whole, on a
# line of its own (issue 23), bare or in <…> as the importers write links (branch qa), so such a line is
# not measured.
printf 'max-width = 30\n' >"$work/xdg/tread/config.toml"
widest=0
while IFS= read -r line; do
  [[ $line =~ ^[[:space:]]*[\<\(]?https?://[^[:space:]]+$ ]] && continue
  (( ${#line} > widest )) && widest=${#line}
done < <(XDG_CONFIG_HOME="$work/xdg" LC_ALL=C.UTF-8 "$BIN" --print --width 100 "$work/thread.json")
if (( widest > 20 && widest <= 34 )); then
  pass "--print wraps at the config's max-width"
else
  fail "--print wraps at the config's max-width (widest line: $widest)"
fi
# Dates: absolute in the local zone (TZ), or relative; fold on opening.
recent=$(date -u -d '-3 hours' +%Y-%m-%dT%H:%M:%SZ)
cat >"$work/dated.json" <<JSON
{"article": {"title": "Dated"}, "comments": [
  {"id": 1, "author": "ann", "published": "2018-07-03T10:12:00Z", "body": "old", "replies": [
    {"id": 2, "author": "bob", "published": "$recent", "body": "new"}]}]}
JSON
printf 'dates = "absolute"\n' >"$work/xdg/tread/config.toml"
if XDG_CONFIG_HOME="$work/xdg" TZ=JST-9 "$BIN" --print "$work/dated.json" | grep -q "ann · 2018-07-03 19:12"; then
  pass "absolute dates are in the local zone (TZ)"
else
  fail "absolute dates are in the local zone (TZ)"
fi
printf 'dates = "relative"\n' >"$work/xdg/tread/config.toml"
if XDG_CONFIG_HOME="$work/xdg" "$BIN" --print "$work/dated.json" | grep -q "bob · 3h ago"; then
  pass "relative dates say how long ago"
else
  fail "relative dates say how long ago"
fi
printf 'fold = "top-level"\n' >"$work/xdg/tread/config.toml"
start_app 80 20 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$work/dated.json"
expect_screen "▸ ann" "fold = top-level opens with replies folded"
expect_screen "1 reply hidden" "the folded thread says what it hides"
send q
expect_exit 0 "q quits again with the default keys"

# The selection role: the selected comment's header in the theme's colour and attributes.
printf '[theme]\nselection = "yellow underline"\n' >"$work/xdg/tread/config.toml"
start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$work/thread.json"
expect_screen "▾ ann OP" "the reader opens with a selection style"
# tmux writes yellow as SGR 33 and underline as SGR 4, in either order, before the selected author.
selected=$(screen_with_escapes | grep "▾" | head -1)
if grep -qE $'\e\\[([0-9]+;)*4[;m]' <<<"$selected" && grep -qE $'\e\\[([0-9]+;)*33[;m]' <<<"$selected"; then
  pass "the selected header takes the selection's colour and attribute"
else
  fail "the selected header takes the selection's colour (got: $(screen_with_escapes | grep "▾" | head -1 | cat -v))"
fi
bob_header=$(screen_with_escapes | grep -F "bob" | head -1)
if [[ -z $bob_header ]] || grep -qE $'\e\\[([0-9]+;)*4[;m]' <<<"$bob_header"; then
  fail "an unselected header keeps its own look"
else
  pass "an unselected header keeps its own look"
fi
send q
expect_exit 0 "q quits"
# Without colours (NO_COLOR) a selection that is only a colour is drawn reversed (SGR 7), never unmarked.
printf '[theme]\nselection = "yellow"\n' >"$work/xdg/tread/config.toml"
start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" NO_COLOR=1 "$BIN" "$work/thread.json"
expect_screen "▾ ann OP" "the reader opens without colours"
selected=$(screen_with_escapes | grep "▾" | head -1)
if grep -qE $'\e\\[([0-9]+;)*7[;m]' <<<"$selected" && ! grep -qE $'\e\\[([0-9]+;)*33[;m]' <<<"$selected"; then
  pass "without colours a colour-only selection is reversed"
else
  fail "without colours a colour-only selection is reversed (got: $(cat -v <<<"$selected"))"
fi
send q
expect_exit 0 "q quits"

# A copy command: y, Y and T run it without a shell, the text on its input, nothing on the screen.
cat >"$work/copy.sh" <<SH
#!/bin/sh
cat >> "$work/copied"
printf '\n--end of copy, %s argument(s): %s\n' "\$#" "\$1" >> "$work/copied"
echo "STUB ON STDOUT"
echo "STUB ON STDERR" >&2
exit 0
SH
chmod +x "$work/copy.sh"
printf '[copy]\ncommand = ["%s", "$HOME; rm"]\n' "$work/copy.sh" >"$work/xdg/tread/config.toml"
e2e_tmux set-buffer "before"
start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$work/thread.json"
expect_screen "Links thread" "the reader opens with a copy command"
send j j y
expect_status "copied 25 bytes with copy.sh" "y runs the copy command and says so"
if [[ $(cat "$work/copied" 2>/dev/null) == $'https://one.example.org/x\n--end of copy, 1 argument(s): $HOME; rm' ]]; then
  pass "the command gets the link on its input and its argument as written, no shell"
else
  fail "the command gets the link on its input (got: $(head -c 300 "$work/copied" 2>/dev/null))"
fi
if screen | grep -q "STUB ON"; then fail "the command writes nothing on the screen"; else pass "the command writes nothing on the screen"; fi
if [[ $(e2e_tmux show-buffer 2>/dev/null) == "before" ]]; then
  pass "with a copy command nothing goes through OSC 52"
else
  fail "with a copy command nothing goes through OSC 52"
fi
rm -f "$work/copied"
send Y
expect_status "with copy.sh" "Y runs the copy command"
# (y's message said "with copy.sh" already: wait for the file.)
if poll_until 10 copied_has_line '**bob**'; then
  pass "Y copies the comment as Markdown through the command"
else
  fail "Y copies the comment through the command"
fi
send q
expect_exit 0 "q quits after copying through a command"
expect_tty_restored "the terminal is as it was after the copy command"

# A command that is not there, and one that fails: a message each, and the reader goes on.
printf '[copy]\ncommand = ["tread-no-such-copy"]\n' >"$work/xdg/tread/config.toml"
start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$work/thread.json"
expect_screen "Links thread" "the reader opens with a missing copy command"
send Y
expect_status "copy command tread-no-such-copy not found" "a missing copy command is named"
send q
expect_exit 0 "q quits"
printf '[copy]\ncommand = ["sh", "-c", "cat >/dev/null; exit 4"]\n' >"$work/xdg/tread/config.toml"
start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$work/thread.json"
expect_screen "Links thread" "the reader opens with a failing copy command"
send T
expect_status "copy command sh failed (exit status 4)" "a failing copy command says its status"
send q
expect_exit 0 "q quits"

# A Discourse topic fetched by its address (from the replay server): I opens the selected post on its
# forum, /t/SLUG/TOPIC/POST_NUMBER, and the converted document keeps the topic's page.
rm -f "$work/xdg/tread/config.toml" "$work/opened"
here=$(cd "$(dirname "$0")" && pwd)
python3 "$here/replay_server.py" "$here/../Fixtures" "$work/port" &
server=$!
trap 'kill "$server" 2>/dev/null; e2e_cleanup' EXIT
poll_until 30 test -s "$work/port" || fail "the replay server starts"
base="http://127.0.0.1:$(cat "$work/port")"
start_app 100 30 env XDG_CONFIG_HOME="$work/xdg" XDG_CACHE_HOME="$work/cache" BROWSER="$work/browser.sh" \
  "$BIN" "$base/t/github-in-decay/6482"
expect_screen "GitHub in decay" "a Discourse topic opens by its address"
send j I
if poll_until 10 opened_url "$base/t/github-in-decay/6482/2"; then
  pass "I opens the selected Discourse post on its forum"
else
  fail "I opens the selected Discourse post (got: $(head -c 300 "$work/opened" 2>/dev/null))"
fi
send q
expect_exit 0 "q quits the fetched topic"
if XDG_CACHE_HOME="$work/cache" "$BIN" convert "$base/t/github-in-decay/6482" 2>/dev/null |
  grep -qF "\"url\": \"$base/t/github-in-decay/6482\""; then
  pass "the converted topic keeps its page as the article's address"
else
  fail "the converted topic keeps its page as the article's address"
fi
kill "$server" 2>/dev/null
finish
