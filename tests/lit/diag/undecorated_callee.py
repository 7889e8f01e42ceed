# Diagnostic test: a call of a plain Python function.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

def helper(x):
    return x + 1.0

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}undecorated_callee.py:[[@LINE+1]]:12: error: 'helper' is not a compiled function; decorate it with @kernel to call it from compiled code
    return helper(x)
