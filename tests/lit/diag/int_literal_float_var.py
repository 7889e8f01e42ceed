# Diagnostic test: an int literal assigned to a float variable.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> float64:
    s = 0.0
    if n > 3:
        # CHECK: {{.*}}int_literal_float_var.py:[[@LINE+1]]:13: error: variable 's' changes type from float64 to int64
        s = 0
    return s
