# Diagnostic test: a float stored into an int64 array.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(a: pt.int64[:], x: float64) -> None:
    # CHECK: {{.*}}store_float_in_int_array.py:[[@LINE+1]]:12: error: cannot store a value of type float64 into an element of type int64 (convert explicitly with int(...))
    a[0] = x
