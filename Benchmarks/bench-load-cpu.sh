#!/usr/bin/env bash
# bench-load-cpu.sh: CPU and wall time of `tread stats FILE` for two builds and the load floor (mmap +
# memchr over FILE, as benchmark.sh's), alternating in every round, each under `perf stat`. CPU time
# (task-clock) is what a loaded machine disturbs least; "CPUs utilised" shows whether the second core
# was there to take the second scan of a big load (issue 25).
#
# Usage: Benchmarks/bench-load-cpu.sh OLD_TREAD NEW_TREAD FILE [ROUNDS]   (prints one line per run:
#   subject, CPU ms, wall ms; then the medians)
set -euo pipefail
(($# >= 3)) || { sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }
old=$1 new=$2 file=$3 rounds=${4:-7}
command -v perf > /dev/null || { echo "bench-load-cpu.sh: needs perf" >&2; exit 69; }
work=$(mktemp -d "${TMPDIR:-/tmp}/tread-load-cpu.XXXXXX")
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/floor" "$(dirname "$0")/floor-mmap.c"
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
for ((round = 1; round <= rounds; round++)); do
  for subject in old new floor; do
    case $subject in
      old) run=("$old" stats "$file") ;;
      new) run=("$new" stats "$file") ;;
      floor) run=("$work/floor" "$file") ;;
    esac
    perf stat -x, -e task-clock,duration_time -o "$work/stat" "${run[@]}" > /dev/null
    awk -F, -v s=$subject '/task-clock/ { c = $1 } /duration_time/ { w = $1 / 1e6 } END { printf "%s %.0f %.0f\n", s, c, w }' \
      "$work/stat" | tee -a "$work/all"
  done
done
echo "# medians (CPU ms, wall ms); load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for subject in old new floor; do
  cpu=$(awk -v s=$subject '$1 == s { print $2 }' "$work/all" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  wall=$(awk -v s=$subject '$1 == s { print $3 }' "$work/all" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
  echo "$subject $cpu $wall"
done
