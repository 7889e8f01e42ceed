# Array element access: a negative constant index adds the extent, a variable
# index gets select(i < 0, i + dim, i), a non-negative constant is used as is.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def last(a: pt.float64[:, :], i: int64) -> None:
    a[-1, 0] = a[i, 1]
    a[i, 0] += 1.0
# CHECK-LABEL: func @last(
# CHECK-NOT: boundscheck %
# CHECK: %[[D:[0-9]+]] = dim %0, 0 : i64
# CHECK: %[[NEG:[0-9]+]] = cmp.lt %1, %{{[0-9]+}} : bool
# CHECK-NEXT: %[[W:[0-9]+]] = add %1, %[[D]] : i64
# CHECK-NEXT: %[[I:[0-9]+]] = select %[[NEG]], %[[W]], %1 : i64
# CHECK-NEXT: %[[ONE:[0-9]+]] = const 1 : i64
# CHECK-NEXT: %[[V:[0-9]+]] = load %0[%[[I]], %[[ONE]]] : f64
# CHECK: %[[D2:[0-9]+]] = dim %0, 0 : i64
# CHECK-NEXT: %[[M1:[0-9]+]] = const -1 : i64
# CHECK-NEXT: %[[L:[0-9]+]] = add %[[M1]], %[[D2]] : i64
# CHECK-NEXT: %[[Z:[0-9]+]] = const 0 : i64
# CHECK-NEXT: store %0[%[[L]], %[[Z]]], %[[V]]
# CHECK: %[[X:[0-9]+]] = load %0[%[[J:[0-9]+]], %[[Z2:[0-9]+]]] : f64
# CHECK: %[[Y:[0-9]+]] = add %[[X]], %{{[0-9]+}} : f64
# CHECK-NEXT: store %0[%[[J]], %[[Z2]]], %[[Y]]


@task(top_level=True)
def main():
    pass
