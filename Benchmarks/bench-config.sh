#!/usr/bin/env bash
# bench-config.sh: what reading config.toml costs at start-up, for BENCHMARKS.md (the budget is 5 ms).
#
# Usage: Benchmarks/bench-config.sh [BIN_DIR] [RUNS]
# BIN_DIR (default .build/release) holds `tread` and `TreadConfigBench`. Writes the full default config
# (every action's keys, every theme role: the largest config a user is likely to have) and a two-line
# one, then has TreadConfigBench load each RUNS times in one process and print the mean per load (file
# read, TOML parse, checks) on stderr.
set -euo pipefail
bindir=${1:-.build/release}
runs=${2:-1000}
[ -x "$bindir/tread" ] && [ -x "$bindir/TreadConfigBench" ] || {
    echo "bench-config: build first: swift build -c release --product tread --product TreadConfigBench" >&2
    exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bindir/tread" config --defaults >"$work/full.toml"
printf '[keys]\nquit = ["q", "Esc"]\n' >"$work/small.toml"
for name in full small; do
    printf '%s config (%s bytes): ' "$name" "$(wc -c <"$work/$name.toml")"
    "$bindir/TreadConfigBench" "$work/$name.toml" "$runs" "$work/full.toml"
done
