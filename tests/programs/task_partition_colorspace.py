# Tests: P.color_space (1-d and 2-d): for c in P.color_space, len(), .volume, .bounds, IndexLaunch(P.color_space), index_launch(P.color_space, ...), Partition.equal(R, P.color_space); FutureMap: index_launch without reduce=, fm[i].get(), fm[i, j].get(), fm.wait(), a discarded FutureMap.
from pyc_task import task, fieldspace, float64, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    v: float64
    k: int64


@task(privileges=[RW])
def stamp(b: Region[Cell], c: int64):
    for i in b.ispace:
        b.k[i] = c
        b.v[i] = 0.25 * i + c


@task(privileges=[R('k')])
def ksum(b: Region[Cell]) -> int64:
    s = 0
    for i in b.ispace:
        s += b.k[i] * 10 + i
    return s


@task(privileges=[R('v')])
def vsum(b: Region[Cell]) -> float64:
    s = 0.0
    for i in b.ispace:
        s += b.v[i]
    return s


@task(privileges=[RW])
def stamp2(b: Region[Cell, 2]):
    for p in b.ispace:
        i, j = p
        b.k[i, j] = i * 100 + j


@task(privileges=[R('k')])
def kmax2(b: Region[Cell, 2]) -> int64:
    m = -1
    for p in b.ispace:
        i, j = p
        m = max(m, b.k[i, j])
    return m


@task(privileges=[R('k')])
def touch(b: Region[Cell]):
    s = 0
    for i in b.ispace:
        s += b.k[i]


@task(top_level=True)
def main():
    g = Region([20], Cell)
    p = Partition.equal(g, [4])
    cs = 0
    for c in p.color_space:
        cs += c
    print('colors 1-d:', len(p.color_space), p.color_space.volume, cs, len(p))
    lo, hi = p.color_space.bounds
    print('bounds 1-d:', lo, hi)
    for i in IndexLaunch(p.color_space):
        stamp(p[i], i)
    fm = index_launch(p.color_space, ksum, p[ID])
    fm.wait()
    for c in p.color_space:
        print('ksum', c, fm[c].get())
    fv = index_launch([4], vsum, p[ID])
    print('vsum 3:', fv[3].get(), 'vsum 0:', fv[0].get())
    index_launch(p.color_space, touch, p[ID])
    ft = index_launch([4], touch, p[ID])
    ft.wait()
    q = Partition.equal(g, p.color_space)
    print('equal by a color space:', len(q.color_space))
    for r in q:
        lo1, hi1 = r.ispace.bounds
        print('  piece', lo1, hi1)

    g2 = Region([6, 8], Cell)
    p2 = Partition.equal(g2, [2, 3])
    print('colors 2-d:', len(p2.color_space), p2.color_space.volume)
    lo2, hi2 = p2.color_space.bounds
    print('bounds 2-d:', lo2[0], lo2[1], hi2[0], hi2[1])
    for pt2 in p2.color_space:
        a, b = pt2
        print('  color', a, b)
    for pt2 in IndexLaunch(p2.color_space):
        stamp2(p2[pt2])
    f2 = index_launch(p2.color_space, kmax2, p2[ID])
    for pt2 in p2.color_space:
        a, b = pt2
        print('  kmax', a, b, f2[a, b].get())
    total = 0
    for pt2 in p2.color_space:
        a, b = pt2
        total += f2[a, b].get()
    print('total', total)


if __name__ == '__main__':
    main()
