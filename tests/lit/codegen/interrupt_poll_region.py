# Interrupt polls in tasks over regions (docs/ir.md 7.5): an inner loop that
# indexes a region field with its loop variable on every iteration (load,
# store or `+=` reduction) is bounded by the region and stays a plain loop
# without blocks or polls, like one over an array; the outer loop of the nest
# polls at its latch; a loop that only computes runs in blocks.
# RUN: %pyc-task ir %s --stage=llvm | FileCheck %s
# CHECK-LABEL: define void @pyk_bump(
# CHECK: {{^}}for.latch:
# CHECK-NEXT: load atomic volatile i32, ptr %intr.flag unordered
# CHECK-NOT: for.blocks
# CHECK-LABEL: define void @pyk_copy_in(
# CHECK-NOT: for.blocks
# CHECK-LABEL: define void @pyk_spin(
# CHECK: {{^}}for.blocks:
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW


@fieldspace
class Grid:
    inp: float64
    out: float64


@task(privileges=[RW('inp')])
def bump(b: Region[Grid, 2]):
    lo, hi = b.ispace.bounds
    for i in range(lo[0], hi[0] + 1):
        for j in range(lo[1], hi[1] + 1):
            b.inp[i, j] += 1.0


@task(privileges=[RW('inp', 'out')])
def copy_in(b: Region[Grid, 1]):
    lo, hi = b.ispace.bounds
    for i in range(lo, hi + 1):
        b.out[i] = b.inp[i] * 2.0


@task(privileges=[RW('out')])
def spin(b: Region[Grid, 1], n: int64):
    s = 0.0
    for k in range(n):
        s = s * 0.5 + 1.0
    b.out[0] = s
