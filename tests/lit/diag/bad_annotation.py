# Diagnostic test: a parameter annotated with an unsupported type.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
# CHECK: {{.*}}bad_annotation.py:[[@LINE+1]]:10: error: unsupported type annotation 'dict' (dict values do not exist in compiled code); supported: int, float, bool
def f(d: dict) -> None:
    pass
