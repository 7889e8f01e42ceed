#!/usr/bin/python3
"""Call overhead of compiled functions from Python: pyc-task against Numba,
same process, same machine.

  PYTHONPATH=build/python /usr/bin/python3 bench/call_overhead/bench.py [-n CALLS] [-r REPEATS]

Prints ns per call (best of the repeats, the empty-loop cost subtracted
under "net") for `inc(x: int64) -> int64`, `first2(x, y)` with two float64
numpy arrays, and a no-argument `noop()`, through the direct path and with
PYC_TASK_FFI_ONLY-style libffi calls for comparison.
"""
import argparse
import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def timeit(fn, args, n, repeats):
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            fn(*args)
        best = min(best, (time.perf_counter_ns() - t0) / n)
    return best


def bare_loop(n, repeats):
    best = float('inf')
    for _ in range(repeats):
        t0 = time.perf_counter_ns()
        for _ in range(n):
            pass
        best = min(best, (time.perf_counter_ns() - t0) / n)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('-n', type=int, default=1_000_000)
    ap.add_argument('-r', type=int, default=5)
    a = ap.parse_args()
    import pyc_task
    import kernels
    from pyc_task import _core
    if pyc_task.mode != 'compiled':
        sys.exit('pyc_task._core is not importable: set PYTHONPATH=build/python')
    x = np.arange(10.0)
    y = np.ones(10)
    kernels.inc(1)   # compile (first call)
    cases = []

    def row(name, fn, args):
        cases.append((name, fn, args))

    row('pyc-task inc(x: int64) -> int64', kernels.inc, (5,))
    row('pyc-task first2(x, y: float64[:])', kernels.first2, (x, y))
    row('pyc-task noop()', kernels.noop, ())
    row('Python function noop() (reference)', lambda: None, ())
    os.environ['PYC_TASK_FFI_ONLY'] = '1'
    ffi_inc = _core.bind(kernels.inc.target.signature, kernels.inc.target.address,
                         kernels.inc.target.owner)
    ffi_first2 = _core.bind(kernels.first2.target.signature, kernels.first2.target.address,
                            kernels.first2.target.owner)
    del os.environ['PYC_TASK_FFI_ONLY']
    row('pyc-task inc via libffi', ffi_inc, (5,))
    row('pyc-task first2 via libffi', ffi_first2, (x, y))
    row('pyc-task inc, NativeFunction (no dispatcher)', kernels.inc.target, (5,))
    try:
        import numba
    except ImportError:
        numba = None
    if numba is not None:
        @numba.njit
        def ninc(v):
            return v + 1

        @numba.njit
        def nfirst2(u, w):
            return u[0] + w[0]

        @numba.njit
        def nnoop():
            pass

        ninc(1), nfirst2(x, y), nnoop()
        row('numba %s inc' % numba.__version__, ninc, (5,))
        row('numba first2', nfirst2, (x, y))
        row('numba noop', nnoop, ())
    # Rounds interleave the cases (best of the rounds per case): a busy
    # machine slows every case of a round alike instead of one case.
    best = {name: float('inf') for name, _, _ in cases}
    loop = float('inf')
    for _ in range(a.r):
        loop = min(loop, bare_loop(a.n, 1))
        for name, fn, args in cases:
            best[name] = min(best[name], timeit(fn, args, a.n, 1))
    rows = [(name, best[name], best[name] - loop) for name, _, _ in cases]
    print('empty `for` loop: %.1f ns per iteration (subtracted in "net")' % loop)
    print('%-46s %9s %9s' % ('call', 'ns/call', 'net'))
    for name, t, net in rows:
        print('%-46s %9.1f %9.1f' % (name, t, net))


if __name__ == '__main__':
    main()
