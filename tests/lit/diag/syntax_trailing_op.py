# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
# tree-sitter-python accepts an operator at the end of a line outside
# brackets (it joins the next line); Python does not, and neither do we.
def f(n: int) -> int:
    # CHECK: {{.*}}syntax_trailing_op.py:[[@LINE+1]]:11: error: invalid syntax: expected an expression after '*'
    x = n *
    return x
