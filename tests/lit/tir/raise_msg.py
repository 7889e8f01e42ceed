# raise E("msg") carries the message bytes; raise E(f"...") formats into the buffer
# and raises with no literal message; nothing after the raise is emitted.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64


@kernel
def check(n: int64) -> int64:
    if n < 0:
        raise ValueError("negative")
    if n > 100:
        raise OverflowError(f"too big: {n}")
        print(n)
    return n
# CHECK-LABEL: func @check(
# CHECK: if
# CHECK-NEXT: raise ValueError "negative"
# CHECK: if
# CHECK-NEXT: fmt.begin
# CHECK-NEXT: fmt.str "too big: "
# CHECK-NEXT: fmt.val %0
# CHECK-NEXT: raise OverflowError buffer
# CHECK-NEXT: } else{{.*}}{
# CHECK: ret %0


@task(top_level=True)
def main():
    print(check(5))
