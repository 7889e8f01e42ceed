#!/usr/bin/python3
"""Build and run every benchmark variant in one go; print times and ratios vs C.

  bench/run.py                       # all benchmarks, all variants, reps=3
  bench/run.py --only saxpy matmul   # some benchmarks
  bench/run.py --variants c,numba    # some variants
  bench/run.py --quick               # tiny sizes: a smoke test of the harness
  bench/run.py --pyc-task build-x/bin/pyc-task

Variants: c (clang-16 -O3 -march=native -ffp-contract=off), pyc-task
(`pyc-task build bench/kernels/NAME.py`, then the executable with
PYC_TASK_THREADS=1: its prange loops on one thread, like every other
variant), pyc-task-par (the same executable on all cores), numba
(@njit, JIT excluded), pythran (-O3 -march=native), numpy, cpython (the
pyc-task kernels as plain Python, on a reduced size, time scaled up by the
work ratio; marked *). Each variant prints `checksum:` and `best_s:`, the
best time of the kernel over reps runs, each on fresh data, measured inside
the process (compilation is never timed). pyc-task times come from the
program's own pt.wtime() stamps; the whole-process wall time is also shown.
Build outputs and results.json go to bench/out (git-ignored).
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
PY = '/usr/bin/python3'
CC = ['clang-16', '-O3', '-march=native', '-ffp-contract=off', '-std=c11']

# name: (full-size args, reduced cpython args and scale, reduced numpy args and scale, tolerance)
BENCHES = {
    'saxpy': dict(full=[10000000], cpython=([200000], 50.0), numpy=None, tol=1e-12),
    'stencil2d': dict(full=[2000, 50], cpython=([200, 4], 1998.0 ** 2 * 50 / (198.0 ** 2 * 4)),
                      numpy=None, tol=1e-12),
    'matmul': dict(full=[512], cpython=([64], 512.0), numpy=None, tol=0.0),
    'mandelbrot': dict(full=[800, 600, 256], cpython=([80, 60, 256], 100.0), numpy=None, tol=0.0),
    'nbody': dict(full=[1000000], cpython=([10000], 100.0), numpy=([20000], 50.0), tol=1e-9),
}
QUICK = {
    'saxpy': [100000], 'stencil2d': [100, 10], 'matmul': [64],
    'mandelbrot': [80, 60, 256], 'nbody': [10000],
}
VARIANTS = ['c', 'pyc-task', 'pyc-task-par', 'numba', 'pythran', 'numpy', 'cpython']


def parse_args(argv):
    ap = argparse.ArgumentParser(description='pyc-task benchmarks against C, Numba, Pythran, NumPy, CPython')
    ap.add_argument('--only', nargs='*', default=list(BENCHES), help='benchmarks to run')
    ap.add_argument('--variants', default=','.join(VARIANTS), help='comma list of variants')
    ap.add_argument('--reps', type=int, default=3, help='repetitions, best is kept (default 3)')
    ap.add_argument('--pyc-task', default=os.path.join(ROOT, 'build', 'bin', 'pyc-task'))
    ap.add_argument('--out', default=os.path.join(HERE, 'out'))
    ap.add_argument('--quick', action='store_true', help='tiny sizes (harness smoke test)')
    ap.add_argument('--no-compile-bench', action='store_true', help='skip the compile-latency table')
    ap.add_argument('--timeout', type=float, default=600.0)
    return ap.parse_args(argv)


def sh(cmd, timeout, cwd=ROOT, env=None):
    """Run cmd; (rc, stdout, stderr, wall seconds). rc None when it could not run."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           timeout=timeout, cwd=cwd, env=env)
    except subprocess.TimeoutExpired:
        return None, '', 'timed out', time.perf_counter() - t0
    except OSError as e:
        return None, '', str(e), time.perf_counter() - t0
    return p.returncode, p.stdout, p.stderr, time.perf_counter() - t0


def parse_output(text):
    chk = best = None
    for line in text.splitlines():
        if line.startswith('checksum:'):
            chk = line.split(':', 1)[1].strip()
        elif line.startswith('best_s:'):
            best = float(line.split(':', 1)[1])
    return chk, best


class Row:
    def __init__(self, bench, variant):
        self.bench = bench
        self.variant = variant
        self.time = None          # seconds, scaled to full size
        self.scaled = False
        self.checksum = None
        self.process_s = None
        self.note = ''


