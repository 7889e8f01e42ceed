# Partition.by_field / image / preimage: what compiled code refuses (color
# fields are int64; a pointer field holds points of the region pointed into:
# int64 in 1-d, int2d / int3d in 2-d / 3-d) and the index launch verification
# of a preimage of an aliased partition, each a compile error naming the
# construct.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, float64, int64, int2d, int3d, Region, RW
from pyc_task import Partition, IndexLaunch


@fieldspace
class Node:
    color: int64
    ptr: int64
    v: float64
    at: int2d
    at3: int3d


@task(privileges=[RW('v')])
def mark(b: Region[Node]):
    for i in b.ispace:
        b.v[i] = 1.0


@task(top_level=True)
def main():
    g = Region([12], Node)
    g2 = Region([4, 4], Node)
    # by_field of a 2-d region is accepted (sparse n-d pieces)
    # CHECK-NOT: sparse_fail.py:[[@LINE+1]]:
    Partition.by_field(g2, 'color', [3])
    # CHECK: sparse_fail.py:[[@LINE+1]]:27: error: Partition.by_field: field 'color' is int64; the colors of a 2-d color space are int2d
    Partition.by_field(g, 'color', [3, 2])
    # 2-d colors from an int2d field are accepted
    # CHECK-NOT: sparse_fail.py:[[@LINE+1]]:
    Partition.by_field(g, 'at', [3, 2])
    # CHECK: sparse_fail.py:[[@LINE+1]]:27: error: Partition.by_field: field 'v' is float64; the colors of a 1-d color space are int64
    Partition.by_field(g, 'v', [3])
    e2 = Partition.equal(g2, [2, 2])
    # CHECK: sparse_fail.py:[[@LINE+1]]:31: error: Partition.preimage: field 'ptr' is int64; pointers into a 2-d region are int2d
    Partition.preimage(g, e2, 'ptr')
    # preimage through an int2d field of a partition of a 2-d region is accepted
    # CHECK-NOT: sparse_fail.py:[[@LINE+1]]:
    Partition.preimage(g, e2, 'at')
    # CHECK: sparse_fail.py:[[@LINE+1]]:31: error: Partition.preimage: field 'at3' is tuple[int64, int64, int64]; pointers into a 2-d region are int2d
    Partition.preimage(g, e2, 'at3')
    # CHECK: sparse_fail.py:[[@LINE+1]]:31: error: Partition.preimage: Region[Node, 1] has no field 'nope'
    Partition.preimage(g, e2, 'nope')
    p = Partition.equal(g, [3])
    # image into a 2-d region through an int2d field is accepted
    # CHECK-NOT: sparse_fail.py:[[@LINE+1]]:
    Partition.image(g2, p, 'at')
    # CHECK: sparse_fail.py:[[@LINE+1]]:28: error: Partition.image: field 'ptr' is int64; pointers into a 2-d region are int2d
    Partition.image(g2, p, 'ptr')
    # CHECK: sparse_fail.py:[[@LINE+1]]:27: error: Partition.image: field 'at' is tuple[int64, int64]; pointers into a 1-d region are int64
    Partition.image(g, p, 'at')
    # CHECK: sparse_fail.py:[[@LINE+1]]:37: error: Partition.preimage: the colors are those of p (1-d), found 2
    Partition.preimage(g, p, 'ptr', [3, 1])
    # CHECK: sparse_fail.py:[[@LINE+1]]:5: error: Partition.preimage takes (region, partition, 'pointer field'[, colors])
    Partition.preimage(g, p)
    h = Partition.halo(p, 1)
    a = Partition.preimage(g, h, 'ptr')
    for i in IndexLaunch([3]):
        # CHECK: sparse_fail.py:[[@LINE+1]]:14: error: index launch writes a[i] of aliased partition a (from Partition.preimage at line [[@LINE-2]], the preimage of an aliased partition)
        mark(a[i])
