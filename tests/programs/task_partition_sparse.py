# Tests: Partition.by_field and Partition.preimage (1-d, sparse pieces, as in Legion's circuit: nodes colored by a field, wires by the piece of their input node): index launches writing by_field pieces and reading preimage pieces, for i in piece.ispace over a sparse piece, .volume / .bounds, fill of a sparse piece, an equal partition of a sparse piece, halo of by_field pieces, a preimage of an aliased partition, FutureMap of the piece sizes.
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, fill
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Node:
    owner: int64
    charge: float64
    volt: float64


@fieldspace
class Wire:
    src: int64
    dst: int64
    cur: float64


@task(privileges=[RW('owner', 'charge', 'volt')])
def init_nodes(n: Region[Node], pieces: int64):
    for i in n.ispace:
        n.owner[i] = (i * 7 + i // 3) % pieces
        n.charge[i] = 0.0
        n.volt[i] = 1.0 + 0.125 * (i % 8)


@task(privileges=[RW('src', 'dst', 'cur')])
def init_wires(w: Region[Wire], nn: int64):
    for i in w.ispace:
        w.src[i] = (i * 5) % nn
        w.dst[i] = (i * 11 + 3) % nn
        w.cur[i] = 0.0


@task(privileges=[RW('src', 'dst', 'cur'), R('volt')])
def currents(w: Region[Wire], n: Region[Node]):
    for i in w.ispace:
        w.cur[i] = 0.5 * (n.volt[w.src[i]] - n.volt[w.dst[i]])


@task(privileges=[R('src', 'cur'), RW('charge')])
def collect(w: Region[Wire], mine: Region[Node]):
    for i in w.ispace:
        mine.charge[w.src[i]] += w.cur[i]


@task(privileges=[R('owner', 'charge')])
def summary(mine: Region[Node], c: int64) -> int64:
    k = 0
    for i in mine.ispace:
        if mine.owner[i] != c:
            k += 1000
        k += i
    return k + mine.ispace.volume


@task(privileges=[R('charge')])
def total(mine: Region[Node]) -> float64:
    s = 0.0
    for i in mine.ispace:
        s += mine.charge[i]
    return s


@task(privileges=[R('owner')])
def count(r: Region[Node]) -> int64:
    return r.ispace.volume


@task(privileges=[R('src')])
def wcount(r: Region[Wire]) -> int64:
    return r.ispace.volume


@task(top_level=True)
def main():
    nn = 40
    pieces = 4
    nodes = Region([nn], Node)
    wires = Region([60], Wire)
    init_nodes(nodes, pieces)
    init_wires(wires, nn)
    owned = Partition.by_field(nodes, 'owner', [pieces])
    mywires = Partition.preimage(wires, owned, 'src', [pieces])
    for c in IndexLaunch([pieces]):
        currents(mywires[c], nodes)
    for c in IndexLaunch([pieces]):
        collect(mywires[c], owned[c])
    print('summary:', index_launch([pieces], summary, owned[ID], ID, reduce='+').get())
    print('charge:', index_launch([pieces], total, owned[ID], reduce='+').get())
    sizes = index_launch([pieces], count, owned[ID])
    ws = index_launch([pieces], wcount, mywires[ID])
    for c in range(pieces):
        lo, hi = owned[c].ispace.bounds
        print('piece', c, sizes[c].get(), 'nodes in', lo, hi, 'wires', ws[c].get())
    fill(owned[2], 'charge', 0.5)
    print('after fill:', index_launch([pieces], total, owned[ID], reduce='+').get())
    sub = Partition.equal(owned[1], [2])
    for q in sub:
        lo2, hi2 = q.ispace.bounds
        print('half of piece 1:', q.ispace.volume, lo2, hi2)
    grown = Partition.halo(owned, 1)
    for q in grown:
        lo3, hi3 = q.ispace.bounds
        print('halo:', q.ispace.volume, lo3, hi3)
    near = Partition.preimage(wires, grown, 'dst')
    print('wires by halo:', index_launch([pieces], wcount, near[ID], reduce='+').get())
    empty = Partition.by_field(nodes, 'owner', [6])
    print('empty piece:', empty[5].ispace.volume, index_launch([6], count, empty[ID], reduce='+').get())


if __name__ == '__main__':
    main()
