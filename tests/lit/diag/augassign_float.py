# Diagnostic test: an int variable augmented with a float.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> int64:
    i = 0
    # CHECK: {{.*}}augassign_float.py:[[@LINE+1]]:10: error: variable 'i' changes type from int64 to float64 ('+=' gives float64)
    i += 1.5
    return i
