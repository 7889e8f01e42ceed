# Index launch verification (issue 5): a launch is one index launch only
# when every region argument it writes is a piece of a disjoint partition
# through the identity projection (P[i] / P[ID]); otherwise the error names
# the argument and says why.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, WD, Reduce
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    u: float64


@task(privileges=[RW])
def smooth(b: Region[Cell]):
    pass


@task(privileges=[R, WD, Reduce('+')])
def step(h: Region[Cell], b: Region[Cell], acc: Region[Cell], k: int64):
    pass


@task(top_level=True)
def main():
    g = Region([100], Cell)
    P = Partition.equal(g, [4])
    ghosts = Partition.halo(P, 1)
    for i in IndexLaunch([4]):
        # CHECK: index_launch_fail.py:[[@LINE+1]]:16: error: index launch writes ghosts[i] of aliased partition ghosts (from Partition.halo at line 29)
        smooth(ghosts[i])
    # CHECK: index_launch_fail.py:[[@LINE+1]]:31: error: index launch writes ghosts[ID] of aliased partition ghosts (from Partition.halo at line 29)
    index_launch([4], smooth, ghosts[ID])
    # CHECK: index_launch_fail.py:[[@LINE+1]]:36: error: index launch writes g in every point task (parameter 'b' of 'step' is WD); only pieces of a disjoint partition through the identity projection (P[i]) may be written
    index_launch([4], step, P[ID], g, g, ID)
    # aliased and whole regions read or reduced: fine
    index_launch([4], step, ghosts[ID], P[ID], g, ID)
    for i in IndexLaunch([4]):
        # CHECK: index_launch_fail.py:[[@LINE+1]]:42: error: index launch argument 'i + 1' depends on the launch point; pass P[i] (a piece) or i itself
        step(ghosts[i], P[i], ghosts[i], i + 1)
    for i in IndexLaunch([4]):
        # CHECK: index_launch_fail.py:[[@LINE+1]]:25: error: index launch writes P[0] in every point task (parameter 'b' of 'step' is WD); only pieces of a disjoint partition through the identity projection (P[i]) may be written
        step(ghosts[i], P[0], g, 1)
    S = Partition.restrict(g, [4], [25], [30])
    T = Partition.restrict(g, [4], [25], [25])
    # CHECK: index_launch_fail.py:[[@LINE+1]]:31: error: index launch writes S[ID] of aliased partition S (from Partition.restrict at line 45, whose pieces may overlap)
    index_launch([4], smooth, S[ID])
    index_launch([4], smooth, T[ID])
    # CHECK: index_launch_fail.py:[[@LINE+1]]:9: error: P[ID] is only an argument of index_launch(...); in a loop use P[i]
    x = P[ID]
    for i in IndexLaunch([4]):
        # CHECK: index_launch_fail.py:[[@LINE+1]]:9: error: the body of an IndexLaunch loop is one task launch, t(P[i], ...), whose region arguments are the pieces
        print(i)
    # CHECK: index_launch_fail.py:[[@LINE+1]]:27: error: Partition.by_field: field 'u' is float64; the colors of a 1-d color space are int64
    Partition.by_field(g, 'u', [4])
    # CHECK: index_launch_fail.py:[[@LINE+1]]:38: error: index_launch(..., reduce=) needs a task returning int64 or float64; 'smooth' returns None
    index_launch([4], smooth, P[ID], reduce='+')
    # CHECK: index_launch_fail.py:[[@LINE+1]]:24: error: Partition.equal of a 1-d region takes 1 color count, found 2
    Partition.equal(g, [2, 2])
    # CHECK: index_launch_fail.py:[[@LINE+1]]:5: error: a partition with a 1-d color space is indexed with 1 color, found 2
    P[1, 2]
