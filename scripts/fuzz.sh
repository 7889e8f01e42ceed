#!/usr/bin/env bash
# Build the libFuzzer targets (tests/fuzz) with clang-16 + ASan + UBSan in
# their own build directory and run each for SECONDS (default 600): the
# frontend on arbitrary bytes, the TIR text parser (round trip + passes), the
# whole pipeline to LLVM IR on mutated test programs. The corpus lives in
# BUILD/corpus/<target> and grows from run to run (seeds: tests/fuzz/
# make_corpus.sh); a crash is written to BUILD/artifacts/<target>/ and makes
# the run fail: minimize it (fuzz_<target> -minimize_crash=1 FILE), fix the
# bug, commit it under tests/fuzz/regressions/<target>/ (replayed by ctest).
# Prints one line per target (executions, findings) and `N passed, N failed`.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]   (PYC_TASK_FUZZ_DIR=build dir)
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
secs=${1:-600}
shift || true
targets=${*:-frontend tir pipeline}
build=${PYC_TASK_FUZZ_DIR:-$root/build-fuzz}
case $build in /*) ;; *) build=$root/$build ;; esac

if ! command -v clang-16 >/dev/null; then
  echo "fuzz.sh: clang-16 not found (packages clang-16, libclang-rt-16-dev)"
  echo "0 passed, 1 failed"
  exit 1
fi
if [ ! -f "$build/build.ninja" ]; then
  CC=clang-16 CXX=clang++-16 cmake -S "$root" -B "$build" -G Ninja -DPYC_FUZZ=ON >/dev/null \
    || { echo "fuzz.sh: configure failed"; echo "0 passed, 1 failed"; exit 1; }
fi
bins=""
for t in $targets; do bins="$bins fuzz_$t"; done
cmake --build "$build" -j "$(nproc 2>/dev/null || echo 2)" --target $bins >"$build/fuzz-build.log" 2>&1 \
  || { tail -20 "$build/fuzz-build.log"; echo "fuzz.sh: build failed"; echo "0 passed, 1 failed"; exit 1; }
tests/fuzz/make_corpus.sh "$build/corpus-seed" >/dev/null

passed=0 failed=0
for t in $targets; do
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  extra=()
  [ "$t" = pipeline ] && extra=(-max_len=16384)
  log=$build/fuzz-$t.log
  before=$(find "$build/artifacts/$t" -type f | wc -l)
  "$build/bin/fuzz_$t" "$build/corpus/$t" "$build/corpus-seed/$t" -max_total_time="$secs" \
    -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t/" \
    "${extra[@]}" >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  after=$(find "$build/artifacts/$t" -type f | wc -l)
  if [ $rc -eq 0 ]; then
    passed=$((passed + 1))
    echo "fuzz $t: ok, ${runs:-?} executions in ${secs} s, corpus $(ls "$build/corpus/$t" | wc -l) files"
  else
    failed=$((failed + 1))
    echo "fuzz $t: FAILED (status $rc), $((after - before)) new artifact(s) in $build/artifacts/$t/"
    grep -m3 -E "ERROR: |SUMMARY: |fuzz: compiler bug" "$log" | sed 's/^/    /'
  fi
done
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
