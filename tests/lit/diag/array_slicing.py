# Diagnostic test: an array slice.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(a: pt.float64[:]) -> float64:
    # CHECK: {{.*}}array_slicing.py:[[@LINE+1]]:11: error: array slicing is not supported yet
    b = a[1:]
    return 0.0
