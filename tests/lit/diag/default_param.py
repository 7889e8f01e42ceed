# Diagnostic test: a default parameter value.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
# CHECK: {{.*}}default_param.py:[[@LINE+1]]:30: error: default parameter values are not supported in compiled functions
def f(x: float64, n: int64 = 3) -> float64:
    return x
