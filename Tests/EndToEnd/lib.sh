# shellcheck shell=bash
# lib.sh: helpers for end-to-end tests that drive tread in a private tmux server.
#
# Usage, in a test script:
#
#   #!/usr/bin/env bash
#   source "$(dirname "$0")/lib.sh"
#   start_app 80 24 .build/debug/tread SampleData/article.json
#   wait_for "comments"           || fail "reader opens"
#   send j j                      # tmux key names: j, Up, C-c, PageDown, Enter...
#   send -l $'\e[<65;10;5M'       # -l sends literally (here an SGR wheel-down at column 9, row 4:
#                                 # xterm-256color's terminfo makes ncurses use SGR mouse reports)
#   expect_screen "▸ alice"       "folded comment shows its marker"
#   send q
#   expect_exit 0                 "q quits"
#   expect_tty_restored           "q restores the terminal"
#   finish                        # prints "N passed, N failed", exits 0 only if none failed
#
# Every test script gets its own server (tmux -L tread-e2e-PID, no config), killed
# on exit. The app runs with TERM=xterm-256color, LANG=C.UTF-8 and
# SWIFT_BACKTRACE=interactive=no; when it ends the pane shows "[exit N]" and stays
# open, so the last screen and the exit status can be read. The pane's tty settings
# are saved before the app starts, for expect_tty_restored.
#
# Functions: start_app COLS ROWS CMD...; wait_for TEXT [SECONDS]; poll_until SECONDS COMMAND...;
# send KEYS...; screen; screen_with_escapes; screen_and_history; stty_of_pane; resize COLS ROWS;
# expect_screen TEXT [NAME [SECONDS]]; expect_status TEXT NAME [SECONDS]; expect_gone TEXT NAME;
# expect_exit N [NAME [SECONDS]]; expect_tty_restored [NAME]; pass NAME; fail NAME; finish. Set
# E2E_VERBOSE=1 to print every passing check too.
#
# Every wait polls until its condition holds and fails after E2E_TIMEOUT seconds (10 by default; a
# wait given more seconds waits that long): a debug build on a loaded 2-core CI machine can take
# seconds to draw what takes milliseconds on a quiet one, and only a check that fails pays for the
# wait. Never `sleep` in place of a wait: wait for what shows the step is done (the screen, a file,
# a process), with poll_until when it is not on the screen.

E2E_TIMEOUT=${E2E_TIMEOUT:-10}
E2E_SOCKET="tread-e2e-$$"
E2E_DIR="$(mktemp -d "${TMPDIR:-/tmp}/tread-e2e.XXXXXX")"
E2E_PASSED=0
E2E_FAILED=0

e2e_tmux() { tmux -L "$E2E_SOCKET" -f /dev/null "$@"; }

e2e_cleanup() {
  local socket
  socket="$(e2e_tmux display -p '#{socket_path}' 2>/dev/null)"
  e2e_tmux kill-server 2>/dev/null || true
  # tmux leaves the socket file behind when the server is killed.
  [[ -n $socket ]] && rm -f "$socket"
  rm -rf "$E2E_DIR"
}
trap e2e_cleanup EXIT

# start_app COLS ROWS CMD...: runs CMD in a fresh COLS x ROWS pane named "app".
start_app() {
  local columns=$1 rows=$2
  shift 2
  # A session that outlives the app's, so killing "app" never takes the server down mid-restart.
  e2e_tmux has-session -t keep 2>/dev/null || e2e_tmux new-session -d -s keep -x 20 -y 5 "exec sleep 3600"
  e2e_tmux kill-session -t app 2>/dev/null || true
  local command
  command="$(printf '%q ' "$@")"
  # Each start is a first visit (a reading state of its own): a test that needs one across starts
  # names it in CMD (env XDG_STATE_HOME=… tread …), which comes later and wins.
  E2E_STARTS=$(( ${E2E_STARTS:-0} + 1 ))
  e2e_tmux new-session -d -s app -x "$columns" -y "$rows" \
    "stty -g > '$E2E_DIR/stty.before'; \
     env TERM=xterm-256color LANG=C.UTF-8 SWIFT_BACKTRACE=interactive=no \
       XDG_STATE_HOME='$E2E_DIR/state-$E2E_STARTS' $command; \
     echo \"[exit \$?]\"; exec sleep 3600"
}

# screen: the pane's text now.
screen() { e2e_tmux capture-pane -p -t app; }

# screen_with_escapes: the pane's text with colour and attribute escapes.
screen_with_escapes() { e2e_tmux capture-pane -p -e -t app; }

# screen_and_history: the pane's text with the lines that scrolled off the top (a backtrace, say),
# wrapped lines joined.
screen_and_history() { e2e_tmux capture-pane -p -J -S - -t app; }

