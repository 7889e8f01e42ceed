#!/usr/bin/python3
"""LeakSanitizer check: compile every test program and example with an
ASan build of pyc-task (detect_leaks=1): `pyc-task build` (the whole
pipeline: parse ... LLVM optimizer, object file, link; add --asm for
`pyc-task ir --stage=asm` too). A program passes when each command exits 0
and prints no sanitizer report (a leak makes LSan exit non-zero too). Ends with `N passed, N failed`.

  tests/hostile/compile_all.py --pyc-task build-asan/bin/pyc-task
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pyc-task", required=True)
    ap.add_argument("--asm", action="store_true", help="also `pyc-task ir --stage=asm`")
    ap.add_argument("programs", nargs="*")
    args = ap.parse_args()
    progs = args.programs or sorted(
        p for p in glob.glob(os.path.join(ROOT, "tests", "programs", "*.py"))
        + glob.glob(os.path.join(ROOT, "examples", "*.py"))
        if not p.endswith("run_differential.py"))
    env = dict(os.environ)
    env["ASAN_OPTIONS"] = "detect_leaks=1:" + env.get("ASAN_OPTIONS", "")
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="pyc-lsan-") as tmp:
        for prog in progs:
            problems = []
            cmds = [["build", prog, "-o", os.path.join(tmp, "a.out")]]
            if args.asm:
                cmds.append(["ir", "--stage=asm", prog])
            for cmd in cmds:
                p = subprocess.run([args.pyc_task] + cmd, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, env=env, timeout=300)
                err = p.stderr.decode("utf-8", "replace")
                if p.returncode != 0 or "Sanitizer" in err or "runtime error:" in err:
                    problems.append("%s: status %d\n%s" % (cmd[0], p.returncode, err[-2000:]))
            name = os.path.relpath(prog, ROOT)
            if problems:
                failed += 1
                print("FAIL %s\n  %s" % (name, "\n  ".join(problems)))
            else:
                passed += 1
    print("LeakSanitizer-clean compiles: %d programs" % passed)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
