# Codegen of tasks: the PycTaskFn wrapper unpacks the argument blob and the
# region array and calls the task body; a launch calls pyc_launch; a loop
# over a region parameter loads the field base pointers once at entry and
# vectorizes; the top-level task ends with a fence.
# RUN: %pyc-task ir %s --stage=llvm | FileCheck %s
# RUN: %pyc-task ir %s --stage=llvm-opt | FileCheck %s --check-prefix=OPT
# RUN: %pyc-task run %s | FileCheck %s --check-prefix=OUT
from pyc_task import task, fieldspace, float64, Region, RW, fill


@fieldspace
class Cell:
    u: float64
    v: float64


@task(privileges=[RW])
def axpy(r: Region[Cell], a: float64) -> float64:
    for i in r.ispace:
        r.v[i] = r.v[i] + a * r.u[i]
    return r.v[3]


@task(top_level=True)
def main():
    r = Region([100], Cell)
    fill(r, 'u', 1.5)
    f = axpy(r, 2.0)
    print(f.get(), r.v[99])

# CHECK-LABEL: define double @pyk_axpy(ptr %r, double %a)
# CHECK-NEXT: entry:
# CHECK: call ptr @pyc_region_field_data(ptr %r, i32 1)
# CHECK: call ptr @pyc_region_field_data(ptr %r, i32 0)
# CHECK-LABEL: define void @pyk_main()
# CHECK: call ptr @pyc_region_new(i32 1,
# CHECK: call void @pyc_region_fill(
# CHECK: call ptr @pyc_launch(ptr @{{.*}}, ptr @pyt_axpy, ptr %args, i64 8, i32 1, ptr %reqs, i64 8)
# CHECK: call i32 @pyc_future_get(
# CHECK: call i32 @pyc_runtime_fence()
# CHECK: call void @pyc_region_release(
# CHECK-LABEL: define void @pyt_axpy(ptr %0, ptr %1, ptr %2)
# CHECK: %region = load ptr, ptr
# CHECK: %arg = load double, ptr
# CHECK: call double @pyk_axpy(ptr %region, double %arg)
# CHECK: store double
# OPT-LABEL: define double @pyk_axpy(
# OPT: fmul <{{[0-9]+}} x double>
# OPT: fadd <{{[0-9]+}} x double>
# OUT: 3.0 3.0
