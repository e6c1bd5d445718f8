#!/usr/bin/env bash
# End-to-end: the kill-file ([[kill]] in config.toml, a temporary XDG_CONFIG_HOME) in the reader under
# tmux: hidden comments as one line with their replies kept, the status's count, X showing them, dimmed
# comments drawn dim, rules of another site left out, search skipping hidden comments; a big thread
# marked beside the reader; --print with and without (--no-kill); a bad rule refused with 78, naming it.
# Usage: test-killfile.sh PATH/TO/tread
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-killfile.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
work="$E2E_DIR/killfile"
mkdir -p "$work/xdg/tread" "$work/bad/tread"

cat >"$work/thread.json" <<'JSON'
{"article": {"title": "Kill-file thread", "url": "https://forum.example.org/t/1", "author": "ann"},
 "comments": [
  {"id": 1, "author": "ann", "body": "first target words", "replies": [
    {"id": 2, "author": "spammer", "body": "BUY CHEAP target pills", "replies": [
      {"id": 3, "author": "bob", "body": "a reply to the spammer"}
    ]}
  ]},
  {"id": 4, "author": "cat", "body": "dimmed opinion text"},
  {"id": 5, "author": "dan", "body": "dan writes target too"},
  {"id": 6, "author": "eve", "body": "eve is hidden on this forum only"}
 ]}
JSON

cat >"$work/xdg/tread/config.toml" <<'TOML'
[[kill]]
query = "author:spammer"

[[kill]]
query = "author:cat"
action = "dim"

[[kill]]
query = "author:dan"
site = "reddit"

[[kill]]
query = "author:eve"
site = "forum.example.org"
TOML

run() { start_app 80 30 env XDG_CONFIG_HOME="$work/xdg" "$BIN" "$@"; }

run "$work/thread.json"
expect_screen "Kill-file thread" "the reader opens with a kill-file"
expect_screen "│ ▾ hidden by the kill-file" "a hidden comment is one line at its depth"
expect_screen "a reply to the spammer" "a hidden comment's replies stay"
if screen | grep -q "BUY CHEAP"; then fail "a hidden comment's text is not shown"; else pass "a hidden comment's text is not shown"; fi
expect_screen "dan writes target too" "a rule for another site does not hold here"
if screen | grep -q "eve is hidden"; then fail "a rule for this forum's host holds"; else pass "a rule for this forum's host holds"; fi
expect_screen "kill-file: 2 hidden" "the status counts the hidden comments"
expect_screen "2 hidden by the kill-file · X shows them" "the status says which key shows them"
# cat's comment in the dim style: tmux reports it as SGR 2.
if screen_with_escapes | grep "dimmed opinion" | grep -q $'\e\\[2m\|\e\\[[0-9;]*;2m\|\e\\[2;'; then
  pass "a dimmed comment is drawn dim"
else
  fail "a dimmed comment is drawn dim"
fi
send /
send -l target
send Enter
expect_screen "match 1 of 2" "the search counts no hit in a hidden comment"
send X
expect_screen "BUY CHEAP target pills" "X shows the hidden comments"
expect_screen "kill-file: 2 shown" "the status says they are shown"
send n
expect_screen "match 2 of 3" "the search finds the shown comment's hit"
send X
wait_for "2 hidden by the kill-file · X shows them" || fail "X hides them again"
if screen | grep -q "BUY CHEAP"; then fail "X hides them again"; else pass "X hides them again"; fi
send q
expect_exit 0 "q quits"
expect_tty_restored "the terminal is restored"

# A big thread is marked beside the reader: the first screen shows at once, the marks follow.
python3 - "$work/big.json" <<'PY'
import json, sys
comments = [{"id": i, "author": "u%d" % (i % 50), "body": ("zzzmark " if i % 1000 == 0 else "") + "comment %d" % i}
            for i in range(60000)]
json.dump({"article": {"title": "Big kill-file thread"}, "comments": comments}, open(sys.argv[1], "w"))
PY
cat >"$work/xdg/tread/config.toml" <<'TOML'
[[kill]]
query = "zzzmark"
TOML
run "$work/big.json"
expect_screen "Big kill-file thread" "a big thread opens"
wait_for "kill-file: 60 hidden" 60 && pass "a big thread's kill-file marks arrive" || fail "a big thread's kill-file marks arrive"
expect_screen "hidden by the kill-file" "the first comment, killed, is one line"
send q
expect_exit 0 "q quits the big thread"

# --print applies the kill-file; --no-kill prints every comment.
cat >"$work/xdg/tread/config.toml" <<'TOML'
[[kill]]
query = "author:spammer"
TOML
printed=$(XDG_CONFIG_HOME="$work/xdg" "$BIN" --print --width 70 "$work/thread.json" 2>"$work/print.err")
if grep -q "│ ▾ hidden by the kill-file" <<<"$printed" && ! grep -q "BUY CHEAP" <<<"$printed" \
  && grep -q "a reply to the spammer" <<<"$printed"; then
  pass "--print prints a hidden comment as one line, its replies kept"
else
  fail "--print applies the kill-file: $printed"
fi
grep -q "tread: 1 hidden by the kill-file (--no-kill prints them)" "$work/print.err" \
  && pass "--print says on standard error how many are hidden" || fail "--print says how many: $(cat "$work/print.err")"
cat >"$work/thread-rule.toml" <<'TOML'
[[kill]]
query = "author:spammer"
action = "hide-thread"
TOML
mkdir -p "$work/thread-xdg/tread" && cp "$work/thread-rule.toml" "$work/thread-xdg/tread/config.toml"
printed=$(XDG_CONFIG_HOME="$work/thread-xdg" "$BIN" --print --width 70 "$work/thread.json" 2>/dev/null)
if grep -q "│ ▸ hidden by the kill-file · 1 reply folded" <<<"$printed" && ! grep -q "a reply to the spammer" <<<"$printed"; then
  pass "--print leaves out the replies of a hide-thread rule's comment"
else
  fail "hide-thread in --print: $printed"
fi
printed=$(XDG_CONFIG_HOME="$work/xdg" "$BIN" --print --no-kill --width 70 "$work/thread.json" 2>/dev/null)
if grep -q "BUY CHEAP" <<<"$printed" && ! grep -q "hidden by the kill-file" <<<"$printed"; then
  pass "--no-kill prints every comment"
else
  fail "--no-kill prints every comment"
fi
listed=$(XDG_CONFIG_HOME="$work/xdg" "$BIN" config)
grep -q $'^\\[\\[kill\\]\\]$' <<<"$listed" && grep -q '^query = "author:spammer"$' <<<"$listed" \
  && pass "tread config lists the rules" || fail "tread config lists the rules"

# A bad rule: one line naming the rule, its line and the error, and 78, before anything is drawn.
cat >"$work/bad/tread/config.toml" <<'TOML'
[[kill]]
query = "author:ok"

[[kill]]
query = "score>"
TOML
XDG_CONFIG_HOME="$work/bad" "$BIN" config >/dev/null 2>"$work/bad.err"
status=$?
if [[ $status == 78 ]] && grep -q 'config.toml:5: kill rule 2 ("score>"): ' "$work/bad.err"; then
  pass "tread config refuses a bad rule with 78, naming it"
else
  fail "a bad rule: status $status, $(cat "$work/bad.err")"
fi
start_app 80 24 env XDG_CONFIG_HOME="$work/bad" "$BIN" "$work/thread.json"
expect_exit 78 "the reader refuses a bad rule with 78"
expect_screen "kill rule 2" "the reader's error names the rule"
finish
