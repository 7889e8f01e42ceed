# A syntax error: `file:line:col: error:` + source line + caret on stderr,
# exit status 1, for check, ir, run and build alike.
# RUN: %python %S/Inputs/expect_rc.py 1 %pyc-task check %s 2>&1 | FileCheck %s
# RUN: %python %S/Inputs/expect_rc.py 1 %pyc-task ir %s --stage=tir 2>&1 | FileCheck %s
# RUN: %python %S/Inputs/expect_rc.py 1 %pyc-task run %s 2>&1 | FileCheck %s
# RUN: %python %S/Inputs/expect_rc.py 1 %pyc-task build %s -o %t.exe 2>&1 | FileCheck %s
# CHECK: check_error.py:{{[0-9]+}}:{{[0-9]+}}: error:
from pyc_task import task


@task(top_level=True)
def main() -> None:
    x = 1 +
    print(x)
