# Diagnostic test: keyword arguments in a kernel call.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def add(a: float64, b: float64) -> float64:
    return a + b

@kernel
def f() -> float64:
    # CHECK: {{.*}}kernel_kwargs.py:[[@LINE+1]]:21: error: keyword arguments to compiled function 'add' are not supported
    return add(1.0, b=2.0)
