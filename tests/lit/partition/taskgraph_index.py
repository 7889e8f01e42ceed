# --stage=taskgraph shows index launches: one node each (double border),
# its pieces and partitions; a dependence between two launches through the
# same disjoint partition is per piece (point i waits for point i only);
# through a halo, the runtime orders each point after the pieces it
# overlaps.
# RUN: %pyc-task ir %s --stage=taskgraph | FileCheck %s
from pyc_task import task, fieldspace, float64, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    u: float64
    v: float64


@task(privileges=[RW('u')])
def init(b: Region[Cell]):
    for i in b.ispace:
        b.u[i] = 1.0


@task(privileges=[R('u'), RW('v')])
def step(h: Region[Cell], b: Region[Cell]):
    for i in b.ispace:
        b.v[i] = h.u[i]


@task(privileges=[R('v')])
def total(b: Region[Cell]) -> float64:
    return 0.0


@task(top_level=True)
def main():
    grid = Region([100], Cell)
    blocks = Partition.equal(grid, [4])
    halos = Partition.halo(blocks, 1)
    # CHECK: n0 [label="index launch init\nblocks[i]: disjoint of grid\nline [[@LINE+1]]", peripheries=2];
    for i in IndexLaunch([4]):
        init(blocks[i])
    # CHECK: n1 [label="index launch step\nhalos[i]: aliased of grid\nblocks[i]: disjoint of grid\nline [[@LINE+1]]", peripheries=2];
    index_launch([4], step, halos[ID], blocks[ID])
    # CHECK: n2 [label="index launch total\nblocks[i]: disjoint of grid\nline [[@LINE+1]]", peripheries=2];
    f = index_launch([4], total, blocks[ID], reduce='+')
    # CHECK: n0 -> n1 [label="RAW on grid.u"];
    # CHECK: n1 -> n2 [label="RAW on grid.v (per piece)"];
    print(f.get())
