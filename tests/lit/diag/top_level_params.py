# Diagnostic test: a top-level task with a parameter.
# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
import math
import numpy as np
import pyc_task as pt
from pyc_task import kernel, task, float64, int64, int32, float32, fieldspace, Array, prange

@task(top_level=True)
# CHECK: {{.*}}top_level_params.py:[[@LINE+1]]:10: error: top-level task 'main' must take no parameters
def main(n: int64) -> None:
    print(n)
