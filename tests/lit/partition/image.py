# Partition.image in compiled code: piece c is exactly the set of points
# named by an int64 field over piece c of another partition (as in Legion:
# sparse when not a run; aliased unless proven disjoint).
# The top-level task waits for earlier launches before reading the field.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
from pyc_task import task, fieldspace, int64, Region, RW, Partition, index_launch, ID


@fieldspace
class Node:
    v: int64


@fieldspace
class Edge:
    dst: int64


@task(privileges=[RW])
def wire(e: Region[Edge], c: int64):
    for i in e.ispace:
        e.dst[i] = (i * 3 + c) % 20


@task(top_level=True)
def main():
    nodes = Region([20], Node)
    edges = Region([8], Edge)
    ep = Partition.equal(edges, [2])
    index_launch([2], wire, ep[ID], ID)
    # CHECK: partition.image %{{[0-9]+}}, %{{[0-9]+}}, 0 : partition<region<struct@Node,1>,1,image>
    g = Partition.image(nodes, ep, 'dst', [2])
    # OUT: 0 9 4
    # OUT: 2 19 4
    for q in g:
        lo, hi = q.ispace.bounds
        print(lo, hi, q.ispace.volume)
    # OUT-NEXT: 0 3 6 9
    for i in g[0].ispace:
        print(i, end=' ')
    print()
