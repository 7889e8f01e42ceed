# Diagnostic test: an assert whose message is a number.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f(n: int64) -> int64:
    # CHECK: {{.*}}assert_message.py:[[@LINE+1]]:19: error: the message of an assert must be a string literal or an f-string, found int64
    assert n > 0, n
    return n
