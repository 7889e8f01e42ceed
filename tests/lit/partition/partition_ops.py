# Partitions and index launches in TIR (docs/ir.md 4.10): the partition type
# records how it was made (equal / restrict / halo), pieces are
# partition.get, IndexLaunch loops and index_launch(...) become one
# index_launch op (ival: cdim | (redop + 1) << 4 | (ID param + 1) << 8).
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
# RUN: %pyc-task ir %s --stage=tir > %t.tir && %pyc-task ir %t.tir --stage=tir | FileCheck %s
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
from pyc_task import task, fieldspace, float64, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    u: float64


@task(privileges=[RW])
def fill_piece(b: Region[Cell], c: int64):
    for i in b.ispace:
        b.u[i] = float(c)


@task(privileges=[R])
def total(b: Region[Cell]) -> float64:
    s = 0.0
    for i in b.ispace:
        s += b.u[i]
    return s


@task(top_level=True)
def main():
    g = Region([12], Cell)
    # CHECK: partition.equal %{{[0-9]+}}, %{{[0-9]+}} : partition<region<struct@Cell,1>,1,equal>
    p = Partition.equal(g, [3])
    # CHECK: partition.halo %{{[0-9]+}}, %{{[0-9]+}} : partition<region<struct@Cell,1>,1,halo>
    h = Partition.halo(p, 1)
    # CHECK: partition.restrict %{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}} : partition<region<struct@Cell,1>,1,restrict>
    r = Partition.restrict(g, [3], [4], [4])
    # CHECK: partition.restrict {{.*}} : partition<region<struct@Cell,1>,1,restrict.aliased>
    a = Partition.restrict(g, [3], [4], [6])
    # CHECK: index_launch @fill_piece(%{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}}) [index 513]
    for i in IndexLaunch([3]):
        fill_piece(p[i], i)
    # CHECK: = index_launch @total(%{{[0-9]+}}, %{{[0-9]+}}) [index 17] : future<f64>
    f = index_launch([3], total, h[ID], reduce='+')
    # CHECK: partition.get %{{[0-9]+}}, %{{[0-9]+}}, 0 : region<struct@Cell,1>
    q = r[1]
    # CHECK: partition.volume
    # CHECK: partition.get %{{[0-9]+}}, %{{[0-9]+}}, 1 : region<struct@Cell,1>
    for piece in a:
        lo, hi = piece.ispace.bounds
        print(lo, hi)
    # OUT: 0 5
    # OUT: 4 9
    # OUT: 8 11
    # OUT: 16.0 4
    print(f.get(), q.ispace.volume)
