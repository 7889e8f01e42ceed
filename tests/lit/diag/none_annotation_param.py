# Diagnostic test: None as a parameter annotation.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@kernel
# CHECK: {{.*}}none_annotation_param.py:[[@LINE+1]]:10: error: None is only supported as a return annotation (-> None)
def f(x: None) -> float64:
    return 0.0
