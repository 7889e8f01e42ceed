# Diagnostic test: two compiled functions with one name.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> None:
    pass

@kernel
# CHECK: {{.*}}duplicate_function.py:[[@LINE+1]]:5: error: compiled function 'f' is defined twice
def f() -> None:
    pass
