# Diagnostic test: a string literal in arithmetic.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}string_in_arith.py:[[@LINE+1]]:16: error: string values are not supported in compiled code
    return x + "1"
