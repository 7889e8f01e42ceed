# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
from pyc_task import kernel


@kernel
# CHECK: {{.*}}syntax_string_annot.py:[[@LINE+1]]:14: error: invalid syntax in the string annotation 'float64[:, '
def first(a: 'float64[:, ') -> float64:
    return a[0]
