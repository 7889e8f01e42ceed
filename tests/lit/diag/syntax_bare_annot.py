# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
# A bare slice annotation is a tree-sitter syntax error: say what to write.
from pyc_task import kernel, float64


@kernel
# CHECK: {{.*}}syntax_bare_annot.py:[[@LINE+1]]:14: error: annotation 'float64[:]' is not valid Python syntax for tree-sitter; write 'pt.float64[:]', 'Array[float64, 1]' or the string 'float64[:]'
def total(a: float64[:], n: int) -> float64:
    s = 0.0
    for i in range(n):
        s += a[i]
    return s
