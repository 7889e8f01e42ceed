# Diagnostic test: a lambda inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}unsupported_lambda.py:[[@LINE+1]]:9: error: lambda is not supported in compiled code; define a @kernel function at module level
    g = lambda t: t * 2.0
    return x
