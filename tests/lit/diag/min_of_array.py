# Diagnostic test: min() of an array.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(a: pt.float64[:]) -> float64:
    # CHECK: {{.*}}min_of_array.py:[[@LINE+1]]:12: error: min() in compiled code takes 2 or more numbers
    return min(a)
