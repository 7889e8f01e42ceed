# Tests: Partition.by_field and Partition.preimage of 2-d and 3-d regions (sparse n-d pieces, as in Legion): cells of a grid colored by a field (a disc inside a checkerboard), index launches over the pieces visiting exactly their points in row-major order, a stencil reading the whole grid and writing one color, fill of a sparse 2-d piece, Reduce('+') into aliased sparse 2-d pieces, an equal partition of a sparse piece, cells whose int64 pointer lands in the pieces of a 1-d region (preimage), a 3-d by_field, FutureMaps of the piece sums.
from pyc_task import task, fieldspace, int64, Region, R, RW, Reduce, fill
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    color: int64
    bin: int64
    u: int64
    s: int64


@fieldspace
class Bin:
    w: int64


@task(privileges=[RW('color', 'bin', 'u', 's')])
def init(g: Region[Cell, 2]):
    for p in g.ispace:
        i, j = p
        di = i - 3
        dj = j - 4
        if di * di + dj * dj <= 5:
            g.color[i, j] = 2
        else:
            g.color[i, j] = (i + j) % 2
        g.bin[i, j] = (i * 13 + j * 7) % 10
        g.u[i, j] = 0
        g.s[i, j] = 0


@task(privileges=[RW('u')])
def number(b: Region[Cell, 2], c: int64):
    k = 0
    for p in b.ispace:
        i, j = p
        b.u[i, j] = c * 1000 + k * 10 + (i + j) % 10
        k += 1


@task(privileges=[R('u')])
def digest(b: Region[Cell, 2]) -> int64:
    h = 0
    for p in b.ispace:
        i, j = p
        h = (h * 31 + b.u[i, j] + i * 7 + j) % 1000003
    return h * 100 + b.ispace.volume


@task(privileges=[RW('s'), R('u')])
def stencil(mine: Region[Cell, 2], g: Region[Cell, 2]):
    lo, hi = g.ispace.bounds
    for p in mine.ispace:
        i, j = p
        t = 0
        if i > lo[0]:
            t += g.u[i - 1, j]
        if i < hi[0]:
            t += g.u[i + 1, j]
        if j > lo[1]:
            t += g.u[i, j - 1]
        if j < hi[1]:
            t += g.u[i, j + 1]
        mine.s[i, j] = t


@task(privileges=[R('s', 'u')])
def grid_sum(g: Region[Cell, 2]) -> int64:
    t = 0
    for p in g.ispace:
        i, j = p
        t += g.s[i, j] * (i + 1) + g.u[i, j] * (j + 2)
    return t


@task(privileges=[Reduce('+', 's')])
def spread(b: Region[Cell, 2], c: int64):
    for p in b.ispace:
        i, j = p
        b.s[i, j] += (c + 1) * 3 + i


@task(privileges=[R('color')])
def cube_digest(b: Region[Cell, 3]) -> int64:
    h = 0
    for p in b.ispace:
        i, j, k = p
        h = (h * 17 + i * 100 + j * 10 + k) % 1000003
    return h * 100 + b.ispace.volume


@task(privileges=[RW('color')])
def cube_init(b: Region[Cell, 3]):
    for p in b.ispace:
        i, j, k = p
        b.color[i, j, k] = (i * 5 + j * 3 + k) % 4


@task(top_level=True)
def main():
    g = Region([7, 9], Cell)
    init(g)
    board = Partition.by_field(g, 'color', [3])
    for c in range(3):
        lo, hi = board[c].ispace.bounds
        print('piece', c, 'volume', board[c].ispace.volume, 'bounds', lo[0], lo[1], hi[0], hi[1])
    for c in IndexLaunch([3]):
        number(board[c], c)
    d = index_launch([3], digest, board[ID])
    print('digests:', d[0].get(), d[1].get(), d[2].get())
    for c in IndexLaunch([3]):
        stencil(board[c], g)
    print('grid sum:', grid_sum(g).get())
    fill(board[2], 'u', 5)
    print('after fill:', index_launch([3], digest, board[ID], reduce='+').get())
    quads = Partition.equal(board[1], [2, 2])
    print('quadrants:', digest(quads[0, 0]).get(), digest(quads[1, 1]).get())
    bins = Region([10], Bin)
    halves = Partition.equal(bins, [2])
    by_bin = Partition.preimage(g, halves, 'bin', [2])
    e = index_launch([2], digest, by_bin[ID])
    print('by bin:', e[0].get(), e[1].get())
    wide = Partition.halo(halves, 2)
    near = Partition.preimage(g, wide, 'bin')
    print('near:', near[0].ispace.volume, near[1].ispace.volume, digest(near[1]).get())
    for c in IndexLaunch([2]):
        spread(near[c], c)
    print('after reduce:', grid_sum(g).get())
    cube = Region([3, 4, 5], Cell)
    cube_init(cube)
    parts = Partition.by_field(cube, 'color', [4])
    f = index_launch([4], cube_digest, parts[ID])
    print('cube:', f[0].get(), f[1].get(), f[2].get(), f[3].get())


if __name__ == '__main__':
    main()
