#!/usr/bin/python3
"""Run one Python-hosted variant of one benchmark; print `checksum:` and `best_s:`.

  bench/pyvariants.py VARIANT BENCH [size args...] REPS
  VARIANT: numba | numpy | pythran | cpython
  BENCH:   saxpy N | stencil2d N ITERS | matmul N | mandelbrot W H MAXITER | nbody STEPS

Data is made outside the timed region and every repetition starts from
fresh data, exactly as in bench/kernels/*.py and bench/c/*.c. numba is
called once on tiny inputs first, so the times exclude JIT compilation.
pythran needs the modules bench/run.py builds into bench/out. cpython runs
the pure-Python pyc_task kernels themselves (bench/kernels/NAME.py bench()).
"""

import os
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path[:0] = [os.path.join(ROOT, 'python'), os.path.join(HERE, 'kernels'),
                os.path.join(HERE, 'out'), HERE]


def saxpy_data(n):
    x = (np.arange(n, dtype=np.int64) % 1000).astype(np.float64) * 0.001
    y = np.ones(n)
    return x, y


def stencil_data(n):
    u = np.zeros((n, n))
    u[0, :] = 1.0
    return u, u.copy()


def matmul_data(n):
    i = np.arange(n, dtype=np.int64)[:, None]
    j = np.arange(n, dtype=np.int64)[None, :]
    base = ((i * 7 + j * 3) % 11).astype(np.float64)
    return base * 0.25 - 1.0, base * 0.125 - 1.0, np.zeros((n, n))


def nbody_data():
    import nbody as nb       # bench/kernels/nbody.py: the pure setup() and energy()
    pos = np.zeros((5, 3))
    vel = np.zeros((5, 3))
    mass = np.zeros(5)
    nb.setup(pos, vel, mass)
    return pos, vel, mass, nb.energy


def impl(variant, bench):
    """The module whose functions implement the timed kernel(s)."""
    if variant == 'numba':
        import impl_numba
        return impl_numba
    if variant == 'numpy':
        import impl_numpy
        return impl_numpy
    if variant == 'pythran':
        import importlib
        return importlib.import_module('p_' + bench)
    raise ValueError(variant)


def best_of(reps, prepare, timed):
    best = 1e30
    for r in range(reps):
        state = prepare()
        t0 = time.perf_counter()
        timed(state)
        best = min(best, time.perf_counter() - t0)
    return best, state


def run(variant, bench, args, reps):
    if variant == 'cpython':
        import importlib
        mod = importlib.import_module(bench)
        mod.bench(*(args + [reps]))
        return
    m = impl(variant, bench)
    if bench == 'saxpy':
        n = args[0]
        if variant == 'numba':
            m.saxpy(2.0, *saxpy_data(16))
        best, (x, y) = best_of(reps, lambda: saxpy_data(n), lambda s: m.saxpy(2.0, s[0], s[1]))
        chk = '%.12e' % float(np.sum(y))
    elif bench == 'stencil2d':
        n, iters = args
        fn = m.stencil_run if variant != 'pythran' else m.run
        if variant == 'numba':
            fn(*stencil_data(8), 2)
        best, (u, v) = best_of(reps, lambda: stencil_data(n), lambda s: fn(s[0], s[1], iters))
        chk = '%.12e' % float(np.sum(u))
    elif bench == 'matmul':
        n = args[0]
        a, b, c = matmul_data(n)
        if variant == 'numba':
            m.matmul(*matmul_data(4))
        best, _ = best_of(reps, lambda: None, lambda s: m.matmul(a, b, c))
        w = 1.0 + np.arange(n)[:, None] - 0.5 * np.arange(n)[None, :]
        chk = '%.12e' % float(np.sum(c * w))
    elif bench == 'mandelbrot':
        w, h, max_iter = args
        out = np.zeros((h, w), dtype=np.int64)
        if variant == 'numba':
            m.mandel(np.zeros((2, 2), dtype=np.int64), 4)
        best, _ = best_of(reps, lambda: None, lambda s: m.mandel(out, max_iter))
        chk = '%d' % int(out.sum())
    elif bench == 'nbody':
        steps = args[0]
        fn = m.nbody_advance if variant != 'pythran' else m.advance
        if variant == 'numba':
            p, v, ms, _ = nbody_data()
            fn(p, v, ms, 0.01, 2)
        best, st = best_of(reps, nbody_data, lambda s: fn(s[0], s[1], s[2], 0.01, steps))
        chk = '%.12e' % st[3](st[0], st[1], st[2])
    else:
        raise SystemExit('unknown benchmark %r' % bench)
    print('checksum: ' + chk)
    print('best_s: %.6f' % best)


def main(argv):
    if len(argv) < 3:
        raise SystemExit(__doc__)
    variant, bench = argv[0], argv[1]
    nums = [int(a) for a in argv[2:]]
    run(variant, bench, nums[:-1], nums[-1])


if __name__ == '__main__':
    main(sys.argv[1:])
