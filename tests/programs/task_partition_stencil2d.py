# Tests: partitions and index launches (copy of examples/partition_stencil2d.py): Partition.equal/halo, IndexLaunch, index_launch with reduce, identical to CPython.
# partition_stencil2d: the Parallel Research Kernels' 2-D star stencil
# (radius 2) on a 2x2 grid of blocks: Partition.equal(grid, [2, 2]) gives
# the disjoint blocks each point task writes, Partition.halo(blocks, 2) the
# aliased blocks it reads; the launch points are tuples (i, j).
# Run: pyc-task run examples/partition_stencil2d.py (or under CPython).
from pyc_task import task, fieldspace, float64, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Grid:
    inp: float64
    out: float64


@task(privileges=[RW('inp', 'out')])
def init(b: Region[Grid, 2]):
    for p in b.ispace:
        i, j = p
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
    for p in b.ispace:
        i, j = p
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
    n = 64
    grid = Region([n, n], Grid)
    blocks = Partition.equal(grid, [2, 2])
    halos = Partition.halo(blocks, 2)
    for c in IndexLaunch([2, 2]):
        init(blocks[c])
    for it in range(10):
        for c in IndexLaunch([2, 2]):
            stencil(halos[c], blocks[c], n)
        for c in IndexLaunch([2, 2]):
            increment(blocks[c])
    total = 0.0
    for q in blocks:
        lo, hi = q.ispace.bounds
        print(f'block ({lo[0]}, {lo[1]}) .. ({hi[0]}, {hi[1]})')
        total += norm(q, n).get()
    print(f'norm = {total / ((n - 4) * (n - 4)):.12f}')
    corner = halos[1, 1]
    clo, chi = corner.ispace.bounds
    print(f'halo (1, 1) starts at ({clo[0]}, {clo[1]}); out[10, 20] = {grid.out[10, 20]:.6f}')


if __name__ == '__main__':
    main()
