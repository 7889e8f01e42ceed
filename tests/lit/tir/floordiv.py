# Floor division and modulo lower to floordiv/mod on the operand type (Python semantics in codegen).
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
from pyc_task import kernel, task, int64, float64


@kernel
def fd(a: int64, b: int64, x: float64) -> float64:
    q = a // b
    r = a % b
    return q + r + x // 2.0
# CHECK-LABEL: func @fd(
# CHECK: floordiv %0, %1 : i64
# CHECK: lset $q,
# CHECK: mod %0, %1 : i64
# CHECK: lset $r,
# CHECK: floordiv %2, {{%[0-9]+}} : f64


@task(top_level=True)
def main():
    print(fd(-7, 2, 7.5))
