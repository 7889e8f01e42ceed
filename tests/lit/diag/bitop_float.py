# Diagnostic test: a bitwise and of floats.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64, y: float64) -> float64:
    # CHECK: {{.*}}bitop_float.py:[[@LINE+1]]:12: error: bitwise operator '&' needs integer or bool operands, found float64 and float64
    return x & y
