#!/usr/bin/python3
"""Differential tests: compiled pyc-task output against CPython, per program.

For each program in tests/programs (or the ones named on the command line)
it runs the CPython oracle (the pure-Python pyc_task package), then
`pyc-task run PROG` and, with --build, `pyc-task build --codegen-units=3
PROG -o EXE` and EXE.
A variant passes when its stdout (bytes) and exit status equal the
oracle's; stderr is not compared (tracebacks differ by design). The last
line is always `N passed, N failed`, counting programs (a program passes
when all its variants pass); the exit status is 1 on any failure.

  tests/programs/run_differential.py                     # all programs, pyc-task run
  tests/programs/run_differential.py --build -v          # also standalone executables
  tests/programs/run_differential.py arith_pow exc_assert.py
  tests/programs/run_differential.py --cpython-only      # check the oracle side only
"""

import argparse
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description='Compare pyc-task against CPython on tests/programs.')
    ap.add_argument('programs', nargs='*',
                    help='program files or names (default: all in tests/programs)')
    ap.add_argument('--pyc-task', default=os.path.join(ROOT, 'build', 'bin', 'pyc-task'),
                    help='the pyc-task command (default: build/bin/pyc-task)')
    ap.add_argument('--python', default='/usr/bin/python3',
                    help='the CPython used as the oracle (default: /usr/bin/python3)')
    ap.add_argument('--build', action='store_true',
                    help='also test `pyc-task build` and the executable it makes')
    ap.add_argument('--no-run', action='store_true',
                    help='skip `pyc-task run` (useful with --build)')
    ap.add_argument('--cpython-only', action='store_true',
                    help='only run the oracle: each program must run and exit 0 or 1')
    ap.add_argument('--timeout', type=float, default=120.0,
                    help='seconds per command (default 120)')
    ap.add_argument('--extra', action='append', default=[],
                    help='extra argument for pyc-task run/build (repeatable), e.g. --extra=--boundscheck')
    ap.add_argument('-v', '--verbose', action='store_true',
                    help='print every variant and the diff of each failure')
    ap.add_argument('--keep', action='store_true',
                    help='keep the temporary folder with built executables')
    return ap.parse_args(argv)


def find_programs(names):
    if not names:
        out = []
        for f in sorted(os.listdir(HERE)):
            if f.endswith('.py') and f != os.path.basename(__file__):
                out.append(os.path.join(HERE, f))
        # The examples are real programs too: run them the same way, so they
        # cannot rot (no copies of them here).
        examples = os.path.join(ROOT, 'examples')
        for f in sorted(os.listdir(examples)):
            if f.endswith('.py'):
                out.append(os.path.join(examples, f))
        return out
    out = []
    for n in names:
        cands = [n, n + '.py', os.path.join(HERE, n), os.path.join(HERE, n + '.py')]
        for c in cands:
            if os.path.isfile(c):
                out.append(os.path.abspath(c))
                break
        else:
            out.append(os.path.abspath(n))      # reported as missing later
    return out


class Result:
    """What one command did: stdout bytes, exit status, stderr, or a failure note."""

    def __init__(self, stdout=b'', rc=None, stderr=b'', note=None):
        self.stdout = stdout
        self.rc = rc
        self.stderr = stderr
        self.note = note


def run_cmd(cmd, timeout, env=None, cwd=ROOT):
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout, env=env, cwd=cwd)
    except subprocess.TimeoutExpired as e:
        return Result(e.stdout or b'', None, e.stderr or b'',
                      'timed out after %gs' % timeout)
    except OSError as e:
        return Result(note='could not start %s: %s' % (cmd[0], e))
    return Result(p.stdout, p.returncode, p.stderr)


def oracle(args, prog):
    env = dict(os.environ)
    env['PYTHONPATH'] = os.path.join(ROOT, 'python') + (
        os.pathsep + env['PYTHONPATH'] if env.get('PYTHONPATH') else '')
    env['PYC_TASK_DISABLE'] = '1'
    env['PYTHONHASHSEED'] = '0'
    return run_cmd([args.python, prog], args.timeout, env=env)


