#!/usr/bin/env bash
# The benchmarks live in Benchmarks/ (their own executables and scripts); issue 25 and older notes in
# BENCHMARKS.md name this path, so it runs Benchmarks/benchmark.sh with the same arguments.
exec "$(dirname "$0")/../Benchmarks/benchmark.sh" "$@"
