# Diagnostic test: while-else.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> int64:
    while n > 0:
        n -= 1
    else:
        # CHECK: {{.*}}while_else.py:[[@LINE+1]]:9: error: while-else is not supported in compiled code
        n = 5
    return n
