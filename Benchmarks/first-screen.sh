#!/usr/bin/env bash
# Times the reader's first screen from outside, as a user sees it, beside the floor of the method.
#
# Usage: Benchmarks/first-screen.sh PATH/TO/tread FILE [RUNS]     (a release build; FILE e.g. from gen_thread.py)
#
# Each subject runs in an 80x24 pane of a private tmux server (no config, TERM=xterm-256color,
# LANG=C.UTF-8, a fresh XDG_STATE_HOME). The pane's shell waits for a line, writes the time
# (bash's EPOCHREALTIME) and execs the subject, so tmux's own start of the pane is not counted.
# Two clocks stop when the subject's ready text ("help", the end of the status line) appears:
#   stream: the time tmux read the bytes from the pane (`pipe-pane` into a small stamper that was
#           started before the subject): no polling error, nothing running beside the subject;
#   polled: the end of the first `capture-pane` (every TREAD_FIRST_SCREEN_POLL s, 0.02 by default)
#           that shows it, as bench-visits.sh and benchmark.sh measure: an upper bound.
# Subjects: printf (the text from the shell: the floor of the method), a trivial ncurses program
# (initscr, one line, refresh: needs cc and ncursesw headers, skipped without them), `tread --version`
# (start-up and argument parsing, no file; its ready text is the version), `tread FILE`, and
# `tread FILE` with SWIFT_BACKTRACE already set (no re-exec; since issue 25 a build that links Swift in
# never re-executes, so the two should agree). Prints one line per run and subject, then
# the minimum and median of each. Not a test: CI does not run it.
set -euo pipefail
BIN=${1:?usage: first-screen.sh PATH/TO/tread FILE [RUNS]}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
FILE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
RUNS=${3:-5}
POLL=${TREAD_FIRST_SCREEN_POLL:-0.02}
work=$(mktemp -d "${TMPDIR:-/tmp}/tread-first-screen.XXXXXX")
socket="tread-first-screen-$$"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
exec {nap}<> <(:)
nap() { read -r -t "$1" -u "$nap" || true; }

# The stamper: reads what the pane prints, writes the time the ready text first arrived.
cat > "$work/stamp.py" <<'EOF'
import os, sys, time
out, flag, needle = sys.argv[1], sys.argv[2], sys.argv[3].encode()
open(flag, "w").close()
tail = b""
while True:
    chunk = os.read(0, 1 << 16)
    now = time.time()
    if not chunk:
        break
    tail = (tail + chunk)[-(len(chunk) + len(needle)):]
    if needle in tail:
        with open(out, "w") as f:
            f.write("%.6f\n" % now)
        break
# Keep reading, so tmux never blocks on the pipe.
while os.read(0, 1 << 16):
    pass
EOF

curses=""
if cc -x c -o "$work/curses-hello" - -lncursesw 2>/dev/null <<'EOF'
#include <curses.h>
int main(void) {
    initscr(); noecho(); cbreak();
    mvaddstr(LINES - 1, 0, "? help");
    refresh();
    getch();
    endwin();
    return 0;
}
EOF
then curses="$work/curses-hello"; fi

tm new-session -d -s keep -x 20 -y 5 "exec sleep 86400"
tm set-option -g remain-on-exit on

# measure READY CMD...: prints "STREAM POLLED" seconds from exec to READY on the pane.
measure() {
    local ready=$1; shift
    rm -f "$work/start" "$work/seen" "$work/flag"
    tm kill-session -t app 2>/dev/null || true
    tm new-session -d -s app -x 80 -y 24 "read -r go; export TERM=xterm-256color LANG=C.UTF-8 \
XDG_STATE_HOME=$work/state; echo \$EPOCHREALTIME > $work/start; exec $*"
    tm pipe-pane -t app "exec python3 $work/stamp.py $work/seen $work/flag '$ready'"
    until [ -e "$work/flag" ]; do nap 0.01; done
    tm send-keys -t app Enter
    until tm capture-pane -p -t app | grep -qF -- "$ready"; do nap "$POLL"; done
    local polled=$EPOCHREALTIME
    until [ -s "$work/seen" ]; do nap 0.01; done
    awk -v s="$(<"$work/start")" -v e="$(<"$work/seen")" -v p="$polled" 'BEGIN { printf "%.3f %.3f", e - s, p - s }'
    tm send-keys -t app q
    nap 0.3
    tm kill-session -t app 2>/dev/null || true
}

version=$("$BIN" --version)
subjects=(printf curses version tread tread-no-reexec)
declare -A results
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) CPUs"
echo "# binary $BIN; file $FILE ($(stat -L -c %s "$FILE") bytes); poll every $POLL s"
for run in $(seq "$RUNS"); do
    for subject in "${subjects[@]}"; do
        case $subject in
        printf) r=$(measure "help" "printf '? help'") ;;
        curses) [ -n "$curses" ] || continue; r=$(measure "help" "$curses") ;;
        version) r=$(measure "$version" "$BIN --version") ;;
        tread) r=$(measure "help" "$BIN '$FILE'") ;;
        tread-no-reexec) r=$(measure "help" "env SWIFT_BACKTRACE=interactive=no $BIN '$FILE'") ;;
        esac
        echo "run $run $subject: stream $(cut -d' ' -f1 <<<"$r") s, polled $(cut -d' ' -f2 <<<"$r") s"
        results[$subject]+="$r"$'\n'
    done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| subject | stream min | stream median | polled min | polled median |"
echo "|---|---:|---:|---:|---:|"
for subject in "${subjects[@]}"; do
    [ -n "${results[$subject]:-}" ] || continue
    stats() { sort -n | awk '{ v[NR] = $1 } END { printf "%.3f s | %.3f s", v[1], (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
    s=$(cut -d' ' -f1 <<<"${results[$subject]%$'\n'}" | stats)
    p=$(cut -d' ' -f2 <<<"${results[$subject]%$'\n'}" | stats)
    echo "| $subject | $s | $p |"
done
