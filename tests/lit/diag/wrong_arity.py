# Diagnostic test: a kernel called with too few arguments.
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
    # CHECK: {{.*}}wrong_arity.py:[[@LINE+1]]:12: error: 'add' takes 2 arguments but 1 was given
    return add(1.0)
