#!/usr/bin/env bash
# The reliability suites of scripts/test.sh (docs/reliability.md, issue 6):
#   1. hostile input against the normal build (tests/hostile/run_hostile.py)
#   2. an ASan + UBSan build (-DPYC_SANITIZE=ON, its own build dir): unit
#      tests (ctest, incl. the fuzz regression replays), lit, every
#      differential program (run + executable), hostile input, and the
#      LeakSanitizer check of compiling every program (tests/hostile/compile_all.py)
#   3. a short libFuzzer run of each target (scripts/fuzz.sh, clang-16)
# Results go to OUT (one file per suite); OUT/reliability.args gets the
# `--suite NAME KIND FILE RC` arguments for scripts/test_summary.py.
# Environment: PYC_FUZZ_SECONDS (per target, default 60; 0 skips fuzzing),
# PYC_TEST_ASAN=0 skips the ASan build, PYC_TASK_ASAN_DIR / PYC_TASK_FUZZ_DIR
# (default build-asan / build-fuzz).
# Usage: scripts/test_reliability.sh BUILD-DIR OUT-DIR
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${1:?usage: test_reliability.sh BUILD OUT}
out=${2:?usage: test_reliability.sh BUILD OUT}
py=/usr/bin/python3
lit=/usr/lib/llvm-16/build/utils/lit/lit.py
jobs=$(nproc 2>/dev/null || echo 2)
asan=${PYC_TASK_ASAN_DIR:-$root/build-asan}
case $asan in /*) ;; *) asan=$root/$asan ;; esac
fuzz_secs=${PYC_FUZZ_SECONDS:-60}
mkdir -p "$out"
args=$out/reliability.args
: >"$args"
t_step=$(date +%s)
step() { printf '(%d s)\n\n==== %s\n' $(( $(date +%s) - t_step )) "$*"; t_step=$(date +%s); }
suite() { echo "--suite $1 $2 $3 $4" >>"$args"; }
t0=$(date +%s)

step "hostile input (tests/hostile, $build)"
$py tests/hostile/run_hostile.py --pyc-task "$build/bin/pyc-task" 2>&1 | tee "$out/hostile.txt"
suite hostile text "$out/hostile.txt" "${PIPESTATUS[0]}"

if [ "${PYC_TEST_ASAN:-1}" != 0 ]; then
  step "ASan + UBSan build ($asan)"
  ta=$(date +%s)
  if [ ! -f "$asan/build.ninja" ]; then
    cmake -S "$root" -B "$asan" -G Ninja -DPYC_SANITIZE=ON >/dev/null || echo "ASan configure failed"
  fi
  cmake --build "$asan" -j "$jobs" -- -k 0 >"$out/asan-build.log" 2>&1
  arc=$?
  [ $arc -eq 0 ] || { tail -20 "$out/asan-build.log"; echo "ASan build FAILED"; }
  echo "--suite asan-build text /nonexistent $arc" >>"$args"
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1
  step "ASan: unit tests"
  ctest --test-dir "$asan" --output-on-failure -j "$jobs" --output-junit "$out/asan-unit.xml" | tail -n 5
  suite asan-unit junit "$out/asan-unit.xml" "${PIPESTATUS[0]}"
  step "ASan: lit tests"
  PYC_TASK_BUILD_DIR=$asan $py "$lit" -s -j "$jobs" --xunit-xml-output "$out/asan-lit.xml" tests/lit | tail -n 5
  suite asan-lit junit "$out/asan-lit.xml" "${PIPESTATUS[0]}"
  # JIT runs only: every program is also built as an executable by the
  # LeakSanitizer step below (PYC_ASAN_PROGRAMS_BUILD=1 runs those here too).
  step "ASan: differential programs (pyc-task run)"
  build_flag=()
  [ "${PYC_ASAN_PROGRAMS_BUILD:-0}" != 0 ] && build_flag=(--build)
  $py tests/programs/run_differential.py --pyc-task "$asan/bin/pyc-task" "${build_flag[@]}" 2>&1 \
    | tee "$out/asan-programs.txt" | tail -n 5
  suite asan-programs text "$out/asan-programs.txt" "${PIPESTATUS[0]}"
  step "ASan: hostile input"
  $py tests/hostile/run_hostile.py --no-memory-limit --timeout 120 --pyc-task "$asan/bin/pyc-task" 2>&1 \
    | tee "$out/asan-hostile.txt" | tail -n 3
  suite asan-hostile text "$out/asan-hostile.txt" "${PIPESTATUS[0]}"
  step "LeakSanitizer: compiling every program (pyc-task build)"
  $py tests/hostile/compile_all.py --pyc-task "$asan/bin/pyc-task" 2>&1 | tee "$out/asan-lsan.txt" | tail -n 5
  suite asan-lsan text "$out/asan-lsan.txt" "${PIPESTATUS[0]}"
  unset ASAN_OPTIONS UBSAN_OPTIONS
  echo "(ASan suites took $(( $(date +%s) - ta )) s)"
fi

if [ "$fuzz_secs" != 0 ]; then
  step "fuzzing: ${fuzz_secs} s per target (scripts/fuzz.sh)"
  scripts/fuzz.sh "$fuzz_secs" 2>&1 | tee "$out/fuzz.txt"
  suite fuzz text "$out/fuzz.txt" "${PIPESTATUS[0]}"
fi
echo "(reliability suites took $(( $(date +%s) - t0 )) s)"
