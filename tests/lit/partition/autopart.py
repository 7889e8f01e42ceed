# @task(parallel=True): the compiler derives the partitions of each call from
# the accesses of the loop: an equal partition (0 colors = one per worker) of
# what the task writes at the loop point, the halo of the widest read offset
# (u[i - 1], u[i + 1]: width 1) of what it reads; the call becomes an index
# launch, guarded by a check that the regions have the same bounds (else
# the plain launch).
# RUN: %pyc-task ir %s --stage=tir-opt | FileCheck %s
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
from pyc_task import task, fieldspace, float64, int64, Region, R, RW


@fieldspace
class Cell:
    u: float64
    v: float64


@task(privileges=[R('u'), RW('v')], parallel=True)
def smooth(h: Region[Cell], b: Region[Cell], n: int64):
    for i in b.ispace:
        if i >= 1 and i <= n - 2:
            b.v[i] = h.u[i - 1] + h.u[i] + h.u[i + 1]


@task(top_level=True)
def main():
    g = Region([100], Cell)
    for i in range(100):
        g.u[i] = 1.0
    # CHECK-LABEL: func @main
    # CHECK: if %{{[0-9]+}}
    # CHECK: [[ZERO:%[0-9]+]] = const 0 : i64
    # CHECK: partition.equal %{{[0-9]+}}, [[ZERO]] : partition<region<struct@Cell,1>,1,equal>
    # CHECK: [[W:%[0-9]+]] = const 1 : i64
    # CHECK: partition.halo %{{[0-9]+}}, [[W]] : partition<region<struct@Cell,1>,1,halo>
    # CHECK: partition.equal %{{[0-9]+}}, [[ZERO]] : partition<region<struct@Cell,1>,1,equal>
    # CHECK: index_launch @smooth(%{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}}) [index 1]
    # CHECK: } else {
    # CHECK-NEXT: launch @smooth(
    smooth(g, g, 100)
    # OUT: 3.0 0.0
    print(g.v[50], g.v[0])
