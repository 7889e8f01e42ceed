# Diagnostic test: a global statement inside a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

COUNT = 0

@kernel
def f() -> None:
    # CHECK: {{.*}}unsupported_global.py:[[@LINE+1]]:5: error: global statement is not supported in compiled code; pass values in as parameters
    global COUNT
