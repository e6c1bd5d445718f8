#!/usr/bin/env bash
# bench-startup.sh: the CPU a start costs (issue 25), for two builds and the ncurses floor,
# alternating in every round: `tread --print SampleData/flat-form.json` (`perf stat -r 10`), and the
# bundled sample opened and quit in an 80x24 tmux pane with `q` typed ahead, under `perf stat` inside
# the pane (CPU of every thread, page faults; wall from the pane's shell, perf's own start included).
# CPU time is what a loaded machine disturbs least; benchmark.sh gives the wall-time ratios. Each
# subject has a reading state and config folder of its own (XDG_STATE_HOME, XDG_CONFIG_HOME).
#
# Usage: Benchmarks/bench-startup.sh OLD_TREAD NEW_TREAD [ROUNDS]   (prints the medians)
set -euo pipefail
(($# >= 2)) || { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 64; }
old=$(realpath "$1") new=$(realpath "$2") rounds=${3:-9}
command -v perf > /dev/null || { echo "bench-startup.sh: needs perf" >&2; exit 69; }
command -v tmux > /dev/null || { echo "bench-startup.sh: needs tmux" >&2; exit 69; }
repo=$(cd "$(dirname "$0")/.." && pwd)
small=$repo/SampleData/flat-form.json
work=$(mktemp -d "${TMPDIR:-/tmp}/tread-startup.XXXXXX")
socket="tread-startup-$$"
tm() { tmux -L "$socket" -f /dev/null "$@"; }
trap 'tm kill-server 2> /dev/null || true; rm -rf "$work"' EXIT
# The floor, as benchmark.sh's: start ncurses, draw a line, read a key (with an argument: not), end.
cc -O2 -o "$work/floor" "$repo/Benchmarks/floor-curses.c" -lncursesw
binary() { case $1 in old) echo "$old" ;; new) echo "$new" ;; floor) echo "$work/floor" ;; esac; }
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $rounds rounds"
tm new-session -d -s keep -x 20 -y 5 "exec sleep 86400"
for ((round = 1; round <= rounds; round++)); do
  for subject in old new floor; do
    bin=$(binary $subject)
    # --print of a small file (the floor draws once without a key).
    args=(--print "$small")
    [[ $subject == floor ]] && args=(x)
    TERM=xterm-256color perf stat -r 10 -x, -e task-clock,page-faults -o "$work/stat" "$bin" "${args[@]}" > /dev/null
    awk -F, -v s=$subject '/task-clock/ { c = $1 } /page-faults/ { f = $1 } END { printf "print %s %.3f %d\n", s, c, f }' \
      "$work/stat" >> "$work/all"
    # The sample opened and quit in a pane, `q` typed ahead.
    rm -f "$work/done"
    tm new-session -d -s quit -x 80 -y 24 "export TERM=xterm-256color LANG=C.UTF-8 \
      XDG_STATE_HOME=$work/state-$subject XDG_CONFIG_HOME=$work/config-$subject; s=\$EPOCHREALTIME; \
      perf stat -x, -e task-clock,page-faults -o $work/pane $bin; e=\$EPOCHREALTIME; \
      awk -F, -v s=\$s -v e=\$e '/task-clock/ { c = \$1 } /page-faults/ { f = \$1 } \
        END { printf \"open-quit $subject %.3f %d %.3f\\n\", c, f, (e - s) * 1000 }' $work/pane >> $work/all; \
      touch $work/done"
    tm send-keys -t quit q
    until [[ -e $work/done ]]; do sleep 0.005; done
    while tm has-session -t quit 2> /dev/null; do sleep 0.005; done
  done
done
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo "# medians; load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-6s %9s %7s %9s\n' what subject "CPU ms" faults "wall ms"
for what in print open-quit; do
  for subject in old new floor; do
    rows=$(awk -v w=$what -v s=$subject '$1 == w && $2 == s' "$work/all")
    wall=$([[ $what == open-quit ]] && awk '{ print $5 }' <<< "$rows" | median || echo -)
    printf '%-10s %-6s %9.2f %7.0f %9s\n' $what $subject "$(awk '{ print $3 }' <<< "$rows" | median)" \
      "$(awk '{ print $4 }' <<< "$rows" | median)" "$wall"
  done
done
