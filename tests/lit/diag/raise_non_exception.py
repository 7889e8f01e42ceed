# Diagnostic test: raise of a number.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    if x < 0.0:
        # CHECK: {{.*}}raise_non_exception.py:[[@LINE+1]]:15: error: raise needs a builtin exception
        raise 5
    return x
