# Diagnostic test: a local read before its first assignment.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> int64:
    for i in range(n):
        if i > 0:
            # CHECK: {{.*}}used_before_assign.py:[[@LINE+1]]:17: error: variable 'acc' is used before it is assigned
            t = acc + i
        acc = i
    return n
