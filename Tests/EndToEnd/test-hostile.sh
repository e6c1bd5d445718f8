#!/usr/bin/env bash
# End-to-end: hostile input around the document (issue 15): escapes in file names, options and
# TERM; signals and crashes while the reader owns the terminal; a file shortened under tread.
# Every check names the finding it guards. Usage: test-hostile.sh PATH/TO/tread
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BIN=${1:?usage: test-hostile.sh PATH/TO/tread}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
REPO=$(cd "$(dirname "$0")/../.." && pwd)
GEN="$REPO/Scripts/gen_thread.py"
work=$E2E_DIR

# clean_line FILE NAME: FILE is exactly one line, with no ESC, C0 (but the final newline), C1,
# bidi control, LRM/RLM/ALM or line/paragraph separator.
clean_line() {
    if python3 - "$1" <<'PY'; then pass "$2"; else fail "$2 ($(head -c 300 "$1" | od -c | head -5))"; fi
import sys
text = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
bad = [c for c in text[:-1] if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F or 0x202A <= ord(c) <= 0x202E
       or 0x2066 <= ord(c) <= 0x2069 or ord(c) in (0x200E, 0x200F, 0x061C, 0x2028, 0x2029)]
sys.exit(1 if bad or not text.endswith("\n") or text.count("\n") != 1 else 0)
PY
}

# app_state: "alternate cursor mouse" of the pane now (1/0 each), as tmux tracks them.
app_state() { e2e_tmux display -p -t app '#{alternate_on} #{cursor_flag} #{mouse_any_flag}'; }

# --- Escapes outside the document: every string tread did not write is sanitised ------------
osc=$'\e]0;pwned\a'
"$BIN" --print "$work/x${osc}y"$'\n'"tread: forged.json" 2>"$work/err"
clean_line "$work/err" "a file name with OSC and a newline is one clean line"
"$BIN" "--no-such-${osc}" 2>"$work/err" >/dev/null
head -n 1 "$work/err" >"$work/err1"
clean_line "$work/err1" "an unknown option is echoed sanitised"
grep -q $'\e' "$work/err" && fail "no ESC anywhere in a usage error" || pass "no ESC anywhere in a usage error"
"$BIN" --print --width "1${osc}" 2>"$work/err" >/dev/null
status=$?
head -n 1 "$work/err" >"$work/err1"
clean_line "$work/err1" "a bad option value is echoed sanitised"
[ "$status" -eq 64 ] && pass "a bad option value keeps the parser's status 64" || fail "a bad option value exits 64 (got $status)"
"$BIN" convert "$REPO/SampleData/zte-partial-reprieve.json" -o "$work/no-dir${osc}/out.json" 2>"$work/err"
status=$?
clean_line "$work/err" "an -o path is echoed sanitised"
[ "$status" -eq 73 ] && pass "an -o that cannot be created exits 73" || fail "an -o that cannot be created exits 73 (got $status)"
printf '{"article": {"title": "T"}, "comments": [{"id": "\\u200e\\u200f\\u061cx\\u2028y\\u2029"}, {"id": "\\u200e\\u200f\\u061cx\\u2028y\\u2029"}]}' >"$work/dup.json"
"$BIN" --print "$work/dup.json" 2>"$work/err" >/dev/null
clean_line "$work/err" "an id quoted in an error loses LRM, RLM, ALM and U+2028/2029"

# TERM is echoed when unknown; the reader needs a terminal, so run it in the pane.
start_app 80 24 sh -c "TERM='xterm${osc}evil' '$BIN' '$REPO/SampleData/zte-partial-reprieve.json' 2>'$work/term.err'"
expect_exit 78 "an unknown TERM exits 78"
clean_line "$work/term.err" "an unknown TERM is echoed sanitised"

# --- TERM=dumb and tread - ------------------------------------------------------------------
start_app 80 24 sh -c "TERM=dumb '$BIN' '$REPO/SampleData/zte-partial-reprieve.json' 2>'$work/dumb.err'"
expect_exit 78 "TERM=dumb refuses the reader with status 78"
grep -q -- "--print" "$work/dumb.err" && pass "TERM=dumb suggests --print" || fail "TERM=dumb suggests --print ($(cat "$work/dumb.err"))"

start_app 80 24 sh -c "'$BIN' - < '$REPO/SampleData/zte-partial-reprieve.json'"
expect_screen "ZTE Complies" "tread - opens the reader with the document from standard input"
send c
expect_screen "comment 1 of 7" "tread - takes keys from the terminal"
send q
expect_exit 0 "tread - quits with q"
expect_tty_restored "tread - restores the terminal"

# --- Signals: every terminating signal restores the terminal and exits 128+n ----------------
for sig in QUIT USR1 USR2 ALRM PIPE XCPU SEGV ABRT BUS TERM HUP; do
    number=$(kill -l "$sig")
    start_app 80 24 "$BIN" "$REPO/SampleData/zte-partial-reprieve.json"
    wait_for "ZTE Complies" || { fail "SIG$sig: the reader opens"; continue; }
    pid=$(app_pid)
    [ -n "$pid" ] && kill -s "$sig" "$pid"
    if wait_for "[exit $((128 + number))]" 15; then pass "SIG$sig exits $((128 + number))"; else
        fail "SIG$sig exits $((128 + number))"; fi
    state=$(app_state)
    [ "$state" = "0 1 0" ] && pass "SIG$sig leaves no alternate screen, hidden cursor or mouse mode" \
        || fail "SIG$sig restores screen, cursor and mouse (alternate cursor mouse: $state)"
    expect_tty_restored "SIG$sig restores the tty modes"
