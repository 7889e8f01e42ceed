# saxpy from Python source down to machine code: the loop over C-contiguous
# arrays vectorizes (packed vmulpd + vaddpd on ymm/zmm registers) and keeps
# separate multiply and add (no FMA contraction: bit-identical to CPython).
# The strided (array<f64,1>) prange version vectorizes too, behind a runtime
# check, in its outlined body.
# A dot product stays scalar and in order unless fastmath=True.
# RUN: %pyc-task ir %s --stage=llvm | FileCheck %s --check-prefix=LL
# RUN: %pyc-task ir %s --stage=llvm-opt | FileCheck %s --check-prefix=OPT
# RUN: %pyc-task ir %s --stage=asm | FileCheck %s --check-prefix=ASM
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
# LL-LABEL: define void @pyk_saxpy_c(double %a, ptr nocapture %x, ptr nocapture %y)
# LL: for.latch:
# LL-LABEL: define void @pyc_user_main()
# LL: call void @pyk_main()
# OPT-LABEL: define void @pyk_saxpy_c(
# OPT: fmul <{{[0-9]+}} x double>
# OPT: fadd <{{[0-9]+}} x double>
# OPT-LABEL: define void @pyk_saxpy(
# OPT: call i32 @pyc_parallel_for(
# OPT-LABEL: define double @pyk_dot(
# OPT-NOT: fadd <
# OPT: fadd double
# OPT-LABEL: define double @pyk_dot_fast(
# OPT: fadd <{{[0-9]+}} x double>
# The prange body, outlined (docs/ir.md 7.4), vectorizes like the range loop.
# OPT-LABEL: define internal void @pyk_saxpy.prange(
# OPT: fmul <{{[0-9]+}} x double>
# ASM-LABEL: pyk_saxpy_c:
# ASM-NOT: vfmadd
# ASM: vmulpd {{.*}}{{[yz]}}mm
# ASM: vaddpd {{.*}}{{[yz]}}mm
# OUT: 32.0 328350.0 328350.0
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, prange, float64


@kernel
def saxpy_c(a: float64, x: pt.float64[::1], y: pt.float64[::1]) -> None:
    for i in range(x.shape[0]):
        y[i] = a * x[i] + y[i]


@kernel
def saxpy(a: float64, x: pt.float64[:], y: pt.float64[:]) -> None:
    for i in prange(x.shape[0]):
        y[i] += a * x[i]


@kernel
def dot(x: pt.float64[::1], y: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@kernel(fastmath=True)
def dot_fast(x: pt.float64[::1], y: pt.float64[::1]) -> float64:
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s


@task(top_level=True)
def main():
    n = 100
    x = np.zeros(n)
    y = np.zeros(n)
    for i in range(n):
        x[i] = i * 1.0
        y[i] = 1.0
    saxpy_c(0.5, x, y)
    print(y[62], dot(x, x), dot_fast(x, x))


if __name__ == '__main__':
    main()
