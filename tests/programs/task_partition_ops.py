# Tests: Partition.equal (1-3 d, more colors than points), restrict (disjoint and overlapping), halo (clipped), partitions of a piece, P[i, j], P[c], iteration over P, index_launch with ID and reduce '+', '*', 'min', 'max' on int64 and float64.
from pyc_task import kernel, task, fieldspace, float64, int64, Region, R, RW, Reduce
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    v: float64
    k: int64


@task(privileges=[RW])
def stamp(b: Region[Cell], c: int64):
    for i in b.ispace:
        b.k[i] = c
        b.v[i] = 0.5 * c + i


@task(privileges=[R('k')])
def count(b: Region[Cell], c: int64) -> int64:
    s = 0
    for i in b.ispace:
        s += b.k[i] + c
    return s


@task(privileges=[R('v')])
def vmax(b: Region[Cell]) -> float64:
    m = -1.0
    for i in b.ispace:
        m = max(m, b.v[i])
    return m


@task(privileges=[R('v')])
def vol(b: Region[Cell]) -> int64:
    return b.ispace.volume + 1


@task(privileges=[Reduce('+', 'v')])
def bump(b: Region[Cell]):
    for i in b.ispace:
        b.v[i] += 1.0


@kernel
def show(lo: int64, hi: int64):
    print(f'  [{lo}, {hi}]')


@task(privileges=[Reduce('+', 'v')])
def bump2(b: Region[Cell, 2]):
    for p in b.ispace:
        i, j = p
        b.v[i, j] += 1.0


@task(top_level=True)
def main():
    g = Region([10], Cell)
    p = Partition.equal(g, [3])
    print('equal 10 / 3:')
    for q in p:
        lo, hi = q.ispace.bounds
        show(lo, hi)
    index_launch([3], stamp, p[ID], ID)
    print('count:', index_launch([3], count, p[ID], ID, reduce='+').get())
    print('vmax max:', index_launch([3], vmax, p[ID], reduce='max').get())
    print('vmax min:', index_launch([3], vmax, p[ID], reduce='min').get())
    print('vol prod:', index_launch([3], vol, p[ID], reduce='*').get())
    h = Partition.halo(p, 2)
    print('halo 2:')
    for q in h:
        lo, hi = q.ispace.bounds
        show(lo, hi)
    for i in IndexLaunch([3]):
        bump(h[i])
    print('after bumps:', g.v[0], g.v[3], g.v[5], g.v[9])
    r1 = Partition.restrict(g, [4], [3], [3])
    r2 = Partition.restrict(g, [4], [3], [5])
    print('restrict step 3 extent 3 / 5:')
    for i in range(4):
        a, b = r1[i].ispace.bounds
        c, d = r2[i].ispace.bounds
        print(f'  [{a}, {b}] [{c}, {d}]')
    sub = Partition.equal(p[2], [2])
    print('partition of piece 2:')
    for q in sub:
        lo, hi = q.ispace.bounds
        show(lo, hi)
    many = Partition.equal(g, [12])
    print('12 colors, volumes:', many[0].ispace.volume, many[11].ispace.volume)
    grid = Region([6, 5], Cell)
    gp = Partition.equal(grid, [2, 3])
    lo2, hi2 = gp[1, 2].ispace.bounds
    print('2-d piece (1, 2):', lo2[0], lo2[1], hi2[0], hi2[1])
    for pt in IndexLaunch([2, 3]):
        bump2(gp[pt])
    print('2-d total:', grid.v[0, 0] + grid.v[5, 4])
    cube = Region([4, 4, 4], Cell)
    cp = Partition.equal(cube, [2, 1, 2])
    lo3, hi3 = cp[1, 0, 1].ispace.bounds
    print('3-d piece (1, 0, 1):', lo3[0], lo3[1], lo3[2], hi3[0], hi3[1], hi3[2])
    tr = Partition.restrict(grid, [3, 1], [[2, 0], [0, 5]], [2, 5])
    lo2, hi2 = tr[2, 0].ispace.bounds
    print('2-d restrict (2, 0):', lo2[0], lo2[1], hi2[0], hi2[1])


if __name__ == '__main__':
    main()
