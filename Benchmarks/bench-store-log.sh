#!/usr/bin/env bash
# bench-store-log.sh TREAD STORE_DIR...: the sample opened and quit (`q` typed ahead) in an 80x24 tmux pane,
# with XDG_STATE_HOME/tread a fresh copy of each STORE_DIR (a tread state folder) every run, alternating;
# prints the median CPU (perf stat task-clock, every thread) and wall (the pane's shell, perf's start
# included) per folder. For comparing stores (a long -wal against a checkpointed one), not builds.
# ROUNDS (default 15).
(($# >= 2)) || { sed -n "2,6p" "$0"; exit 64; }
bin=$(realpath "$1"); shift; rounds=${ROUNDS:-15}
w=$(mktemp -d); tm() { tmux -L bench-store-log-$$ -f /dev/null "$@"; }
tm new-session -d -s keep -x 20 -y 5 "exec sleep 600"
for ((r = 0; r < rounds; r++)); do
  for t in "$@"; do
    rm -rf $w/state; mkdir -p $w/state; cp -a "$t" $w/state/tread; rm -f $w/done
    tm new-session -d -s q -x 80 -y 24 "export TERM=xterm-256color LANG=C.UTF-8 XDG_STATE_HOME=$w/state; s=\$EPOCHREALTIME; perf stat -x, -e task-clock -o $w/p $bin; e=\$EPOCHREALTIME; awk -F, -v s=\$s -v e=\$e '/task-clock/ {printf \"%.3f %.3f\n\", \$1, (e-s)*1000}' $w/p > $w/done.tmp; mv $w/done.tmp $w/done"
    tm send-keys -t q q
    until [[ -s $w/done ]]; do sleep 0.01; done
    echo "$t $(cat $w/done)" >> $w/all
  done
done
tm kill-server
for t in "$@"; do grep "^$t " $w/all | awk '{print $2}' | sort -g | awk -v t=$t '{v[NR]=$1} END {printf "%s cpu %.3f", t, v[int((NR+1)/2)]}'; grep "^$t " $w/all | awk '{print $3}' | sort -g | awk '{v[NR]=$1} END {printf " wall %.3f\n", v[int((NR+1)/2)]}'; done
rm -rf $w
