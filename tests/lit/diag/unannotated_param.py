# Diagnostic test: a compiled function parameter without annotation.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
# CHECK: {{.*}}unannotated_param.py:[[@LINE+1]]:19: error: parameter 'n' of compiled function 'f' needs a type annotation
def f(x: float64, n) -> float64:
    return x
