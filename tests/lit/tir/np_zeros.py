# np.zeros: extents, ARRAY_NEW held by a hidden slot (+ DECREF of the temporary),
# a FOR nest storing the fill value; the named local takes its own reference.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, int64


@kernel
def make(n: int64) -> pt.float64[:, :]:
    z = np.zeros((n, 3), dtype=np.float64)
    return z
# CHECK-LABEL: func @make(
# CHECK-DAG: local $z: array<f64,2,C>
# CHECK-DAG: local $.t0: array<f64,2,C>
# CHECK: %[[THREE:[0-9]+]] = const 3 : i64
# CHECK: %[[FILL:[0-9]+]] = const 0.0 : f64
# CHECK-NEXT: %[[A:[0-9]+]] = array.new %0, %[[THREE]] : array<f64,2,C>
# CHECK-NEXT: lset $.t0, %[[A]]
# CHECK-NEXT: decref %[[A]]
# CHECK-NEXT: %[[B:[0-9]+]] = lget $.t0 : array<f64,2,C>
# CHECK: for %[[I:[0-9]+]] = %{{[0-9]+}} to %0 step
# CHECK: for %[[J:[0-9]+]] = %{{[0-9]+}} to %[[THREE]] step
# CHECK-NEXT: store %[[B]][%[[I]], %[[J]]], %[[FILL]]
# CHECK: lset $z, %[[B]]
# CHECK: %[[R:[0-9]+]] = lget $z
# CHECK-NEXT: ret %[[R]]


@kernel
def ramp(n: int64) -> pt.int64[:]:
    return np.arange(n)
# CHECK-LABEL: func @ramp(
# CHECK: floordiv
# CHECK: select
# CHECK: array.new
# CHECK-NEXT: lset $.t0,
# CHECK-NEXT: decref
# CHECK: for
# CHECK: store


@task(top_level=True)
def main():
    z = make(2)
    print(z[0, 0], ramp(3)[2])
