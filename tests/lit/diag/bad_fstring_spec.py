# Diagnostic test: an f-string spec that CPython rejects for ints.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> None:
    # CHECK: {{.*}}bad_fstring_spec.py:[[@LINE+1]]:16: error: invalid format spec 'q' for a value of type int64: Unknown format code 'q' for object of type 'int'
    print(f"{n:q}")
