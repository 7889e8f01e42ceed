# Diagnostic test: a float returned from a function annotated -> int64.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> int64:
    # CHECK: {{.*}}return_annot_mismatch.py:[[@LINE+1]]:12: error: return type mismatch in 'f': this return gives float64, but the function returns int64
    return x * 2.0
