# P.color_space and FutureMaps: what compiled code does not take is a
# compile error naming the construct.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, int64, Region, R
from pyc_task import Partition, index_launch, ID


@fieldspace
class Cell:
    k: int64


@task(privileges=[R])
def get(b: Region[Cell]) -> int64:
    return b.ispace.volume


@task(privileges=[R])
def nothing(b: Region[Cell]):
    s = b.ispace.volume


@task(top_level=True)
def main():
    g = Region([12], Cell)
    p = Partition.equal(g, [3])
    # CHECK: color_space_fail.py:[[@LINE+1]]:11: error: a partition has .color_space (and pieces P[i], and is iterable), not '.colors'
    print(p.colors)
    # CHECK: color_space_fail.py:[[@LINE+1]]:11: error: a color space has .volume and .bounds (and is iterable, and len() of it is its volume), not '.shape'
    print(p.color_space.shape)
    fm = index_launch([3], get, p[ID])
    # CHECK: color_space_fail.py:[[@LINE+1]]:11: error: fm.get() (the list of every point's result) is pure-Python only (compiled code has no lists): read fm[c].get() in a loop over the launch's colors (for c in P.color_space), or fold the results with index_launch(..., reduce='+')
    print(fm.get())
    # CHECK: color_space_fail.py:[[@LINE+1]]:5: error: a FutureMap in compiled code has fm[i].get() (point i's result) and fm.wait(), not .result()
    fm.result()
    # CHECK: color_space_fail.py:[[@LINE+1]]:11: error: the FutureMap of a 1-d index launch is indexed with 1 coordinate, found 2
    print(fm[0, 1].get())
    # CHECK: color_space_fail.py:[[@LINE+1]]:11: error: fm[i] of a FutureMap has .get() in compiled code, not .done()
    print(fm[0].done())
    fn = index_launch([3], nothing, p[ID])
    # CHECK: color_space_fail.py:[[@LINE+1]]:5: error: fn[0].get(): the task returns nothing (use fm.wait())
    fn[0].get()
    # CHECK: color_space_fail.py:[[@LINE+1]]:31: error: p[ID]: argument 1 of 'get' is Region[Cell, 1]; P[ID] needs a partition of it with a 2-d color space
    index_launch([3, 1], get, p[ID])

