# Builtins: max/min as select chains (first of equals wins), int(float) -> builtin "int",
# round -> builtin "round"/"round_n", math.* -> builtin "math.<fn>" on f64 (i64 for gcd),
# pt.int8(float) truncates through i64 then wraps.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
import math
import pyc_task as pt
from pyc_task import kernel, task, int64, float64


@kernel
def b(a: int64, x: float64) -> float64:
    m = max(a, x)
    k = min(a, 3)
    return m + k + int(x) + round(x) + round(x, 2) + math.sqrt(a) + math.gcd(a, 6) + pt.int8(x)
# CHECK-LABEL: func @b(
# CHECK: %[[A:[0-9]+]] = cast %0 : f64
# CHECK-NEXT: %[[GT:[0-9]+]] = cmp.gt %1, %[[A]] : bool
# CHECK-NEXT: select %[[GT]], %1, %[[A]] : f64
# CHECK: %[[LT:[0-9]+]] = cmp.lt %{{[0-9]+}}, %0 : bool
# CHECK-NEXT: select %[[LT]], %{{[0-9]+}}, %0 : i64
# CHECK: builtin "int"(%1) : i64
# CHECK: builtin "round"(%1) : i64
# CHECK: builtin "round_n"(%1, %{{[0-9]+}}) : f64
# CHECK: builtin "math.sqrt"(%{{[0-9]+}}) : f64
# CHECK: builtin "math.gcd"(%0, %{{[0-9]+}}) : i64
# CHECK: %[[T:[0-9]+]] = cast %1 : i64
# CHECK-NEXT: cast %[[T]] : i8


@task(top_level=True)
def main():
    print(b(7, 2.5))
