# while lowers to LOOP { cond; IF (not cond) {BREAK} }; break/continue; an assigned
# parameter is copied into a slot at entry.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64


@kernel
def w(n: int64) -> int64:
    s = 0
    while n > 0:
        n -= 1
        if n == 5:
            break
        if n % 2 == 0:
            continue
        s += n
    return s
# CHECK-LABEL: func @w(
# CHECK: local $n: i64
# CHECK: lset $n, %0
# CHECK: loop{{.*}}{
# CHECK: cmp.gt
# CHECK-NEXT: %[[NC:[0-9]+]] = not
# CHECK-NEXT: if %[[NC]]{{.*}}{
# CHECK-NEXT: break
# CHECK: sub
# CHECK: lset $n,
# CHECK: cmp.eq
# CHECK-NEXT: if
# CHECK-NEXT: break
# CHECK: mod
# CHECK: if
# CHECK-NEXT: continue
# CHECK: lset $s,
# CHECK: }
# CHECK: ret


@task(top_level=True)
def main():
    print(w(10))
