# for over range with a negative constant step: one FOR, no zero-step check;
# a variable step gets the ValueError check; the loop variable is a slot.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64, prange


@kernel
def down(n: int64) -> int64:
    s = 0
    for i in range(n, 0, -2):
        s += i
    return s
# CHECK-LABEL: func @down(
# CHECK-NOT: raise
# CHECK: %[[STEP:[0-9]+]] = const -2 : i64
# CHECK: for %[[IV:[0-9]+]] = %0 to %{{[0-9]+}} step %[[STEP]]{{.*}}{
# CHECK-NEXT: lset $i, %[[IV]]
# CHECK: add
# CHECK: lset $s,
# CHECK: }
# CHECK: ret


@kernel
def stepped(n: int64, k: int64) -> int64:
    s = 0
    for i in range(0, n, k):
        s += i
    return s
# CHECK-LABEL: func @stepped(
# CHECK: cmp.eq %1, %{{[0-9]+}} : bool
# CHECK-NEXT: if %{{[0-9]+}}{{.*}}{
# CHECK-NEXT: raise ValueError "range() arg 3 must not be zero"
# CHECK: for %{{[0-9]+}} = %{{[0-9]+}} to %0 step %1{{.*}}{


@kernel
def par(n: int64) -> int64:
    s = 0
    for i in prange(n):
        s += i
    return s
# CHECK-LABEL: func @par(
# CHECK: for %{{[0-9]+}} = %{{[0-9]+}} to %0 step %{{[0-9]+}} [parallel]


@task(top_level=True)
def main():
    print(down(10), stepped(10, 3), par(4))
