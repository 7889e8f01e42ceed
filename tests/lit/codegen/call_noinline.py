# A call that runs once per call of its caller (no loop around it) to a
# function that loops is marked noinline (compile time: inlining would make
# LLVM optimize and vectorize the callee's loops once more inside the
# caller, for no measurable gain); a call inside a loop stays inlinable, and
# so does a call to a loop-free function.
# RUN: %pyc-task ir %s --stage=llvm | FileCheck %s
# CHECK-LABEL: define double @pyk_outer(
# CHECK: call double @pyk_total({{.*}}) #[[NOINL:[0-9]+]]
# CHECK: call double @pyk_half(double {{.*}})
# CHECK-NOT: #[[NOINL]]
# CHECK-LABEL: define double @pyk_in_loop(
# CHECK: call double @pyk_total(
# CHECK-NOT: #[[NOINL]]
# CHECK: ret double
# CHECK: attributes #[[NOINL]] = { noinline }
import pyc_task as pt
from pyc_task import kernel, float64, int64


@kernel
def total(x: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
    return s


@kernel
def half(v: float64) -> float64:
    return v * 0.5


@kernel
def outer(x: pt.float64[::1]) -> float64:
    return half(total(x))


@kernel
def in_loop(x: pt.float64[::1], n: int64) -> float64:
    s = 0.0
    for k in range(n):
        s += total(x)
    return s
