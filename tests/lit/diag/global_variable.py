# Diagnostic test: a module-level array used inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

table = np.zeros(8)

@kernel
def f(i: int64) -> float64:
    # CHECK: {{.*}}global_variable.py:[[@LINE+1]]:12: error: global variable 'table' cannot be used in compiled code
    return table[i]
