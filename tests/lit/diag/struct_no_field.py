# Diagnostic test: a fieldspace field that does not exist.
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
def f(p: P) -> float64:
    # CHECK: {{.*}}struct_no_field.py:[[@LINE+1]]:12: error: 'P' has no field 'z' (fields: x, y)
    return p.z
