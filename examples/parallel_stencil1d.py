# parallel_stencil1d: the PRK star stencil in 1-D (radius 2) with automatic
# partitioning: @task(parallel=True) asks the compiler to partition each
# launch by itself. From the accesses of the loop (writes out[i], reads
# inp[i - 2] .. inp[i + 2]) it derives an equal partition of what each task
# writes (one block per worker) and a halo of width 2 for what it reads, and
# turns every call into an index launch (`pyc-task ir FILE --stage=tir-opt`
# shows the partition.equal / partition.halo ops at each call). The output
# is the sequential one (and CPython's).
from pyc_task import task, fieldspace, float64, int64, Region, R, RW


@fieldspace
class Grid:
    inp: float64
    out: float64


@task(privileges=[RW('inp', 'out')], parallel=True)
def init(b: Region[Grid]):
    for i in b.ispace:
        b.inp[i] = float(i)
        b.out[i] = 0.0


@task(privileges=[R('inp'), RW('out')], parallel=True)
def stencil(h: Region[Grid], b: Region[Grid], n: int64):
    for i in b.ispace:
        if i >= 2 and i <= n - 3:
            b.out[i] += 0.25 * (h.inp[i + 1] - h.inp[i - 1]) + 0.125 * (h.inp[i + 2] - h.inp[i - 2])


@task(privileges=[RW('inp')], parallel=True)
def increment(b: Region[Grid]):
    for i in b.ispace:
        b.inp[i] += 1.0


@task(top_level=True)
def main():
    n = 1000
    grid = Region([n], Grid)
    init(grid)
    for it in range(20):
        stencil(grid, grid, n)
        increment(grid)
    s = 0.0
    for i in range(2, n - 2):
        s += abs(grid.out[i])
    print(f'norm = {s / (n - 4):.12f}')
    print(f'out[500] = {grid.out[500]:.6f}, inp[999] = {grid.inp[999]:.1f}')


if __name__ == '__main__':
    main()
