#!/usr/bin/env bash
# run-all.sh: every benchmark of tread, one after another, on a release build; the figures for
# BENCHMARKS.md. Not run by CI (the machine's load makes figures, not pass or fail).
#
# Usage: Benchmarks/run-all.sh [--quick]
#   --quick   small sizes and few runs: checks that every benchmark still runs, in a few minutes
#
# What it runs (each script says what its figures mean):
#   benchmark.sh      load, first screen and keys (tread-bench) on generated threads, beside jq
#   bench-config.sh   reading config.toml (TreadConfigBench)
#   TreadFilterBench  the filter on a generated thread
#   first-screen.sh   the reader's first screen from outside, under tmux
#   bench-visits.sh   first screen and quit with the reading state, beside --no-state
#   bench-fetch.sh    opening threads by address against the replay server, 50 ms a response
#   bench-lists.sh    front pages' first screens and `q` back to the list, 50 ms a response
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
cd "$root"
quick=0
[ "${1:-}" = "--quick" ] && quick=1

step() { printf '\n==> %s\n' "$*"; }
swift build -c release --product tread
for product in tread-bench TreadConfigBench TreadFilterBench; do swift build -c release --product "$product"; done
bin=$root/.build/release
work=$(mktemp -d "${TMPDIR:-/tmp}/tread-benchmarks.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ((quick)); then
    comments=20000 runs=1 sizes=20k
else
    comments=1000000 runs=5 sizes=100k,1m
fi
python3 Scripts/gen_thread.py --quiet --comments "$comments" --seed 1 >"$work/thread.json"

step "benchmark.sh --sizes $sizes --runs $runs"
bash "$here/benchmark.sh" --sizes "$sizes" --runs "$runs"
step "bench-config.sh"
bash "$here/bench-config.sh" "$bin" $((quick ? 100 : 1000))
step "TreadFilterBench ($comments comments)"
"$bin/TreadFilterBench" "$work/thread.json" 'depth>5' 'score>50' 'rust' 'has:link'
step "first-screen.sh ($comments comments)"
bash "$here/first-screen.sh" "$bin/tread" "$work/thread.json" "$runs"
step "bench-visits.sh ($comments comments)"
bash "$here/bench-visits.sh" "$bin/tread" "$work/thread.json" "$runs"
step "bench-fetch.sh"
bash "$here/bench-fetch.sh" "$bin/tread" "$runs"
step "bench-lists.sh"
bash "$here/bench-lists.sh" "$bin/tread" "$runs"
