# An uncaught exception in the program: `file:line: Kind: message` on stderr
# and exit status 1, in the JIT (run) and in a built executable; output
# printed before the exception is kept.
# RUN: %python %S/Inputs/expect_rc.py 1 %pyc-task run %s > %t.out 2> %t.err
# RUN: FileCheck %s --check-prefix=OUT < %t.out
# RUN: FileCheck %s --check-prefix=ERR < %t.err
# RUN: %pyc-task build %s -o %t.exe
# RUN: %python %S/Inputs/expect_rc.py 1 %t.exe > %t.out2 2> %t.err2
# RUN: FileCheck %s --check-prefix=OUT < %t.out2
# RUN: FileCheck %s --check-prefix=ERR < %t.err2
# OUT: before
# ERR: run_exception.py:[[@LINE+7]]: ValueError: bad value 3
from pyc_task import kernel, task


@kernel
def f(n: int) -> int:
    if n > 2:
        raise ValueError(f"bad value {n}")
    return n


@task(top_level=True)
def main() -> None:
    print("before")
    print(f(3))


if __name__ == '__main__':
    main()
