# Diagnostic test: an unknown kernel option.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

# CHECK: {{.*}}kernel_option.py:[[@LINE+1]]:27: error: unknown @kernel option 'vectorize'
@kernel(boundscheck=True, vectorize=True)
def f(x: float64) -> float64:
    return x
