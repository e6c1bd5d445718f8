# Sourced by bench-fetch.sh and bench-lists.sh (not run on its own): the replay server with 50 ms added
# to every response, and a tmux server of the benchmark's own to run tread in.
#
# start_replay NAME SYNTHETIC: starts Tests/EndToEnd/replay_server.py on the fixtures with SYNTHETIC
# made-up comments (or stories), waits for its port, and sets `work` (a temporary folder), `server` (its
# pid) and `base` (its address); both servers stop and the folder goes on exit.
start_replay() {
    local here
    here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
    work=$(mktemp -d)
    socket="$1-$$"
    python3 "$here/../Tests/EndToEnd/replay_server.py" "$here/../Tests/Fixtures" "$work/port" \
        --synthetic "$2" --delay 0.05 &
    server=$!
    trap 'bench_tmux kill-server 2>/dev/null; kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
    for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
    base="http://127.0.0.1:$(cat "$work/port")"
    bench_tmux new-session -d -s keep -x 20 -y 5 "exec sleep 3600"
}

# bench_tmux ARGS...: tmux on the benchmark's own server.
bench_tmux() { tmux -L "$socket" -f /dev/null "$@"; }

# median SECONDS...: the middle value.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
