# P.color_space as a value (docs/tasks.md "Color spaces"): `cs =
# P.color_space` keeps P's color counts in cs (an i64 local in 1-d, a
# tuple<i64,i64> in 2-d), and every use of cs reads them: `for c in cs` is a
# FOR nest from 0 to them, IndexLaunch(cs) / index_launch(cs, ...) /
# Partition.equal(R, cs) take them as color counts, len(cs) and cs.volume
# multiply them, cs.bounds is (0, counts - 1).
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


# CHECK-LABEL: func @main()
# CHECK: local $cs: i64
# CHECK: local $cs2: i64
# CHECK: local $c2: tuple<i64,i64>
@task(top_level=True)
def main():
    g = Region([12], Cell)
    p = Partition.equal(g, [3])
    # CHECK: [[P:%[0-9]+]] = lget $p
    # CHECK-NEXT: [[N:%[0-9]+]] = partition.colors [[P]], 0 : i64
    # CHECK-NEXT: lset $cs, [[N]]
    cs = p.color_space
    # CHECK: [[END:%[0-9]+]] = lget $cs : i64
    # CHECK: for %{{[0-9]+}} = %{{[0-9]+}} to [[END]] step
    for c in cs:
        put(p[c], c)
    # CHECK: lget $cs : i64
    # CHECK-NEXT: const 0
    # CHECK-NEXT: const 1
    # CHECK-NEXT: sub
    lo, hi = cs.bounds
    print(len(cs), lo, hi, cs.volume)
    # CHECK: [[C:%[0-9]+]] = lget $cs : i64 ![[@LINE+2]]:
    # CHECK: index_launch @get([[C]], %{{[0-9]+}}) [index 1] : futuremap<i64,1>
    fm = index_launch(cs, get, p[ID])
    print(fm[2].get())
    # CHECK: lset $cs2
    cs2 = cs
    # CHECK: [[C2:%[0-9]+]] = lget $cs2 : i64
    # CHECK: partition.equal %{{[0-9]+}}, [[C2]]
    q = Partition.equal(g, cs2)
    # CHECK: [[C3:%[0-9]+]] = lget $cs2 : i64
    # CHECK: index_launch @put([[C3]], %{{[0-9]+}}, %{{[0-9]+}}) [index {{[0-9]+}}]
    for i in IndexLaunch(cs2):
        put(q[i], i)
    g2 = Region([4, 6], Cell)
    p2 = Partition.equal(g2, [2, 3])
    # CHECK: partition.colors %{{[0-9]+}}, 0 : i64
    # CHECK-NEXT: partition.colors %{{[0-9]+}}, 1 : i64
    # CHECK-NEXT: [[T:%[0-9]+]] = tuple %{{[0-9]+}}, %{{[0-9]+}} : tuple<i64,i64>
    # CHECK-NEXT: lset $c2, [[T]]
    c2 = p2.color_space
    # CHECK: tuple.get %{{[0-9]+}}, 0 : i64
    # CHECK-NEXT: tuple.get %{{[0-9]+}}, 1 : i64
    # CHECK: index_launch @get2({{.*}}) [index 2] : futuremap<i64,2>
    f2 = index_launch(c2, get2, p2[ID])
    # CHECK: mul
    print(f2[1, 2].get(), c2.volume, len(c2))
    for pt in c2:
        a, b = pt
        print(a, b)


# OUT: 3 0 2 3
# OUT-NEXT: 8
# OUT-NEXT: 4 6 6
# OUT-NEXT: 0 0
# OUT-NEXT: 0 1
# OUT-NEXT: 0 2
# OUT-NEXT: 1 0
# OUT-NEXT: 1 1
# OUT-NEXT: 1 2

if __name__ == '__main__':
    main()
