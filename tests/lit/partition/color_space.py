# P.color_space and FutureMaps in TIR (docs/ir.md 4.10): the color counts
# are partition.colors (ival the axis), `for c in P.color_space` is a FOR
# nest from 0 to them, index_launch(...) without reduce= gives a
# futuremap<T,cdim> (a gather of the point results) read by futuremap.get
# and waited by future.wait; an index_launch statement gives nothing (no
# gather).
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
# RUN: %pyc-task ir %s --stage=tir > %t.tir && %pyc-task ir %t.tir --stage=tir | FileCheck %s
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
from pyc_task import task, fieldspace, int64, Region, R, RW
from pyc_task import Partition, IndexLaunch, index_launch, ID


@fieldspace
class Cell:
    k: int64


@task(privileges=[RW])
def put(b: Region[Cell], c: int64):
    for i in b.ispace:
        b.k[i] = c


@task(privileges=[R])
def get(b: Region[Cell]) -> int64:
    s = 0
    for i in b.ispace:
        s += b.k[i]
    return s


@task(privileges=[R])
def get2(b: Region[Cell, 2]) -> int64:
    return b.ispace.volume


@task(top_level=True)
def main():
    g = Region([12], Cell)
    p = Partition.equal(g, [3])
    # CHECK: partition.colors %{{[0-9]+}}, 0 : i64
    # CHECK: for
    for c in p.color_space:
        put(p[c], c)
    # CHECK: partition.colors %{{[0-9]+}}, 0 : i64
    # CHECK: sub
    lo, hi = p.color_space.bounds
    # CHECK: partition.volume
    print(len(p.color_space), lo, hi)
    # CHECK: index_launch @get(%{{[0-9]+}}, %{{[0-9]+}}) [index 1] : futuremap<i64,1>
    fm = index_launch(p.color_space, get, p[ID])
    # CHECK: future.wait
    fm.wait()
    # CHECK: futuremap.get %{{[0-9]+}}, %{{[0-9]+}} : i64
    print(fm[2].get())
    # CHECK: index_launch @get(%{{[0-9]+}}, %{{[0-9]+}}) [index 1]{{$| !}}
    index_launch([3], get, p[ID])
    g2 = Region([4, 6], Cell)
    p2 = Partition.equal(g2, [2, 3])
    # CHECK: partition.colors %{{[0-9]+}}, 0 : i64
    # CHECK: partition.colors %{{[0-9]+}}, 1 : i64
    # CHECK: index_launch @get2({{.*}}) [index 2] : futuremap<i64,2>
    f2 = index_launch(p2.color_space, get2, p2[ID])
    # CHECK: futuremap.get %{{[0-9]+}}, %{{[0-9]+}}, %{{[0-9]+}} : i64
    print(f2[1, 2].get(), p2.color_space.volume)


# OUT: 3 0 2
# OUT-NEXT: 8
# OUT-NEXT: 4 6

if __name__ == '__main__':
    main()
