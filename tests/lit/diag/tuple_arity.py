# Diagnostic test: unpacking three values into two names.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> int64:
    # CHECK: {{.*}}tuple_arity.py:[[@LINE+1]]:12: error: cannot unpack a tuple of 3 values into 2 targets
    a, b = (1, 2, 3)
    return a
