# Diagnostic test: bare raise outside except.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    if x < 0.0:
        # CHECK: {{.*}}bare_raise.py:[[@LINE+1]]:9: error: bare 'raise' is not supported in compiled code
        raise
    return x