def exception_line(stderr):
    """The uncaught exception as 'Kind: message', from CPython's traceback
    (its last line) or from pyc-task's 'file:line: Kind: message' line."""
    lines = [l for l in stderr.decode('utf-8', 'replace').splitlines() if l.strip()]
    if not lines:
        return None
    last = lines[-1]
    m = re.match(r'^.*?:\d+: ([A-Za-z_][A-Za-z0-9_]*(?:Error|Exception|Interrupt)\b.*)$', last)
    return m.group(1) if m else last


def compare(expect, got):
    """None when got matches expect, else a short reason."""
    if got.note:
        return got.note
    why = []
    if got.rc != expect.rc:
        why.append('exit status %s, expected %s' % (got.rc, expect.rc))
    if got.stdout != expect.stdout:
        why.append('stdout differs')
    if expect.rc == 1 and got.rc == 1:
        want, have = exception_line(expect.stderr), exception_line(got.stderr)
        if want != have:
            why.append('exception %r, expected %r' % (have, want))
    return '; '.join(why) or None


def show_diff(expect, got, label):
    a = expect.stdout.decode('utf-8', 'replace').splitlines(keepends=True)
    b = got.stdout.decode('utf-8', 'replace').splitlines(keepends=True)
    diff = list(difflib.unified_diff(a, b, 'cpython', label, n=1))
    for line in diff[:40]:
        sys.stdout.write('      ' + line if line.endswith('\n') else '      ' + line + '\n')
    if len(diff) > 40:
        print('      ... (%d more diff lines)' % (len(diff) - 40))
    err = got.stderr.decode('utf-8', 'replace').strip().splitlines()
    for line in err[-8:]:
        print('      stderr: ' + line)


def variants(args, prog, tmp):
    """Yield (label, Result) for each compiled variant of prog."""
    if not args.no_run:
        yield 'run', run_cmd([args.pyc_task, 'run'] + args.extra + [prog], args.timeout)
    if args.build:
        exe = os.path.join(tmp, os.path.splitext(os.path.basename(prog))[0])
        # Three codegen units (one LLVM module each, compiled on parallel
        # threads): the split path is tested on every program, while `run`
        # (the JIT) compiles the module whole.
        b = run_cmd([args.pyc_task, 'build', '--codegen-units=3'] + args.extra + [prog, '-o', exe],
                    args.timeout)
        if b.note or b.rc != 0:
            note = b.note or 'pyc-task build exited %s' % b.rc
            yield 'build', Result(b'', None, b.stderr, note)
        elif not os.path.isfile(exe):
            yield 'build', Result(note='pyc-task build made no %s' % exe)
        else:
            yield 'build', run_cmd([exe], args.timeout)


def main(argv):
    args = parse_args(argv)
    progs = find_programs(args.programs)
    compiler_ok = args.cpython_only or (
        os.path.isfile(args.pyc_task) and os.access(args.pyc_task, os.X_OK)) or (
        shutil.which(args.pyc_task) is not None)
    if not compiler_ok:
        print('pyc-task not found at %s (build it, or pass --pyc-task PATH, '
              'or use --cpython-only)' % args.pyc_task)
    tmp = tempfile.mkdtemp(prefix='pyc-diff-')
    passed = failed = 0
    try:
        for prog in progs:
            name = os.path.relpath(prog, ROOT)
            if not os.path.isfile(prog):
                print('FAIL %s: no such program' % name)
                failed += 1
                continue
            expect = oracle(args, prog)
            if expect.note or expect.rc not in (0, 1):
                print('FAIL %s: the CPython oracle itself failed (%s)'
                      % (name, expect.note or 'exit status %s' % expect.rc))
                for line in expect.stderr.decode('utf-8', 'replace').splitlines()[-5:]:
                    print('      ' + line)
                failed += 1
                continue
            if args.cpython_only:
                if args.verbose:
                    print('ok   %s (cpython, exit %d, %d bytes)'
                          % (name, expect.rc, len(expect.stdout)))
                passed += 1
                continue
            if not compiler_ok:
                print('FAIL %s: no pyc-task' % name)
                failed += 1
                continue
            bad = []
            for label, got in variants(args, prog, tmp):
                why = compare(expect, got)
                if why:
                    bad.append(label)
                    print('FAIL %s [%s]: %s' % (name, label, why))
                    if args.verbose:
                        show_diff(expect, got, label)
                elif args.verbose:
                    print('ok   %s [%s]' % (name, label))
            if bad:
                failed += 1
            else:
                passed += 1
    finally:
        if args.keep:
            print('kept %s' % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
