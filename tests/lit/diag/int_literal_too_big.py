# Diagnostic test: an integer literal beyond int64.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> int64:
    # CHECK: {{.*}}int_literal_too_big.py:[[@LINE+1]]:12: error: integer literal 99999999999999999999 does not fit in int64
    return 99999999999999999999