def build_c(name, out, timeout):
    exe = os.path.join(out, 'c_' + name)
    src = os.path.join(HERE, 'c', name + '.c')
    rc, _, err, wall = sh(CC + [src, '-o', exe, '-lm'], timeout)
    return (exe if rc == 0 else None), wall, err


def build_pythran(name, out, timeout):
    if shutil.which('pythran') is None:
        return None, 0.0, 'pythran not installed'
    so = os.path.join(out, 'p_%s.so' % name)
    src = os.path.join(HERE, 'pythran', 'p_%s.py' % name)
    rc, _, err, wall = sh(['pythran', '-O3', '-march=native', src, '-o', so], timeout)
    return (so if rc == 0 else None), wall, err


def build_pyc(name, out, pyc, timeout):
    if not (os.path.isfile(pyc) and os.access(pyc, os.X_OK)):
        return None, 0.0, 'no pyc-task at %s' % pyc
    exe = os.path.join(out, 'pyc_' + name)
    src = os.path.join(HERE, 'kernels', name + '.py')
    rc, _, err, wall = sh([pyc, 'build', src, '-o', exe], timeout)
    if rc != 0 or not os.path.isfile(exe):
        return None, wall, 'pyc-task build failed: ' + (err.strip().splitlines() or ['?'])[-1]
    return exe, wall, ''


def run_variant(args, name, variant, sizes, built):
    row = Row(name, variant)
    spec = BENCHES[name]
    reps = str(args.reps)
    scale = 1.0
    env = None
    if variant == 'c':
        if not built.get('c'):
            row.note = 'C build failed'
            return row
        cmd = [built['c']] + [str(s) for s in sizes] + [reps]
    elif variant in ('pyc-task', 'pyc-task-par'):
        if not built.get('pyc-task'):
            row.note = built.get('pyc-task-note', 'n/a')
            return row
        if args.quick:
            row.note = 'n/a in --quick (sizes are fixed in main())'
            return row
        cmd = [built['pyc-task']]
        # 'pyc-task' runs its prange loops on one thread, like C and Numba;
        # 'pyc-task-par' on every core (PYC_TASK_THREADS unset).
        env = dict(os.environ)
        if variant == 'pyc-task':
            env['PYC_TASK_THREADS'] = '1'
        else:
            env.pop('PYC_TASK_THREADS', None)
    elif variant in ('numba', 'numpy', 'pythran', 'cpython'):
        if variant == 'pythran' and not built.get('pythran'):
            row.note = built.get('pythran-note', 'n/a')
            return row
        run_sizes = sizes
        if not args.quick and variant in ('cpython', 'numpy') and spec.get(variant):
            run_sizes, scale = spec[variant]
        cmd = [PY, os.path.join(HERE, 'pyvariants.py'), variant, name] + [str(s) for s in run_sizes] + [reps]
    else:
        row.note = 'unknown variant'
        return row
    rc, out, err, wall = sh(cmd, args.timeout, env=env)
    row.process_s = wall
    if rc != 0:
        row.note = 'failed (%s): %s' % (rc, (err.strip().splitlines() or [''])[-1][:70])
        return row
    chk, best = parse_output(out)
    if best is None:
        row.note = 'no best_s line in output'
        return row
    row.checksum = chk
    row.time = best * scale
    row.scaled = scale != 1.0
    return row


def same_checksum(a, b, tol):
    if a is None or b is None:
        return None
    try:
        fa, fb = float(a), float(b)
    except ValueError:
        return a == b
    if tol == 0.0:
        return fa == fb
    return abs(fa - fb) <= tol * max(abs(fa), abs(fb), 1e-300)


def compile_latency(args, built_times):
    """Time Numba's first call of saxpy (compile + a 16-element run) in a fresh process."""
    code = ('import time, numpy as np\n'
            't0 = time.perf_counter()\n'
            'from numba import njit\n'
            't1 = time.perf_counter()\n'
            '@njit\n'
            'def saxpy(a, x, y):\n'
            '    for i in range(x.shape[0]):\n'
            '        y[i] += a * x[i]\n'
            'x = np.ones(16); y = np.ones(16)\n'
            't2 = time.perf_counter(); saxpy(2.0, x, y); t3 = time.perf_counter()\n'
            'saxpy(2.0, x, y); t4 = time.perf_counter()\n'
            'print(t1 - t0, t3 - t2, t4 - t3)\n')
    rows = []
    rc, out, err, wall = sh([PY, '-c', code], args.timeout)
    if rc == 0:
        imp, first, second = (float(v) for v in out.split())
        rows.append(('numba import', imp))
        rows.append(('numba first call of saxpy (type inference + LLVM)', first))
        rows.append(('numba second call', second))
        rows.append(('numba whole process (python start, import, compile)', wall))
    else:
        rows.append(('numba first call', None))
    for key, label in (('c', 'clang-16 -O3 saxpy.c (compile + link)'),
                       ('pythran', 'pythran -O3 p_saxpy.py (ahead of time)'),
                       ('pyc-task', 'pyc-task build kernels/saxpy.py')):
        rows.append((label, built_times.get(key)))
    return rows


