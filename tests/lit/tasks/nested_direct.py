# In a task other than the top-level one, a region used both directly and by a
# launch, fill or copy is an error (no fence inside a task); local regions
# the task does not pass on are fine.
# RUN: not %pyc-task ir %s --stage=tir-opt 2>&1 | FileCheck %s
from pyc_task import task, fieldspace, float64, int64, Region, R, RW, fill


@fieldspace
class Cell:
    u: float64


@task(privileges=[RW])
def child(r: Region[Cell], k: float64) -> None:
    for i in r.ispace:
        r.u[i] += k


@task(privileges=[RW])
def parent(r: Region[Cell]) -> float64:
    child(r, 1.0)
    fill(r, 'u', 2.0)
    # CHECK: nested_direct.py:[[@LINE+2]]:12: error: task 'parent' accesses region 'r' directly and also launches a task on it (line [[@LINE-2]]); in a task other than the top-level one the two may run at the same time: move the access into a task, or the launch into the top-level task
    # CHECK-NOT: ok_parent
    return r.u[0]


@task(privileges=[RW])
def ok_parent(r: Region[Cell]) -> float64:
    t = Region([3], Cell)
    t.u[0] = 4.0
    child(r, 1.0)
    return t.u[0]


@task(top_level=True)
def main():
    r = Region([4], Cell)
    print(parent(r).get(), ok_parent(r).get())
