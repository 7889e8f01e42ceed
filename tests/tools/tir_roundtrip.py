#!/usr/bin/env python3
"""TIR text round trip over every test program: print -> parse -> print must be
byte-identical, for the lowered TIR and for the optimized TIR.

Usage: tir_roundtrip.py [--pyc-task PATH] [PROGRAM.py ...]
Prints one line per failure and a final 'N passed, N failed' line.
"""
import argparse
import glob
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def dump(pyc, path, stage):
    r = subprocess.run([pyc, 'ir', path, '--stage=' + stage], capture_output=True, timeout=120)
    return r.returncode, r.stdout, r.stderr.decode(errors='replace')


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--pyc-task', default=os.path.join(ROOT, 'build', 'bin', 'pyc-task'))
    ap.add_argument('programs', nargs='*')
    args = ap.parse_args()
    programs = args.programs or sorted(glob.glob(os.path.join(ROOT, 'tests', 'programs', '*.py')) +
                                       glob.glob(os.path.join(ROOT, 'examples', '*.py')))
    programs = [p for p in programs if not os.path.basename(p).startswith('run_')]
    passed = failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for prog in programs:
            name = os.path.basename(prog)
            for stage in ('tir', 'tir-opt'):
                rc, first, err = dump(args.pyc_task, prog, stage)
                if rc != 0:
                    failed += 1
                    print(f'FAIL {name} ({stage}): compile failed: {err.strip()[:300]}')
                    continue
                t1 = os.path.join(tmp, 'a.tir')
                with open(t1, 'wb') as f:
                    f.write(first)
                rc, second, err = dump(args.pyc_task, t1, 'tir')
                if rc != 0 or second != first:
                    failed += 1
                    why = err.strip()[:300] if rc else 'text differs after parse -> print'
                    print(f'FAIL {name} ({stage}): {why}')
                    continue
                passed += 1
    print(f'tir-roundtrip: {passed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
