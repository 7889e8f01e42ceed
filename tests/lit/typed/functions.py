# Typed AST: return types inferred from the first return (also through
# recursion after a base case), calls resolved to compiled functions, fieldspace
# constructors and fields, decorator flags.
# RUN: %pyc-task ir %s --stage=typed | FileCheck %s
import math
from pyc_task import kernel, task, float64, int64, fieldspace


@fieldspace
class Cell:
    u: float64
    n: int64


# CHECK-LABEL: def fib
# CHECK-SAME: -> i64
# CHECK: func:fib : i64
@kernel
def fib(n: int64):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


# CHECK-LABEL: def half
# CHECK-SAME: -> f64
@kernel(boundscheck=True, fastmath=True)
def half(n: int64):
    if n == 0:
        return 0
    return n / 2


# CHECK-LABEL: def cell
# CHECK-SAME: -> struct@Cell
# CHECK: local d : struct@Cell
# CHECK: local e : struct@Cell
# CHECK: (call (name Cell struct) {{.*}} : struct@Cell)
# CHECK: target (attr (name d local : struct@Cell) u field#0 : f64)
# CHECK: (call (name Cell struct) (float {{.*}} : f64) (int 4 : i64) struct : struct@Cell)
# CHECK: (ifexp {{.*}} : struct@Cell)
@kernel
def cell(c: Cell) -> Cell:
    d = Cell(1.5, 2)
    d.u = c.u + 1.0
    e = Cell(n=4, u=2.5)
    return d if e.n > 0 else e


# CHECK-LABEL: def main
# CHECK-SAME: [task top_level] -> void
# CHECK: builtin:print : void
@task(top_level=True)
def main():
    print(fib(10), half(3), cell(Cell(0.5, 1)).u, sep=", ")
