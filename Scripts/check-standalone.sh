#!/usr/bin/env bash
# Checks that a tread binary runs on a machine with no Swift installed ("one binary to copy").
#
# Usage: Scripts/check-standalone.sh PATH/TO/tread
#
# It must need no Swift library (`ldd` names none of libswift*, libFoundation*, libdispatch,
# libBlocksRuntime) nor SQLite, ncurses or libstdc++ (linked in from their archives), and
# `--version` and `--print` of a bundled sample must work with an empty environment and, where a
# private mount namespace can be had (root, `unshare`), with the Swift toolchain's directory hidden
# under an empty tmpfs.
set -euo pipefail
bin=$(cd "$(dirname "${1:?usage: check-standalone.sh PATH/TO/tread}")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/.." && pwd)
sample=$root/SampleData/flat-form.json
fail() { echo "check-standalone: $*" >&2; exit 1; }

echo "check-standalone: $bin, $(stat -c %s "$bin") bytes, $(ldd "$bin" | wc -l) shared libraries"
swift_libraries=$(ldd "$bin" | grep -E 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' || true)
[ -z "$swift_libraries" ] || fail "needs Swift libraries:"$'\n'"$swift_libraries"
# SQLite, ncursesw/tinfo and libstdc++ are linked in from their archives (Linking/README.md).
linked_in=$(ldd "$bin" | grep -E 'libsqlite3|libncurses|libtinfo|libstdc\+\+' || true)
[ -z "$linked_in" ] || fail "needs libraries meant to be linked in (Linking/):"$'\n'"$linked_in"

# run LABEL CMD...: runs a check of the binary, the toolchain hidden when it can be.
run() {
    local label=$1 out
    shift
    out=$(env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$@" 2>&1) || fail "$label failed: $out"
    echo "$out"
}
version=$(run "--version" "$bin" --version)
echo "check-standalone: --version: $version"
printed=$(run "--print" "$bin" --print "$sample")
grep -qF "Council votes" <<<"$printed" || fail "--print of $sample printed something else: $(head -3 <<<"$printed")"
echo "check-standalone: --print of the sample: $(wc -l <<<"$printed") lines"

toolchain=""
if command -v swift >/dev/null; then
    toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
fi
if [ -n "$toolchain" ] && command -v unshare >/dev/null && unshare --mount true 2>/dev/null; then
    hidden=$(unshare --mount sh -c 'mount -t tmpfs none "$1" && ls "$1" | wc -l && \
        env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$2" --print "$3" | head -1' sh "$toolchain" "$bin" "$sample") ||
        fail "--print with $toolchain hidden failed: $hidden"
    [ "$(head -1 <<<"$hidden")" = 0 ] || fail "$toolchain was not hidden"
    grep -qF "Council votes" <<<"$hidden" || fail "--print with $toolchain hidden printed: $hidden"
    echo "check-standalone: --print with $toolchain hidden: works"
else
    echo "check-standalone: no private mount namespace here; checked with an empty environment only"
fi
