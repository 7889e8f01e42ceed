# Diagnostic test: a list comprehension inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> int64:
    # CHECK: {{.*}}unsupported_comprehension.py:[[@LINE+1]]:10: error: list comprehension is not supported in compiled code; allocate an array
    xs = [i * i for i in range(n)]
    return n