def fmt_t(t):
    if t is None:
        return 'n/a'
    if t >= 100:
        return '%.0f' % t
    if t >= 1:
        return '%.2f' % t
    return '%.3g' % t


def main(argv):
    args = parse_args(argv)
    variants = [v for v in args.variants.split(',') if v]
    os.makedirs(args.out, exist_ok=True)
    results = []
    saxpy_times = {}
    print('host: %s, %d cpus; reps=%d%s' % (os.uname().nodename, os.cpu_count() or 0, args.reps,
                                             ' (quick sizes)' if args.quick else ''))
    for name in args.only:
        if name not in BENCHES:
            print('unknown benchmark %r (known: %s)' % (name, ', '.join(BENCHES)))
            return 2
        sizes = QUICK[name] if args.quick else BENCHES[name]['full']
        built = {}
        if 'c' in variants:
            built['c'], t, err = build_c(name, args.out, args.timeout)
            if name == 'saxpy':
                saxpy_times['c'] = t
            if not built['c']:
                print('C build of %s failed:\n%s' % (name, err))
        if 'pythran' in variants:
            built['pythran'], t, err = build_pythran(name, args.out, args.timeout)
            if name == 'saxpy' and built['pythran']:
                saxpy_times['pythran'] = t
            if not built['pythran']:
                built['pythran-note'] = 'pythran build failed' if err != 'pythran not installed' else err
        if 'pyc-task' in variants or 'pyc-task-par' in variants:
            built['pyc-task'], t, note = build_pyc(name, args.out, args.pyc_task, args.timeout)
            if built['pyc-task'] and name == 'saxpy':
                saxpy_times['pyc-task'] = t
            built['pyc-task-note'] = note or 'n/a'
        rows = [run_variant(args, name, v, sizes, built) for v in variants]
        ref = next((r for r in rows if r.variant == 'c' and r.checksum is not None), None)
        ctime = ref.time if ref else None
        print()
        print('%s %s' % (name, ' x '.join(str(s) for s in sizes)))
        print('  %-9s %10s %9s %10s  %-22s %s' % ('variant', 'time_s', 'vs C', 'process_s', 'checksum', 'note'))
        for r in rows:
            ratio = '%.2fx' % (r.time / ctime) if (r.time and ctime) else '-'
            ok = same_checksum(r.checksum, ref.checksum if ref else None, BENCHES[name]['tol'])
            note = r.note
            if r.scaled:
                ok = None
                note = ('reduced size, checksum not comparable; ' + note).strip('; ')
            elif ok is False:
                note = ('checksum differs from C; ' + note).strip('; ')
            t = fmt_t(r.time) + ('*' if r.scaled else '')
            print('  %-9s %10s %9s %10s  %-22s %s' % (r.variant, t, ratio, fmt_t(r.process_s),
                                                      r.checksum or '-', note))
            results.append(dict(bench=name, variant=r.variant, time_s=r.time, scaled=r.scaled,
                                vs_c=(r.time / ctime) if (r.time and ctime) else None,
                                process_s=r.process_s, checksum=r.checksum,
                                checksum_ok=ok, note=note))
    print()
    print('* = run on a reduced size, time scaled up by the work ratio.')
    print('time_s: best kernel time in the process; process_s: wall time of the whole process.')
    latency = []
    if not args.no_compile_bench:
        print()
        print('compile latency (saxpy)')
        latency = compile_latency(args, saxpy_times)
        for label, t in latency:
            print('  %-58s %s' % (label, fmt_t(t)))
    with open(os.path.join(args.out, 'results.json'), 'w') as f:
        json.dump(dict(results=results, compile_latency=latency, reps=args.reps,
                       quick=args.quick), f, indent=1)
    print()
    print('wrote %s' % os.path.join(args.out, 'results.json'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
