# Mixed int/float arithmetic: the int operand is cast to the operand type (bin.opty).
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64, float64


@kernel
def f(a: int64, x: float64) -> float64:
    return a * 2 + x
# CHECK-LABEL: func @f(%0 a: i64, %1 x: f64) -> f64
# CHECK: %[[C2:[0-9]+]] = const 2 : i64
# CHECK: %[[M:[0-9]+]] = mul %0, %[[C2]] : i64
# CHECK: %[[F:[0-9]+]] = cast %[[M]] : f64
# CHECK: %[[S:[0-9]+]] = add %[[F]], %1 : f64
# CHECK: ret %[[S]]


@kernel
def g(a: int64, b: int64) -> float64:
    return a / b
# int / int keeps integer operands: CPython divides the exact integers.
# CHECK-LABEL: func @g(
# CHECK-NOT: cast
# CHECK: truediv %0, %1 : f64


@task(top_level=True)
def main():
    print(f(1, 2.5), g(1, 2))
