# partition_stencil1d: the Parallel Research Kernels' star stencil in 1-D
# (radius 2) with explicit partitions: the grid is split into 4 disjoint
# blocks (Partition.equal) that the stencil writes, and 4 aliased halo
# blocks (Partition.halo, width 2) that it reads. Every step is two index
# launches; the runtime tracks dependences block by block, so block i of
# the next step waits only for blocks i-1, i, i+1 of this one.
# Run: pyc-task run examples/partition_stencil1d.py (or under CPython).
from pyc_task import task, fieldspace, float64, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Grid:
    inp: float64
    out: float64


@task(privileges=[RW('inp', 'out')])
def init(b: Region[Grid]):
    for i in b.ispace:
        b.inp[i] = float(i)
        b.out[i] = 0.0


@task(privileges=[R('inp'), RW('out')])
def stencil(h: Region[Grid], b: Region[Grid], n: int64):
    lo, hi = b.ispace.bounds
    for i in range(max(lo, 2), min(hi, n - 3) + 1):
        b.out[i] += 0.25 * (h.inp[i + 1] - h.inp[i - 1]) + 0.125 * (h.inp[i + 2] - h.inp[i - 2])


@task(privileges=[RW('inp')])
def increment(b: Region[Grid]):
    for i in b.ispace:
        b.inp[i] += 1.0


@task(privileges=[R('out')])
def norm(b: Region[Grid], n: int64) -> float64:
    lo, hi = b.ispace.bounds
    s = 0.0
    for i in range(max(lo, 2), min(hi, n - 3) + 1):
        s += abs(b.out[i])
    return s


@task(top_level=True)
def main():
    n = 1000
    grid = Region([n], Grid)
    blocks = Partition.equal(grid, [4])
    halos = Partition.halo(blocks, 2)
    for q in halos:
        lo, hi = q.ispace.bounds
        print(f'halo block [{lo}, {hi}]')
    for i in IndexLaunch([4]):
        init(blocks[i])
    for it in range(20):
        for i in IndexLaunch([4]):
            stencil(halos[i], blocks[i], n)
        for i in IndexLaunch([4]):
            increment(blocks[i])
    f = index_launch([4], norm, blocks[ID], n, reduce='+')
    print(f'norm = {f.get() / (n - 4):.12f}')
    print(f'out[500] = {grid.out[500]:.6f}, inp[999] = {grid.inp[999]:.1f}')


if __name__ == '__main__':
    main()
