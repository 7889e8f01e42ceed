# Tests: a color space kept in a variable (cs = P.color_space), 1-d and 2-d: for c in cs, IndexLaunch(cs), index_launch(cs, ...), Partition.equal(R, cs), len(cs), cs.volume, cs.bounds, cs2 = cs, cs assigned in a loop body and in branches from partitions with different color counts, a conditional expression of color spaces, cs re-read after the partition is replaced.
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
        b.v[i] = 0.5 * i + c


@task(privileges=[R('k')])
def ksum(b: Region[Cell]) -> int64:
    s = 0
    for i in b.ispace:
        s += b.k[i] * 10 + i
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
def volume(b: Region[Cell]) -> int64:
    return b.ispace.volume


@task(top_level=True)
def main():
    g = Region([20], Cell)
    p = Partition.equal(g, [4])
    cs = p.color_space
    total = 0
    for c in cs:
        total += c
    lo, hi = cs.bounds
    print('1-d', len(cs), cs.volume, lo, hi)
    print('sum of colors', total)
    for i in IndexLaunch(cs):
        stamp(p[i], i)
    fm = index_launch(cs, ksum, p[ID])
    for c in cs:
        print('ksum', c, fm[c].get())
    s = index_launch(cs, ksum, p[ID], reduce='+')
    print('reduced', s.get())
    cs2 = cs
    h = Partition.equal(Region([9], Cell), cs2)
    print('equal by cs2:', len(h), len(cs2))
    for q in h:
        qlo, qhi = q.ispace.bounds
        print('  piece', qlo, qhi)

    # assigned in a loop body and in branches: each read sees the last value
    for n in range(2, 5):
        pn = Partition.equal(g, [n])
        cn = pn.color_space
        fv = index_launch(cn, volume, pn[ID])
        vols = 0
        for c in cn:
            vols += fv[c].get() * (c + 1)
        print('n', n, len(cn), cn.volume, vols)
    pa = Partition.equal(g, [5])
    pb = Partition.equal(g, [2])
    for k in range(3):
        if k % 2 == 0:
            cb = pa.color_space
        else:
            cb = pb.color_space
        blo, bhi = cb.bounds
        print('branch', k, len(cb), blo, bhi)
    cc = pa.color_space if len(pb) > 5 else pb.color_space
    print('conditional', len(cc))
    p = Partition.equal(g, [10])
    print('after replacing p:', len(cs), len(p.color_space))

    g2 = Region([6, 8], Cell)
    p2 = Partition.equal(g2, [2, 3])
    c2 = p2.color_space
    print('colors 2-d:', len(c2), c2.volume)
    lo2, hi2 = c2.bounds
    print('bounds 2-d:', lo2[0], lo2[1], hi2[0], hi2[1])
    for pt in c2:
        a, b = pt
        print('  color', a, b)
    for pt in IndexLaunch(c2):
        stamp2(p2[pt])
    f2 = index_launch(c2, kmax2, p2[ID])
    for pt in c2:
        a, b = pt
        print('  kmax', a, b, f2[a, b].get())
    c3 = c2
    q2 = Partition.equal(Region([4, 9], Cell), c3)
    d2 = q2.color_space
    dlo, dhi = d2.bounds
    print('equal 2-d by c3:', len(q2), d2.volume, dhi[0], dhi[1])


if __name__ == '__main__':
    main()