# e2e_tries [SECONDS]: how many polls 0.1 s apart a wait of SECONDS (at least E2E_TIMEOUT) makes.
e2e_tries() {
  local seconds=${1:-$E2E_TIMEOUT}
  (( seconds < E2E_TIMEOUT )) && seconds=$E2E_TIMEOUT
  echo $(( seconds * 10 ))
}

# app_pid: the pid of the process the app's pane runs (tread, started by `start_app` or a script's `run`).
app_pid() { ps -o pid= --ppid "$(e2e_tmux display -p -t app '#{pane_pid}')" | head -1 | tr -d ' '; }

# command_pid NAME: the pid of the command NAME that tread runs (its child, once it has exec'd NAME).
command_pid() {
  local reader
  reader=$(app_pid)
  [[ -n $reader ]] && ps -o pid=,comm= --ppid "$reader" | awk -v name="$1" '$2 == name { print $1; exit }'
}

# poll_until SECONDS COMMAND...: runs COMMAND every 0.1 s until it succeeds, for SECONDS (at least
# E2E_TIMEOUT); the status is its last run's.
poll_until() {
  local tries i
  tries=$(e2e_tries "$1")
  shift
  for (( i = 1; i < tries; i++ )); do
    "$@" && return 0
    sleep 0.1
  done
  "$@"
}

# wait_for TEXT [SECONDS]: polls the screen and its history until TEXT shows (for E2E_TIMEOUT, or
# SECONDS when longer); on timeout prints the screen and fails.
wait_for() {
  local text=$1 tries i
  tries=$(e2e_tries "${2:-}")
  for (( i = 0; i < tries; i++ )); do
    screen_and_history | grep -qF -- "$text" && return 0
    sleep 0.1
  done
  { echo "timeout waiting for: $text"; echo "--- screen ---"; screen; echo "--------------"; } >&2
  return 1
}

# send KEYS...: tmux send-keys to the app (key names, or -l for literal text).
send() { e2e_tmux send-keys -t app "$@"; }

# resize COLS ROWS: resizes the app's window.
resize() { e2e_tmux resize-window -t app -x "$1" -y "$2"; }

# stty_of_pane: the pane tty's settings now, as `stty -g` prints them.
stty_of_pane() { stty -g < "$(e2e_tmux display -p -t app '#{pane_tty}')"; }

pass() {
  E2E_PASSED=$(( E2E_PASSED + 1 ))
  [[ ${E2E_VERBOSE:-0} == 1 ]] && echo "ok: $1"
  return 0
}

fail() {
  E2E_FAILED=$(( E2E_FAILED + 1 ))
  echo "FAIL: $1" >&2
  return 0
}

# expect_screen TEXT [NAME [SECONDS]]: TEXT shows within E2E_TIMEOUT (or SECONDS, when longer: a big
# file's load or sort).
expect_screen() {
  if wait_for "$1" "${3:-}"; then pass "${2:-screen shows $1}"; else fail "${2:-screen shows $1}"; fi
}

# status_line: the last row of the screen, the reader's status line.
status_line() { screen | sed -n '$p'; }

# expect_status TEXT NAME [SECONDS]: the status line shows TEXT within E2E_TIMEOUT (or SECONDS).
expect_status() {
  for _ in $(seq "$(e2e_tries "${3:-}")"); do
    status_line | grep -qF -- "$1" && { pass "$2"; return; }
    sleep 0.1
  done
  fail "$2 (status line: $(status_line))"
}

# expect_gone TEXT NAME: TEXT leaves the screen within E2E_TIMEOUT.
expect_gone() {
  for _ in $(seq "$(e2e_tries)"); do
    screen | grep -qF -- "$1" || { pass "$2"; return; }
    sleep 0.1
  done
  fail "$2 (still on screen: $1)"
}

# expect_exit N [NAME [SECONDS]]: the app ends with status N within E2E_TIMEOUT (or SECONDS).
expect_exit() {
  local name=${2:-"exit status $1"}
  if wait_for "[exit $1]" "${3:-}"; then pass "$name"; else fail "$name"; fi
}

# expect_tty_restored [NAME]: the pane's tty settings are those from before the app started.
expect_tty_restored() {
  local name=${1:-"terminal settings restored"} before now
  before="$(cat "$E2E_DIR/stty.before" 2>/dev/null)"
  now="$(stty_of_pane)"
  if [[ -n $before && $before == "$now" ]]; then
    pass "$name"
  else
    fail "$name (before: $before, now: $now)"
  fi
}

# finish: prints the tally and exits 0 if nothing failed, 1 otherwise.
finish() {
  echo "$E2E_PASSED passed, $E2E_FAILED failed"
  [[ $E2E_FAILED == 0 ]]
  exit $?
}
