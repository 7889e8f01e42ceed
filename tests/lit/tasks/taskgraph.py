# The top-level task's graph: nodes in program order, edges labelled with
# the dependence kind and the region field; independent launches in bold.
# RUN: %pyc-task ir %s --stage=taskgraph | FileCheck %s
from pyc_task import task, fieldspace, float64, Region, R, RW, Reduce, fill, copy


@fieldspace
class Cell:
    u: float64
    v: float64


@task(privileges=[R('u'), RW('v')])
def smooth(src: Region[Cell], dst: Region[Cell]) -> None:
    for i in dst.ispace:
        dst.v[i] = src.u[i]


@task(privileges=[Reduce('+', 'u')])
def acc(r: Region[Cell]) -> None:
    for i in r.ispace:
        r.u[i] += 1.0


@task(privileges=[R('u')])
def show(r: Region[Cell]) -> float64:
    return r.u[0]


@task(top_level=True)
def main() -> None:
    grid = Region([8], Cell)
    other = Region([8], Cell)
    fill(grid, 'u', 1.0)
    smooth(grid, other)
    acc(grid)
    acc(grid)
    show(other)
    copy(grid, 'u', other, 'u')

# CHECK: digraph taskgraph {
# CHECK: n0 [label="fill grid.u\nline 34", shape=ellipse];
# CHECK: n1 [label="smooth\nline 35"];
# CHECK: n2 [label="acc\nline 36"];
# CHECK: n3 [label="acc\nline 37"];
# CHECK: n4 [label="show\nline 38", style=bold];
# CHECK: n5 [label="copy grid.u -> other.u\nline 39", shape=ellipse];
# CHECK: n0 -> n1 [label="RAW on grid.u"];
# CHECK: n0 -> n2 [label="WAW on grid.u"];
# CHECK: n1 -> n2 [label="WAR on grid.u"];
# CHECK-NOT: n2 -> n3
# CHECK: n2 -> n5 [label="RAW on grid.u"];
# CHECK: n3 -> n5 [label="RAW on grid.u"];
# CHECK: n4 -> n5 [label="WAR on other.u"];
# CHECK: }
