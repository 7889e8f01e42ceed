# Partition.by_field and Partition.preimage (1-d, sparse pieces): what the
# compiler knows (by_field: disjoint; preimage: disjoint when its target
# partition is, else aliased, as in Legion), how a loop over a piece's index
# space visits a sparse piece's points (region.sparse / region.point), and
# the index launch verification that follows from the kinds.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
# RUN: %pyc-task ir %s --stage=tir > %t.tir && %pyc-task ir %t.tir --stage=tir | FileCheck %s
# RUN: %pyc-task ir %s --stage=taskgraph | FileCheck %s --check-prefix=GRAPH
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
from pyc_task import task, fieldspace, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Node:
    color: int64
    ptr: int64
    v: int64


# CHECK-LABEL: func @mark
# CHECK: region.sparse %0 : bool
# CHECK-NEXT: if
# CHECK: region.volume %0 : i64
# CHECK: for
# CHECK: region.point %0, %{{[0-9]+}}, 0 : i64
# CHECK: } else {
# CHECK: region.bound %0, 0
@task(privileges=[RW('v')])
def mark(b: Region[Node], c: int64):
    for i in b.ispace:
        b.v[i] = c


@task(privileges=[R('v')])
def total(b: Region[Node]) -> int64:
    s = 0
    for i in b.ispace:
        s += b.v[i] * i
    return s


@task(privileges=[RW('color', 'ptr')])
def init(b: Region[Node]):
    for i in b.ispace:
        b.color[i] = i % 3
        b.ptr[i] = (i * 5) % 12


@task(top_level=True)
def main():
    g = Region([12], Node)
    init(g)
    # CHECK: partition.by_field %{{[0-9]+}}, %{{[0-9]+}}, 0 : partition<region<struct@Node,1>,1,by_field>
    p = Partition.by_field(g, 'color', [3])
    # CHECK: partition.preimage %{{[0-9]+}}, %{{[0-9]+}}, 1 : partition<region<struct@Node,1>,1,preimage>
    q = Partition.preimage(g, p, 'ptr', [3])
    h = Partition.halo(Partition.equal(g, [3]), 1)
    # CHECK: partition.preimage %{{[0-9]+}}, %{{[0-9]+}}, 1 : partition<region<struct@Node,1>,1,preimage.aliased>
    a = Partition.preimage(g, h, 'ptr')
    # GRAPH: index launch mark\np[i]: disjoint of g
    for i in IndexLaunch([3]):
        mark(p[i], i)
    # GRAPH: index launch total\nq[i]: disjoint of g
    print(index_launch([3], total, q[ID], reduce='+').get())
    # GRAPH: index launch total\na[i]: aliased of g
    print(index_launch([3], total, a[ID], reduce='+').get())
    for i in IndexLaunch([3]):
        mark(q[i], i)
    print(index_launch([3], total, p[ID], reduce='+').get())


# OUT: 74
# OUT-NEXT: 116
# OUT-NEXT: 70

if __name__ == '__main__':
    main()
