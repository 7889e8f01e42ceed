# print: FMT_BEGIN, FMT_STR for literals, FMT_SPEC for {x:spec}, FMT_VAL for
# plain values, sep between arguments, end last, then PRINT.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64, float64


@kernel
def show(x: float64, n: int64) -> None:
    print(f"x={x:>10.3f} n={n}!", n, "done", sep=", ", end=";\n")
# CHECK-LABEL: func @show(
# CHECK: fmt.begin
# CHECK-NEXT: fmt.str "x="
# CHECK-NEXT: fmt.spec %0, ">10.3f"
# CHECK-NEXT: fmt.str " n="
# CHECK-NEXT: fmt.val %1
# CHECK-NEXT: fmt.str "!"
# CHECK-NEXT: fmt.str ", "
# CHECK-NEXT: fmt.val %1
# CHECK-NEXT: fmt.str ", "
# CHECK-NEXT: fmt.str "done"
# CHECK-NEXT: fmt.str ";\n"
# CHECK-NEXT: print


@kernel
def noisy(n: int64) -> int64:
    print("noisy", n)
    return n


# Arguments are evaluated before fmt.begin: a callee that prints reuses the buffer.
@kernel
def outer(n: int64) -> None:
    print(noisy(n), f"{noisy(n + 1):d}")
# CHECK-LABEL: func @outer(
# CHECK: call @noisy(%0)
# CHECK: call @noisy(
# CHECK-NOT: call
# CHECK: fmt.begin
# CHECK-NEXT: fmt.val
# CHECK-NEXT: fmt.str " "
# CHECK-NEXT: fmt.spec {{%[0-9]+}}, "d"
# CHECK-NEXT: fmt.str "\n"
# CHECK-NEXT: print


@task(top_level=True)
def main():
    show(1.5, 2)
    outer(3)
