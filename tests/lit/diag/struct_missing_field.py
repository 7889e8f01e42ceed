# Diagnostic test: a fieldspace constructed without one of its fields.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@fieldspace
class P:
    x: float64
    y: float64

@kernel
def f() -> float64:
    # CHECK: {{.*}}struct_missing_field.py:[[@LINE+1]]:9: error: 'P' needs a value for field 'x'
    p = P(y=1.0)
    return p.y
