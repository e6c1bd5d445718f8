#!/usr/bin/env bash
# Times opening threads by their address against replay_server.py with made-up 2,000-comment
# threads and 50 ms added to every response (issue 11's targets). Not a test: CI does not run it.
# Usage: bench-fetch.sh PATH/TO/tread [RUNS]   (a release build: swift build -c release)
# Prints, for each case, the median wall time from start to the reader's first frame (under a
# pseudo-terminal, TREAD_BENCH_EXIT_AFTER_FIRST_FRAME=1), and for Algolia the time curl takes to
# get the same response, so the difference is tread's time from the response to the first screen.
set -euo pipefail
BIN=${1:?usage: bench-fetch.sh PATH/TO/tread [RUNS]}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
python3 "$HERE/replay_server.py" "$HERE/../Fixtures" "$work/port" --synthetic 2000 --delay 0.05 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$work/port")"
export XDG_CACHE_HOME="$work/cache" TERM=xterm-256color LANG=C.UTF-8 TREAD_HN_API="$base/hn"

# median SECONDS...: the middle value.
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# first_frame ARGS...: seconds from start to the reader's first frame, RUNS times, the median.
first_frame() {
    local times=() start end
    for _ in $(seq "$RUNS"); do
        start=$(date +%s.%N)
        TREAD_BENCH_EXIT_AFTER_FIRST_FRAME=1 script -qec "$(printf '%q ' "$BIN" "$@")" /dev/null >/dev/null
        end=$(date +%s.%N)
        times+=("$(echo "$end - $start" | bc)")
    done
    median "${times[@]}"
}

curl_time() {
    local times=()
    for _ in $(seq "$RUNS"); do times+=("$(curl -s -o /dev/null -w '%{time_total}' "$1")"); done
    median "${times[@]}"
}

curl -s -o "$work/algolia.json" "$base/algolia/items/9000000"
echo "The same Algolia response from a file: first screen $(first_frame "$work/algolia.json") s"
echo "HN Algolia, 2,000 comments: response $(curl_time "$base/algolia/items/9000000") s (curl)," \
    "first screen $(TREAD_HN_ALGOLIA_API="$base/algolia" first_frame hn:9000000) s"
echo "HN official API, 2,001 requests: whole thread and first screen" \
    "$(TREAD_HN_ALGOLIA_API="$base/fault/500/algolia" first_frame hn:9000000) s" \
    "(Algolia failing with 500)"
echo "HN official API, Algolia 404: whole thread and first screen" \
    "$(TREAD_HN_ALGOLIA_API="$base/fault/404/algolia" first_frame hn:9000000) s"
echo "Discourse, 2,001 posts (1 + 100 requests): whole topic and first screen" \
    "$(first_frame "$base/t/made-up/9000000") s"
