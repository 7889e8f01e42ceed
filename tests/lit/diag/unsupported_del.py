# Diagnostic test: del inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    y = x
    # CHECK: {{.*}}unsupported_del.py:[[@LINE+1]]:5: error: del statement is not supported in compiled code
    del y
    return x
