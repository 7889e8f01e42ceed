"""The first call of a @kernel in a new Python process, with a cold and a
warm disk cache, against a warm call (the disk cache's goal: a warm-cache
first call costs under 5 ms more than a warm call).

    PYTHONPATH=build/python /usr/bin/python3 bench/cache/bench_first_call.py [--runs N]

Each measurement is a fresh interpreter (subprocess) that imports the
program, times its first call (JIT on first call: compile, or load from
the cache) and then the median of 1000 warm calls. Prints medians in ms.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

PROGRAM = '''
import math
import pyc_task as pt
from pyc_task import kernel, int64, float64


@kernel
def poly(x: float64) -> float64:
    return ((x * 3.0 + 2.0) * x - 1.0) * x + 0.5


@kernel
def sumsq(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s += poly(i * 0.001) * math.sqrt(i + 1.0)
    return s


@kernel
def collatz(n: int64) -> int64:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@kernel
def dot(x: pt.float64[::1], y: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s
'''

CHILD = '''
import sys, time
sys.path.insert(0, sys.argv[1])
import numpy as np
import benchprog
x = np.ones(64)
t0 = time.perf_counter()
benchprog.dot(x, x)
first = time.perf_counter() - t0
warm = []
for _ in range(1000):
    t0 = time.perf_counter()
    benchprog.dot(x, x)
    warm.append(time.perf_counter() - t0)
warm.sort()
print(first * 1e3, warm[len(warm) // 2] * 1e3)
'''


def measure(progdir, cache):
    env = dict(os.environ, PYC_TASK_CACHE_DIR=cache)
    env.pop('PYC_TASK_DISABLE', None)
    out = subprocess.run([sys.executable, '-c', CHILD, progdir], env=env, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--runs', type=int, default=7)
    args = ap.parse_args()
    import pyc_task
    if pyc_task.mode != 'compiled':
        sys.exit('pyc_task is in pure-Python mode: build pyc_task._core and set PYTHONPATH')
    tmp = tempfile.mkdtemp(prefix='pyc-bench-first-call-')
    try:
        with open(os.path.join(tmp, 'benchprog.py'), 'w') as f:
            f.write(PROGRAM)
        cache = os.path.join(tmp, 'cache')
        cold, warm, call = [], [], []
        for _ in range(args.runs):
            shutil.rmtree(cache, ignore_errors=True)
            c, _w = measure(tmp, cache)
            cold.append(c)
            first, w = measure(tmp, cache)
            warm.append(first)
            call.append(w)
        med = statistics.median
        print('first call of a @kernel in a new process, median of %d runs (4 kernels, -O3):'
              % args.runs)
        print('  cold cache (compile + store):  %8.3f ms' % med(cold))
        print('  warm cache (load + JIT-link):  %8.3f ms  (min %.3f, max %.3f)'
              % (med(warm), min(warm), max(warm)))
        print('  warm call:                     %8.4f ms' % med(call))
        print('  warm-cache first call over a warm call: %.3f ms (goal: < 5 ms)'
              % (med(warm) - med(call)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
