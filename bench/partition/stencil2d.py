# bench/partition/stencil2d.py: the PRK 2-D star stencil, radius 2, on a
# 4096x4096 grid, 100 iterations, with explicit partitions: a disjoint
# Partition.equal of row blocks written by each point task, an aliased
# Partition.halo (width 2) read; two index launches per iteration. Prints
# the time of the iterations (pt.wtime) and the PRK norm.
import pyc_task as pt
from pyc_task import task, fieldspace, float64, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Grid:
    inp: float64
    out: float64


@task(privileges=[RW('inp', 'out')])
def init(b: Region[Grid, 2]):
    lo, hi = b.ispace.bounds
    for i in range(lo[0], hi[0] + 1):
        for j in range(lo[1], hi[1] + 1):
            b.inp[i, j] = float(i + j)
            b.out[i, j] = 0.0


@task(privileges=[R('inp'), RW('out')])
def stencil(h: Region[Grid, 2], b: Region[Grid, 2], n: int64):
    lo, hi = b.ispace.bounds
    for i in range(max(lo[0], 2), min(hi[0], n - 3) + 1):
        for j in range(max(lo[1], 2), min(hi[1], n - 3) + 1):
            b.out[i, j] += (0.25 * (h.inp[i, j + 1] - h.inp[i, j - 1])
                            + 0.125 * (h.inp[i, j + 2] - h.inp[i, j - 2])
                            + 0.25 * (h.inp[i + 1, j] - h.inp[i - 1, j])
                            + 0.125 * (h.inp[i + 2, j] - h.inp[i - 2, j]))


@task(privileges=[RW('inp')])
def increment(b: Region[Grid, 2]):
    lo, hi = b.ispace.bounds
    for i in range(lo[0], hi[0] + 1):
        for j in range(lo[1], hi[1] + 1):
            b.inp[i, j] += 1.0


@task(privileges=[R('out')])
def norm(b: Region[Grid, 2], n: int64) -> float64:
    lo, hi = b.ispace.bounds
    s = 0.0
    for i in range(max(lo[0], 2), min(hi[0], n - 3) + 1):
        for j in range(max(lo[1], 2), min(hi[1], n - 3) + 1):
            s += abs(b.out[i, j])
    return s


@task(top_level=True)
def main():
    n = 4096
    iters = 100
    nb = 8
    grid = Region([n, n], Grid)
    blocks = Partition.equal(grid, [nb, 1])
    halos = Partition.halo(blocks, 2)
    for c in IndexLaunch([nb, 1]):
        init(blocks[c])
    f0 = index_launch([nb, 1], norm, blocks[ID], n, reduce='+')
    f0.get()
    t0 = pt.wtime()
    for it in range(iters):
        for c in IndexLaunch([nb, 1]):
            stencil(halos[c], blocks[c], n)
        for c in IndexLaunch([nb, 1]):
            increment(blocks[c])
    f = index_launch([nb, 1], norm, blocks[ID], n, reduce='+')
    s = f.get()
    t1 = pt.wtime()
    print(f'pyc-task: {iters} iterations of {n}x{n} radius 2: {t1 - t0:.3f} s, norm {s / ((n - 4) * (n - 4)):.6f}')


if __name__ == '__main__':
    main()
