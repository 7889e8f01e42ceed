# Diagnostic test: the result of a None function assigned.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def g() -> None:
    pass

@kernel
def f() -> int64:
    # CHECK: {{.*}}void_assign.py:[[@LINE+1]]:9: error: this value is None
    v = g()
    return 0
