# Diagnostic test: np.float64[:] as an annotation.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
# CHECK: {{.*}}numpy_subscript_annotation.py:[[@LINE+1]]:10: error: 'np.float64{{\[}}:]' is not an array annotation
def f(a: np.float64[:]) -> float64:
    return 0.0
