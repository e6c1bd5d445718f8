#!/usr/bin/env bash
# bench-killfile.sh: marking a document with a kill-file of many rules, for BENCHMARKS.md.
#
# Usage: Benchmarks/bench-killfile.sh FILE [BENCH] [RULES]
# Writes a kill-file of RULES (default 1000) queries as a user collects them, drawn from the first 30 MB
# of FILE with a fixed seed: half `author:NAME` (names of the file), a third words (some in the file,
# most not), phrases, and a few rules of two terms (`author:NAME score<0`, `WORD depth>5`); then
# BENCH (default .build/release/TreadFilterBench) times marking FILE with them all at once
# (`--kill-rules`; TREAD_KILL_RUNS=1 runs it once, for a slow build).
set -euo pipefail
file=${1:?usage: bench-killfile.sh FILE [BENCH] [RULES]}
bench=${2:-.build/release/TreadFilterBench}
count=${3:-1000}
[ -x "$bench" ] || {
    echo "bench-killfile: build first: swift build -c release --product TreadFilterBench" >&2
    exit 1
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
head -c 30000000 "$file" | python3 -c '
import json, random, re, sys
count = int(sys.argv[1])
text = sys.stdin.buffer.read().decode("utf-8", "replace")
authors = sorted(set(re.findall(r"\"author\": ?\"([A-Za-z0-9_-]+)\"", text)))
words = sorted(set(w.lower() for w in re.findall(r"[A-Za-z]{5,}", text)))
rng = random.Random(1)
def made_up():
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(5, 9)))
rules = []
for k in range(count):
    kind = k % 20
    if kind < 10:
        rules.append("author:" + rng.choice(authors))
    elif kind < 12:
        rules.append(rng.choice(words))
    elif kind < 17:
        rules.append(made_up())
    elif kind == 17:
        rules.append("\"%s %s\"" % (rng.choice(words), rng.choice(words)))
    elif kind == 18:
        rules.append("author:%s score<0" % rng.choice(authors))
    else:
        rules.append("%s depth>5" % made_up())
print("\n".join(rules))
' "$count" >"$work/rules.txt"
echo "$(wc -l <"$work/rules.txt") rules, e.g. $(head -3 "$work/rules.txt" | tr '\n' ' ')"
${BENCH_WRAP:-} "$bench" "$file" --kill-rules "$work/rules.txt"
