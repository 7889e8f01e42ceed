# prange analysis: the reductions found (+ * min max on ints; float + only
# with fastmath), the loop outlined, private locals, negative steps.
# RUN: %pyc-task ir %s --stage=tir-opt 2>%t.err | FileCheck %s
# RUN: FileCheck %s --check-prefix=WARN < %t.err
# RUN: %pyc-task ir %s --stage=tir-opt --fastmath 2>&1 | FileCheck %s --check-prefix=FAST
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, int32, float64


@kernel
def ints(a: pt.int64[:]) -> int64:
    s = 0
    p = 1
    lo = 1000
    hi = -1
    for i in prange(a.shape[0]):
        t = a[i] % 5
        s += t
        p *= 1 + t % 2
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return s + p + lo + hi


# CHECK-LABEL: func @ints(
# CHECK: for {{.*}} [parallel, outline, reduce add $s, reduce mul $p, reduce min $lo, reduce max $hi]


@kernel
def chain(a: pt.int64[:], b: pt.int64[:]) -> int64:
    s = 100
    p = 1
    for i in prange(a.shape[0]):
        s = s + a[i] - b[i] * 2
        s -= 3
        p = 2 * p * (1 + a[i] % 2)
    return s + p


# chains of + and - (through the first operand of -), and of *
# CHECK-LABEL: func @chain(
# CHECK: for {{.*}} [parallel, outline, reduce add $s, reduce mul $p]


@kernel
def fmin(a: pt.float64[:]) -> float64:
    m = 1e300
    for i in prange(a.shape[0]):
        m = min(m, a[i])
    return m


# CHECK-LABEL: func @fmin(
# CHECK: for {{.*}} [parallel, outline, reduce min $m]


@kernel
def fsum(a: pt.float64[:]) -> float64:
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


# CHECK-LABEL: func @fsum(
# CHECK: for {{.*}} step {{%[0-9]+}} [parallel] !
# WARN: reductions.py:[[@LINE-7]]:5: warning: prange loop runs sequentially: the float reduction 's += ...' would round differently when split across threads; use @kernel(fastmath=True) or --fastmath to allow it
# FAST-LABEL: func @fsum(
# FAST: for {{.*}} [parallel, outline, reduce add $s]


@kernel(fastmath=True)
def fsum_fast(a: pt.float64[:]) -> float64:
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
    return s


# CHECK-LABEL: func @fsum_fast(
# CHECK: for {{.*}} [parallel, outline, reduce add $s]


@kernel
def down(out: pt.int64[:]) -> int64:
    for i in prange(out.shape[0] - 1, -1, -2):
        out[i] = i
    return i


# CHECK-LABEL: func @down(
# CHECK: for {{.*}} [parallel, outline] !


# A private local read after the loop: only the last iteration's value is
# right, so the loop stays sequential.
# CHECK-LABEL: func @uses_after(
@kernel
def uses_after(a: pt.int64[:]) -> int64:
    t = 0
    for i in prange(a.shape[0]):
        t = a[i] * 2
        a[i] = t
    return t


# CHECK: for {{.*}} step {{%[0-9]+}} [parallel] !
# WARN: reductions.py:[[@LINE-7]]:5: warning: prange loop runs sequentially: 't' is assigned in the body and used outside the loop


@kernel
def nested(m: pt.int64[:, :]) -> int64:
    s = 0
    for i in prange(m.shape[0]):
        for j in prange(m.shape[1]):
            s += m[i, j]
    return s


# CHECK-LABEL: func @nested(
# CHECK: for {{.*}} [parallel, outline, reduce add $s]
# CHECK: for {{.*}} [parallel] !


@task(top_level=True)
def main():
    pass
