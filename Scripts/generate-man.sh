#!/usr/bin/env bash
# Regenerates docs/tread.1, the man page, from the command's own help (offline).
#
#   Scripts/generate-man.sh [DATE]
#
# Runs swift-argument-parser's `generate-manual` plugin on a debug build of tread and copies the
# page into docs/. DATE (yyyy-mm-dd) defaults to the date of the last commit, so regenerating
# without a change gives the same file. Commit the result with the change to an option or its help.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
date=${1:-$(git log -1 --format=%cs 2>/dev/null || date -u +%F)}
swift package --allow-writing-to-package-directory generate-manual --configuration debug --date "$date" >&2
cp .build/plugins/GenerateManual/outputs/tread/tread.1 docs/tread.1
echo "generate-man.sh: wrote docs/tread.1 (dated $date)" >&2
