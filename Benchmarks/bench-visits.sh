#!/usr/bin/env bash
# Times the reader on a thread whose every comment is already read (issue 12's targets): the first
# screen, and quitting (which saves the state), each beside the same with --no-state. Not a test: CI
# does not run it. The first screen is timed twice, as Benchmarks/first-screen.sh does: "stream" when tmux
# read the status line from the pane (pipe-pane into a stamper started before tread: no polling error),
# "polled" at the end of the first capture-pane (every 20 ms) that shows it (an upper bound).
# Usage: bench-visits.sh PATH/TO/tread FILE [RUNS]   (a release build; FILE from Scripts/gen_thread.py)
set -euo pipefail
BIN=${1:?usage: bench-visits.sh PATH/TO/tread FILE [RUNS]}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
FILE=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
RUNS=${3:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/tread-bench-visits.XXXXXX")
socket="tread-bench-visits-$$"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
exec {nap}<> <(:)
nap() { read -r -t "$1" -u "$nap" || true; }
state="$work/state"
tm new-session -d -s keep -x 20 -y 5 "exec sleep 86400"

# The stamper: writes the time the status line's end first came out of the pane.
cat > "$work/stamp.py" <<'EOF'
import os, sys, time
out, flag, needle = sys.argv[1], sys.argv[2], b"? help"
open(flag, "w").close()
tail = b""
while True:
    chunk = os.read(0, 1 << 16)
    if not chunk:
        break
    tail = (tail + chunk)[-(len(chunk) + len(needle)):]
    if needle in tail:
        with open(out, "w") as f:
            f.write("%.6f\n" % time.time())
        break
while os.read(0, 1 << 16):
    pass
EOF

# open ARGS...: starts tread ARGS in an 80x24 pane; prints the seconds until the first screen, "STREAM/POLLED".
open() {
    rm -f "$work/start" "$work/exit" "$work/seen" "$work/flag"
    tm new-session -d -s app -x 80 -y 24 "exec bash -c 'read -r go; echo \$EPOCHREALTIME > $work/start; \
        export TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$state; $BIN $*; echo \$EPOCHREALTIME > $work/exit'"
    tm pipe-pane -t app "exec python3 $work/stamp.py $work/seen $work/flag"
    until [ -e "$work/flag" ]; do nap 0.01; done
    tm send-keys -t app Enter
    until tm capture-pane -p -t app | grep -qF "? help"; do nap 0.02; done
    local seen=$EPOCHREALTIME
    until [ -s "$work/seen" ]; do nap 0.01; done
    awk -v s="$(<"$work/start")" -v e="$(<"$work/seen")" -v p="$seen" 'BEGIN { printf "%.3f/%.3f", e - s, p - s }'
}
# settle: waits until the background load is done and the visit is in (the status line is quiet).
settle() {
    until ! tm capture-pane -p -t app | grep -qF "loading"; do nap 0.1; done
    nap 2
}
# quit: presses q; prints the seconds until the process has ended.
quit() {
    local sent=$EPOCHREALTIME
    tm send-keys -t app q
    until [ -s "$work/exit" ]; do nap 0.02; done
    awk -v s="$sent" -v e="$(<"$work/exit")" 'BEGIN { printf "%.3f", e - s }'
    tm kill-session -t app 2>/dev/null || true
}

# A first visit that marks every comment read: the state the figures are about.
open "$FILE" >/dev/null
settle
tm send-keys -t app E
nap 1
echo "first save (every comment newly read): $(quit) s to quit"
ls -l "$state/tread" | sed 's/^/  /'
for run in $(seq "$RUNS"); do
    first=$(open "$FILE"); settle; q=$(quit)
    first_ns=$(open --no-state "$FILE"); settle; q_ns=$(quit)
    echo "run $run: first screen (stream/polled) $first s (--no-state $first_ns s); q to exit $q s (--no-state $q_ns s)"
done
echo "store: $(du -b "$state/tread/state.sqlite" | cut -f1) bytes"
