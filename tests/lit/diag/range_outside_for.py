# Diagnostic test: range() used as a value.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> int64:
    # CHECK: {{.*}}range_outside_for.py:[[@LINE+1]]:9: error: range() can only be used as the iterable of a for loop
    r = range(n)
    return n
