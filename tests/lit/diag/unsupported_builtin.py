# Diagnostic test: sum() of an array.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(a: pt.float64[:]) -> float64:
    # CHECK: {{.*}}unsupported_builtin.py:[[@LINE+1]]:12: error: builtin 'sum' is not supported in compiled code; accumulate in a for loop
    return sum(a)
