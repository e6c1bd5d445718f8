#!/usr/bin/env bash
# End-to-end: the OSC 8 hyperlinks and OSC 52 copies the real binary writes, read raw from a
# pseudo-terminal of its own (tmux 3.3a drops OSC 8, so the tmux tests cannot see them).
# Whole URLs in each link, hostile hrefs never linked nor written raw, none when printing;
# the checks are in osc_pty.py. Usage: test-osc-pty.sh PATH/TO/tread
set -uo pipefail
BIN=${1:?usage: test-osc-pty.sh PATH/TO/tread}
if ! command -v python3 >/dev/null; then
  echo "FAIL: python3 is needed (.ci/run installs it)" >&2
  exit 1
fi
# The script kills tread at its own deadlines; this one only guards against the script itself hanging.
timeout 600 python3 "$(dirname "$0")/osc_pty.py" "$BIN"
