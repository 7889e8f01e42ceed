# `and`/`or` short-circuit through a hidden slot and IF; `or` returns a value.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64


@kernel
def both(a: int64, b: int64) -> bool:
    return a > 0 and b // a > 1
# CHECK-LABEL: func @both(
# CHECK: local $.t0: bool
# CHECK: %[[A:[0-9]+]] = cmp.gt %0
# CHECK-NEXT: lset $.t0, %[[A]]
# CHECK-NEXT: if %[[A]]{{.*}}{
# CHECK: floordiv %1, %0
# CHECK: lset $.t0,
# CHECK: } else{{.*}}{
# CHECK-NEXT: }
# CHECK: %[[R:[0-9]+]] = lget $.t0 : bool
# CHECK: ret %[[R]]


@kernel
def either(a: int64, b: int64) -> int64:
    return a or b
# CHECK-LABEL: func @either(
# CHECK: lset $.t0, %0
# CHECK: %[[T:[0-9]+]] = cmp.ne %0
# CHECK-NEXT: if %[[T]]{{.*}}{
# CHECK-NEXT: } else{{.*}}{
# CHECK-NEXT: lset $.t0, %1
# CHECK-NEXT: }


@task(top_level=True)
def main():
    print(both(2, 7), either(0, 3))
