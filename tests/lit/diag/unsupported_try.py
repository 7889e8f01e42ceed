# Diagnostic test: try/except inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}unsupported_try.py:[[@LINE+1]]:5: error: try statement is not supported in compiled code; raise is supported
    try:
        x = x + 1.0
    except ValueError:
        pass
    return x
