# Diagnostic test: a list literal as a value.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> int64:
    # CHECK: {{.*}}list_value.py:[[@LINE+1]]:10: error: list values are not supported in compiled code; use a tuple, or an array
    xs = [1, 2, 3]
    return 0
