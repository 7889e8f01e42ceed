# Tests: exact dependences between interleaved sparse pieces (by_field with colors i % 2 and i % 3 in 1-d, column parity in 2-d: disjoint pieces whose bounding boxes overlap, which the runtime no longer orders): rounds of index launches writing each piece and reading a neighbour field of its own points, whole-region tasks reading and writing what the pieces wrote, reductions into pieces of another coloring (key % 3, overlapping the parity pieces), a rectangle task between them; a missing dependence would show as a different output.
from pyc_task import task, fieldspace, int64, Region, R, RW, Reduce
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Node:
    par: int64
    tri: int64
    val: int64
    acc: int64


@fieldspace
class Cell:
    col: int64
    v: int64
    w: int64


@task(privileges=[RW('par', 'tri', 'val', 'acc')])
def init_nodes(n: Region[Node]):
    for i in n.ispace:
        n.par[i] = i % 2
        n.tri[i] = i % 3
        n.val[i] = i
        n.acc[i] = 1


@task(privileges=[RW('val', 'acc')])
def bump(b: Region[Node], r: int64, c: int64):
    for i in b.ispace:
        b.val[i] = (b.val[i] * 3 + b.acc[i] + r + c) % 1000003


@task(privileges=[RW('val', 'acc')])
def mix(n: Region[Node]):
    for i in n.ispace:
        n.acc[i] = (n.acc[i] + n.val[i] * (i % 5 + 1)) % 1000003


@task(privileges=[Reduce('+', 'acc')])
def spread(b: Region[Node], c: int64):
    for i in b.ispace:
        b.acc[i] += c * 7 + i % 4


@task(privileges=[RW('val', 'acc')])
def window(b: Region[Node]):
    for i in b.ispace:
        b.val[i] = (b.val[i] + b.acc[i]) % 1000003


@task(privileges=[R('val', 'acc')])
def piece_sum(b: Region[Node]) -> int64:
    s = 0
    for i in b.ispace:
        s = (s * 31 + b.val[i] + 3 * b.acc[i]) % 1000000007
    return s


@task(privileges=[RW('col', 'v', 'w')])
def init_cells(g: Region[Cell, 2]):
    for p in g.ispace:
        i, j = p
        g.col[i, j] = j % 2
        g.v[i, j] = i * 10 + j
        g.w[i, j] = 1


@task(privileges=[RW('v', 'w')])
def cell_step(b: Region[Cell, 2], r: int64):
    for p in b.ispace:
        i, j = p
        b.v[i, j] = (b.v[i, j] * 5 + b.w[i, j] + r) % 1000003


@task(privileges=[RW('v', 'w')])
def cell_mix(g: Region[Cell, 2]):
    for p in g.ispace:
        i, j = p
        g.w[i, j] = (g.w[i, j] + g.v[i, j] % 97) % 1000003


@task(privileges=[R('v', 'w')])
def cell_sum(b: Region[Cell, 2]) -> int64:
    s = 0
    for p in b.ispace:
        i, j = p
        s = (s * 31 + b.v[i, j] + 7 * b.w[i, j]) % 1000000007
    return s


@task(top_level=True)
def main():
    nn = 3000
    nodes = Region([nn], Node)
    init_nodes(nodes)
    two = Partition.by_field(nodes, 'par', [2])
    three = Partition.by_field(nodes, 'tri', [3])
    quarters = Partition.equal(nodes, [4])
    lo, hi = two[0].ispace.bounds
    lo1, hi1 = two[1].ispace.bounds
    print('parity pieces:', two[0].ispace.volume, lo, hi, two[1].ispace.volume, lo1, hi1)
    for r in range(4):
        for c in IndexLaunch([2]):
            bump(two[c], r, c)
        for c in IndexLaunch([2]):
            bump(two[c], r + 10, c)
        print('round', r, 'after bump:', index_launch([2], piece_sum, two[ID], reduce='+').get())
        mix(nodes)
        for c in IndexLaunch([3]):
            spread(three[c], c)
        for c in IndexLaunch([2]):
            bump(two[c], r + 20, c)
        window(quarters[r])
        print('round', r, 'pieces:', index_launch([2], piece_sum, two[ID], reduce='+').get(),
              index_launch([3], piece_sum, three[ID], reduce='+').get())
    print('whole:', piece_sum(nodes).get())

    g = Region([40, 30], Cell)
    init_cells(g)
    cols = Partition.by_field(g, 'col', [2])
    (a0, b0), (a1, b1) = cols[0].ispace.bounds
    print('column pieces:', cols[0].ispace.volume, a0, b0, a1, b1)
    for r in range(3):
        for c in IndexLaunch([2]):
            cell_step(cols[c], r)
        for c in IndexLaunch([2]):
            cell_step(cols[c], r + 5)
        cell_mix(g)
        print('grid round', r, index_launch([2], cell_sum, cols[ID], reduce='+').get())
    print('grid:', cell_sum(g).get())


if __name__ == '__main__':
    main()
