#!/usr/bin/env bash
# Times opening threads by their address against replay_server.py with made-up 2,000-comment
# threads and 50 ms added to every response (issue 11's targets). Not a test: CI does not run it.
# Usage: bench-fetch.sh PATH/TO/tread [RUNS] [whole]   (a release build: swift build -c release --product tread)
# "whole" measures a build from before the reader opened early (it shows every thread at once).
# "fediverse" measures Mastodon, Lemmy and Bluesky instead: 5,000-reply threads (issue 20's targets).
#
# Each run starts tread in a fresh 100x30 tmux pane (a cache folder of its own, so nothing is read
# from a copy) and polls the pane every few milliseconds: "first screen" is the time from start until
# the status line ("? help") shows, "whole" until the status line says every comment is in. Polling
# makes each figure an upper bound by a few milliseconds, and tmux starting the process adds the
# same to every figure (the file case shows how much: it fetches nothing). For Algolia, curl's time
# for the same response (50 ms of which is the delay) is printed too, so the difference is tread's
# time from the response to the first screen. Medians of RUNS runs (5 by default).
set -euo pipefail
BIN=${1:?usage: bench-fetch.sh PATH/TO/tread [RUNS]}
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")
RUNS=${2:-5}
# The text that says the whole thread is in; a build that opens only on the whole thread has none.
WHOLE=$([ "${3:-}" = whole ] && echo - || echo "comments are in")
SYNTHETIC=$([ "${3:-}" = fediverse ] && echo 5000 || echo 2000)
# shellcheck source=Benchmarks/replay-bench.sh
source "$(dirname "$0")/replay-bench.sh"
start_replay tread-bench "$SYNTHETIC"

# open_once WHOLE ENV... -- ARGS...: starts tread, prints "FIRST WHOLE" in seconds (WHOLE: the text
# that says the whole thread is in; "-" when the first screen is the whole thread).
open_once() {
    local whole=$1 run=$((RANDOM)) start first="" end="" screen elapsed
    shift
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    bench_tmux kill-session -t app 2>/dev/null || true
    start=$(date +%s.%N)
    bench_tmux new-session -d -s app -x 100 -y 30 \
        "env TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no XDG_CACHE_HOME=$work/cache-$run \
         XDG_STATE_HOME=$work/state-$run ${envs[*]} $(printf '%q ' "$BIN" "$@"); exec sleep 3600"
    while true; do
        screen=$(bench_tmux capture-pane -p -t app)
        elapsed=$(echo "$(date +%s.%N) - $start" | bc)
        if [ -z "$first" ] && grep -qF "? help" <<<"$screen"; then
            first=$elapsed
            [ "$whole" = "-" ] && end=$first
        fi
        if [ -n "$first" ] && [ -z "$end" ] && grep -qF -- "$whole" <<<"$screen"; then end=$elapsed; fi
        [ -n "$end" ] && break
        if [ "$(echo "$elapsed > 30" | bc)" = 1 ]; then
            echo "timed out; the screen:" >&2
            echo "$screen" >&2
            exit 1
        fi
        sleep 0.002
    done
    bench_tmux send-keys -t app q
    echo "$first $end"
}

# open_median WHOLE ENV... -- ARGS...: "FIRST WHOLE", medians of RUNS runs.
open_median() {
    local firsts=() wholes=() result
    for _ in $(seq "$RUNS"); do
        result=$(open_once "$@")
        firsts+=("${result% *}")
        wholes+=("${result#* }")
    done
    echo "$(median "${firsts[@]}") $(median "${wholes[@]}")"
}

curl_time() {
    local times=()
    for _ in $(seq "$RUNS"); do times+=("$(curl -s -o /dev/null -w '%{time_total}' "$1")"); done
    median "${times[@]}"
}

echo "uptime before: $(uptime)"
if [ "${3:-}" = fediverse ]; then
    # Each site's requests one after another, as tread makes them: the last response's end is their sum.
    mastodon=("$base/api/v1/statuses/9000000" "$base/api/v1/statuses/9000000/context")
    lemmy=("$base/api/v3/post?id=9000000")
    # Every page until the first empty one, as tread asks.
    page=1
    while true; do
        lemmy+=("$base/api/v3/comment/list?post_id=9000000&max_depth=8&type_=All&limit=50&page=$page")
        curl -s "${lemmy[-1]}" | grep -q '"comments": \[\]' && break
        page=$((page + 1))
    done
    bluesky=("$base/bsky/com.atproto.identity.resolveHandle?handle=synthetic.test"
        "$base/bsky/app.bsky.feed.getPostThread?uri=at%3A%2F%2Fdid%3Aplc%3Asynthetic%2Fapp.bsky.feed.post%2F3synthetic&depth=1000&parentHeight=1000")
    for site in mastodon lemmy bluesky; do
        declare -n urls=$site
        total=0
        for url in "${urls[@]}"; do total=$(echo "$total + $(curl_time "$url")" | bc); done
        case $site in
        mastodon) address="$base/@user0/9000000" ;;
        lemmy) address="$base/post/9000000" ;;
        bluesky) address="https://bsky.app/profile/synthetic.test/post/3synthetic" ;;
        esac
        read -r first _ < <(open_median - TREAD_BSKY_API="$base/bsky" -- "$address")
        echo "$site, 5,000 replies, ${#urls[@]} requests: responses $total s (curl, one after another)," \
            "first screen $first s, $(echo "$first - $total" | bc) s after the last response"
    done
    echo "uptime after: $(uptime)"
    exit 0
fi
curl -s -o "$work/algolia.json" "$base/algolia/items/9000000"
read -r file_first _ < <(open_median - -- "$work/algolia.json")
echo "The same Algolia response from a file: first screen $file_first s"
read -r algolia_first _ < <(open_median - TREAD_HN_ALGOLIA_API="$base/algolia" -- hn:9000000)
response=$(curl_time "$base/algolia/items/9000000")
echo "HN Algolia, 2,000 comments: response $response s (curl), first screen $algolia_first s," \
    "$(echo "$algolia_first - $response" | bc) s after the response"
read -r first whole < <(open_median "$WHOLE" TREAD_HN_ALGOLIA_API="$base/fault/500/algolia" \
    TREAD_HN_API="$base/hn" -- hn:9000000)
echo "HN official API, 2,001 requests (Algolia failing with 500): first screen $first s, whole thread $whole s"
read -r first whole < <(open_median "$WHOLE" TREAD_HN_ALGOLIA_API="$base/fault/404/algolia" \
    TREAD_HN_API="$base/hn" -- hn:9000000)
echo "HN official API, Algolia 404: first screen $first s, whole thread $whole s"
read -r first whole < <(open_median "$WHOLE" -- "$base/t/made-up/9000000")
echo "Discourse, 2,001 posts (1 + 100 requests): first screen $first s, whole topic $whole s"
echo "uptime after: $(uptime)"
