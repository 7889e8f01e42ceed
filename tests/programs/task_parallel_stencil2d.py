# Tests: @task(parallel=True) automatic partitioning (copy of examples/parallel_stencil2d.py): derived equal + halo partitions, index launches over the workers, identical to CPython.
# parallel_stencil2d: the PRK 2-D star stencil (radius 2) with automatic
# partitioning (@task(parallel=True)): the compiler derives the row-block
# partition each launch writes and the halo of width 2 it reads from the
# accesses of the loop over the index space, and launches one point task per
# worker. Output identical to the sequential run and to CPython.
from pyc_task import task, fieldspace, float64, int64, Region, R, RW


@fieldspace
class Grid:
    inp: float64
    out: float64


@task(privileges=[RW('inp', 'out')], parallel=True)
def init(b: Region[Grid, 2]):
    for p in b.ispace:
        i, j = p
        b.inp[i, j] = float(i + j)
        b.out[i, j] = 0.0


@task(privileges=[R('inp'), RW('out')], parallel=True)
def stencil(h: Region[Grid, 2], b: Region[Grid, 2], n: int64):
    for p in b.ispace:
        i, j = p
        if i >= 2 and i <= n - 3 and j >= 2 and j <= n - 3:
            b.out[i, j] += (0.25 * (h.inp[i, j + 1] - h.inp[i, j - 1])
                            + 0.125 * (h.inp[i, j + 2] - h.inp[i, j - 2])
                            + 0.25 * (h.inp[i + 1, j] - h.inp[i - 1, j])
                            + 0.125 * (h.inp[i + 2, j] - h.inp[i - 2, j]))


@task(privileges=[RW('inp')], parallel=True)
def increment(b: Region[Grid, 2]):
    for p in b.ispace:
        i, j = p
        b.inp[i, j] += 1.0


@task(top_level=True)
def main():
    n = 64
    grid = Region([n, n], Grid)
    init(grid)
    for it in range(10):
        stencil(grid, grid, n)
        increment(grid)
    s = 0.0
    for i in range(2, n - 2):
        for j in range(2, n - 2):
            s += abs(grid.out[i, j])
    print(f'norm = {s / ((n - 4) * (n - 4)):.12f}')
    print(f'out[10, 20] = {grid.out[10, 20]:.6f}')


if __name__ == '__main__':
    main()
