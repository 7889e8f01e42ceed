# Diagnostic test: 'or' of an int and a float.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64, x: float64) -> float64:
    # CHECK: {{.*}}boolop_mixed.py:[[@LINE+1]]:17: error: operands of 'or' must all be bool or all have the same type
    return n or x
