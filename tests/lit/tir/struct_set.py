# @fieldspace values: construction, field read, field write (struct.set + lset of the local).
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, fieldspace, float64


@fieldspace
class Cell:
    u: float64
    v: float64


@kernel
def bump(x: float64) -> float64:
    c = Cell(x, 2.0)
    c.u = 3.0
    c.v += c.u
    return c.v
# CHECK: struct @Cell { u: f64, v: f64 }
# CHECK-LABEL: func @bump(
# CHECK: struct.new %0, %{{[0-9]+}} : struct@Cell
# CHECK: lset $c,
# CHECK: %[[C:[0-9]+]] = lget $c : struct@Cell
# CHECK-NEXT: %[[S:[0-9]+]] = struct.set %[[C]], %{{[0-9]+}}, 0 : struct@Cell
# CHECK-NEXT: lset $c, %[[S]]
# CHECK: struct.get %{{[0-9]+}}, 1 : f64
# CHECK: struct.set %{{[0-9]+}}, %{{[0-9]+}}, 1 : struct@Cell


@task(top_level=True)
def main():
    print(bump(1.0))
