# Diagnostic test: a misspelled math function.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}unknown_math.py:[[@LINE+1]]:12: error: unknown math function 'math.sqroot'
    return math.sqroot(x)
