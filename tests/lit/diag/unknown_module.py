# Diagnostic test: an unsupported module used in a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

import scipy

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}unknown_module.py:[[@LINE+1]]:12: error: module 'scipy' is not supported in compiled code (supported: math, numpy, pyc_task)
    return scipy.special.gamma(x)
