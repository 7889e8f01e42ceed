# Diagnostic test: a function with a value return that can fall off its end
# gets a warning (not an error: check still succeeds).
# RUN: %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import kernel, float64, int64


# CHECK: {{.*}}missing_return_warning.py:[[@LINE+2]]:5: warning: function 'sign' returns int64 but may reach its end without a return
@kernel
def sign(x: float64) -> int64:
    if x > 0.0:
        return 1
    elif x < 0.0:
        return -1


# CHECK-NOT: warning: function 'loop'
@kernel
def loop(n: int64) -> int64:
    while True:
        n += 1
        if n > 10:
            return n
