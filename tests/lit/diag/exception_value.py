# Diagnostic test: an exception constructed but not raised.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}exception_value.py:[[@LINE+1]]:9: error: exception objects can only be raised in compiled code
    e = ValueError("bad")
    return x
