# assert c, msg -> IF (not c) { RAISE AssertionError msg }.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64


@kernel
def pos(n: int64) -> int64:
    assert n > 0, "n must be positive"
    assert n < 10
    return n
# CHECK-LABEL: func @pos(
# CHECK: %[[C:[0-9]+]] = cmp.gt %0
# CHECK-NEXT: %[[N:[0-9]+]] = not %[[C]] : bool
# CHECK-NEXT: if %[[N]]{{.*}}{
# CHECK-NEXT: raise AssertionError "n must be positive"
# CHECK: cmp.lt %0
# CHECK-NEXT: not
# CHECK-NEXT: if
# CHECK-NEXT: raise AssertionError ""


@task(top_level=True)
def main():
    print(pos(3))
