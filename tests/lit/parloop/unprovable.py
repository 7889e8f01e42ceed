# prange race check: accesses the compiler can prove neither way get a
# warning naming the access, and the loop still runs in parallel; accesses
# that are provably apart get nothing.
# RUN: %pyc-task ir %s --stage=tir-opt 2>%t.err | FileCheck %s
# RUN: FileCheck %s --check-prefix=WARN < %t.err
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, int64, float64


@kernel
def scatter(a: pt.float64[:], idx: pt.int64[:]) -> None:
    for i in prange(idx.shape[0]):
        # WARN: unprovable.py:[[@LINE+1]]:9: warning: prange: cannot prove that iterations do not conflict on a[idx[i]] (index not affine in the loop variable); the loop runs in parallel
        a[idx[i]] = 1.0


# CHECK-LABEL: func @scatter(
# CHECK: for {{.*}} [parallel, outline] !


@kernel
def strided(a: pt.float64[:]) -> None:
    for i in prange(a.shape[0] // 2):
        # WARN: unprovable.py:[[@LINE+1]]:9: warning: prange: cannot prove that iterations do not conflict on a[2 * i]
        a[2 * i] = a[i]


@kernel
def first_only(a: pt.float64[:]) -> None:
    for i in prange(a.shape[0]):
        if i == 0:
            # WARN: unprovable.py:[[@LINE+1]]:13: warning: prange: iterations may conflict: a[0] does not depend on the loop variable (written only under a condition here); the loop runs in parallel
            a[0] = 1.0


# CHECK-LABEL: func @first_only(
# CHECK: for {{.*}} [parallel, outline] !


# independent: even/odd elements, rows of a matrix, another array
@kernel
def apart(a: pt.float64[:], b: pt.float64[:], m: pt.float64[:, :]) -> None:
    for i in prange(b.shape[0]):
        a[2 * i] = b[i]
        a[2 * i + 1] = b[i] + a[2 * i]
        for j in range(m.shape[1]):
            m[i, j] = m[i, j] * 2.0 + b[i]


# CHECK-LABEL: func @apart(
# CHECK: for {{.*}} [parallel, outline] !
# WARN-NOT: unprovable.py:4{{[0-9]}}:


@task(top_level=True)
def main():
    pass
