# `check` on a valid program: no output, exit 0. `run` JIT-compiles and runs
# main(); `build` makes an executable that prints the same; -O0 and --time work.
# RUN: %pyc-task check %s 2>&1 | count 0
# RUN: %pyc-task run %s | FileCheck %s
# RUN: %pyc-task run -O0 --boundscheck %s | FileCheck %s
# RUN: %pyc-task build %s -o %t.exe
# RUN: %t.exe | FileCheck %s
# RUN: %pyc-task run --time %s 2>&1 >/dev/null | FileCheck %s --check-prefix=TIME
# CHECK: 55
# CHECK-NEXT: done 2.5
# TIME: time: parse {{[0-9.]+}} ms
# TIME: time: check {{[0-9.]+}} ms
# TIME: time: lower {{[0-9.]+}} ms
# TIME: time: codegen {{[0-9.]+}} ms
# TIME: time: jit {{[0-9.]+}} ms
# TIME: time: run {{[0-9.]+}} ms
# TIME: time: compile {{[0-9.]+}} ms
from pyc_task import kernel, task


@kernel
def total(n: int) -> int:
    s = 0
    for i in range(n + 1):
        s += i
    return s


@task(top_level=True)
def main() -> None:
    print(total(10))
    print("done", 5 / 2)


if __name__ == '__main__':
    main()
