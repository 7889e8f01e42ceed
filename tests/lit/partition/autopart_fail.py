# @task(parallel=True) whose accesses cannot be analysed: a compile error
# naming the access that stopped it.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, float64, int64, Region, R, RW


@fieldspace
class Cell:
    u: float64
    v: float64
    k: int64


@task(privileges=[R('u', 'k'), RW('v')], parallel=True)
def gather(h: Region[Cell], b: Region[Cell]):
    for i in b.ispace:
        # CHECK: autopart_fail.py:[[@LINE+1]]:22: error: parallel task 'gather': cannot analyse the access h.u[h.k[i]]: its index on axis 0 is not the loop point plus a constant
        b.v[i] = h.u[h.k[i]]


@task(privileges=[RW('u')], parallel=True)
def shift(b: Region[Cell]):
    for i in b.ispace:
        # CHECK: autopart_fail.py:[[@LINE+1]]:9: error: parallel task 'shift': writes b.u[i + 1], off the loop point (each piece may write only its own points)
        b.u[i + 1] = 0.0


@task(privileges=[RW('u')], parallel=True)
def gauss(b: Region[Cell]):
    for i in b.ispace:
        b.u[i] = b.u[i - 1]
# CHECK: autopart_fail.py:29:11: error: parallel task 'gauss': region 'b' is written at the loop point and read at an offset from it


@task(privileges=[RW('u')], parallel=True)
def prefix(b: Region[Cell]):
    acc = 0.0
    for i in b.ispace:
        # CHECK: autopart_fail.py:[[@LINE+1]]:9: error: parallel task 'prefix': 'acc' is assigned before the loop and in it
        acc += 1.0
        b.u[i] = acc


@task(privileges=[RW('u')], parallel=True)
def edges(b: Region[Cell]):
    # CHECK: autopart_fail.py:[[@LINE+1]]:14: error: parallel task 'edges': uses b.ispace.bounds (a piece's index space differs from the region's)
    lo, hi = b.ispace.bounds
    for i in b.ispace:
        b.u[i] = 1.0


@task(privileges=[RW('u')], parallel=True)
# CHECK: autopart_fail.py:[[@LINE+1]]:5: error: parallel task 'nothing' has no loop over a region parameter's index space
def nothing(b: Region[Cell]):
    pass


@task(top_level=True)
def main():
    g = Region([10], Cell)
    gather(g, g)
