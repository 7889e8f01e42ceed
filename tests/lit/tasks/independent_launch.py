# Launches the task-graph pass proved independent call pyc_launch_ex with
# PYC_LAUNCH_INDEPENDENT (the runtime skips the search for predecessors);
# the others call pyc_launch. In a loop, a launch is proved only if it
# depends on no operation of the loop (their previous iterations run
# before it), not only on the ones before it in the body.
# RUN: %pyc-task ir %s --stage=tir-opt | FileCheck %s --check-prefix=TIR
# RUN: %pyc-task ir %s --stage=llvm | FileCheck %s
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
# RUN: %pyc-task ir %s --stage=taskgraph | FileCheck %s --check-prefix=DOT
from pyc_task import task, fieldspace, float64, Region, R, RW


@fieldspace
class Cell:
    u: float64


@task(privileges=[RW])
def bump(r: Region[Cell]) -> None:
    for i in r.ispace:
        r.u[i] = r.u[i] + 1.0


@task(privileges=[R])
def first(r: Region[Cell]) -> float64:
    return r.u[0]


@task(top_level=True)
def main():
    a = Region([4], Cell)
    b = Region([4], Cell)
    c = Region([4], Cell)
    bump(a)              # proved: nothing touched a before
    bump(b)              # proved
    x = first(a)         # not proved: reads what bump(a) wrote
    total = 0.0
    for k in range(3):
        # Not proved: nothing before the loop touches c, but the previous
        # iteration's bump(c) writes it.
        total += first(c).get()
        bump(c)          # not proved: itself, previous iteration
    print(x.get(), total, first(c).get())

# TIR: launch @bump({{.*}}) [independent]
# TIR: launch @bump({{.*}}) [independent]
# TIR-NOT: [independent]
# TIR: }

# CHECK-LABEL: define void @pyk_main(
# CHECK: call ptr @pyc_launch_ex(ptr {{.*}}, ptr @pyt_bump, {{.*}}, i32 1)
# CHECK: call ptr @pyc_launch_ex(ptr {{.*}}, ptr @pyt_bump, {{.*}}, i32 1)
# CHECK-NOT: @pyc_launch_ex(
# CHECK: call ptr @pyc_launch(ptr {{.*}}, ptr @pyt_first, {{.*}}, i64 8)
# CHECK-NOT: @pyc_launch_ex(
# CHECK: call ptr @pyc_launch(ptr {{.*}}, ptr @pyt_first, {{.*}}, i64 8)
# CHECK-NOT: @pyc_launch_ex(
# CHECK: call ptr @pyc_launch(ptr {{.*}}, ptr @pyt_bump, {{.*}}, i64 0)
# CHECK-NOT: @pyc_launch_ex(
# CHECK: define void @pyt_bump(

# OUT: 1.0 3.0 3.0

# The loop-carried edge from the later bump(c) to first(c):
# DOT: n3 [label="first\nline {{[0-9]+}} (in a loop)"];
# DOT: n4 -> n3 [label="RAW on c.u (next iteration)"];
# DOT: n3 -> n4 [label="WAR on c.u"];
