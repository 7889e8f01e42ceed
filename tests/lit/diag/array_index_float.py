# Diagnostic test: an array indexed with a float.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(a: pt.float64[:], x: float64) -> float64:
    # CHECK: {{.*}}array_index_float.py:[[@LINE+1]]:14: error: array index must be an integer, found float64
    return a[x]
