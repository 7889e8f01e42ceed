# The README's first program: run, build, and CPython all print the same line.
# RUN: %pyc-task run %s | FileCheck %s
# RUN: %pyc-task build %s -o %t.exe
# RUN: %t.exe | FileCheck %s
# RUN: %python %s | FileCheck %s
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s --check-prefix=TIR
# CHECK: y[0] = 2.0, y[-1] = 1001.0, |y| = 18298.511
# TIR: func @axpy(%0 a: f64, %1 x: array<f64,1,C>, %2 y: array<f64,1,C>) -> void [kernel]
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64


@kernel
def axpy(a: float64, x: pt.float64[::1], y: pt.float64[::1]) -> None:
    for i in range(x.shape[0]):
        y[i] += a * x[i]


@kernel
def norm(x: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * x[i]
    return math.sqrt(s)


@task(top_level=True)
def main() -> None:
    n = 1000
    x = np.ones(n)
    y = np.arange(n, dtype=np.float64)
    axpy(2.0, x, y)
    print(f"y[0] = {y[0]}, y[-1] = {y[-1]}, |y| = {norm(y):.3f}")


if __name__ == '__main__':
    main()
