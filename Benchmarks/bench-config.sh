#!/usr/bin/env bash
# bench-config.sh: what reading config.toml costs at start-up, for BENCHMARKS.md (the budget is 5 ms).
#
# Usage: Scripts/bench-config.sh [PATH/TO/tread] [RUNS]
# Writes the full default config (every action's keys, every theme role: the largest config a user
# is likely to have) and a two-line one, then has `tread config --time-runs RUNS` load each RUNS
# times in one process and print the mean per load (file read, TOML parse, checks) on stderr.
set -euo pipefail
bin=${1:-.build/release/tread}
runs=${2:-1000}
[ -x "$bin" ] || { echo "bench-config: build first: swift build -c release --product tread" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" config --defaults >"$work/full.toml"
printf '[keys]\nquit = ["q", "Esc"]\n' >"$work/small.toml"
for name in full small; do
    printf '%s config (%s bytes): ' "$name" "$(wc -c <"$work/$name.toml")"
    "$bin" config --file "$work/$name.toml" --time-runs "$runs" 2>&1 >/dev/null
done
