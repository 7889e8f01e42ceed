# Tests: Partition.image is exact, as in Legion (1-d): piece c holds exactly the nodes named by the wires of piece c (circuit style: the ghost nodes of a wire piece are the image of its endpoints), not their bounding rectangle: volume, sum and count of the points of each image piece, a task writing through an image piece (only its points change), fill of an image piece, duplicates and pointers shared by two pieces (aliased), an image of a by_field partition (sparse source pieces).
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, fill
from pyc_task import Partition, index_launch, ID


@fieldspace
class Node:
    owner: int64
    charge: float64


@fieldspace
class Wire:
    src: int64
    dst: int64


@task(privileges=[RW('owner', 'charge')])
def init_nodes(n: Region[Node]):
    for i in n.ispace:
        n.owner[i] = (i * 7) % 3
        n.charge[i] = 0.0


@task(privileges=[RW('src', 'dst')])
def init_wires(w: Region[Wire], nn: int64):
    for i in w.ispace:
        w.src[i] = (i * 5) % nn
        w.dst[i] = ((i // 2) * (i // 2) * 7 + 2 + i % 3) % nn


@task(privileges=[R('owner')])
def count(r: Region[Node]) -> int64:
    return r.ispace.volume


@task(privileges=[R('owner')])
def point_sum(r: Region[Node]) -> int64:
    s = 0
    k = 0
    for i in r.ispace:
        s += i
        k += 1
    return s * 1000 + k


@task(privileges=[RW('charge')])
def bump(r: Region[Node], c: int64):
    for i in r.ispace:
        r.charge[i] += 1.0 + c


@task(privileges=[R('charge')])
def show(n: Region[Node]):
    s = 0.0
    k = 0
    for i in n.ispace:
        s += n.charge[i] * (i + 1)
        if n.charge[i] != 0.0:
            k += 1
    print('charge: checksum', s, 'nodes touched', k)


@task(top_level=True)
def main():
    nn = 30
    pieces = 3
    nodes = Region([nn], Node)
    wires = Region([12], Wire)
    init_nodes(nodes)
    init_wires(wires, nn)
    wp = Partition.equal(wires, [pieces])
    ghost = Partition.image(nodes, wp, 'dst', [pieces])
    for c in range(pieces):
        lo, hi = ghost[c].ispace.bounds
        print('ghost', c, 'volume', ghost[c].ispace.volume, 'bounds', lo, hi)
    sizes = index_launch([pieces], count, ghost[ID])
    sums = index_launch([pieces], point_sum, ghost[ID])
    for c in range(pieces):
        print('piece', c, sizes[c].get(), sums[c].get())
    for c in range(pieces):      # aliased: one launch at a time
        bump(ghost[c], c)
    show(nodes)
    fill(ghost[1], 'charge', 0.5)
    show(nodes)
    srcs = Partition.image(nodes, wp, 'src')
    print('src images:', index_launch([pieces], point_sum, srcs[ID], reduce='+').get())
    owned = Partition.by_field(nodes, 'owner', [pieces])
    back = Partition.preimage(wires, owned, 'src', [pieces])
    again = Partition.image(nodes, back, 'src', [pieces])
    for c in range(pieces):
        print('round trip', c, again[c].ispace.volume, point_sum(again[c]).get(),
              point_sum(owned[c]).get())


if __name__ == '__main__':
    main()
