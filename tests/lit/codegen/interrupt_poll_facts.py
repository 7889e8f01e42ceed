# What emit_range.c's one walk over a loop body finds (docs/ir.md 7.5): a
# call of a looping function, or an inner loop, under an `if` makes a nest
# (plain loop, poll at its latch, no blocks); a `continue` or a write of the
# loop variable after an access indexed by it still rules out a
# memory-bounded loop (blocks); a loop bounded by its array whose other
# statements call a loop-free function stays plain with no poll.
# RUN: %pyc-task ir %s --stage=llvm | FileCheck %s
# CHECK-LABEL: define double @pyk_series(
# CHECK: {{^}}for.blocks:
# CHECK-LABEL: define double @pyk_calls_under_if(
# CHECK-NOT: for.blocks
# CHECK: {{^}}for.latch:
# CHECK-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# CHECK-NOT: for.blocks
# CHECK-LABEL: define i64 @pyk_loop_under_if(
# CHECK: {{^}}for.latch:
# CHECK-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# CHECK: {{^}}for.blocks:
# CHECK-LABEL: define void @pyk_access_then_continue(
# CHECK: {{^}}for.blocks:
# CHECK-LABEL: define void @pyk_access_then_write_iv(
# CHECK: {{^}}for.blocks:
# CHECK-LABEL: define void @pyk_bounded_with_call(
# CHECK-NOT: for.blocks
# CHECK-NOT: load atomic
# CHECK-LABEL: define i64 @pyk_half(
import pyc_task as pt
from pyc_task import kernel, float64, int64


@kernel
def series(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s = s * 0.5 + float(i & 7)
    return s


@kernel
def calls_under_if(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s += 1.0
        if i > 3:
            s += series(i)
    return s


@kernel
def loop_under_if(n: int64) -> int64:
    s = 0
    for i in range(n):
        s += i
        if i > 3:
            for j in range(i):
                s += j * 3 + 1
    return s


@kernel
def access_then_continue(a: pt.float64[::1], n: int64) -> None:
    for i in range(n):
        a[i] = 1.0
        if i >= 4:
            continue
        a[0] += 1.0


@kernel
def access_then_write_iv(a: pt.float64[::1], n: int64) -> None:
    for i in range(n):
        a[i] = 1.0
        if i > 2:
            i = 0
        a[0] += float(i)


@kernel
def bounded_with_call(a: pt.float64[::1]) -> None:
    for i in range(a.shape[0]):
        a[i] = float(half(i))


@kernel
def half(n: int64) -> int64:
    return n // 2
