# TIR of the task ops: region.new (owned, kept in a slot), region.load /
# region.store / region.reduce with field numbers, bounds, launches with
# privileges on the callee's parameters, future.get; print -> parse -> print
# is identical.
# RUN: %pyc-task ir %s --stage=tir | FileCheck %s
# RUN: %pyc-task ir %s --stage=tir > %t.tir && %pyc-task ir %t.tir --stage=tir > %t2.tir && diff %t.tir %t2.tir
# RUN: %pyc-task ir %s --stage=tir-opt | FileCheck %s --check-prefix=OPT
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, Reduce, fill


@fieldspace
class Cell:
    u: float64
    n: int64


# CHECK: func @scale(%0 r: region<struct@Cell,1> RW(u), %1 k: f64) -> f64 [task]
@task(privileges=[RW('u')])
def scale(r: Region[Cell], k: float64) -> float64:
    s = 0.0
    # CHECK: region.bound %0, 0 : i64
    # CHECK: region.bound %0, 1 : i64
    for i in r.ispace:
        # CHECK: [[V:%[0-9]+]] = region.load %0, {{%[0-9]+}}, 0 : f64
        # CHECK: region.store %0, {{%[0-9]+}}, {{%[0-9]+}}, 0
        r.u[i] = r.u[i] * k
        s += r.u[i]
    return s


# CHECK: func @count(%0 r: region<struct@Cell,1> reduce.add(n)) -> void [task]
@task(privileges=[Reduce('+', 'n')])
def count(r: Region[Cell]) -> None:
    for i in r.ispace:
        # CHECK: region.reduce %0, {{%[0-9]+}}, {{%[0-9]+}}, 1
        r.n[i] += 1


@task(top_level=True)
def main() -> None:
    # CHECK: region.new {{%[0-9]+}} : region<struct@Cell,1>
    g = Region([4], Cell)
    # CHECK: region.fill {{%[0-9]+}}, {{%[0-9]+}}, 0
    fill(g, 'u', 2.0)
    # CHECK: [[F:%[0-9]+]] = launch @scale({{%[0-9]+}}, {{%[0-9]+}}) : future<f64>
    f = scale(g, 3.0)
    # CHECK: launch @count({{%[0-9]+}})
    count(g)
    # CHECK: future.get {{%[0-9]+}} : f64
    print(f.get())
    # fill g.u came first (RAW on g.u); count touches only g.n: independent.
    # OPT: launch @scale({{%[0-9]+}}, {{%[0-9]+}}) : future<f64> !
    # OPT: launch @count({{%[0-9]+}}) [independent]
