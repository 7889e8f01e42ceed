# bench/partition/stencil2d_auto.py: the PRK 2-D star stencil (radius 2,
# 4096x4096, 100 iterations) with automatic partitioning
# (@task(parallel=True), examples/parallel_stencil2d.py at full size): one
# point task per worker, row blocks and halos derived by the compiler.
import pyc_task as pt
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
    n = 4096
    grid = Region([n, n], Grid)
    init(grid)
    t0 = pt.wtime()
    for it in range(100):
        stencil(grid, grid, n)
        increment(grid)
    grid.out[0, 0] = 0.0  # waits for the launches (inline mapping)
    t1 = pt.wtime()
    s = 0.0
    for i in range(2, n - 2):
        for j in range(2, n - 2):
            s += abs(grid.out[i, j])
    print(f'pyc-task parallel=True: 100 iterations of {n}x{n} radius 2: {t1 - t0:.3f} s, norm {s / ((n - 4) * (n - 4)):.6f}')


if __name__ == '__main__':
    main()
