# Diagnostic test: an int variable divided in place with /.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> int64:
    i = 10
    # CHECK: {{.*}}augassign_truediv.py:[[@LINE+1]]:10: error: variable 'i' changes type from int64 to float64 ('/=' gives float64; use //= for integer division)
    i /= 2
    return i
