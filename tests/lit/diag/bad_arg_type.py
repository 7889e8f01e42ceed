# Diagnostic test: a float passed to an int64 parameter (narrowing).
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def twice(n: int64) -> int64:
    return 2 * n

@kernel
def f(x: float64) -> int64:
    # CHECK: {{.*}}bad_arg_type.py:[[@LINE+1]]:18: error: argument 1 of 'twice' has type float64, but parameter 'n' is int64
    return twice(x)
