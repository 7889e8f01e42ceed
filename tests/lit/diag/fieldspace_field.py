# Diagnostic test: a fieldspace with an array field.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@fieldspace
class Cell:
    u: float64
    # CHECK: {{.*}}fieldspace_field.py:[[@LINE+1]]:8: error: field 'v' of @fieldspace class 'Cell' has type float64{{\[}}:]; fields must be scalars
    v: pt.float64[:]

@kernel
def f(c: Cell) -> float64:
    return c.u
