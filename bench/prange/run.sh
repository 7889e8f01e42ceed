#!/bin/sh
# prange benchmarks, 1 vs 2 worker threads, as built executables:
# saxpy over 10^8 float64 (memory bound) and a compute-bound loop.
# Usage: bench/prange/run.sh [BUILD_DIR]   (default build)
set -e
B=${1:-build}
D=$(dirname "$0")
for p in saxpy compute; do
  "$B/bin/pyc-task" build "$D/$p.py" -o "/tmp/pyc_prange_$p"
  for t in 1 2; do
    printf 'PYC_TASK_THREADS=%s: ' "$t"
    PYC_TASK_THREADS=$t "/tmp/pyc_prange_$p"
  done
done
