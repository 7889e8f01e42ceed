# Diagnostic test: a plain class constructed in a kernel.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

class Point:
    def __init__(self, x):
        self.x = x

@kernel
def f() -> None:
    # CHECK: {{.*}}not_fieldspace_class.py:[[@LINE+1]]:9: error: class 'Point' is not a @fieldspace class
    p = Point(1.0)
