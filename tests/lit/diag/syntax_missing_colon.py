# RUN: not %pyc-task check %s 2>&1 | FileCheck %s
def f(n: int) -> int:
    # CHECK: {{.*}}syntax_missing_colon.py:[[@LINE+1]]:16: error: invalid syntax: expected ':'
    while n > 0
        n -= 1
    return n
