# a < b <= c evaluates b once and skips the second comparison when the first is false;
# an int64 compared with a float64 is exact (CPython): the ints decide a tie.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64, float64


@kernel
def between(a: int64, b: int64, c: int64) -> bool:
    return a < b <= c
# CHECK-LABEL: func @between(
# CHECK: local $.t0: bool
# CHECK: %[[C1:[0-9]+]] = cmp.lt %0, %1 : bool
# CHECK-NEXT: lset $.t0, %[[C1]]
# CHECK-NEXT: if %[[C1]]{{.*}}{
# CHECK-NEXT: %[[C2:[0-9]+]] = cmp.le %1, %2 : bool
# CHECK-NEXT: lset $.t0, %[[C2]]
# CHECK-NEXT: } else {
# CHECK-NEXT: }
# CHECK-NEXT: lget $.t0 : bool


@kernel
def mixed(i: int64, x: float64) -> bool:
    return i < x
# CHECK-LABEL: func @mixed(
# CHECK: %[[F:[0-9]+]] = cast %0 : f64
# CHECK-NEXT: %[[TIE:[0-9]+]] = cmp.eq %[[F]], %1 : bool
# CHECK-NEXT: %[[XI:[0-9]+]] = cast %1 : i64
# CHECK-NEXT: %[[CI:[0-9]+]] = cmp.lt %0, %[[XI]] : bool
# CHECK-NEXT: %[[CF:[0-9]+]] = cmp.lt %[[F]], %1 : bool
# CHECK-NEXT: select %[[TIE]], %[[CI]], %[[CF]] : bool


@task(top_level=True)
def main():
    print(between(1, 2, 3), mixed(9007199254740993, 9007199254740992.0))
