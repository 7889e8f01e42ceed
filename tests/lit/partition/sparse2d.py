# Partition.by_field and Partition.preimage of 2- and 3-d regions (sparse
# n-d pieces): the kinds the compiler knows (by_field disjoint; preimage
# disjoint when its target is, else aliased), the loop over a sparse n-d
# piece (one region.point per axis of the k-th point), the points visited in
# row-major order, and the index launch verification that follows.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
# RUN: %pyc-task ir %s --stage=tir > %t.tir && %pyc-task ir %t.tir --stage=tir | FileCheck %s
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
# RUN: %python %s | FileCheck %s --check-prefix=OUT
from pyc_task import task, fieldspace, int64, Region, R, RW, fill
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    color: int64
    ptr: int64
    v: int64


# CHECK-LABEL: func @mark
# CHECK: region.sparse %0 : bool
# CHECK: region.volume %0 : i64
# CHECK: for
# CHECK: region.point %0, %{{[0-9]+}}, 0 : i64
# CHECK-NEXT: region.point %0, %{{[0-9]+}}, 1 : i64
# CHECK-NEXT: tuple
# CHECK: } else {
@task(privileges=[RW('v')])
def mark(b: Region[Cell, 2], c: int64):
    for p in b.ispace:
        i, j = p
        b.v[i, j] = b.v[i, j] * 10 + c + 1


@task(privileges=[R('v')])
def show(b: Region[Cell, 2]):
    for p in b.ispace:
        i, j = p
        print(i, j, b.v[i, j])


@task(privileges=[R('v')])
def count3(b: Region[Cell, 3]) -> int64:
    k = 0
    for p in b.ispace:
        k += p[0] * 100 + p[1] * 10 + p[2]
    return k * 1000 + b.ispace.volume


@task(top_level=True)
def main():
    g = Region([3, 4], Cell)
    for i in range(3):
        for j in range(4):
            g.color[i, j] = (i + j) % 2
            g.ptr[i, j] = i * 4 + j
    # CHECK: partition.by_field %{{[0-9]+}}, %{{[0-9]+}}, 0 : partition<region<struct@Cell,2>,1,by_field>
    board = Partition.by_field(g, 'color', [2])
    for c in IndexLaunch([2]):
        mark(board[c], c)
    # OUT: 6 0 0 2 3
    lo, hi = board[1].ispace.bounds
    print(board[1].ispace.volume, lo[0], lo[1], hi[0], hi[1])
    # OUT-NEXT: 0 0 1
    # OUT-NEXT: 0 2 1
    # OUT-NEXT: 1 1 1
    # OUT-NEXT: 1 3 1
    # OUT-NEXT: 2 0 1
    # OUT-NEXT: 2 2 1
    show(board[0])
    flat = Region([12], Cell)
    thirds = Partition.equal(flat, [3])
    # CHECK: partition.preimage %{{[0-9]+}}, %{{[0-9]+}}, 1 : partition<region<struct@Cell,2>,1,preimage>
    rows = Partition.preimage(g, thirds, 'ptr', [3])
    for c in IndexLaunch([3]):
        mark(rows[c], c)
    # OUT-NEXT: 1 0 22
    # OUT-NEXT: 1 1 12
    quads = Partition.equal(rows[1], [2, 2])
    show(quads[1, 0])
    halo = Partition.halo(thirds, 1)
    # CHECK: partition.preimage %{{[0-9]+}}, %{{[0-9]+}}, 1 : partition<region<struct@Cell,2>,1,preimage.aliased>
    near = Partition.preimage(g, halo, 'ptr')
    # OUT-NEXT: 5 6
    print(near[0].ispace.volume, near[1].ispace.volume)
    fill(board[1], 'v', 7)
    # OUT-NEXT: 0 0 11
    # OUT-NEXT: 0 1 7
    # OUT-NEXT: 0 2 11
    # OUT-NEXT: 0 3 7
    top = Partition.equal(g, [3, 1])
    show(top[0, 0])
    cube = Region([2, 3, 2], Cell)
    for i in range(2):
        for j in range(3):
            for k in range(2):
                cube.color[i, j, k] = (i + j + k) % 3
    # CHECK: partition.by_field %{{[0-9]+}}, %{{[0-9]+}}, 0 : partition<region<struct@Cell,3>,1,by_field>
    parts = Partition.by_field(cube, 'color', [3])
    # OUT-NEXT: 252004 232004 242004
    print(count3(parts[0]).get(), count3(parts[1]).get(), count3(parts[2]).get())

if __name__ == '__main__':
    main()
