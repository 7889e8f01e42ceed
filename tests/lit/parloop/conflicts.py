# prange race check: provable cross-iteration conflicts are errors naming
# both accesses; a loop-carried local is an error.
# RUN: not %pyc-task ir %s --stage=tir-opt 2>&1 | FileCheck %s
# RUN: not %pyc-task run %s 2>&1 | FileCheck %s --check-prefix=RUNERR
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def shift(a: pt.float64[:]) -> None:
    for i in prange(a.shape[0] - 1):
        # CHECK: conflicts.py:[[@LINE+3]]:9: error: prange iterations conflict: a[i + 1] written here
        # CHECK: conflicts.py:[[@LINE+2]]:20: note: another iteration reads the same element here as a[i]
        # RUNERR: conflicts.py:[[@LINE+1]]:9: error: prange iterations conflict: a[i + 1] written here
        a[i + 1] = a[i] * 2.0


@kernel
def same(a: pt.float64[:], k: int64) -> None:
    for i in prange(a.shape[0]):
        # CHECK: conflicts.py:[[@LINE+1]]:9: error: prange iterations conflict: every iteration writes a[k]
        a[k] = i * 1.0


@kernel
def rows(m: pt.float64[:, :]) -> None:
    for i in prange(1, m.shape[0]):
        for j in range(m.shape[1]):
            # CHECK: conflicts.py:[[@LINE+2]]:13: error: prange iterations conflict: m[i, j] written here
            # CHECK: note: another iteration reads the same element here as m[i - 1, j]
            m[i, j] = m[i - 1, j] + 1.0


@kernel
def stores(a: pt.int64[:]) -> None:
    for i in prange(a.shape[0] - 2):
        a[i] = 1
        # CHECK: conflicts.py:[[@LINE-1]]:9: error: prange iterations conflict: a[i] written here
        # CHECK: conflicts.py:[[@LINE+1]]:9: note: another iteration writes the same element here as a[i + 2]
        a[i + 2] = 2


@kernel
def carried(a: pt.float64[:]) -> None:
    t = 0.0
    for i in prange(a.shape[0]):
        # CHECK: conflicts.py:[[@LINE+2]]:16: error: prange iterations conflict: 't' is read here before it is assigned in the same iteration, so it carries a value from one iteration to the next
        # CHECK: conflicts.py:[[@LINE-2]]:5: note: in this prange loop; only 'x += e', 'x -= e', 'x *= e', 'x = min(x, e)' and 'x = max(x, e)' reductions may carry a value across iterations
        a[i] = t
        t = a[i] + 1.0


@kernel
def flip(a: pt.int64[:]) -> int64:
    s = 100
    for i in prange(a.shape[0]):
        # CHECK: conflicts.py:[[@LINE+1]]:20: error: prange iterations conflict: 's' is read here
        s = a[i] - s
    return s


@task(top_level=True)
def main():
    a = np.zeros(10)
    shift(a)
