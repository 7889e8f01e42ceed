# Diagnostic test: a 2-D array indexed with one index.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(a: pt.float64[:, :]) -> float64:
    # CHECK: {{.*}}array_rank.py:[[@LINE+1]]:12: error: array of type float64{{\[}}:, :] has 2 dimensions but is indexed with 1 index
    return a[0]
