# Interrupt polls (docs/ir.md 7.5, docs/runtime.md "Interrupts"): an
# outermost innermost range loop is strip-mined into blocks with the poll
# before each block after the first, and its inner loop still vectorizes
# with no poll inside; a loop that indexes an array with its loop variable
# on every iteration (saxpy) is bounded by the array and gets neither blocks
# nor polls, unless the access may be skipped (under an if, or after a
# continue); a loop nest polls at its outer latch, and its inner loop runs
# in blocks too unless it is bounded by an array (then it stays plain and
# vectorizes with no poll); a while loop polls at its header; a counted
# (non-unit step) loop and an outlined prange chunk loop between blocks.
# RUN: %pyc-task ir %s --stage=llvm | FileCheck %s --check-prefix=LL
# RUN: %pyc-task ir %s --stage=llvm-opt | FileCheck %s --check-prefix=OPT
# RUN: %pyc-task ir %s --stage=llvm-opt | FileCheck %s --check-prefix=POLL
# LL-LABEL: define void @pyk_saxpy_c(
# LL-NOT: for.blocks
# LL-NOT: load atomic
# LL-LABEL: define double @pyk_series(
# LL: %intr.flag = call ptr @pyc_interrupt_flag()
# LL: {{^}}for.blocks:
# LL: {{^}}for:
# LL-NEXT: %[[IV:i[0-9]*]] = phi i64
# LL-NOT: load atomic
# LL: {{^}}for.latch:
# LL-NEXT: %i.next = add nsw i64 %[[IV]], 1
# LL-NEXT: br label %for
# LL: {{^}}for.block.next:
# LL-NEXT: %intr = load atomic volatile i32, ptr %intr.flag unordered, align 4
# LL: {{^}}interrupted:
# LL-NEXT: call void @pyc_raise_interrupt(ptr @{{.*}}, i32 {{[0-9]+}})
# LL-LABEL: define void @pyk_touch_some(
# LL: {{^}}for.blocks:
# LL-LABEL: define void @pyk_touch_skip(
# LL: {{^}}for.blocks:
# LL-LABEL: define i64 @pyk_nested(
# LL: {{^}}for.latch:
# LL-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# LL: {{^}}for.blocks:
# LL: {{^}}for.block.next:
# LL-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# LL-LABEL: define void @pyk_blur(
# LL: {{^}}for.latch:
# LL-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# LL-NOT: load atomic
# LL-NOT: for.blocks
# LL-LABEL: define i64 @pyk_collatz(
# LL: {{^}}loop:
# LL-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# LL-LABEL: define i64 @pyk_down(
# LL: %blk.trips = add i64
# LL: {{^}}for.block.next:
# LL-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# LL-LABEL: define internal void @pyk_psum.prange(
# LL: {{^}}for.block.next:
# LL-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# POLL-LABEL: define double @pyk_series(
# POLL: load atomic volatile i32, ptr %intr.flag unordered
# POLL-LABEL: define i64 @pyk_nested(
# OPT-LABEL: define void @pyk_saxpy_c(
# OPT: {{^}}vector.body:
# OPT-NOT: load atomic
# OPT: fadd <{{[0-9]+}} x double>
# OPT-NOT: load atomic
# OPT: {{^}}middle.block:
# OPT-LABEL: define i64 @pyk_nested(
# OPT: {{^}}vector.body:
# OPT-NOT: load atomic
# OPT: {{^}}middle.block:
# OPT-LABEL: define void @pyk_blur(
# OPT: {{^}}vector.body:
# OPT-NOT: load atomic
# OPT: {{^}}middle.block:
import pyc_task as pt
from pyc_task import kernel, prange, float64, int64


@kernel
def saxpy_c(a: float64, x: pt.float64[::1], y: pt.float64[::1]) -> None:
    for i in range(x.shape[0]):
        y[i] += a * x[i]


@kernel
def series(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s = s * 0.5 + float(i & 7)
    return s


@kernel
def touch_some(a: pt.float64[::1], n: int64) -> None:
    for i in range(n):
        if i < 4:
            a[i] = 1.0


@kernel
def touch_skip(a: pt.float64[::1], n: int64) -> None:
    for i in range(n):
        if i >= 4:
            continue
        a[i] = 1.0


@kernel
def nested(n: int64) -> int64:
    s = 0
    for i in range(n):
        for j in range(n):
            s += i ^ j
    return s


@kernel
def blur(u: pt.float64[:, ::1], v: pt.float64[:, ::1]) -> None:
    for i in range(1, u.shape[0] - 1):
        for j in range(1, u.shape[1] - 1):
            v[i, j] = (u[i, j - 1] + u[i, j + 1]) * 0.5


@kernel
def collatz(n: int64) -> int64:
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n = n // 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


@kernel
def psum(n: int64) -> int64:
    s = 0
    for i in prange(n):
        s += i % 7
    return s


@kernel
def down(n: int64) -> int64:
    s = 0
    for i in range(n, 0, -3):
        s += i
    return s
