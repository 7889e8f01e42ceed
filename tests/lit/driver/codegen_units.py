# Codegen units: `--codegen-units=N` splits the module into N LLVM modules
# compiled on parallel threads. Every function is defined in exactly one unit;
# a small function is also copied `available_externally` into the units that
# call it (so it can still be inlined there); the executable prints the same
# as `pyc-task run`, which compiles the module whole.
# RUN: %pyc-task ir %s --stage=llvm --codegen-units=3 > %t.ll
# RUN: FileCheck %s --check-prefix=UNITS < %t.ll
# RUN: FileCheck %s --check-prefix=IR < %t.ll
# RUN: %pyc-task run %s > %t.run
# RUN: %pyc-task build --time --codegen-units=3 %s -o %t.exe 2> %t.time
# RUN: FileCheck %s --check-prefix=TIME < %t.time
# RUN: %t.exe > %t.build && diff %t.run %t.build
# RUN: FileCheck %s --check-prefix=OUT < %t.build
# One unit unless asked: a small module is not worth splitting.
# RUN: %pyc-task build --time %s -o %t.exe1 2>&1 | FileCheck %s --check-prefix=ONE
# RUN: not %pyc-task build --codegen-units=0 %s -o %t.exe0 2>&1 | FileCheck %s --check-prefix=BAD
#
# Three modules, each with the target triple.
# UNITS-COUNT-3: target triple
# UNITS-NOT: target triple
# sq is small: defined once, and a copy for inlining where another unit calls it.
# IR-DAG: define double @pyk_sq(
# IR-DAG: define available_externally double @pyk_sq(
# TIME: time: llvm-opt {{[0-9.]+}} ms (3 codegen units in parallel)
# TIME: time: object {{[0-9.]+}} ms (3 codegen units in parallel)
# OUT: 285.0
# OUT: 14.0 7.0
# OUT: 55
# OUT: done
# ONE-NOT: codegen units
# ONE: time: compile
# BAD: error: --codegen-units needs a number from 1 to 64, got '0'
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64


@kernel
def sq(x: float64) -> float64:
    return x * x


@kernel
def sumsq(n: int64) -> float64:
    s = 0.0
    for i in range(n):
        s += sq(float(i))
    return s


@kernel
def stats(a: pt.float64[:]) -> tuple[float64, float64]:
    s = 0.0
    for i in range(a.shape[0]):
        s += sq(a[i])
    return s, math.sqrt(s * 4.0 / 14.0) * 3.5


@kernel
def fib(n: int64) -> int64:
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


@task(top_level=True)
def main():
    print(sumsq(10))
    a = np.empty(3)
    for i in range(3):
        a[i] = i + 1.0
    s, r = stats(a)
    print(s, r)
    print(fib(10))
    print("done")
