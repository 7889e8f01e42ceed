# Diagnostic test: recursion before any return type is known.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def fact(n: int64):
    if n > 1:
        # CHECK: {{.*}}recursion_unannotated.py:[[@LINE+1]]:20: error: the return type of recursive function 'fact' is not known at this call
        return n * fact(n - 1)
    return 1