done

# SIGXFSZ is ignored (a write past `ulimit -f` fails with EFBIG instead, test-faults.sh): the reader goes on.
start_app 80 24 "$BIN" "$REPO/SampleData/zte-partial-reprieve.json"
wait_for "ZTE Complies" || fail "SIGXFSZ: the reader opens"
pid=$(app_pid)
[ -n "$pid" ] && kill -s XFSZ "$pid"
sleep 1
send q
expect_exit 0 "SIGXFSZ is ignored: the reader goes on and q quits"

# The backtracer must never wait for "Press space" while the terminal is ours, even when the
# user has not set SWIFT_BACKTRACE (lib.sh sets it, so unset it here).
start_app 80 24 env -u SWIFT_BACKTRACE TREAD_DEBUG_CRASH=draw "$BIN" "$REPO/SampleData/zte-partial-reprieve.json"
# The backtracer's prompt waits 30 s and then erases itself, so look for it while waiting.
asked=no
for _ in $(seq 120); do
    screen_and_history | grep -q "Press space" && asked=yes
    screen_and_history | grep -qF "[exit " && break
    sleep 0.1
done
screen_and_history | grep -qF "[exit " && pass "a crash with SWIFT_BACKTRACE unset ends within 12 s" \
    || fail "a crash with SWIFT_BACKTRACE unset ends within 12 s"
[ "$asked" = no ] && pass "the backtracer does not ask for a key" || fail "the backtracer does not ask for a key"
expect_tty_restored "a crash with SWIFT_BACKTRACE unset restores the terminal"

# Setting it costs no second start: the process that draws is the one the shell started. (A tread
# that ran itself again carries TREAD_REEXECUTED=1 in the environment it was started with, which
# /proc shows whatever it unsets later.)
start_app 80 24 env -u SWIFT_BACKTRACE "$BIN" "$REPO/SampleData/zte-partial-reprieve.json"
wait_for "help"
shell=$(e2e_tmux display -p -t app '#{pane_pid}')
app=$(awk '{ print $1 }' "/proc/$shell/task/$shell/children" 2>/dev/null || true)
if [ -n "$app" ] && [ -r "/proc/$app/environ" ]; then
    if tr '\0' '\n' < "/proc/$app/environ" | grep -q '^TREAD_REEXECUTED='; then
        fail "tread on a terminal with SWIFT_BACKTRACE unset starts once (it ran itself again)"
    else
        pass "tread on a terminal with SWIFT_BACKTRACE unset starts once"
    fi
else
    fail "tread's process is found under the pane's shell (/proc/$shell/task/$shell/children)"
fi
send q
wait_for "[exit 0]"

# --- A file shortened under the reader: it says so and goes on (issue 23); --print exits 74 -------
python3 "$GEN" --comments 3000 --seed 7 -q -o "$work/shrink.json"
start_app 80 24 "$BIN" "$work/shrink.json"
wait_for "? help" || fail "the reader opens the file to shrink"
: >"$work/shrink.json"
send G
expect_status "the file changed on disk" "the reader says the file changed"
send q
expect_exit 0 "a file truncated under the reader still quits with 0"
expect_tty_restored "a file truncated under the reader restores the terminal"

python3 "$GEN" --comments 3000 --seed 7 -q -o "$work/shrink.json"
# Cut once --print has read the file and written its first byte (it then blocks on the full pipe): a
# sleep of 1 s could end before a loaded machine's --print had opened the file at all.
"$BIN" --print "$work/shrink.json" 2>"$work/print.err" | { head -c 1 >/dev/null; : >"$work/shrink.json"; cat >/dev/null; }
status=${PIPESTATUS[0]}
[ "$status" -eq 74 ] && pass "a file truncated under --print exits 74" || fail "a file truncated under --print exits 74 (got $status)"
grep -q "shrink.json: the file changed while being read" "$work/print.err" && pass "--print says the file changed" \
    || fail "--print says the file changed ($(head -c 200 "$work/print.err"))"

# The same during a background load (a file over 8 MB): truncated while the rest is read.
python3 "$GEN" --comments 60000 --seed 10 -q -o "$work/shrink-big.json"
start_app 80 24 "$BIN" "$work/shrink-big.json"
wait_for "? help" 10 || fail "the reader opens the big file to shrink"
: >"$work/shrink-big.json"
send G
expect_exit 74 "a file truncated during the background load exits 74" 60
wait_for "shrink-big.json: the file changed while being read" && pass "the background load says the file changed" \
    || fail "the background load says the file changed"
expect_tty_restored "a file truncated during the background load restores the terminal"

# --- A reader on a big file whose error comes late names the file ----------------------------
python3 "$GEN" --comments 40000 --seed 8 -q -o "$work/late.json"
python3 - "$work/late.json" <<'PY'
import sys
path = sys.argv[1]
data = open(path, "rb").read().rstrip()
# Cut the closing brackets: the error is at the very end, after the preview is on screen.
open(path, "wb").write(data[:-2])
PY
if [ "$(stat -c %s "$work/late.json")" -lt 8388608 ]; then fail "late.json is over 8 MB (generator changed?)"; fi
start_app 80 24 sh -c "'$BIN' '$work/late.json' 2>'$work/late.err'"
expect_exit 65 "a late error in a big file exits 65" 60
grep -q "late.json" "$work/late.err" && pass "a late error names the file, not 'document'" \
    || fail "a late error names the file ($(cat "$work/late.err"))"

finish
