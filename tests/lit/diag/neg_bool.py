# Diagnostic test: unary minus on a bool.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(b: bool) -> int64:
    # CHECK: {{.*}}neg_bool.py:[[@LINE+1]]:12: error: unary '-' on a bool is not supported
    return -b
