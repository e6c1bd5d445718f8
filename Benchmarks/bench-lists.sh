#!/usr/bin/env bash
# Times front pages (issue 19) against replay_server.py with 50 ms added to every response: the
# first screen of each site's list, `q` from the reader back to the list. Not a test: CI does not run it.
# Usage: bench-lists.sh PATH/TO/tread [RUNS]   (a release build: swift build -c release --product tread)
#
# Each run starts tread in a fresh 100x30 tmux pane (its own cache and state folders) and polls the
# pane every 2 ms: "first screen" is from start until the list's status line ("? help") shows. The
# Hacker News top list is 1 + 30 requests (made-up stories: --synthetic); the others one request
# each, whose curl time (50 ms of which is the delay) is printed beside, so the difference is
# tread's own time. "q back" is from sending q in the reader until the list's title row is drawn
# again. Polling makes each figure an upper bound by a few milliseconds. Medians of RUNS runs (5).
set -euo pipefail
BIN=${1:?usage: bench-lists.sh PATH/TO/tread [RUNS]}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
RUNS=${2:-5}
# shellcheck source=Benchmarks/replay-bench.sh
source "$(dirname "$0")/replay-bench.sh"
start_replay tread-bench-lists 50
apis="TREAD_HN_API=$base/hn TREAD_REDDIT_API=$base/reddit TREAD_LOBSTERS_API=$base/lobsters TREAD_HN_ALGOLIA_API=$base/algolia"

now() { date +%s.%N; }

# wait_text TEXT START: seconds from START until TEXT shows on the pane.
wait_text() {
    local text=$1 start=$2 elapsed
    while true; do
        if bench_tmux capture-pane -p -t app | grep -qF -- "$text"; then
            echo "$(now) - $start" | bc
            return
        fi
        elapsed=$(echo "$(now) - $start" | bc)
        if [ "$(echo "$elapsed > 30" | bc)" = 1 ]; then
            echo "timed out waiting for $text; the screen:" >&2
            bench_tmux capture-pane -p -t app >&2
            exit 1
        fi
        sleep 0.002
    done
}

# start LIST: starts tread on LIST in a fresh pane; prints the start time.
start() {
    local run=$((RANDOM)) start
    bench_tmux kill-session -t app 2>/dev/null || true
    start=$(now)
    bench_tmux new-session -d -s app -x 100 -y 30 \
        "env TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no XDG_CACHE_HOME=$work/cache-$run \
         XDG_STATE_HOME=$work/state-$run $apis $(printf '%q ' "$BIN" "$1"); exec sleep 3600"
    echo "$start"
}

first_screen() {
    local times=()
    for _ in $(seq "$RUNS"); do times+=("$(wait_text "? help" "$(start "$1")")"); done
    median "${times[@]}"
}

curl_time() {
    local times=()
    for _ in $(seq "$RUNS"); do times+=("$(curl -s -o /dev/null -w '%{time_total}' "$1")"); done
    median "${times[@]}"
}

echo "uptime before: $(uptime)"
echo "HN top list, 1 + 30 requests: first screen $(first_screen hn) s"
for pair in "reddit $base/reddit/hot.json" "lobsters $base/lobsters/hottest.json" "$base/latest $base/latest.json"; do
    list=${pair% *}
    first=$(first_screen "$list")
    response=$(curl_time "${pair#* }")
    echo "$list: response $response s (curl), first screen $first s, $(echo "$first - $response" | bc) s after the response"
done
backs=()
for _ in $(seq "$RUNS"); do
    s=$(start lobsters:newest)
    wait_text "? help" "$s" >/dev/null
    bench_tmux send-keys -t app Enter
    wait_text "── " "$s" >/dev/null
    sleep 0.3
    bench_tmux send-keys -t app q
    backs+=("$(wait_text "lobsters:newest · 3 stories" "$(now)")")
done
echo "q from the reader back to the list: $(median "${backs[@]}") s (median of $RUNS)"
echo "uptime after: $(uptime)"
