#!/usr/bin/env bash
# Set up, configure, build and run every test suite of pyc-task:
#   1. scripts/setup.sh (packages; fast no-op when all are installed)
#   2. cmake configure (Ninja) + build of everything
#   3. unit tests (ctest), lit + FileCheck tests (tests/lit), differential
#      programs (tests/programs/run_differential.py: compiled vs CPython),
#      Python tests (tests/python via pytest: the pyc_task._core extension)
#   4. reliability (scripts/test_reliability.sh): hostile input, an ASan +
#      UBSan build running the suites above, LeakSanitizer, 60 s of fuzzing
#      per target (PYC_FUZZ_SECONDS; PYC_TEST_RELIABILITY=0 skips all of it)
# and print one summary line "N passed, N failed"; exit status 1 on any failure.
# The build directory is build/ (override: PYC_TASK_BUILD_DIR=dir).
# Usage: scripts/test.sh
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${PYC_TASK_BUILD_DIR:-build}
case $build in /*) ;; *) build=$root/$build ;; esac
py=/usr/bin/python3
lit=/usr/lib/llvm-16/build/utils/lit/lit.py
jobs=$(nproc 2>/dev/null || echo 2)
out=$build/test-results
t_start=$(date +%s)

step() { printf '\n==== %s\n' "$*"; }

scripts/setup.sh || { echo "test.sh: setup failed"; echo "0 passed, 1 failed"; exit 1; }

step "configure + build ($build)"
if [ ! -f "$build/build.ninja" ]; then
  cmake -S "$root" -B "$build" -G Ninja || { echo "test.sh: configure failed"; echo "0 passed, 1 failed"; exit 1; }
fi
# -k 0: build everything that can be built, so the suites still run what
# exists; a failed build counts as one failure in the summary.
cmake --build "$build" -j "$jobs" -- -k 0
build_rc=$?
[ $build_rc -eq 0 ] || echo "test.sh: build FAILED (status $build_rc); running the tests that exist"
mkdir -p "$out"
rm -f "$out"/*.xml "$out"/*.txt

step "unit tests (ctest)"
ctest --test-dir "$build" --output-on-failure -j "$jobs" --output-junit "$out/unit.xml"
unit_rc=$?

step "lit tests (tests/lit)"
lit_rc=0
if [ -f "$lit" ]; then
  PYC_TASK_BUILD_DIR=$build $py "$lit" -sv -j "$jobs" --xunit-xml-output "$out/lit.xml" tests/lit
  lit_rc=$?
else
  echo "lit.py not found at $lit (package llvm-16-tools): lit tests skipped"
fi

step "differential programs (tests/programs)"
diff_rc=0
if [ -f tests/programs/run_differential.py ]; then
  $py tests/programs/run_differential.py --pyc-task "$build/bin/pyc-task" --build \
    2>&1 | tee "$out/programs.txt"
  diff_rc=${PIPESTATUS[0]}
else
  echo "tests/programs/run_differential.py not found: differential tests skipped"
fi

step "Python tests (tests/python: pyc_task._core, decorators, programs through Python)"
pytest_rc=0
PYC_TASK_BUILD=$build $py -m pytest -q -p no:cacheprovider --junitxml="$out/python.xml" tests/python \
  2>&1 | tee "$out/python.txt" | tail -n 25
pytest_rc=${PIPESTATUS[0]}

# Reliability (docs/reliability.md): hostile input, the ASan + UBSan build and
# its suites, LeakSanitizer, short fuzz runs. PYC_TEST_RELIABILITY=0 skips it.
rel_args=()
if [ "${PYC_TEST_RELIABILITY:-1}" != 0 ]; then
  scripts/test_reliability.sh "$build" "$out"
  [ -f "$out/reliability.args" ] && read -r -a rel_args <<<"$(tr '\n' ' ' <"$out/reliability.args")"
fi

step "summary"
$py scripts/test_summary.py --build-rc "$build_rc" --unit "$out/unit.xml" --unit-rc "$unit_rc" \
  --lit "$out/lit.xml" --lit-rc "$lit_rc" \
  --programs "$out/programs.txt" --programs-rc "$diff_rc" \
  --python "$out/python.xml" --python-rc "$pytest_rc" "${rel_args[@]}"
rc=$?
echo "(test.sh took $(( $(date +%s) - t_start )) s)"
exit $rc
