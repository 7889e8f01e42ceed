# Diagnostic test: every error of a file is reported.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}multiple_errors.py:[[@LINE+1]]:9: error: name 'undefined1' is not defined
    a = undefined1
    # CHECK: {{.*}}multiple_errors.py:[[@LINE+1]]:13: error: string values are not supported in compiled code
    b = x + "s"
    # CHECK: {{.*}}multiple_errors.py:[[@LINE+1]]:9: error: unknown math function 'math.nope'
    c = math.nope(x)
    return x
