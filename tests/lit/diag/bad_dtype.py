# Diagnostic test: np.zeros with a complex dtype.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> None:
    # CHECK: {{.*}}bad_dtype.py:[[@LINE+1]]:27: error: unsupported dtype 'np.complex128'
    a = np.zeros(n, dtype=np.complex128)
