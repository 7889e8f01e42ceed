# Diagnostic test: a def inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}nested_def.py:[[@LINE+1]]:9: error: nested function definitions are not supported in compiled code; define 'helper' at module level
    def helper(y):
        return y
    return x
