# Diagnostic test: a local assigned float64 then int64; the note points at the
# first assignment, and the caret at the new value.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s --strict-whitespace
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> float64:
    s = 0.0
    # CHECK: {{.*}}type_change.py:[[@LINE+4]]:9: error: variable 's' changes type from float64 to int64
    # CHECK-NEXT: {{^ *}}[[@LINE+3]] |     s = 1
    # CHECK-NEXT: {{^ *}}|         ^{{$}}
    # CHECK-NEXT: {{.*}}type_change.py:[[@LINE-4]]:5: note: 's' first assigned here as float64
    s = 1
    return s
