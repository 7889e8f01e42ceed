# Diagnostic test: two returns of different types without annotation.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(flag: bool, x: float64):
    if flag:
        return x
    # CHECK: {{.*}}return_mismatch.py:[[@LINE+1]]:12: error: return type mismatch in 'f': this return gives bool, but the function returns float64
    return flag
