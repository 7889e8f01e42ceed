# Diagnostic test: an import inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(x: float64) -> float64:
    # CHECK: {{.*}}import_in_function.py:[[@LINE+1]]:5: error: import inside a compiled function is not supported; import at module level
    import cmath
    return x
