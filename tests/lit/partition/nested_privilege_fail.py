# Launches from a task other than the top-level one on pieces of its region
# parameters (point launches on P[i], index launches over P, launches on a
# halo's pieces, through a local holding the partition) need the parent to
# hold what the child asks for, as plain launches do; each violation names
# the task, the field, the region and the privilege as written.
# RUN: not %pyc-task ir %s --stage=tir-opt 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, float64, Region, R, RW, Reduce
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    u: float64
    v: float64


@task(privileges=[RW('u')])
def bump(b: Region[Cell]):
    for i in b.ispace:
        b.u[i] += 1.0


@task(privileges=[R('v')])
def look(b: Region[Cell]) -> float64:
    s = 0.0
    for i in b.ispace:
        s += b.v[i]
    return s


@task(privileges=[Reduce('+', 'u')])
def add(b: Region[Cell]):
    for i in b.ispace:
        b.u[i] += 2.0


@task(privileges=[R('u', 'v')])
def reader(r: Region[Cell]):
    p = Partition.equal(r, [4])
    h = Partition.halo(p, 1)
    # CHECK: nested_privilege_fail.py:[[@LINE+1]]:5: error: task 'reader' writes field 'u' of region 'r', which it holds read-only (R('u', 'v'))
    bump(p[0])
    # CHECK: nested_privilege_fail.py:[[@LINE+1]]:5: error: task 'reader' writes field 'u' of region 'r', which it holds read-only (R('u', 'v'))
    for i in IndexLaunch([4]):
        bump(p[i])
    # CHECK: nested_privilege_fail.py:[[@LINE+1]]:9: error: task 'reader' updates field 'u' of region 'r', which it holds read-only (R('u', 'v'))
    f = index_launch([4], add, h[ID])
    # reading through the pieces and the halo is what it holds
    # CHECK-NOT: nested_privilege_fail.py:[[@LINE+1]]:
    g = index_launch([4], look, h[ID], reduce='+')


@task(privileges=[RW('u')])
def writer(r: Region[Cell]):
    p = Partition.equal(r, [2])
    # CHECK: nested_privilege_fail.py:[[@LINE+1]]:9: error: task 'writer' reads field 'v' of region 'r', which it does not hold (RW('u'))
    f = index_launch([2], look, p[ID], reduce='+')
    for i in IndexLaunch([2]):
        # CHECK-NOT: nested_privilege_fail.py:[[@LINE+1]]:
        bump(p[i])


@task(top_level=True)
def main():
    r = Region([8], Cell)
    reader(r)
    writer(r)
