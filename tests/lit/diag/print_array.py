# Diagnostic test: print of an array.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(a: pt.float64[:]) -> None:
    # CHECK: {{.*}}print_array.py:[[@LINE+1]]:11: error: print() in compiled code takes numbers, bools, tuples of them, string literals and f-strings; found float64{{\[}}:]
    print(a)
