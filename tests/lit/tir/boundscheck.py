# --boundscheck: a BOUNDSCHECK (axis in the last operand) after each index is normalized.
# RUN: %pyc-task ir %s --stage=tir --boundscheck | FileCheck %s
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def get(a: pt.float64[:], i: int64) -> float64:
    return a[i]
# CHECK-LABEL: func @get(
# CHECK-SAME: boundscheck
# CHECK: %[[D:[0-9]+]] = dim %0, 0 : i64
# CHECK: %[[I:[0-9]+]] = select
# CHECK-NEXT: boundscheck %[[I]], %[[D]], 0
# CHECK-NEXT: load %0[%[[I]]] : f64


@kernel(boundscheck=True)
def get2(a: pt.float64[:, :]) -> float64:
    return a[0, 3]
# CHECK-LABEL: func @get2(
# CHECK: %[[D0:[0-9]+]] = dim %0, 0 : i64
# CHECK-NEXT: %[[I0:[0-9]+]] = const 0 : i64
# CHECK-NEXT: boundscheck %[[I0]], %[[D0]], 0
# CHECK-NEXT: %[[D1:[0-9]+]] = dim %0, 1 : i64
# CHECK-NEXT: %[[I1:[0-9]+]] = const 3 : i64
# CHECK-NEXT: boundscheck %[[I1]], %[[D1]], 1


@task(top_level=True)
def main():
    pass
