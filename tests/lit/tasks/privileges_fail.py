# Privilege errors (after Pygion's tests/fail/privileges.py): each access a
# task's privileges do not allow is a compile error naming the field, the
# region and the privilege, at the offending line.
# RUN: not %pyc-task ir %s --stage=tir-opt 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, float64, Region, R, RW, WD, N, Reduce


@fieldspace
class Cell:
    u: float64
    u_new: float64


@task(privileges=[R('u'), RW('u_new')])
def smooth(halo: Region[Cell], own: Region[Cell]) -> None:
    for i in own.ispace:
        # CHECK: privileges_fail.py:[[@LINE+1]]:9: error: task 'smooth' writes field 'u' of region 'halo', which it holds read-only (R('u'))
        halo.u[i] = 0.0
        # CHECK: privileges_fail.py:[[@LINE+1]]:24: error: task 'smooth' reads field 'u_new' of region 'halo', which it does not hold (R('u'))
        own.u_new[i] = halo.u_new[i]
        # CHECK: privileges_fail.py:[[@LINE+1]]:9: error: task 'smooth' updates field 'u' of region 'halo', which it holds read-only (R('u'))
        halo.u[i] += 1.0


@task(privileges=[Reduce('+', 'u')])
def acc(r: Region[Cell]) -> None:
    for i in r.ispace:
        # CHECK: privileges_fail.py:[[@LINE+1]]:9: error: task 'acc' reduces field 'u' of region 'r' with '*', but it holds Reduce('+', 'u')
        r.u[i] *= 2.0
        # CHECK: privileges_fail.py:[[@LINE+1]]:9: error: task 'acc' writes field 'u' of region 'r', which it holds for reduction only (Reduce('+', 'u')); update it with r.u[...] += value
        r.u[i] = 1.0
        # CHECK: privileges_fail.py:[[@LINE+1]]:19: error: task 'acc' reads field 'u' of region 'r', which it holds for reduction only (Reduce('+', 'u'))
        r.u[i] += r.u[i]
        # CHECK: privileges_fail.py:[[@LINE+1]]:9: error: task 'acc' updates field 'u_new' of region 'r', which it does not hold (Reduce('+', 'u'))
        r.u_new[i] += 1.0


@task(privileges=[N])
def nothing(r: Region[Cell]) -> float64:
    # CHECK: privileges_fail.py:[[@LINE+1]]:12: error: task 'nothing' reads field 'u' of region 'r', which it does not hold (N)
    return r.u[0]


@task(privileges=[WD('u')])
def discard(r: Region[Cell]) -> None:
    r.u[0] = 1.0
    r.u[1] = r.u[0]


@task(privileges=[R('u')])
def outer(r: Region[Cell]) -> None:
    # CHECK: privileges_fail.py:[[@LINE+1]]:5: error: task 'outer' writes field 'u' of region 'r', which it holds read-only (R('u'))
    discard(r)


@task(top_level=True)
def main() -> None:
    g = Region([4], Cell)
    smooth(g, g)
    acc(g)
