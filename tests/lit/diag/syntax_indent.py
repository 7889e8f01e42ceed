# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
def f(n: int) -> int:
    x = n
    # CHECK: {{.*}}syntax_indent.py:[[@LINE+1]]:9: error: unexpected indent
        y = x
    return y
