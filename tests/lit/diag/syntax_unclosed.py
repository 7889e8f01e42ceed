# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
def f(n: int) -> int:
    # CHECK: {{.*}}syntax_unclosed.py:[[@LINE+1]]:13: error: '(' was never closed
    return g(n, (n + 1)
