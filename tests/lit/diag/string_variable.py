# Diagnostic test: a str value assigned to a variable.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
def f() -> None:
    # CHECK: {{.*}}string_variable.py:[[@LINE+1]]:12: error: string values are not supported in compiled code; string literals may only appear in print(), raise and assert messages
    name = "pyc"
    print(name)
