# Diagnostic test: a tuple indexed with a variable.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(i: int64) -> int64:
    t = (1, 2.0)
    # CHECK: {{.*}}tuple_index_var.py:[[@LINE+1]]:14: error: tuple index must be a constant integer
    return t[i]
