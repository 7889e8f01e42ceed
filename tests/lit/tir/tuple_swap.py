# a, b = b, a: both right-hand values are read before either target is written.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64


@kernel
def swap(x: int64, y: int64) -> int64:
    a = x
    b = y
    a, b = b, a
    return a - b
# CHECK-LABEL: func @swap(
# CHECK: %[[B:[0-9]+]] = lget $b : i64
# CHECK-NEXT: %[[A:[0-9]+]] = lget $a : i64
# CHECK-NEXT: lset $a, %[[B]]
# CHECK-NEXT: lset $b, %[[A]]


@kernel
def pair(x: int64) -> tuple[int64, int64]:
    return x, x + 1
# CHECK-LABEL: func @pair(
# CHECK: tuple %0, %{{[0-9]+}} : tuple<i64,i64>


@kernel
def unpack(x: int64) -> int64:
    p, q = pair(x)
    return p * q
# CHECK-LABEL: func @unpack(
# CHECK: %[[T:[0-9]+]] = call @pair(%0)
# CHECK-NEXT: tuple.get %[[T]], 0
# CHECK-NEXT: tuple.get %[[T]], 1
# CHECK-NEXT: lset $p,
# CHECK-NEXT: lset $q,


@task(top_level=True)
def main():
    print(swap(1, 2), unpack(3))
