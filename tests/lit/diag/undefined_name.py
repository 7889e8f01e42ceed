# Diagnostic test: a name bound nowhere.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}undefined_name.py:[[@LINE+1]]:16: error: name 'y' is not defined
    return x + y
