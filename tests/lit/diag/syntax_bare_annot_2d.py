# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
# Several bare annotations in one def (tree-sitter's recovery swallows the
# def): each is reported with a suggestion adapted to its rank/contiguity,
# and an unrelated error further down is still found.
from pyc_task import kernel, float64


@kernel
# CHECK: {{.*}}syntax_bare_annot_2d.py:[[@LINE+2]]:13: error: annotation 'float64[:, :]' is not valid Python syntax for tree-sitter; write 'pt.float64[:, :]', 'Array[float64, 2]' or the string 'float64[:, :]'
# CHECK: {{.*}}syntax_bare_annot_2d.py:[[@LINE+1]]:39: error: annotation 'float64[:, ::1]' is not valid Python syntax for tree-sitter; write 'pt.float64[:, ::1]', 'Array[float64, 2, 'C']' or the string 'float64[:, ::1]'
def copy(a: float64[:, :], n: int) -> float64[:, ::1]:
    # CHECK: {{.*}}syntax_bare_annot_2d.py:[[@LINE+1]]:8: error: annotation 'float64[:, ::1]'
    b: float64[:, ::1] = a
    return b


def broken(x):
    # CHECK: {{.*}}syntax_bare_annot_2d.py:[[@LINE+1]]:14: error: invalid syntax: expected an expression after '+'
    return x +
